"""segment_block: the fast path (one offset per character) gives what the general one does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from easyread.loader import load, load_text
from easyread.segment import _segment_general, segment_block

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "examples").glob("*.md")) + sorted(
    p for p in (ROOT / "tests" / "corpus").rglob("*.md")
)


@pytest.mark.parametrize("path", DOCS[:12], ids=lambda p: p.name)
def test_fast_path_matches_general_path(path: Path) -> None:
    doc = load(path)
    assert any(b.sentences for b in doc.blocks)
    for block in doc.blocks:
        bare = replace(block, sentences=())
        fast = segment_block(doc.source, bare, doc.pack)
        general = _segment_general(doc.source, bare, doc.pack)
        assert fast == general


def test_soft_hyphen_and_markup_keep_positions() -> None:
    doc = load_text(
        "---\nlang: sl\n---\n\nPri**sr\u00adčno** vabljeni,\nna *sestanek* ob 10.30.\n"
    )
    tokens = [t for s in doc.sentences for t in s.tokens]
    src = doc.source.text
    word = tokens[0]  # one word, as the reader sees it; its span holds the markup
    assert word.text == "Prisr\u00adčno"
    assert src[word.span.start : word.span.end] == "Pri**sr\u00adčno"
    for t in tokens:
        # every token points at its own characters in the file (markup skipped)
        assert src[t.span.start : t.span.end].replace("*", "") == t.text
        assert doc.source.location(t.span.start) == t.location
    soft = next(t for t in tokens if "\u00ad" in t.text)
    assert soft.lemma == doc.pack.lemma(soft.text.replace("\u00ad", ""))
    assert soft.syllables == doc.pack.syllables(soft.text.replace("\u00ad", ""))


def test_block_without_one_offset_per_character_uses_source_span() -> None:
    doc = load_text("---\nlang: sl\n---\n\nDober dan. Kako ste?\n")
    block = next(b for b in doc.blocks if b.sentences)
    odd = replace(block, sentences=(), offsets=block.offsets[:-3])
    out = segment_block(doc.source, odd, doc.pack)
    assert [s.text for s in out.sentences] == ["Dober dan.", "Kako ste?"]
    assert out == _segment_general(doc.source, odd, doc.pack)


@pytest.mark.parametrize("path", DOCS[:6], ids=lambda p: p.name)
def test_unit_words_are_what_word_makes(path: Path) -> None:
    """Units build their Words without Word.__new__: the fields must be the same."""
    from easyread.rules.base import Word
    from easyread.rules.units import _build_units

    units = _build_units(load(path))
    for unit in (*units.sentences, *units.blocks):
        for w in unit.tokens:
            assert type(w) is Word
            assert w == Word(w.start, w.end, w.text, w.kind, w.lemma, w.syllables)
            assert unit.text[w.start : w.end] == w.text


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        ("Span", (3, 7)),
        ("Location", (2, 5)),
        ("Token", ("dan", "WORD", (0, 3), (1, 1), "dan", 1)),
    ],
)
def test_fast_constructors_make_what_the_dataclass_makes(
    cls: str, values: tuple[object, ...]
) -> None:
    """segment_block makes spans, locations and tokens without their __init__."""
    from dataclasses import FrozenInstanceError, fields

    from easyread import model
    from easyread.segment import _MAKE_LOCATION, _MAKE_SPAN, _MAKE_TOKEN

    make = {"Span": _MAKE_SPAN, "Location": _MAKE_LOCATION, "Token": _MAKE_TOKEN}[cls]
    if cls == "Token":
        values = (
            values[0],
            model.TokenKind.WORD,
            model.Span(*values[2]),  # type: ignore[misc]
            model.Location(*values[3]),  # type: ignore[misc]
            *values[4:],
        )
    made = make(*values)
    expected = getattr(model, cls)(*values)
    assert type(made) is type(expected)
    assert made == expected
    assert hash(made) == hash(expected)
    assert [getattr(made, f.name) for f in fields(made)] == list(values)
    with pytest.raises(FrozenInstanceError):
        made.__setattr__(fields(made)[0].name, 0)


def test_fast_path_still_rejects_offsets_that_go_backwards() -> None:
    doc = load_text("---\nlang: sl\n---\n\nDober dan.\n")
    block = next(b for b in doc.blocks if b.sentences)
    backwards = tuple(reversed(block.offsets))
    with pytest.raises(ValueError, match="invalid span"):
        segment_block(doc.source, replace(block, offsets=backwards), doc.pack)
