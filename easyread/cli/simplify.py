"""``easyread simplify``: turn an ordinary announcement into an easy-read draft.

The draft is Markdown with front matter that ``easyread build`` renders. The
fact guard compares it with the source: when a date, time, number, amount,
phone number, e-mail, URL or name is missing (or one was invented), the draft
is not written unless ``--force`` is given.

Exit codes: 0 = draft ready, 1 = the fact guard found a problem (draft not
written unless ``--force``), 2 = the input or an option is wrong.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from .._files import same_file, write_atomic
from ..errors import DocumentError, ExitCode, LanguageNotSupported
from ..model import Document, Finding, Severity

__all__ = ["add_parser", "run"]

EPILOG = """\
examples:
  easyread simplify obvestilo.txt --lang sl -o osnutek.md
  easyread simplify vabilo.txt --template invitation -o vabilo.md
  easyread simplify obvestilo.txt --diff             what changes, as a diff
  easyread simplify obvestilo.txt --format json      edits, facts, guard, stats
  easyread simplify --list                           the transforms, in order
  easyread check --source obvestilo.txt osnutek.md   check a draft made by hand

exit codes: 0 = draft ready, 1 = the fact guard found a lost or invented fact
(the draft is not written unless --force), 2 = the input or an option is wrong
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "simplify",
        help="turn an ordinary text into an easy-read draft",
        description="Turn an ordinary announcement into an easy-read draft (Markdown with "
        "front matter) and show what a person must still decide.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "input",
        nargs="?",
        metavar="INPUT",
        help="a .txt or .md file; - reads standard input",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="DRAFT",
        help="write the draft here (default: standard output)",
    )
    p.add_argument(
        "--lang", help="language of the input (sl, en, de); overrides the front matter"
    )
    p.add_argument("--profile", help="strict (default), plain or a profile YAML file")
    p.add_argument(
        "--template",
        choices=["invitation", "activity", "announcement"],
        help="the kind of document (default: from the front matter, else guessed from the facts)",
    )
    p.add_argument("--glossary", action="append", default=[], metavar="FILE",
                   help="your own glossary YAML (entries, and optional abbreviations:/acronyms:); repeatable")  # fmt: skip
    p.add_argument("--disable", action="append", default=[], metavar="NAME",
                   help="switch a transform off (repeatable); see --list")  # fmt: skip
    p.add_argument("--only", action="append", default=None, metavar="NAME",
                   help="run only these transforms (repeatable)")  # fmt: skip
    p.add_argument(
        "--diff", action="store_true", help="print a unified diff of source and draft"
    )
    p.add_argument(
        "--format",
        choices=["markdown", "json"],
        default="markdown",
        help="output format",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write the draft even if the fact guard fails",
    )
    p.add_argument("--list", action="store_true", help="list the transforms and exit")
    p.set_defaults(run=run)


def _list(out: TextIO, profile: str | None) -> int:
    from ..profiles import load_profile
    from ..simplify.pipeline import available, resolve_order

    prof = load_profile(profile or "strict")
    order = resolve_order(prof.transforms)
    known = available()
    print(f"transforms of the {prof.name} profile, in order:", file=out)
    for i, name in enumerate(order, 1):
        print(f"  {i:2d}. {name:14s} {known[name].description}", file=out)
    others = sorted(set(known) - set(order))
    if others:
        print("not in this profile: " + ", ".join(others), file=out)
    return ExitCode.OK


def _stats(doc: Document, profile: Any) -> dict[str, Any]:
    """Words per sentence and checker findings by severity (when the checker is there)."""
    out: dict[str, Any] = {}
    try:
        from ..metrics import document_stats

        m = document_stats(doc)
        out.update(
            {k: m.get(k) for k in ("words", "sentences", "words_per_sentence", "lix")}
        )
    except Exception:  # metrics are optional for the simplifier
        words = len(doc.words)
        sentences = max(len(doc.sentences), 1)
        out.update(
            {
                "words": words,
                "sentences": len(doc.sentences),
                "words_per_sentence": round(words / sentences, 2),
            }
        )
    try:
        from ..rules.engine import check_document

        findings = check_document(doc, profile)
        counts = Counter(str(f.severity) for f in findings)
        out["findings"] = {
            str(s): counts.get(str(s), 0) for s in sorted(Severity, reverse=True)
        }
        out["findings_total"] = len(findings)
        words = out.get("words") or len(doc.words) or 1
        out["findings_per_100_words"] = round(100 * len(findings) / words, 1)
    except ImportError:
        pass
    return out


def _finding_line(f: Finding) -> str:
    where = f"{f.path}:{f.location.line}:{f.location.column}"
    return f"{where}: {f.severity}: {f.message} [{f.rule}]"


