"""Why a candidate column is held for review however confident (issue 22, honest confidence).

Some columns look right by every word they share with an input and are still not it: a village
for the household's district, every room for the rooms used for sleeping, "completed primary"
(exactly) for "primary or higher", the floor material for a durable dwelling (judged on its
walls), a household's phone for a member's own phone, or one column two inputs of the same
indicator both claim. A confidence cannot tell these apart (no survey in the fit has enough of
them); the rules in ``suggest_data/held.toml`` and here name them, so the candidate is offered
for review with the reason, never accepted silently.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from workbench.messages import Message
from workbench.plan.suggest_columns import ColumnProfile, InputText
from workbench.plan.suggest_text import tokens

DATA = Path(__file__).parent / "suggest_data" / "held.toml"


@cache
def _rules() -> dict[str, dict[str, Any]]:
    with DATA.open("rb") as f:
        return tomllib.load(f)


def _words(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(t for text in texts for t in tokens(text))


def _phrases(texts: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each word or phrase of a rule with its tokens, as a column's words are read."""
    return tuple((text, tuple(tokens(text))) for text in texts if tokens(text))


def _says(words: list[str], phrases: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The first phrase whose tokens all appear, side by side, among ``words``."""
    for text, toks in phrases:
        n = len(toks)
        if any(tuple(words[i : i + n]) == toks for i in range(len(words) - n + 1)):
            return text
    return None


def column_words(col: ColumnProfile) -> list[str]:
    """What a column says about itself: its name and its label (or its option's), not its
    answers (a list of villages is no reason to call a region column a village)."""
    return [*col.name_toks, *col.text_toks]


@dataclass(frozen=True)
class Held:
    """The dataset-wide facts the rules need, read once per suggestion."""

    #: input → the datasets holding a yes/no column for a level higher than the input's
    higher: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, columns: Iterable[ColumnProfile]) -> Held:
        cols = list(columns)
        higher: dict[str, frozenset[str]] = {}
        for name, rule in _rules().get("or_higher", {}).items():
            up = _phrases(rule["higher"])
            higher[name] = frozenset(
                c.dataset for c in cols if _yes_no(c) and _says(column_words(c), up)
            )
        return cls(higher)

    def why(self, inp: InputText, col: ColumnProfile) -> Message | None:
        """The reason ``col`` is not accepted for ``inp`` without review, or None."""
        words = column_words(col)
        rules = _rules()
        finer = rules.get("finer", {}).get(inp.name)
        if finer is not None:
            word = _says(words, _phrases(finer["words"]))
            if word is not None:
                return Message.of(finer["message"], column=col.name, word=word)
        need = rules.get("requires", {}).get(inp.name)
        if need is not None:
            when = _says(words, _phrases(need["when"]))
            if when is not None and _says(words, _phrases(need["words"])) is None:
                return Message.of(need["message"], column=col.name, word=when)
        rule = rules.get("or_higher", {}).get(inp.name)
        if (
            rule is not None
            and _yes_no(col)
            and col.dataset in self.higher.get(inp.name, frozenset())
            and _says(words, _phrases(rule["higher"])) is None
        ):
            level = _says(words, _phrases(rule["level"]))
            if level is not None:
                return Message.of(rule["message"], column=col.name, word=level)
        judged = rules.get("judged_on", {}).get(inp.name)
        if judged is not None and _says(words, _phrases(judged["main"])) is None:
            part = _says(words, _phrases(judged["other"]))
            if part is not None:
                return Message.of(judged["message"], column=col.name, word=part)
        own = rules.get("member_own", {}).get(inp.name)
        if own is not None and inp.unit == "individual" and col.unit == "household":
            return Message.of(own["message"], column=col.name)
        return None


def _yes_no(col: ColumnProfile) -> bool:
    return col.yes_no or col.values.zero_one


def same_indicator(indicators: Iterable[Iterable[str]]) -> dict[str, frozenset[str]]:
    """Input → the other inputs it shares an indicator with."""
    out: dict[str, set[str]] = {}
    for inputs in indicators:
        names = set(inputs)
        for n in names:
            out.setdefault(n, set()).update(names - {n})
    return {n: frozenset(others) for n, others in out.items()}
