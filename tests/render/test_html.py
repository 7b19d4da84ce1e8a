"""The HTML page: semantics, easy-read typography from the profile, languages."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

import easyread
from easyread.errors import ConfigError
from easyread.profiles import load_profile
from easyread.render import render_document


class _Page(HTMLParser):
    """Collects what the tests look at: tags, attributes, headings, text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._in_heading: int = 0
        self._heading_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("style", "script"):
            self._skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading = int(tag[1])
            self._heading_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        if re.fullmatch(r"h[1-6]", tag) and self._in_heading:
            self.headings.append(
                (self._in_heading, "".join(self._heading_text).strip())
            )
            self._in_heading = 0

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._in_heading:
            self._heading_text.append(data)

    def find(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]


def _page(html: bytes) -> _Page:
    page = _Page()
    page.feed(html.decode("utf-8"))
    return page


def _css(html: bytes) -> str:
    return re.search(rb"<style>(.*?)</style>", html, re.S).group(1).decode("utf-8")  # type: ignore[union-attr]


DOCS = ["vabilo.md", "kazalka.md", "notice.md", "einladung.md"]


@pytest.mark.parametrize("name", DOCS)
def test_semantic_page(name: str, load_doc: Callable[..., easyread.Document]) -> None:
    doc = load_doc(name)
    html = render_document(doc, "html")
    page = _page(html)
    assert page.find("html")[0]["lang"] == doc.lang
    assert len(page.find("main")) == 1
    assert page.find("title"), "a <title> is needed for PDF/UA and WCAG 2.4.2"
    assert not page.find("script"), "no script needed"
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level skipped: {levels}"
    for img in page.find("img"):
        assert img.get("alt", "").strip(), (
            f"image without alt text: {img.get('src', '')[:40]}"
        )
    assert page.find("meta")[0].get("charset") == "utf-8"


@pytest.mark.parametrize(
    ("name", "questions"),
    [
        (
            "vabilo.md",
            [
                "Kaj?",
                "Kdaj?",
                "Kje?",
                "Kdo lahko pride?",
                "Kaj prinesem?",
                "Ali moram plačati?",
                "Koga pokličem?",
            ],
        ),
        (
            "einladung.md",
            ["Was?", "Wann?", "Wo?", "Kostet es etwas?", "Wen kann ich anrufen?"],
        ),
    ],
)
def test_invitation_rows_in_the_document_language(
    name: str, questions: list[str], load_doc: Callable[..., easyread.Document]
) -> None:
    page = _page(render_document(load_doc(name), "html"))
    h2 = [text for level, text in page.headings if level == 2]
    positions = [h2.index(q) for q in questions]
    assert positions == sorted(positions), f"rows out of order: {h2}"


def test_english_invitation_words(examples_dir: Path) -> None:
    doc = easyread.load(examples_dir / "en-invitation-coffee-morning.md")
    page = _page(render_document(doc, "html"))
    h2 = [text for level, text in page.headings if level == 2]
    for q in (
        "What?",
        "When?",
        "Where?",
        "Who can come?",
        "What to bring?",
        "Does it cost anything?",
        "Who can I call?",
    ):
        assert q in h2
    text = " ".join(page.text)
    assert "It is free." in text
    assert "Checked by: Tom, Aisha" in text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "vabilo.md",
            [
                "V petek, 15. maja 2026",
                "Ne plačate nič.",
                "Preverili: Ana, Tine",
                "Kaj pomeni čitalnica?",
            ],
        ),
        ("einladung.md", ["Es kostet 3 €.", "Am Mittwoch, 3. Juni 2026", "Um 15 Uhr"]),
    ],
)
def test_facts_are_written_out(
    name: str, expected: list[str], load_doc: Callable[..., easyread.Document]
) -> None:
    text = " ".join(
        " ".join(_page(render_document(load_doc(name), "html")).text).split()
    )
    for phrase in expected:
        assert phrase in text


def test_one_sentence_per_line(load_doc: Callable[..., easyread.Document]) -> None:
    html = render_document(load_doc("vabilo.md"), "html").decode()
    assert (
        '<span class="s">Vabimo vas v knjižnico.</span><span class="s">Skupaj bomo <strong>brali zgodbe</strong>.</span>'
        in html
    )
    assert ".s { display: block; break-inside: avoid; }" in html


def test_activity_materials_steps_and_write_in(
    load_doc: Callable[..., easyread.Document],
) -> None:
    html = render_document(load_doc("kazalka.md"), "html").decode()
    page = _page(html.encode())
    assert "Kaj potrebujete?" in [t for _, t in page.headings]
    materials = re.findall(r'<li><span class="tick"></span>.*?</li>', html, re.S)
    assert len(materials) == 3
    assert 'alt="Škarje"' in materials[1]
    steps = re.findall(r'<span class="num">(\d+)\.</span>', html)
    assert steps == ["1", "2", "3"]
    assert "Moje ime:" in html and "Datum:" in html


def test_heading_levels_are_repaired(
    load_doc: Callable[..., easyread.Document],
) -> None:
    page = _page(render_document(load_doc("notice.md"), "html"))
    assert page.headings[0] == (1, "The library is closed on Monday")
    assert (2, "Why is it closed?") in page.headings  # ### became h2 (no skipped level)
    assert [h for h in page.headings if h[0] == 1] == [
        (1, "The library is closed on Monday")
    ]


