"""The small CSS reader and the WCAG contrast arithmetic."""

from __future__ import annotations

import pytest

from easyread.render.verify._color import contrast_ratio, find_color, parse_color
from easyread.render.verify._css import (
    is_screen_media,
    parse_declarations,
    parse_stylesheet,
    resolve_vars,
)
from easyread.render.verify._messages import fmt_number, quote

CSS = """/* header: { not a rule } */
:root { --ink: #111; --bg: var(--paper, white); }
body {
  color: var(--ink);
  font: 1rem/1.5 "A; B", sans-serif !important;
}
@media print {
  body { font-size: 12pt }
}
@media screen and (min-width: 40em) {
  main p, .lead { line-height: 1.6 }
}
@page { margin: 20mm }
@font-face { font-family: X; src: url("x;y.ttf") }
a[href$="}"] { color: navy }
"""


def test_rules_declarations_and_positions():
    rules = parse_stylesheet(CSS)
    assert [r.selector for r in rules] == [
        ":root",
        "body",
        "body",
        "main p, .lead",
        'a[href$="}"]',
    ]
    body = rules[1]
    assert body.get("color").value == "var(--ink)"  # type: ignore[union-attr]
    assert (body.get("color").line, body.get("color").column) == (4, 3)  # type: ignore[union-attr]
    font = body.get("font")
    assert (
        font is not None
        and font.important
        and font.value == '1rem/1.5 "A; B", sans-serif'
    )
    assert rules[3].selectors == ("main p", ".lead")
    assert rules[4].get("color").value == "navy"  # type: ignore[union-attr]


def test_media_conditions():
    rules = parse_stylesheet(CSS)
    assert [is_screen_media(r) for r in rules] == [True, True, False, True, True]
    assert rules[2].media == ("print",)


def test_positions_start_where_the_style_element_starts():
    rules = parse_stylesheet("p { color: red }", line=10, column=8)
    decl = rules[0].get("color")
    assert (rules[0].line, rules[0].column) == (10, 8)
    assert decl is not None and (decl.line, decl.column) == (10, 12)


def test_inline_declarations():
    decls = parse_declarations(
        "color: #333; /* x */ text-align:justify", line=5, column=10
    )
    assert [(d.name, d.value, d.column) for d in decls] == [
        ("color", "#333", 10),
        ("text-align", "justify", 31),
    ]


def test_custom_properties_resolve_with_fallbacks():
    props = {"--ink": "#111", "--bg": "var(--paper, white)", "--loop": "var(--loop)"}
    assert resolve_vars("var(--ink)", props) == "#111"
    assert resolve_vars("var(--bg)", props) == "white"
    assert resolve_vars("1px solid var(--nope, var(--ink))", props) == "1px solid #111"
    # A property that refers to itself stops after a few rounds and stays unresolved.
    assert resolve_vars("var(--loop)", props) == "var(--loop)"


@pytest.mark.parametrize(
    ("value", "rgba"),
    [
        ("#fff", (1.0, 1.0, 1.0, 1.0)),
        ("#000000", (0.0, 0.0, 0.0, 1.0)),
        ("#ff000080", (1.0, 0.0, 0.0, 128 / 255)),
        ("rgb(255, 0, 0)", (1.0, 0.0, 0.0, 1.0)),
        ("rgb(0 0 255 / 50%)", (0.0, 0.0, 1.0, 0.5)),
        ("hsl(120, 100%, 25%)", (0.0, 0.5, 0.0, 1.0)),
        ("NAVY", (0.0, 0.0, 128 / 255, 1.0)),
        ("transparent", (0.0, 0.0, 0.0, 0.0)),
        ("currentColor", None),
        ("inherit", None),
    ],
)
def test_parse_color(value, rgba):
    got = parse_color(value)
    if rgba is None:
        assert got is None
    else:
        assert got == pytest.approx(rgba, abs=0.003)


def test_background_shorthand():
    assert (
        find_color("#fafafa url(x.png) no-repeat") is None
    )  # an image: colour behind text unknown
    assert find_color("linear-gradient(#fff, #000)") is None
    assert find_color("no-repeat #003f7f") == pytest.approx(
        (0, 63 / 255, 127 / 255, 1), abs=0.003
    )


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("#000", "#fff", 21.0),
        ("#fff", "#fff", 1.0),
        ("#767676", "#fff", 4.54),  # the classic smallest AA grey
        ("#595959", "#fff", 7.0),
        (
            "rgba(0,0,0,0.5)",
            "#fff",
            3.98,
        ),  # half-transparent black over white: grey 127.5
    ],
)
def test_contrast_ratio(fg, bg, ratio):
    assert contrast_ratio(parse_color(fg), parse_color(bg)) == pytest.approx(
        ratio, abs=0.02
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (10.0, "sl", "10"),
        (10.5, "sl", "10,5"),
        (10.5, "en", "10.5"),
        (19.2, "de", "19,2"),
        (4.5449, "en", "4.5"),
    ],
)
def test_numbers_in_messages(value, lang, text):
    assert fmt_number(value, lang) == text


def test_quotes_per_language():
    assert quote("Vabilo", "sl") == "„Vabilo“"
    assert quote("Invitation", "en") == "“Invitation”"
    assert quote("x" * 100, "de", 10).endswith("…“")
