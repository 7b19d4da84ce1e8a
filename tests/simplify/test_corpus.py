"""Quality on real-style announcements (tests/corpus/announcements/<lang>/).

For every document: the draft loads with valid front matter, keeps every fact
(fact guard), carries the sidecar's facts, and has at least 50 % fewer checker
findings per 100 words than the source under the strict profile. Run with
``-s`` to see the per-language averages.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from easyread.frontmatter import TEMPLATES
from easyread.loader import load, load_text
from easyread.rules.engine import check_document
from easyread.simplify import SimplifyResult, simplify_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "announcements"
DOCS = sorted(CORPUS.glob("*/*.txt"))
TARGET = 0.50  # at least 50 % fewer findings per 100 words (issue 5)


def per_100_words(doc) -> float:  # type: ignore[no-untyped-def]
    return 100 * len(check_document(doc, "strict")) / max(len(doc.words), 1)


@functools.cache
def simplified(path: Path) -> tuple[float, float, SimplifyResult]:
    doc = load(path, lang=path.parent.name)
    result = simplify_document(doc, "strict", check_draft=False)
    return per_100_words(doc), per_100_words(result.document), result


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCS])
def test_draft_is_valid_and_keeps_every_fact(path: Path) -> None:
    _, _, result = simplified(path)
    assert result.guard == (), [f"{f.rule}: {f.message}" for f in result.guard]
    # the draft is Markdown with front matter the loader (and build) accepts
    draft = load_text(result.markdown, lang=path.parent.name)
    assert draft.meta.title
    assert draft.meta.template in TEMPLATES
    assert draft.meta.lang == path.parent.name
    side = yaml.safe_load(path.with_suffix(".facts.yaml").read_text(encoding="utf-8"))
    assert draft.meta.date is not None and draft.meta.date.isoformat() == str(
        side["date"]
    )
    text = result.markdown
    for key in ("phone", "email", "url"):
        for value in side.get(key) or []:
            assert value in text, (key, value)


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCS])
def test_draft_has_half_the_findings_per_100_words(path: Path) -> None:
    before, after, _ = simplified(path)
    assert after <= (1 - TARGET) * before, (
        f"{before:.1f} -> {after:.1f} per 100 words ({1 - after / before:.0%} fewer)"
    )


def test_averages_per_language(capsys: pytest.CaptureFixture[str]) -> None:
    rows: dict[str, list[tuple[float, float, int]]] = {}
    for path in DOCS:
        before, after, result = simplified(path)
        rows.setdefault(path.parent.name, []).append(
            (before, after, int(not result.guard))
        )
    lines = []
    for lang, values in rows.items():
        b = sum(v[0] for v in values) / len(values)
        a = sum(v[1] for v in values) / len(values)
        red = sum(1 - v[1] / v[0] for v in values) / len(values)
        passed = sum(v[2] for v in values)
        lines.append(
            f"{lang}: {b:.1f} -> {a:.1f} findings per 100 words, {red:.0%} fewer, guard {passed}/{len(values)}"
        )
        assert red >= TARGET, lines[-1]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
