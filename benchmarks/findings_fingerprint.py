"""A hash of everything ``easyread check`` reports, to prove an optimisation changed nothing.

Run from the repository root before and after a change and compare::

    .venv/bin/python benchmarks/findings_fingerprint.py
    .venv/bin/python benchmarks/findings_fingerprint.py --bench-docs 300 -v

It checks every document in ``tests/corpus/**`` and ``examples/`` with the
``strict`` and the ``plain`` profile, plus (``--bench-docs``) the first
documents of the benchmark corpus (``bench_check.build_corpus``: the same
texts, shuffled and with other numbers, so more dates, times and line breaks).
Each finding contributes its path, rule, line, column, end, severity, message
and suggestion; the document statistics (``easyread.metrics``) are hashed too,
since the check report prints them. Files whose language the front matter does
not give (the ``.txt`` announcements) take it from their folder name.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

PROFILES = ("strict", "plain")


def _documents(bench_docs: int, tmp: Path) -> list[Path]:
    paths = [
        p
        for p in sorted((ROOT / "tests" / "corpus").rglob("*"))
        if p.suffix in (".md", ".txt")
    ]
    paths += sorted((ROOT / "examples").glob("*.md"))
    if bench_docs:
        from bench_check import build_corpus

        build_corpus(tmp, bench_docs)
        paths += sorted(tmp.rglob("*.md"))
    return paths


def _lines(paths: Iterable[Path], tmp: Path) -> Iterable[tuple[str, str]]:
    """(kind, line) for every finding and every statistics record."""
    from easyread.errors import LanguageNotSupported
    from easyread.loader import load
    from easyread.metrics import document_stats
    from easyread.rules.engine import check_document

    for path in paths:
        name = (
            f"bench/{path.relative_to(tmp)}"
            if path.is_relative_to(tmp)
            else str(path.relative_to(ROOT))
        )
        try:
            doc = load(path)
        except LanguageNotSupported:
            doc = load(path, lang=path.parent.name)
        yield "stats", f"{name}\t{json.dumps(document_stats(doc), sort_keys=True)}"
        for profile in PROFILES:
            for f in check_document(doc, profile):
                yield (
                    "finding",
                    "\t".join(
                        map(
                            str,
                            (
                                name,
                                profile,
                                f.rule,
                                f.location.line,
                                f.location.column,
                                f.end.line,
                                f.end.column,
                                f.severity,
                                f.message,
                                f.suggestion,
                            ),
                        )
                    ),
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bench-docs",
        type=int,
        default=200,
        help="also check this many benchmark documents (default 200; 0 = none)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print every line hashed"
    )
    parser.add_argument("--dump", metavar="FILE", help="write every hashed line here")
    args = parser.parse_args(argv)
    findings = hashlib.sha256()
    stats = hashlib.sha256()
    n_findings = n_docs = 0
    dump: list[str] = []
    with tempfile.TemporaryDirectory(prefix="easyread-fp-") as tmp:
        paths = _documents(args.bench_docs, Path(tmp))
        for kind, line in _lines(paths, Path(tmp)):
            (findings if kind == "finding" else stats).update(line.encode() + b"\n")
            n_findings += kind == "finding"
            n_docs += kind == "stats"
            if args.verbose:
                print(line)
            if args.dump:
                dump.append(f"{kind}\t{line}")
    if args.dump:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    print(f"documents {n_docs}, findings {n_findings}")
    print(f"findings {findings.hexdigest()}")
    print(f"stats    {stats.hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
