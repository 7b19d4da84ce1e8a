"""The PDF: PDF/UA-1 structure, embedded fonts, sizes, margins, page labels.

Checked with pikepdf and pdfplumber (milliseconds); veraPDF runs in
``tests/verify`` when Java is there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import easyread
from easyread.profiles import load_profile

pikepdf = pytest.importorskip("pikepdf")
pdfplumber = pytest.importorskip("pdfplumber")

pytestmark = pytest.mark.pdf

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DOCS = [
    HERE / "docs" / n for n in ("vabilo.md", "kazalka.md", "notice.md", "einladung.md")
]
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))
ALL = DOCS + EXAMPLES
MM = 72 / 25.4


def _ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.name}" for p in paths]


def _elements(node: object) -> Iterator[object]:
    if isinstance(node, pikepdf.Array):
        for child in node:
            yield from _elements(child)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
        if "/K" in node:
            yield from _elements(node.K)


@pytest.fixture
def pdf(
    request: pytest.FixtureRequest,
    pdf_cache: Callable[[Path], Path],
    weasyprint_available: bool,
) -> Path:
    return pdf_cache(request.param)


@pytest.mark.parametrize("pdf", ALL, ids=_ids(ALL), indirect=True)
def test_pdf_ua_structure(pdf: Path) -> None:
    with pikepdf.open(pdf) as p:
        root = p.Root
        assert "/StructTreeRoot" in root
        elements = list(_elements(root.StructTreeRoot.K))
        assert elements, "empty structure tree"
        assert str(root.Lang) in ("sl", "en", "de")
        assert bool(root.MarkInfo.Marked) is True
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert str(p.docinfo.Title).strip()
        xmp = root.Metadata.read_bytes().decode("utf-8")
        assert re.search(r'pdfuaid:part(="1"|>1<)', xmp), (
            "no PDF/UA-1 identification in XMP"
        )
        figures = [e for e in elements if e.S == "/Figure"]
        assert figures, "pictures are tagged as figures"
        for figure in figures:
            assert str(figure.get("/Alt", "")).strip(), "every figure needs /Alt"
        # PDF/UA 7.2-20: a list item holds only Lbl and LBody
        for li in (e for e in elements if e.S == "/LI"):
            kids = (
                [k for k in _elements(li.K) if k.get("/P") == li] if "/K" in li else []
            )
            assert {str(k.S) for k in kids} <= {"/Lbl", "/LBody"}, [
                str(k.S) for k in kids
            ]
        headings = [
            int(str(e.S)[2]) for e in elements if re.fullmatch(r"/H[1-6]", str(e.S))
        ]
        assert headings[0] == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(headings)), headings
        for page in p.pages:
            assert page.get("/Tabs") == "/S"


@pytest.mark.parametrize("pdf", ALL, ids=_ids(ALL), indirect=True)
def test_lang_matches_the_document(pdf: Path) -> None:
    source = next(p for p in ALL if pdf.name.endswith(p.stem + ".pdf"))
    with pikepdf.open(pdf) as p:
        assert str(p.Root.Lang) == easyread.load(source).lang


@pytest.mark.parametrize("pdf", ALL, ids=_ids(ALL), indirect=True)
def test_fonts_are_embedded_subsets(pdf: Path) -> None:
    with pikepdf.open(pdf) as p:
        names = set()
        for page in p.pages:
            for font in page.Resources.Font.values():
                for desc_font in font.get("/DescendantFonts", [font]):
                    descriptor = desc_font.FontDescriptor
                    assert any(
                        k in descriptor
                        for k in ("/FontFile", "/FontFile2", "/FontFile3")
                    ), font.BaseFont
                    names.add(str(font.BaseFont))
        assert names
        assert all(re.match(r"/[A-Z]{6}\+", n) for n in names), names  # subset prefix
        assert any("Atkinson" in n for n in names)


@pytest.mark.parametrize("pdf", ALL, ids=_ids(ALL), indirect=True)
def test_no_text_smaller_than_the_minimum_and_inside_the_margins(pdf: Path) -> None:
    source = next(p for p in ALL if pdf.name.endswith(p.stem + ".pdf"))
    render = load_profile(easyread.load(source).meta.profile or "strict").render
    minimum = float(render["font_size_pt_min"])
    margin = float(render["margin_mm"]) * MM
    with pdfplumber.open(pdf) as p:
        for page in p.pages:
            chars = [c for c in page.chars if c["text"].strip()]
            assert chars
            smallest = min(c["size"] for c in chars)
            assert smallest >= minimum - 0.01, (
                f"page {page.page_number}: {smallest:.2f} pt"
            )
            body = [c for c in chars if c["bottom"] < page.height - margin]
            assert min(c["x0"] for c in chars) >= margin - 0.5
            assert max(c["x1"] for c in chars) <= page.width - margin + 0.5
            assert min(c["top"] for c in body) >= margin - 0.5


@pytest.mark.parametrize("pdf", ALL, ids=_ids(ALL), indirect=True)
def test_page_labels_in_words(pdf: Path) -> None:
    words = {"sl": "Stran {} od {}", "en": "Page {} of {}", "de": "Seite {} von {}"}
    with pikepdf.open(pdf) as p:
        lang = str(p.Root.Lang)
    with pdfplumber.open(pdf) as p:
        total = len(p.pages)
        for page in p.pages:
            text = " ".join((page.extract_text() or "").split())
            assert words[lang].format(page.page_number, total) in text


@pytest.mark.parametrize("pdf", ALL, ids=_ids(ALL), indirect=True)
def test_no_sentence_is_split_across_pages(pdf: Path) -> None:
    source = next(p for p in ALL if pdf.name.endswith(p.stem + ".pdf"))
    doc = easyread.load(source)
    with pdfplumber.open(pdf) as p:
        pages = [" ".join((page.extract_text() or "").split()) for page in p.pages]
    for sentence in doc.sentences:
        text = " ".join(sentence.text.replace("**", "").split())
        if len(text) < 12 or "[" in text or "<" in text:
            continue  # too short to be unique, or shown differently (links, escaped HTML)
        hits = [i for i, page in enumerate(pages) if text in page]
        whole = " ".join(pages)
        if text in whole:
            assert hits, f"sentence split over a page break: {text!r}"


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_paper_size(paper: str, tmp_path: Path, weasyprint_available: bool) -> None:
    from easyread.render import render_document

    doc = easyread.load(HERE / "docs" / "vabilo.md")
    out = tmp_path / f"{paper}.pdf"
    render_document(doc, "pdf", out=out, paper=paper)
    expected = {"A4": (210, 297), "A5": (148, 210)}[paper]
    with pikepdf.open(out) as p:
        box = [float(x) for x in p.pages[0].MediaBox]
    assert round((box[2] - box[0]) / MM) == expected[0]
    assert round((box[3] - box[1]) / MM) == expected[1]


def test_missing_weasyprint_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import builtins

    from easyread.errors import MissingDependency
    from easyread.render import render_document

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise ImportError("No module named 'weasyprint'", name="weasyprint")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    doc = easyread.load(HERE / "docs" / "vabilo.md")
    with pytest.raises(MissingDependency) as info:
        render_document(doc, "pdf")
    assert "pip install 'easyread[pdf]'" in str(info.value)


def test_html_rendering_never_imports_weasyprint() -> None:
    import subprocess
    import sys

    code = (
        "import sys, easyread\n"
        "from easyread.render import render_document\n"
        f"render_document(easyread.load({str(HERE / 'docs' / 'vabilo.md')!r}), 'html')\n"
        "print('weasyprint' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_long_words_on_a5_stay_inside_the_page(
    tmp_path: Path, weasyprint_available: bool
) -> None:
    """A German compound in the title wraps at its Mediopunkt instead of running off the page."""
    from easyread.render import render_document

    doc = easyread.load(HERE / "docs" / "einladung.md")
    out = tmp_path / "a5.pdf"
    render_document(doc, "pdf", out=out, paper="A5")
    margin = float(load_profile("strict").render["margin_mm"]) * MM
    with pdfplumber.open(out) as p:
        for page in p.pages:
            assert max(c["x1"] for c in page.chars) <= page.width - margin + 0.5
        first = " ".join((p.pages[0].extract_text() or "").split())
    assert "Kaffee·" in first