def test_links_and_scripts(load_doc: Callable[..., easyread.Document]) -> None:
    html = render_document(load_doc("notice.md"), "html").decode()
    assert '<a href="https://example.org/closed">our page</a>' in html
    assert '<a href="tel:+441632960123">us</a>' in html
    assert 'href="javascript' not in html  # markdown-it leaves it as plain text
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


@pytest.mark.parametrize("profile", ["strict", "plain"])
def test_typography_comes_from_the_profile(
    profile: str, load_doc: Callable[..., easyread.Document]
) -> None:
    render = load_profile(profile).render
    css = _css(render_document(load_doc("vabilo.md"), "html", profile=profile))
    assert f"--er-body: {render['font_size_pt']:g}pt;" in css
    assert f"--er-small: {render['font_size_pt_min']:g}pt;" in css
    assert f"margin: {render['margin_mm']:g}mm;" in css
    assert f"--er-line: {max(1.5, render['line_height']):g};" in css
    assert f"--er-body: {render['font_size_px'] / 16:g}rem;" in css
    assert f"size: {render['paper']} portrait;" in css


def test_a_user_profile_changes_sizes(
    tmp_path: Path, load_doc: Callable[..., easyread.Document]
) -> None:
    profile = tmp_path / "big.yaml"
    profile.write_text(
        "extends: strict\nrender:\n  font_size_pt: 18\n  line_height: 1.2\n  paper: A5\n",
        encoding="utf-8",
    )
    css = _css(render_document(load_doc("vabilo.md"), "html", profile=str(profile)))
    assert "--er-body: 18pt;" in css
    assert "--er-line: 1.5;" in css, "line height is never below 1.5"
    assert "size: A5 portrait;" in css


def test_paper_option_and_bad_paper(load_doc: Callable[..., easyread.Document]) -> None:
    css = _css(render_document(load_doc("vabilo.md"), "html", paper="a5"))
    assert "size: A5 portrait;" in css
    with pytest.raises(ConfigError, match="paper"):
        render_document(load_doc("vabilo.md"), "html", paper="A6")


def test_no_forbidden_styles(load_doc: Callable[..., easyread.Document]) -> None:
    css = _css(render_document(load_doc("vabilo.md"), "html"))
    assert "justify" not in css
    assert "uppercase" not in css
    assert "hyphens: auto" not in css
    assert not re.search(r"font-style:\s*(italic|oblique)", css)
    assert "text-align: left;" in css
    assert "hyphens: manual;" in css
    # the font is embedded completely, with DejaVu Sans only for missing glyphs
    assert 'font-family: "Atkinson Hyperlegible";' in css
    assert re.search(r'--er-font: "Atkinson Hyperlegible", "DejaVu Sans";', css)
    assert "sans-serif" not in css
    assert css.count("@font-face") == 2


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("sl", '"Stran " counter(page) " od " counter(pages)'),
        ("en", '"Page " counter(page) " of " counter(pages)'),
        ("de", '"Seite " counter(page) " von " counter(pages)'),
    ],
)
def test_page_numbers_in_words(lang: str, label: str) -> None:
    doc = easyread.load_text(f"---\ntitle: T\nlang: {lang}\n---\n\nText.\n")
    css = _css(render_document(doc, "html"))
    assert f"content: {label};" in css


def test_soft_hyphens_and_narrow_spaces_are_removed() -> None:
    doc = easyread.load_text(
        "---\ntitle: T\nlang: en\n---\n\nThe li\u00adbrary opens at 10\u202fam.\n"
    )
    html = render_document(doc, "html").decode()
    assert "\u00ad" not in html and "\u202f" not in html
    assert "The library opens at 10\u00a0am." in html


def test_glossary_lists_hard_words_the_text_keeps(
    load_doc: Callable[..., easyread.Document],
) -> None:
    from easyread.lang import GlossaryEntry

    doc = load_doc("vabilo.md")
    extra = [
        GlossaryEntry(lemma="zgodba", explanation="Zgodba je pripoved."),
        GlossaryEntry(lemma="letalo", explanation="Letalo leti."),
    ]
    html = render_document(doc, "html", glossary=extra).decode()
    assert "Kaj pomeni čitalnica?" in html  # the document's own entry
    assert "Kaj pomeni zgodba?" in html  # used in the text as "zgodbe"
    assert "Kaj pomeni letalo?" not in html  # not in the text


def test_unknown_template_name_from_house_folder(
    tmp_path: Path, load_doc: Callable[..., easyread.Document]
) -> None:
    from easyread.errors import RenderError

    with pytest.raises(RenderError, match="invitation"):
        render_document(load_doc("vabilo.md"), "html", template="poster")


def test_glossary_words_not_in_the_text_are_left_out() -> None:
    doc = easyread.load_text(
        "---\ntitle: T\nlang: de\nglossary:\n  - {term: Bücherei, explanation: Dort gibt es Bücher.}\n"
        "  - {term: Ausweis, explanation: Eine Karte mit Ihrem Namen.}\n---\n\nWir gehen in die Bücherei.\n"
    )
    html = render_document(doc, "html").decode()
    assert "Was bedeutet Bücherei?" in html
    assert "Ausweis" not in html


def test_public_api_render(
    load_doc: Callable[..., easyread.Document], tmp_path: Path
) -> None:
    """``easyread.render`` works even after the ``easyread.render`` subpackage is imported."""
    import easyread.render  # the import that used to hide the function

    doc = load_doc("vabilo.md")
    out = tmp_path / "v.html"
    data = easyread.render(doc, "html", out=out, paper="A5")
    assert data == out.read_bytes() == render_document(doc, "html", paper="A5")
