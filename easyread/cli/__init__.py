"""The ``easyread`` command. The library never prints; this package does.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``. ``main(argv)`` returns the exit code, so tests call it
directly.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import EasyreadError, ExitCode
from . import build, check, rules, simplify

__all__ = ["main"]

_COMMANDS = (check, simplify, build, rules)

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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
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
    for module in _COMMANDS:
        module.add_parser(sub)
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
    parser = build_parser()
    args = parser.parse_args(argv)
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
