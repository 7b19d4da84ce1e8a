"""Loader: front matter, Markdown blocks, and exact source positions."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

import easyread
from easyread.errors import DocumentError, LanguageNotSupported
from easyread.model import BlockKind

DOC = """\
---
title: Vabilo
lang: sl
template: invitation
date: 2026-12-10
time: "10:00"
end_time: "11:30"
contact:
  name: Ana Novak
  phone: "02 584 12 34"
price: 0
bring: [očala]
reviewed_by: [Marko, Petra]
custom_key: ostane
---
# Vabilo v **knjižnico**

Pridite v **veliko** sobo. Vstop je *prost*.
Pijemo čaj \\* in &amp; kavo.

- Kava
- Čaj

1. Vzemite papir.
2. Režite.

![Knjiga na mizi](pictogram:book)

<!-- easyread-disable sl.passive-voice -->
<script>alert(1)</script>
"""


@pytest.fixture
def doc() -> easyread.Document:
    return easyread.load_text(DOC, path="vabilo.md")


def test_meta_fields(doc: easyread.Document) -> None:
    m = doc.meta
    assert (m.title, m.lang, m.template) == ("Vabilo", "sl", "invitation")
    assert (
        m.date == date(2026, 12, 10)
        and m.time == time(10)
        and m.end_time == time(11, 30)
    )
    assert m.contact.name == "Ana Novak" and m.contact.phone == "02 584 12 34"
    assert m.is_free and m.bring == ("očala",) and m.reviewed_by == ("Marko", "Petra")
    assert m.extra == {"custom_key": "ostane"}
    assert m.field_lines["date"] == 5


def test_block_kinds(doc: easyread.Document) -> None:
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [
        BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.IMAGE, BlockKind.PARAGRAPH,
    ]  # fmt: skip
    ordered = [b for b in doc.blocks if b.ordered]
    assert [b.number for b in ordered] == [1, 2]
    assert len({b.list_id for b in doc.blocks if b.kind is BlockKind.LIST_ITEM}) == 2
    image = doc.blocks[6]
    assert image.src == "pictogram:book" and image.text == "Knjiga na mizi"


def test_positions_survive_markup(doc: easyread.Document) -> None:
    """Every word's location points at that word in the file, past ** and escapes."""
    lines = DOC.splitlines()
    for token in doc.words:
        line = lines[token.location.line - 1]
        col = token.location.column - 1
        assert line[col : col + len(token.text)] == token.text, token
        assert doc.source.text[token.span.start : token.span.end] == token.text


@pytest.mark.parametrize(
    ("word", "line", "column"),
    [
        ("knjižnico", 16, 14),
        ("veliko", 18, 13),
        ("prost", 18, 38),
        ("kavo", 19, 24),
        ("Režite", 25, 4),
    ],
)
def test_known_positions(
    doc: easyread.Document, word: str, line: int, column: int
) -> None:
    token = next(t for t in doc.words if t.text == word)
    assert (token.location.line, token.location.column) == (line, column)


def test_sentences_have_line_and_column(doc: easyread.Document) -> None:
    s = doc.blocks[1].sentences[1]
    assert s.text == "Vstop je prost."
    assert (s.location.line, s.location.column) == (18, 28)
    assert str(s) == "18:28: Vstop je prost."


def test_marks_are_in_block_text(doc: easyread.Document) -> None:
    b = doc.blocks[1]
    strong = next(m for m in b.marks if m.kind == "strong")
    em = next(m for m in b.marks if m.kind == "em")
    assert b.text[strong.start : strong.end] == "veliko"
    assert b.text[em.start : em.end] == "prost"


def test_raw_html_is_text_and_comments_are_dropped(doc: easyread.Document) -> None:
    last = doc.blocks[-1]
    assert last.text == "<script>alert(1)</script>"
    assert any(m.kind == "html" for m in last.marks)
    assert not any("easyread-disable" in b.text for b in doc.blocks)


def test_plain_text_title_and_paragraphs() -> None:
    doc = easyread.load_text(
        "Bralna ura\n\nPridite v knjižnico.\nVabljeni.\n\nHvala.\n",
        path="a.txt",
        lang="sl",
    )
    assert [b.kind for b in doc.blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    assert doc.meta.title == "Bralna ura"
    assert [s.text for s in doc.blocks[1].sentences] == [
        "Pridite v knjižnico.",
        "Vabljeni.",
    ]


def test_crlf_keeps_lines_and_columns() -> None:
    doc = easyread.load_text(
        "---\r\nlang: sl\r\n---\r\nPrva vrstica.\r\nDruga **vrstica**.\r\n", path="a.md"
    )
    token = next(t for t in doc.words if t.text == "Druga")
    assert (token.location.line, token.location.column) == (5, 1)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("---\nlang: sl\ntitle: x\n", "never closed", 1),
        ("---\nlang: sl\ntitle: [a\n---\nx\n", "not valid YAML", 4),
        ("---\nlang: sl\ndate: 2024-02-30\n---\nx\n", "not a real date", 3),
        ("---\nlang: sl\ndate: [1, 2]\n---\nx\n", "must be a date", 3),
        ("---\nlang: sl\ntime: 25:99\n---\nx\n", "not a clock time", 3),
        ("---\nlang: sl\ntemplate: poster\n---\nx\n", "unknown template", 3),
        ("---\nlang: sl\na: &x [1]\nb: *x\n---\nx\n", "aliases", 4),
        (
            "---\nlang: sl\nx: !!python/object/apply:os.system ['ls']\n---\nx\n",
            "not valid YAML",
            3,
        ),
        ("---\n- a\n- b\n---\nx\n", "key: value", 2),
    ],
)
def test_bad_front_matter_points_at_the_line(
    text: str, message: str, line: int
) -> None:
    with pytest.raises(DocumentError) as info:
        easyread.load_text(text, path="bad.md")
    assert message in str(info.value)
    assert f"bad.md:{line}" in str(info.value)


def test_missing_language_is_a_clear_error() -> None:
    with pytest.raises(LanguageNotSupported, match="does not say which language"):
        easyread.load_text("Besedilo.", path="a.md")


def test_unknown_language_in_front_matter() -> None:
    with pytest.raises(LanguageNotSupported, match="supported languages: de, en, sl"):
        easyread.load_text("---\nlang: fr\n---\nTexte.", path="a.md")


def test_load_reads_files_and_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nlang: en\n---\nCome to the library.\n", encoding="utf-8")
    assert easyread.load(path).words[0].text == "Come"
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Pridite.\n")))
    doc = easyread.load(None, lang="sl")
    assert doc.source.name == "<stdin>" and doc.words[0].text == "Pridite"


def test_documents_are_immutable(doc: easyread.Document) -> None:
    with pytest.raises(AttributeError):
        doc.blocks[0].text = "x"  # type: ignore[misc]
