"""Inline HTML from marks, line splitting, UI strings and typography clamps."""

from __future__ import annotations

import pytest

from easyread import get_pack
from easyread.errors import ConfigError
from easyread.model import Mark
from easyread.render.i18n import css_counter_content, ui_strings
from easyread.render.inline import (
    clean_text,
    inline_html,
    link_href,
    logical_lines,
    sentence_lines,
)
from easyread.render.view import Typography


@pytest.mark.parametrize(
    ("text", "marks", "html"),
    [
        ("a <b> & c", [], "a &lt;b&gt; &amp; c"),
        ("bold text", [Mark("strong", 0, 4)], "<strong>bold</strong> text"),
        (
            "abcdef",
            [Mark("strong", 0, 4), Mark("em", 2, 6)],
            "<strong>ab<em>cd</em></strong><em>ef</em>",
        ),
        (
            "see page",
            [Mark("link", 4, 8, "https://example.org/?a=1&b=2")],
            'see <a href="https://example.org/?a=1&amp;b=2">page</a>',
        ),
        ("bad link", [Mark("link", 4, 8, "javascript:alert(1)")], "bad link"),
        ("raw <i>x</i>", [Mark("html", 4, 12)], "raw &lt;i&gt;x&lt;/i&gt;"),
        ("soft\u00adhyphen", [], "softhyphen"),
    ],
)
def test_inline_html(text: str, marks: list[Mark], html: str) -> None:
    assert str(inline_html(text, marks)) == html


def test_inline_html_clips_marks_to_a_range() -> None:
    assert (
        str(inline_html("one two three", [Mark("strong", 0, 13)], 4, 7))
        == "<strong>two</strong>"
    )


@pytest.mark.parametrize(
    ("href", "ok"),
    [
        ("https://a.si/x", True),
        ("http://a.si", True),
        ("mailto:a@b.si", True),
        ("tel:+38625841140", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,x", False),
        ('https://a.si/"x', False),
    ],
)
def test_link_href(href: str, ok: bool) -> None:
    assert (link_href(href) == href) is ok


def test_logical_lines_join_soft_wraps_only() -> None:
    text = "Soba je v pritličju.\nV sobo pridete\nz vozičkom.\nTelefon: 02 584\nE-pošta: a@b.si"
    lines = [text[s:e] for s, e in logical_lines(text)]
    assert lines == [
        "Soba je v pritličju.",
        "V sobo pridete\nz vozičkom.",
        "Telefon: 02 584",
        "E-pošta: a@b.si",
    ]


def test_sentence_lines_one_per_sentence() -> None:
    lines = sentence_lines("Pridite. Veselimo se vas! Kdaj?", (), get_pack("sl"))
    assert [str(x) for x in lines] == ["Pridite.", "Veselimo se vas!", "Kdaj?"]


def test_ui_strings() -> None:
    assert ui_strings("sl")("page", page=1, pages=2) == "Stran 1 od 2"
    assert (
        ui_strings("de")("glossary_question", term="Bücherei")
        == "Was bedeutet Bücherei?"
    )
    assert ui_strings("xx")("when") == "When?"  # unknown language falls back to English
    assert (
        css_counter_content('Page {page} of "{pages}"')
        == '"Page " counter(page) " of \\"" counter(pages) "\\""'
    )
    with pytest.raises(ValueError):
        css_counter_content("Page {n}")


def test_typography_enforces_minimums() -> None:
    t = Typography.from_profile(
        {
            "font_size_pt": 12,
            "font_size_pt_min": 14,
            "line_height": 1.1,
            "heading_size_pt": 10,
        }
    )
    assert (
        t.body_pt == 14
        and t.line_height == 1.5
        and t.h2_pt >= t.body_pt
        and t.small_pt == 14
    )
    assert Typography.from_profile({}, paper="a5").paper == "A5"
    with pytest.raises(ConfigError):
        Typography.from_profile({"paper": "Letter"})
    with pytest.raises(ConfigError):
        Typography.from_profile({"font_size_pt": "big"})


ZW = "\u200b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soft hyphens go (never split a word), U+202F becomes a no-break space
        ("knji\u00advnica", "knjivnica"),
        ("10\u202f000", "10\u00a0000"),
        # a Mediopunkt lets a long German word wrap after it
        ("Papier·stern", f"Papier·{ZW}stern"),
        # the longest real words stay whole
        (
            "Donaudampfschifffahrtsgesellschaftskapitän",
            "Donaudampfschifffahrtsgesellschaftskapitän",
        ),
        ("a" * 63, "a" * 63),
        # a run of 64 or more without a break gets a break point every 32 characters
        ("a" * 64, "a" * 32 + ZW + "a" * 32),
        ("x " + "." * 70, "x " + "." * 32 + ZW + "." * 32 + ZW + "." * 6),
    ],
)
def test_clean_text(text: str, expected: str) -> None:
    assert clean_text(text) == expected
