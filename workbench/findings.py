"""Findings: checks return data, not exceptions (frictionless-style).

A finding has a stable ``code``, a ``severity`` (``error`` blocks, ``warning`` may be accepted with
a written justification, ``info`` is informational), ``params`` for the message template, and
``where`` (dataset, column, indicator, group …). The code's message template is registered in
``workbench/i18n/messages_<lang>.json``; a check builds a finding with :meth:`Finding.of` (code,
severity, ``where`` and parameters — never a sentence) and the CLI prints :meth:`Finding.text`
and the app :meth:`Finding.render` in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls, code: str, severity: Severity, /, *, where: dict[str, str] | None = None, **params: Any
    ) -> Finding:
        """A finding whose English ``message`` is the registry's template for ``code`` (or
        ``code@severity``) filled from ``params`` then ``where`` — checks write no sentence.

        Raises ``KeyError`` when no registered wording fits: a programming error the tests catch."""
        from workbench.findings_i18n import worded

        place = dict(where or {})
        message = worded(code, severity, {**place, **params}, "en")
        if message is None:
            raise KeyError(f"no registered wording of {code!r} fits {sorted(params)}")
        return cls(code, severity, message, params, place)

    def render(self, language: str = "en") -> str:
        """The message in ``language``, from the message registry (see findings_i18n)."""
        from workbench.findings_i18n import localized

        return localized(self, language)

    def text(self, language: str = "en") -> str:
        """The CLI's line: severity word, code, message and where, in ``language`` (the code
        and the where's values — names from the files, TOML sections — as they are; in a
        right-to-left language they are kept left to right)."""
        from workbench.languages import is_rtl
        from workbench.messages import LRI, PDI, is_registered, render

        def iso(text: str) -> str:
            return f"{LRI}{text}{PDI}" if is_rtl(language) else text

        def key(name: str) -> str:
            code = f"finding.where.{name}"
            return render(code, language=language) if is_registered(code) else name

        comma = render("finding.where_separator", language=language)
        loc = comma.join(f"{key(k)}={iso(str(v))}" for k, v in self.where.items())
        severity = render(f"finding.severity.{self.severity}", language=language)
        line = f"{severity} {iso(self.code)}: {self.render(language)}"
        return line + (f" [{loc}]" if loc else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "params": {k: _plain(v) for k, v in self.params.items()},
            "where": dict(self.where),
        }


def _plain(value: Any) -> Any:
    """A parameter as JSON holds it: a text in several languages (a title, a group's label)
    becomes its language → text mapping, which the message registry renders in the sentence's
    language (findings_i18n)."""
    texts = getattr(value, "values", None)
    if isinstance(texts, Mapping) and callable(getattr(value, "render", None)):
        return dict(texts)
    return value


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "warning"]
