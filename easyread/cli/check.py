"""``easyread check``: filled in by the checker (issue 3)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser("check", help="check texts against easy-read rules", description="Check texts against easy-read rules.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs; - reads standard input")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand."""
    from ..loader import load
    from ._common import expand_paths

    for path in expand_paths(args.paths):
        doc = load(path)
        print(f"{doc.source.name}: {len(doc.sentences)} sentences, {len(doc.words)} words")
    return 0
