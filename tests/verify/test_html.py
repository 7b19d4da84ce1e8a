"""HTML checks: one good page, and the same page broken in one way per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.errors import DocumentError
from easyread.model import Severity
from easyread.render.verify import verify_output
from easyread.render.verify.html import verify_html_text

GOOD_CSS = """
:root { --text: #1a1a1a; --paper: #ffffff; --accent: #003f7f; }
html { font-size: 125%; }
body {
  font-family: "Atkinson Hyperlegible", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--text);
  background: var(--paper);
}
h1 { font-size: 2rem; line-height: 1.2; color: var(--accent); }
em { font-style: normal; font-weight: bold; }
.box { background: #003f7f; }
.box p { color: #ffffff; }
@media print { body { font-size: 16pt; } }
"""

GOOD_BODY = """<main>
<h1>Vabilo na uro branja</h1>
<p>Pridite k nam v knjižnico. Beremo <em>zgodbe</em>.</p>
<h2>Kdaj?</h2>
<p>V petek ob 10. uri.</p>
<img src="knjiga.png" alt="Knjiga">
<div class="box"><p>Vstop je prost.</p></div>
</main>"""


def page(
    css: str = GOOD_CSS,
    body: str = GOOD_BODY,
    head: str = "",
    html_attrs: str = ' lang="sl"',
) -> str:
    return (
        f"<!doctype html>\n<html{html_attrs}>\n<head>\n<meta charset='utf-8'>\n"
        f"<title>Vabilo na uro branja</title>\n{head}<style>{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def check(text: str, profile: str = "strict", path: str = "vabilo.html") -> tuple:  # type: ignore[type-arg]
    return verify_html_text(text, _profile(profile), path=path, lang="en")


def _profile(name: str):  # type: ignore[no-untyped-def]
    from easyread.profiles import load_profile

    return load_profile(name)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_good_page_has_no_findings():
    assert check(page()) == ()
    assert check(page(), "plain") == ()


BAD_CASES = [
    # (id, CSS change (old, new), body change (old, new), rule, text on the finding's line)
    (
        "justify",
        ("line-height: 1.5;", "line-height: 1.5; text-align: justify;"),
        None,
        "html.justify",
        "text-align: justify",
    ),
    (
        "hyphens",
        ("line-height: 1.5;", "line-height: 1.5; hyphens: auto;"),
        None,
        "html.hyphens",
        "hyphens: auto",
    ),
    (
        "italic",
        ("em { font-style: normal;", "em { font-style: italic;"),
        None,
        "html.italic",
        "em { font-style: italic",
    ),
    (
        "uppercase",
        ("h1 { font-size: 2rem;", "h1 { text-transform: uppercase; font-size: 2rem;"),
        None,
        "html.uppercase",
        "text-transform",
    ),
    (
        "contrast via custom property",
        ("--text: #1a1a1a;", "--text: #777777;"),
        None,
        "html.contrast",
        "color: var(--text)",
    ),
    (
        "contrast of a box",
        (".box p { color: #ffffff; }", ".box p { color: #6a8fb5; }"),
        None,
        "html.contrast",
        ".box p",
    ),
    (
        "small body text",
        ("html { font-size: 125%; }", "html { font-size: 100%; }"),
        None,
        "html.font-size",
        "font-size: 1rem",
    ),
    (
        "small text rule",
        ("em {", ".fine { font-size: 0.75em; } em {"),
        None,
        "html.font-size",
        ".fine",
    ),
    (
        "tight lines",
        ("line-height: 1.5;", "line-height: 1.3;"),
        None,
        "html.line-height",
        "line-height: 1.3",
    ),
    (
        "img without alt",
        None,
        ('<img src="knjiga.png" alt="Knjiga">', '<img src="knjiga.png">'),
        "html.img-alt",
        "<img",
    ),
    ("img with empty alt", None, ('alt="Knjiga"', 'alt=""'), "html.img-alt", "<img"),
    (
        "script",
        None,
        ("</main>", "</main>\n<script>alert('x')</script>"),
        "html.script",
        "<script>",
    ),
    (
        "event handler",
        None,
        ("<h2>Kdaj?</h2>", '<h2 onclick="go()">Kdaj?</h2>'),
        "html.script",
        "onclick",
    ),
    (
        "javascript link",
        None,
        ("<h2>Kdaj?</h2>", '<h2><a href=" javascript:go()">Kdaj?</a></h2>'),
        "html.script",
        "javascript:",
    ),
    (
        "skipped heading",
        None,
        ("<h2>Kdaj?</h2>", "<h3>Kdaj?</h3>"),
        "html.heading-levels",
        "<h3>",
    ),
    (
        "first heading not h1",
        None,
        ("<h1>Vabilo na uro branja</h1>", "<h2>Vabilo na uro branja</h2>"),
        "html.heading-levels",
        "<h2>Vabilo",
    ),
    ("no main", None, ("<main>", "<div>"), "html.main", "<body>"),
    (
        "two mains",
        None,
        ("</main>", "</main>\n<main><p>Še en.</p></main>"),
        "html.main",
        "Še en.",
    ),
    (
        "soft hyphen",
        None,
        ("knjižnico", "knjiž&shy;nico"),
        "html.hyphens",
        "knjiž&shy;nico",
    ),
]


@pytest.mark.parametrize(
    ("css_change", "body_change", "rule", "needle"),
    [c[1:] for c in BAD_CASES],
    ids=[c[0] for c in BAD_CASES],
)
def test_each_break_is_found_on_its_line(css_change, body_change, rule, needle):
    css, body = GOOD_CSS, GOOD_BODY
    if css_change:
        assert css_change[0] in css
        css = css.replace(css_change[0], css_change[1], 1)
    if body_change:
        assert body_change[0] in body
        body = body.replace(body_change[0], body_change[1], 1)
    text = page(css, body)
    findings = check(text)
    hits = [f for f in findings if f.rule == rule]
    assert hits, f"no {rule} in {[f.rule for f in findings]}"
    assert hits[0].location.line == line_of(text, needle)
    assert hits[0].severity is Severity.ERROR
    # nothing else broke
    assert {f.rule for f in findings} == {rule}


@pytest.mark.parametrize(
    ("attrs", "variant_word"),
    [("", "no lang"), (' lang="sloven_ski"', "not a valid")],
)
def test_lang(attrs, variant_word):
    findings = [f for f in check(page(html_attrs=attrs)) if f.rule == "html.lang"]
    assert len(findings) == 1
    assert variant_word in findings[0].message
    assert findings[0].location.line == 2


@pytest.mark.parametrize(
    ("title", "expect"),
    [("", "no title"), ("vabilo", "file name"), ("Vabilo na uro branja", None)],
)
def test_title(title, expect):
    text = page().replace(
        "<title>Vabilo na uro branja</title>", f"<title>{title}</title>"
    )
    findings = [
        f for f in check(text, path="out/vabilo.html") if f.rule == "html.title"
    ]
    if expect is None:
        assert findings == []
    else:
        assert expect in findings[0].message


def test_em_without_reset_is_italic():
    css = GOOD_CSS.replace("em { font-style: normal; font-weight: bold; }", "")
    text = page(css)
    (finding,) = [f for f in check(text) if f.rule == "html.italic"]
    assert "<em>" in finding.message
    assert finding.location.line == line_of(text, "<em>")


def test_print_only_rules_do_not_count_for_screen_sizes():
    css = GOOD_CSS.replace(
        "@media print { body { font-size: 16pt; } }",
        "@media print { body { font-size: 12pt; line-height: 1.2 } }",
    )
    assert check(page(css)) == ()


def test_print_only_justify_still_counts():
    css = GOOD_CSS + "\n@media print { p { text-align: justify } }"
    assert {f.rule for f in check(page(css))} == {"html.justify"}


def test_headings_may_have_tighter_lines_but_body_text_not():
    assert (
        check(
            page(
                GOOD_CSS.replace(
                    "h1 { font-size: 2rem; line-height: 1.2;",
                    "h1 { font-size: 2rem; line-height: 1.1;",
                )
            )
        )
        == ()
    )
    css = GOOD_CSS + "\np { line-height: 1.2 }"
    assert {f.rule for f in check(page(css))} == {"html.line-height"}


def test_missing_line_height():
    css = GOOD_CSS.replace("line-height: 1.5;", "")
    (finding,) = [f for f in check(page(css)) if f.rule == "html.line-height"]
    assert "1.2" in finding.message


def test_large_heading_uses_the_large_text_threshold():
    # #595959 on white is 7.0:1; #767676 is 4.54:1: fine for large text (strict 4.5), not for body text.
    ok = GOOD_CSS.replace("color: var(--accent); }", "color: #767676; }")
    assert check(page(ok)) == ()
    bad = GOOD_CSS.replace("--text: #1a1a1a;", "--text: #767676;")
    assert {f.rule for f in check(page(bad))} == {"html.contrast"}
    # The plain profile asks for 4.5:1 only.
    assert check(page(bad), "plain") == ()


def test_inline_style_is_checked():
    body = GOOD_BODY.replace(
        "<p>V petek ob 10. uri.</p>",
        '<p style="color: #aaaaaa; text-align: justify">V petek ob 10. uri.</p>',
    )
    text = page(body=body)
    findings = check(text)
    assert {f.rule for f in findings} == {"html.contrast", "html.justify"}
    assert {f.location.line for f in findings} == {line_of(text, "V petek")}


def test_linked_stylesheet_findings_point_into_the_css_file(tmp_path: Path):
    css_path = tmp_path / "static" / "style.css"
    css_path.parent.mkdir()
    css_path.write_text(
        GOOD_CSS + "\np {\n  text-align: justify;\n}\n", encoding="utf-8"
    )
    html = tmp_path / "vabilo.html"
    html.write_text(
        page(css="", head='<link rel="stylesheet" href="static/style.css">\n'),
        encoding="utf-8",
    )
    findings = verify_output(html, "strict", lang="en")
    assert [f.rule for f in findings] == ["html.justify"]
    assert findings[0].path == str(css_path)
    assert findings[0].location.line == line_of(
        css_path.read_text(encoding="utf-8"), "justify"
    )
    assert findings[0].excerpt == "text-align: justify;"


def test_remote_stylesheets_are_not_fetched(tmp_path: Path):
    html = tmp_path / "vabilo.html"
    html.write_text(
        page(head='<link rel="stylesheet" href="https://example.org/x.css">\n'),
        encoding="utf-8",
    )
    assert verify_output(html) == ()


@pytest.mark.parametrize(
    ("lang", "word"),
    [("sl", "obojestransko"), ("en", "justified"), ("de", "Blocksatz")],
)
def test_messages_follow_the_requested_language(lang, word):
    css = GOOD_CSS + "\np { text-align: justify }"
    (finding,) = verify_html_text(page(css), _profile("strict"), lang=lang)
    assert word in finding.message
    assert finding.suggestion


def test_message_language_defaults_to_the_page_language():
    css = GOOD_CSS + "\np { text-align: justify }"
    text = page(css, html_attrs=' lang="de-AT"')
    (finding,) = verify_html_text(text, _profile("strict"))
    assert "Blocksatz" in finding.message


def test_verify_output_rejects_other_files(tmp_path: Path):
    source = tmp_path / "vabilo.md"
    source.write_text("# Vabilo\n", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        verify_output(source)
    assert "easyread check" in info.value.hint


def test_missing_html_file(tmp_path: Path):
    with pytest.raises(DocumentError, match="not found"):
        verify_output(tmp_path / "nothing.html")


def test_non_utf8_html(tmp_path: Path):
    path = tmp_path / "latin.html"
    path.write_bytes(
        page()
        .encode("utf-8")
        .replace("knjižnico".encode(), "knjižnico".encode("cp1250"))
    )
    with pytest.raises(DocumentError, match="UTF-8"):
        verify_output(path)


def test_custom_properties_for_print_do_not_override_screen_values():
    css = GOOD_CSS.replace("font-size: 1rem;", "font-size: var(--size);") + (
        "\n@media screen { :root { --size: 1.25rem } }\n@media print { :root { --size: 12pt } }"
    )
    css = css.replace("html { font-size: 125%; }", "")
    assert check(page(css)) == ()
    # 12pt = 16 px on screen would be too small
    assert {
        f.rule for f in check(page(css.replace("--size: 1.25rem", "--size: 12pt")))
    } == {"html.font-size"}


def test_json_ld_data_is_not_a_script():
    body = GOOD_BODY.replace(
        "</main>",
        '</main>\n<script type="application/ld+json">{"@type": "Event"}</script>',
    )
    assert check(page(body=body)) == ()


@pytest.mark.parametrize(
    ("css_extra", "body_change", "marked"),
    [
        ("\np { color: #111; text-align: justify }", None, "text-align: justify"),
        ("", ('alt="Knjiga"', ""), '<img src="knjiga.png" >'),
        ("", ("<h2>Kdaj?</h2>", "<h3 class='x'>Kdaj?</h3>"), "<h3 class='x'>"),
    ],
)
def test_excerpt_marks_the_declaration_or_tag(css_extra, body_change, marked):
    body = GOOD_BODY.replace(*body_change) if body_change else GOOD_BODY
    (finding,) = check(page(GOOD_CSS + css_extra, body))
    assert finding.excerpt[finding.excerpt_start : finding.excerpt_end] == marked
