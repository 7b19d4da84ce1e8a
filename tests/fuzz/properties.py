"""The properties every input must keep, as plain functions of one input.

Each raises ``AssertionError`` (or the unexpected exception itself) when the
property fails. ``test_properties.py`` runs them under Hypothesis in CI;
``benchmarks/fuzz_long.py`` runs the same functions for many more cases.
"""

from __future__ import annotations

import re
from typing import Any

from easyread.errors import EasyreadError
from easyread.lang import get_pack
from easyread.loader import load_text
from easyread.model import Document, Severity, SourceText

LANGS = ("sl", "en", "de")
_SPACE = re.compile(r"\s")


def _inside(start: int, end: int, size: int, what: str) -> None:
    assert 0 <= start <= end <= size, f"{what} span {start}:{end} outside 0:{size}"


def load_or_refuse(
    text: str, fmt: str | None = None, lang: str | None = None
) -> Document | None:
    """Load; a refusal must be an EasyreadError with a place. Returns the document or None."""
    try:
        doc = load_text(
            text, path="fuzz.txt" if fmt == "txt" else "fuzz.md", lang=lang, fmt=fmt
        )
    except EasyreadError as exc:
        assert exc.where.startswith("fuzz."), f"error without the file name: {exc!r}"
        assert exc.exit_code == 2
        return None
    check_document_positions(doc)
    return doc


def valid_document(text: str) -> Document | None:
    """The document when it is valid input for check, simplify and render.

    Valid = it loads, and any ``profile:`` it names is a built-in one (a
    profile *file* may legitimately be missing; that refusal is tested elsewhere).
    """
    doc = load_or_refuse(text)
    if doc is None or doc.meta.profile not in ("", "strict", "plain"):
        return None
    return doc


def check_document_positions(doc: Document) -> None:
    """Every block, sentence and token points inside the source, at the right line."""
    source: SourceText = doc.source
    size = len(source.text)
    assert "\r" not in source.text, "line ends were not normalised"
    _inside(doc.body_start, doc.body_start, size, "body")
    for block in doc.blocks:
        _inside(block.span.start, block.span.end, size, f"{block.kind} block")
        assert len(block.offsets) == len(block.text), "one offset per block character"
        assert all(0 <= o < max(size, 1) for o in block.offsets), "offset outside text"
        for sentence in block.sentences:
            _inside(sentence.span.start, sentence.span.end, size, "sentence")
            assert sentence.location == source.location(sentence.span.start)
            assert sentence.text.strip() == sentence.text and sentence.text
            for token in sentence.tokens:
                _inside(token.span.start, token.span.end, size, "token")
                assert token.location == source.location(token.span.start)
                assert token.text and token.text in sentence.text


def txt_keeps_every_character(text: str) -> None:
    """Plain text: every visible character of the input is in some block."""
    doc = load_or_refuse(text, fmt="txt", lang="sl")
    if doc is None:
        return
    seen = "".join(_SPACE.sub("", b.text) for b in doc.blocks)
    want = _SPACE.sub("", doc.source.text[doc.body_start :])
    assert seen == want, "plain-text loading lost or changed characters"


def splitter_covers_text(text: str, lang: str) -> None:
    """Sentences are ordered, trimmed, inside the text and lose no visible character."""
    pack = get_pack(lang)
    spans = pack.split_sentences(text)
    last = 0
    for start, end in spans:
        _inside(start, end, len(text), "sentence")
        assert start >= last, "sentences overlap or are out of order"
        chunk = text[start:end]
        assert chunk and not chunk[0].isspace() and not chunk[-1].isspace()
        assert not text[last:start].strip(), f"lost text {text[last:start]!r}"
        last = end
    assert not text[last:].strip(), f"lost text at the end {text[last:]!r}"


def tokens_are_sane(text: str, lang: str) -> None:
    """Tokens are ordered, inside the text, and cover every visible character but ``_``."""
    pack = get_pack(lang)
    last = 0
    for start, end, _kind in pack.tokenize(text):
        _inside(start, end, len(text), "token")
        assert start >= last and end > start
        gap = text[last:start]
        assert not gap.replace("_", "").strip(), f"characters without a token: {gap!r}"
        last = end
    assert not text[last:].replace("_", "").strip()
    for finder in ("find_dates", "find_times", "find_number_words"):
        for m in getattr(pack, finder)(text):
            _inside(m.start, m.end, len(text), finder)
            assert m.end > m.start
    for start, end, _abbr in pack.find_abbreviations(text):
        _inside(start, end, len(text), "abbreviation")


def check_findings_inside(doc: Document) -> bool:
    """The checker returns findings that point inside the text, or refuses the
    document with an EasyreadError that names it (a bad front-matter glossary).

    Returns True when the document was accepted (valid input for simplify).
    """
    from easyread.rules.engine import check_document

    try:
        findings = check_document(doc)
    except EasyreadError as exc:
        assert (
            exc.where.startswith(doc.source.name) or doc.source.name in exc.message
        ), exc
        return False
    source = doc.source
    for f in findings:
        assert f.rule and isinstance(f.severity, Severity)
        loc, end = f.location, f.end
        assert 1 <= loc.line <= source.line_count, f"{f.rule}: line {loc.line}"
        assert 1 <= loc.column <= len(source.line_text(loc.line)) + 1, (
            f"{f.rule}: column"
        )
        assert 1 <= end.line <= source.line_count
        assert (end.line, end.column) >= (loc.line, loc.column), (
            f"{f.rule}: end before start"
        )
        assert 0 <= f.excerpt_start <= f.excerpt_end <= len(f.excerpt), (
            f"{f.rule}: excerpt"
        )
        assert f.message.strip()
        f.to_dict()
    return True


def simplify_never_raises(doc: Document) -> Any:
    """The simplifier accepts every valid document (it loads and the checker
    accepts it); its edits point into the source."""
    from easyread.simplify import simplify_document

    if not check_findings_inside(doc):
        return None

    result = simplify_document(doc)
    size = len(doc.source.text)
    for edit in result.edits:
        _inside(edit.span.start, edit.span.end, size, f"edit {edit.transform}")
    assert isinstance(result.markdown, str)
    check_document_positions(result.document)
    return result


def render_html_is_safe(doc: Document, html_problems: Any, remote: Any) -> None:
    """HTML renders (or refuses with an EasyreadError) and carries no active content."""
    from easyread.render import render_document

    try:
        html = render_document(doc, "html")
    except EasyreadError:
        return
    text = html.decode("utf-8") if isinstance(html, bytes) else str(html)
    assert text.lstrip().lower().startswith("<!doctype html>")
    problems = html_problems(text)
    assert not problems, problems
    fetched = remote(text)
    assert not fetched, fetched
