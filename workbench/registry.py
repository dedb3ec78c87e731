"""A registry of one vocabulary (languages, solutions methods, disclosure presets, report sections,
import formats …): the ordered entries, looked up by their ``code``.

Each vocabulary has exactly one registry, in the layer that owns the concept; the CLI (argparse
choices, help texts, defaults) and the app (combo boxes, check boxes, tooltips, defaults) are both
built from it, so adding an entry is the whole change. An entry's user-facing words are not kept
in the entry: they are message codes of the one message registry
(``workbench/i18n/messages_<lang>.json``)

* ``vocab.<registry>.<code>``: its name, shown in the app and the CLI help;
* ``vocab.<registry>.<code>.help``: one sentence saying what it does (when the registry has help).

so both faces show them in the user's language. ``tests/core/test_core_registries.py`` checks that
every entry of every registry has its texts in every catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, Protocol, TypeVar


class Entry(Protocol):
    @property
    def code(self) -> str: ...


E = TypeVar("E", bound=Entry)


class Registry(Generic[E]):
    """Ordered entries of one vocabulary, by code."""

    def __init__(self, name: str, entries: Iterable[E], *, has_help: bool = False) -> None:
        self.name = name
        self.has_help = has_help
        self._entries: dict[str, E] = {}
        for entry in entries:
            if entry.code in self._entries:
                raise ValueError(f"{name}: the code {entry.code!r} is registered twice")
            self._entries[entry.code] = entry

    def __iter__(self) -> Iterator[E]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def get(self, code: str) -> E:
        """The entry of ``code`` (``KeyError`` for an unknown code: check ``code in registry``)."""
        return self._entries[code]

    def label_code(self, code: str) -> str:
        return f"vocab.{self.name}.{code}"

    def help_code(self, code: str) -> str:
        return f"vocab.{self.name}.{code}.help"

    def message_codes(self) -> list[str]:
        """The message codes the entries need (names; help texts when the registry has them)."""
        out = [self.label_code(c) for c in self.codes]
        if self.has_help:
            out += [self.help_code(c) for c in self.codes]
        return out

    def label(self, code: str, language: str = "en") -> str:
        """The entry's name in ``language`` (the code itself for an unknown code)."""
        from workbench.messages import render  # the messages need the languages: import late

        if code not in self._entries:
            return code
        return render(self.label_code(code), language=language)

    def help(self, code: str, language: str = "en") -> str:
        from workbench.messages import render

        if not self.has_help or code not in self._entries:
            return ""
        return render(self.help_code(code), language=language)

    def describe(
        self, language: str = "en", codes: Iterable[str] | None = None, *, with_help: bool = False
    ) -> str:
        """``code = name; …`` (or ``code = help sentence``) — the CLI help of a choice built
        from this registry."""
        shown = self.codes if codes is None else tuple(codes)
        text = self.help if with_help else self.label
        return "; ".join(f"{c} = {text(c, language).rstrip('.')}" for c in shown)