def _report(
    out: TextIO,
    result: Any,
    before: dict[str, Any],
    after: dict[str, Any],
    written: str | None,
) -> None:
    print(
        f"easyread simplify: template {result.template}; transforms: {', '.join(result.transforms)}",
        file=out,
    )
    if before:
        keys = (
            "words",
            "sentences",
            "words_per_sentence",
            "findings_total",
            "findings_per_100_words",
        )
        print("                      source    draft", file=out)
        for key in keys:
            if key in before or key in after:
                print(
                    f"  {key:20s} {before.get(key, '-')!s:>8} {after.get(key, '-')!s:>8}",
                    file=out,
                )
        if "findings" in before:
            for sev in before["findings"]:
                print(
                    f"  {sev + ' findings':20s} {before['findings'][sev]:>8} {after['findings'][sev]:>8}",
                    file=out,
                )
    by = Counter(e.transform for e in result.edits)
    print(
        f"edits: {len(result.edits)} ("
        + ", ".join(f"{k} {v}" for k, v in by.items())
        + ")",
        file=out,
    )
    if result.guard:
        print(f"fact guard: {len(result.guard)} problem(s):", file=out)
        for f in result.guard:
            print("  " + _finding_line(f), file=out)
    else:
        print(
            "fact guard: every fact of the source is in the draft, and none is new",
            file=out,
        )
    notes = [f for f in result.unresolved if f.rule.startswith("simplify.")]
    rest = [f for f in result.unresolved if not f.rule.startswith("simplify.")]
    if notes or rest:
        print(f"a person must decide ({len(notes) + len(rest)}):", file=out)
        for f in notes:
            print("  " + _finding_line(f), file=out)
        if rest:
            by_rule = Counter(f.rule for f in rest)
            print(
                "  the checker still reports: "
                + ", ".join(f"{r} {n}" for r, n in by_rule.most_common()),
                file=out,
            )
    if written:
        print(f"draft written to {written}", file=out)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand."""
    if args.list:
        return _list(sys.stdout, args.profile)
    if not args.input:
        raise DocumentError(
            "no input file given",
            hint="easyread simplify FILE [-o DRAFT]; - reads standard input",
        )
    from ..config import settings_for
    from ..loader import load_text
    from ..simplify import simplify_document
    from ..sources import read_source

    source_path = None if args.input == "-" else Path(args.input)
    out_path = Path(args.output) if args.output else None
    if out_path is not None and same_file(out_path, source_path):
        raise DocumentError(
            "refusing to overwrite the input with the draft",
            where=str(out_path),
            hint="write the draft to another file, for example -o osnutek.md",
        )
    settings = settings_for(source_path)
    text, encoding, resolved = read_source(source_path)
    try:
        doc = load_text(text, path=resolved, lang=args.lang or None, encoding=encoding)
    except LanguageNotSupported:
        if args.lang or not settings.lang:
            raise
        doc = load_text(text, path=resolved, lang=settings.lang, encoding=encoding)
    profile = args.profile or settings.profile or None
    result = simplify_document(
        doc,
        profile,
        template=args.template,
        transforms=args.only,
        disable=args.disable,
        glossary=[*settings.glossary, *args.glossary],
        force=args.force,
        draft_path=out_path,
    )
    prof = profile or doc.meta.profile or "strict"
    before, after = _stats(doc, prof), _stats(result.document, prof)
    written = None
    if out_path is not None and result.may_write:
        write_atomic(out_path, result.markdown)
        written = str(out_path)
    if args.format == "json":
        payload = {
            "schema": "easyread.simplify/1",
            "source": doc.source.name,
            "draft": str(out_path) if out_path else None,
            "written": written is not None,
            "template": result.template,
            "transforms": list(result.transforms),
            "facts": result.facts.to_dict(),
            "edits": [e.to_dict() for e in result.edits],
            "guard": [{**f.to_dict(), "path": f.path} for f in result.guard],
            "unresolved": [{**f.to_dict(), "path": f.path} for f in result.unresolved],
            "stats": {"source": before, "draft": after},
            "markdown": result.markdown if result.may_write else None,
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        if args.diff:
            diff = difflib.unified_diff(
                doc.source.text.splitlines(keepends=True),
                result.markdown.splitlines(keepends=True),
                fromfile=doc.source.name,
                tofile=str(out_path) if out_path else "draft.md",
            )
            sys.stdout.writelines(diff)
        elif out_path is None and result.may_write:
            sys.stdout.write(result.markdown)
        if not args.quiet or result.guard:
            _report(sys.stderr, result, before, after, written)
    if result.guard:
        if not args.force:
            print(
                "easyread simplify: the draft was not written because facts were lost or invented; "
                "fix the source or the glossary, or use --force and correct the draft by hand",
                file=sys.stderr,
            )
        return ExitCode.FINDINGS
    return ExitCode.OK
