"""Command line: ``workbench <command> --vault PATH …``.

Exit codes: 0 success; 1 a user-facing error (one line on stderr, never a traceback); 2 usage.
No library warning is ever printed (imports turn theirs into findings); output cut short by its
reader (``workbench library list | head -1``) ends quietly with exit 0.
Each area registers its sub-commands from its own module (``workbench/cli/<area>.py`` with a
``register(subparsers)`` function); this module holds only the frame they share.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
import warnings
from collections.abc import Sequence

from workbench import __version__
from workbench.cli.common import (
    CommandFailed,
    fail_line,
    language,
    secrets_out_of_environment,
)
from workbench.errors import WorkbenchError
from workbench.languages import LANGUAGES
from workbench.messages import render

#: modules that register sub-commands, in the order they appear in ``--help``
COMMAND_MODULES = (
    "vault", "datasets", "checks", "clean", "sample", "library", "plan", "analyze", "rounds",
    "report", "demo", "audit", "share",
)  # fmt: skip

log = logging.getLogger("workbench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Durable Solutions Workbench: encrypted, offline analysis of IDP surveys.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES.codes, help=LANG_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(f"workbench.cli.{name}")
        except ModuleNotFoundError as exc:  # an area not built yet must not break the others
            if exc.name and exc.name.startswith("workbench.cli"):
                continue
            raise
        mod.register(sub)
    _lang_everywhere(sub)
    return parser


LANG_HELP = "language of error messages and findings (default: the settings' language)"


def _lang_everywhere(sub: argparse._SubParsersAction) -> None:
    """Accept ``--lang`` after a command too (``workbench vault info --lang fr``); the
    sub-command's option only sets the language when given."""
    for parser in sub.choices.values():
        if "--lang" not in parser._option_string_actions:
            parser.add_argument(
                "--lang", choices=LANGUAGES.codes, default=argparse.SUPPRESS, help=LANG_HELP
            )
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _lang_everywhere(action)


def main(argv: Sequence[str] | None = None) -> int:
    warnings.simplefilter("ignore")  # never printed; imports record theirs as findings
    try:
        return _main(argv)
    except BrokenPipeError:
        return _output_closed()


def _output_closed() -> int:
    """The reader of our output went away (``| head``): stop quietly. Later writes, including the
    interpreter's last flush, go to the null device so no "Exception ignored" line follows."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, stream.fileno())
            os.close(null)
    return 0


def _main(argv: Sequence[str] | None) -> int:
    with secrets_out_of_environment():  # before anything can start a child process
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    from workbench.service import Workbench

    Workbench.harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    lang = language(args)
    try:
        rc = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the frame
        return int(rc or 0)
    except BrokenPipeError:
        raise
    except CommandFailed as exc:
        fail_line(exc.render(lang))
        return exc.exit_code
    except WorkbenchError as exc:
        fail_line(exc.render(lang))
        return 1
    except KeyboardInterrupt:
        fail_line(render("error.interrupted", language=lang))
        return 1
    except Exception as exc:
        log.debug("unexpected error", exc_info=True)
        fail_line(render("error.unexpected", {"kind": f"{type(exc).__name__}: {exc}"}, lang))
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
