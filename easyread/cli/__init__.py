"""The ``easyread`` command. The library never prints; this package does.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``. ``main(argv)`` returns the exit code, so tests call it
directly.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..errors import EasyreadError, ExitCode

__all__ = ["build_parser", "main"]

#: Subcommands (each a module of this package) with their one-line help. A
#: command line imports only the module of its command: ``build`` pulls in the
#: process pool and the renderer's helpers, which ``easyread check FILE`` does
#: not need (tens of milliseconds of its start-up).
_COMMANDS: dict[str, str] = {
    "check": "check texts against easy-read rules",
    "simplify": "turn an ordinary text into an easy-read draft",
    "build": "make large-print HTML and accessible PDF (and check the text)",
    "rules": "list the rules, or explain one",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def _command_of(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, or None (then every one is set up).

    The options before the command (``-v``, ``-q``, ``--version``, ``-h``)
    take no value, so the first other word is the command.
    """
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in _COMMANDS else None
        if arg == "--":
            return None
    return None


DESCRIPTION = """\
easyread makes texts easier to read.

It checks texts against easy-read rules (lahko branje, Easy Read, Leichte
Sprache), helps turn ordinary text into an easy-read draft, and makes
large-print HTML pages and accessible PDF files.
"""

EPILOG = """\
examples:
  easyread check examples/                 check every document in a folder
  easyread check --format json vabilo.md   machine-readable report for CI
  easyread simplify obvestilo.txt -o osnutek.md
  easyread build vabilo.md -o out/         make out/vabilo.html and out/vabilo.pdf
  easyread rules --lang sl                 list the rules for Slovenian

exit codes: 0 = all good, 1 = problems found, 2 = cannot read the input or the options
"""


class _Parser(argparse.ArgumentParser):
    """Argument parser whose errors exit with code 2 and a plain message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"easyread: error: {message}", file=sys.stderr)
        print("  run `easyread --help` to see what is possible", file=sys.stderr)
        raise SystemExit(ExitCode.USAGE)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with all subcommands.

    With ``command``, only that subcommand's module is imported; the others
    get a placeholder with their name and help (the same usage and choices).
    """
    parser = _Parser(
        prog="easyread",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"easyread {__version__}"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="say more about what happens (repeat for more)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only problems and errors"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_text in _COMMANDS.items():
        if command is None or name == command:
            _module(name).add_parser(sub)
        else:
            sub.add_parser(name, help=help_text)
    return parser


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("easyread: %(levelname)s: %(message)s"))
    log = logging.getLogger("easyread")
    log.handlers = [
        h
        for h in log.handlers
        if not isinstance(h, logging.StreamHandler)
        or isinstance(h, logging.NullHandler)
    ]
    log.addHandler(handler)
    log.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(arguments))
    args = parser.parse_args(arguments)
    if not getattr(args, "command", None):
        parser.print_help()
        return ExitCode.USAGE
    _setup_logging(args.verbose, args.quiet)
    try:
        return int(args.run(args))
    except EasyreadError as exc:
        print(f"easyread: error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("easyread: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:  # last resort: never show users a traceback
        logging.getLogger("easyread").debug("internal error", exc_info=True)
        print(
            f"easyread: internal error: {type(exc).__name__}: {exc}\n"
            "  this is a bug in easyread, not in your file: run again with -vv to see "
            "the details, and please report it",
            file=sys.stderr,
        )
        return ExitCode.USAGE
