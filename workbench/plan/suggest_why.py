"""Why a column is suggested for an input, as registered messages the faces render in the
user's language (``plan suggest --lang fr``, the app's candidate list); ``str()`` of a reason is
its English text (plan notes, benchmarks).

A reason is one message, ``plan.why``, whose ``parts`` are the pieces of evidence (the column's
name, its label's words, what its values say, …), rendered one after the other.
"""

from __future__ import annotations

from typing import Any

from workbench.messages import Message

#: how the household key was found (``suggest_link.Link.how``) → its reason's code
KEY_CODES = {
    "declared": "plan.why_key_declared",
    "matched": "plan.why_key_matched",
    "submission": "plan.why_key_submission",
    "unique": "plan.why_key_unique",
}


def part(code: str, /, **params: Any) -> Message:
    """One piece of evidence (``plan.why_*``)."""
    return Message.of(code, **params)


def reason(*parts: Message) -> Message:
    """The reason made of ``parts``."""
    return Message.of("plan.why", parts=tuple(parts))


def parts_of(why: Message) -> tuple[Message, ...]:
    return tuple(why.params.get("parts", ())) if why.code == "plan.why" else (why,)


def more(why: Message, *parts: Message) -> Message:
    """``why`` with more evidence after it."""
    return reason(*parts_of(why), *parts)


def key_reason(how: str, member_column: str | None) -> Message:
    """Why a household key found from the data is the household id."""
    if how == "roster":
        return reason(part("plan.why_key_roster", column=member_column or ""))
    return reason(part(KEY_CODES.get(how, "plan.why_key_unique")))


def values_cue(why: Message) -> Message:
    """What the values say, from a reason made on them alone (``values: …``)."""
    cue = next((p.params.get("cue") for p in parts_of(why) if p.code == "plan.why_values"), None)
    return cue if isinstance(cue, Message) else why


def note_of(confidence: float, why: Message, values_only: bool = False) -> Message:
    """The suggestion's note (a mapping's note says it in English; the mapping editor in the
    user's language): its confidence and why, or what its values alone say."""
    if values_only:
        return Message.of("plan.suggest_values_only", cue=values_cue(why))
    return Message.of("plan.suggest_note", confidence=f"{confidence:.2f}", why=why)
