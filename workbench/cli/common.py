"""Shared pieces of the CLI: vault argument, passphrases, output, progress bar."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

from workbench.errors import WorkbenchError
from workbench.messages import render
from workbench.progress import Progress

PASSPHRASE_ENV = "WORKBENCH_PASSPHRASE"
NEW_PASSPHRASE_ENV = "WORKBENCH_NEW_PASSPHRASE"


class CommandFailed(WorkbenchError):
    """A CLI-level failure with a one-line message (exit 1, or 2 for usage), raised as data:
    ``raise CommandFailed.of("cli.out_suffix", exit_code=2, name=n)``."""

    code = "cli"
    exit_code = 1

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    @classmethod
    def of(
        cls, code: str, /, *, exit_code: int = 1, hint_code: str | None = None, **params: Any
    ) -> Self:
        err = super().of(code, hint_code=hint_code, **params)
        err.exit_code = exit_code
        return err


def language(args: argparse.Namespace | None) -> str:
    """The language of messages: ``--lang``, else the settings' language."""
    chosen = getattr(args, "lang", None)
    if chosen:
        return str(chosen)
    from workbench.settings import Settings

    return Settings.load().language


def saved_line(rec: Any, lang: str) -> str:
    """The line saying a plan version was saved, in the user's language; for a draft, that it
    is one and that ``analyze`` will not run it (its errors are printed above)."""
    params = {"name": rec.name, "version": rec.version, "errors": rec.draft_errors}
    return render("cli.plan_saved_draft" if rec.is_draft else "cli.plan_saved", params, lang)


def fail_line(message: str) -> None:
    sys.stderr.write(f"workbench: error: {message.splitlines()[0] if message else 'failed'}\n")


def add_vault_arg(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--vault", required=required, metavar="PATH", help="the vault file")


def help_text(text: str) -> str:
    """A help text built from data (registry names and help sentences) made safe for argparse,
    which reads ``%`` as a format directive."""
    return text.replace("%", "%%")


def add_json_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


#: the passphrase variables, taken out of the environment while a command runs
_taken: dict[str, str] = {}


@contextmanager
def secrets_out_of_environment() -> Iterator[None]:
    """Take ``WORKBENCH_PASSPHRASE`` and ``WORKBENCH_NEW_PASSPHRASE`` out of ``os.environ`` for
    the command's duration: the command reads them from here, and no child process it starts
    (the SAV/DTA helper, chart workers, anything a library spawns) inherits them. They are put
    back afterwards for a caller that runs several commands in one process (the tests)."""
    taken = {k: os.environ.pop(k) for k in (PASSPHRASE_ENV, NEW_PASSPHRASE_ENV) if k in os.environ}
    _taken.update(taken)
    try:
        yield
    finally:
        _taken.clear()
        os.environ.update(taken)


def env_secret(name: str) -> str | None:
    """A passphrase variable, whether or not a command has taken it out of the environment."""
    return _taken.get(name) or os.environ.get(name) or None


def passphrase(
    confirm: bool = False, env: str = PASSPHRASE_ENV, prompt: str = "Passphrase: "
) -> str:
    value = env_secret(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CommandFailed.of("cli.no_passphrase", env=env)
    first = getpass.getpass(prompt)
    if confirm:
        again = getpass.getpass("Repeat: ")
        if again != first:
            raise CommandFailed.of("cli.passphrases_differ")
    if not first:
        raise CommandFailed.of("cli.empty_passphrase")
    return first


def open_service(args: argparse.Namespace):  # -> Workbench (import kept lazy for fast --help)
    from workbench.service import Workbench

    wb = Workbench()
    wb.open_vault(args.vault, passphrase())
    return wb


@contextmanager
def vault_session(args: argparse.Namespace) -> Iterator[Any]:
    """Unlock the vault named by ``--vault`` for one command and always lock it afterwards."""
    wb = open_service(args)
    try:
        yield wb
    finally:
        wb.lock()


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        print("(none)")
        return
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for r in rows:
        print("  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns).rstrip())


class ProgressBar(Progress):
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, label: str = "", stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.label = label
        self._last = -1

    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        if not self.enabled:
            return
        if total:
            pct = int(100 * done / total)
            if pct == self._last:
                return
            self._last = pct
            bar = "#" * (pct // 4)
            self.stream.write(f"\r{self.label} [{bar:<25}] {pct:3d}% {message[:40]:<40}")
        else:
            self.stream.write(f"\r{self.label} {message[:60]:<60}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
