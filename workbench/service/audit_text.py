"""An audit entry in plain words, in the user's language (issue 21 finding 7: the app showed
the raw JSON). Each action has a sentence in the message catalogues (``audit.entry.<action>``),
filled from the entry's object and parameters; the words of a parameter value (the unlock
method, the export's kind and audience) are ``value.audit_<param>.<value>`` codes. An action
without a sentence, or an entry missing a parameter its sentence needs, is shown as the action,
its object and its simple parameters — never as JSON."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from workbench.messages import Message, is_registered, render

#: parameters whose values have words of their own (value.audit_<param>.<value>)
WORDED = ("method", "kind", "audience", "unit")
#: parameters never shown in the plain fallback (hashes and ids lead nowhere for a reader)
HIDDEN = {"sha256", "fingerprint", "export_id", "pid", "head", "source"}


def _file_names(files: Any) -> str:
    names = []
    for f in files if isinstance(files, list) else [files]:
        path = f.get("path") if isinstance(f, dict) else f
        if path:
            names.append(PurePath(str(path)).name)
    return ", ".join(names)


def _values(obj: str, params: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {"object": obj}
    for key, value in params.items():
        if key in WORDED and isinstance(value, str) and is_registered(f"value.audit_{key}.{value}"):
            values[key] = Message(f"value.audit_{key}.{value}")
        elif key == "files":
            values[key] = _file_names(value)
        elif key in ("file", "from") and value:
            values[key] = PurePath(str(value)).name
        elif key in ("first_failed", "last_failed") and isinstance(value, str):
            values[key] = value[:16].replace("T", " ") + " UTC"
        elif isinstance(value, str | int | float | bool):
            values[key] = value
    return values


def _code(action: str, params: dict[str, Any]) -> str:
    if action == "vault.unlock" and params.get("failed_attempts"):
        return "audit.entry.vault.unlock_after_failures"
    if action == "vault.check":
        return "audit.entry.vault.check_ok" if params.get("ok") else "audit.entry.vault.check_bad"
    if action == "plan.save" and params.get("draft_errors"):
        return "audit.entry.plan.save_draft"
    return f"audit.entry.{action}"


def describe(action: str, obj: str, params: dict[str, Any], language: str = "en") -> str:
    """One sentence for an audit entry."""
    values = _values(obj, params)
    code = _code(action, params)
    if is_registered(code):
        try:
            return render(code, values, language)
        except KeyError:
            pass  # a parameter the sentence needs is missing: the plain fallback below
    simple = ", ".join(
        f"{k}: {v}" for k, v in params.items()
        if k not in HIDDEN and isinstance(v, str | int | float | bool) and v != ""
    )  # fmt: skip
    return render("audit.entry.other", {"action": action, "object": obj, "details": simple},
                  language)  # fmt: skip
