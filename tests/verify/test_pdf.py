"""PDF checks on small WeasyPrint PDFs made to pass or to break one thing each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from easyread.errors import DocumentError, MissingDependency
from easyread.model import Severity
from easyread.profiles import load_profile
from easyread.render.verify import RULES, verify_output
from easyread.render.verify.pdf import measure_pdf

pytestmark = pytest.mark.pdf


def rules_of(findings: tuple) -> set[str]:  # type: ignore[type-arg]
    return {f.rule for f in findings}


def test_good_pdf_has_no_findings(make_pdf, html_page):
    pdf = make_pdf(html_page())
    assert verify_output(pdf, "strict") == ()
    facts = measure_pdf(pdf)
    assert facts.tagged
    assert facts.pages == 1
    assert facts.page_sizes_mm == ((210.0, 297.0),)
    assert facts.min_font_size_pt == pytest.approx(16, abs=0.01)


@pytest.mark.parametrize(
    ("options", "expected", "absent"),
    [
        # No pdf_variant: an untagged PDF without XMP.
        (
            {"variant": None},
            {
                "pdf.struct-tree",
                "pdf.mark-info",
                "pdf.display-doc-title",
                "pdf.ua-id",
                "pdf.title",
            },
            {"pdf.lang", "pdf.font-size", "pdf.figure-alt"},
        ),
        # pdf_tags alone: tagged, but no XMP metadata (veraPDF fails it on 7.1-8 too).
        (
            {"variant": None, "pdf_tags": True},
            {"pdf.ua-id", "pdf.title"},
            {"pdf.struct-tree", "pdf.mark-info", "pdf.display-doc-title"},
        ),
        # PDF/UA-2 is not PDF/UA-1.
        ({"variant": "pdf/ua-2"}, {"pdf.ua-id"}, {"pdf.struct-tree", "pdf.title"}),
    ],
)
def test_pdf_ua_structure(make_pdf, options, expected, absent, html_page):
    findings = verify_output(make_pdf(html_page(), **options), "strict")
    found = rules_of(findings)
    assert expected <= found
    assert not (absent & found)
    assert all(f.severity is Severity.ERROR for f in findings if f.rule in expected)
    assert all(f.location.line == 1 and f.location.column == 1 for f in findings)


def test_pdf_ua2_message_names_the_part(make_pdf, html_page):
    (finding,) = [
        f
        for f in verify_output(make_pdf(html_page(), variant="pdf/ua-2"), lang="en")
        if f.rule == "pdf.ua-id"
    ]
    assert "PDF/UA-2" in finding.message


def test_missing_lang_is_reported(make_pdf, html_page):
    findings = verify_output(make_pdf(html_page(lang="")), "strict", lang="en")
    assert "pdf.lang" in rules_of(findings)


def test_ten_point_text_is_reported_with_page_and_text(make_pdf, html_page):
    body = "<main><h1>Naslov</h1><p>Veliko besedilo.</p><p style='font-size:10pt'>Drobni tisk na dnu.</p></main>"
    pdf = make_pdf(html_page(body))
    (finding,) = [
        f for f in verify_output(pdf, "strict", lang="en") if f.rule == "pdf.font-size"
    ]
    assert finding.severity is Severity.ERROR
    assert finding.location.line == 1
    assert "10 pt" in finding.message and "14 pt" in finding.message
    assert "Drobni tisk na dnu." in finding.message
    assert finding.excerpt == "Drobni tisk na dnu."
    assert measure_pdf(pdf).min_font_size_pt == pytest.approx(10, abs=0.01)
    # The plain profile allows 12 pt: 10 pt is still too small there.
    assert "pdf.font-size" in rules_of(verify_output(pdf, "plain"))


def test_small_text_on_page_two_is_located_on_page_two(make_pdf, html_page):
    body = "<main><h1>Ena</h1><p>Prva stran.</p><p style='break-before:page;font-size:11pt'>Druga stran.</p></main>"
    findings = [
        f
        for f in verify_output(make_pdf(html_page(body)), "strict")
        if f.rule == "pdf.font-size"
    ]
    assert [f.location.line for f in findings] == [2]


def test_thirteen_point_is_fine_for_plain_but_not_strict(make_pdf, html_page):
    pdf = make_pdf(html_page(GOOD_13PT))
    assert "pdf.font-size" in rules_of(verify_output(pdf, "strict"))
    assert "pdf.font-size" not in rules_of(verify_output(pdf, "plain"))


GOOD_13PT = "<main><h1>Naslov</h1><p style='font-size:13pt'>Besedilo.</p></main>"


def test_figure_without_alt(make_pdf, html_page):
    body = (
        "<main><h1>Slika</h1><img alt='' style='width:30mm' src='data:image/png;base64,"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='></main>"
    )
    findings = [
        f
        for f in verify_output(make_pdf(html_page(body)), "strict")
        if f.rule == "pdf.figure-alt"
    ]
    assert len(findings) == 1
    assert findings[0].location.line == 1


@pytest.mark.parametrize(
    ("headings", "variant_text"),
    [
        ("<h1>A</h1><h3>B</h3>", "H3"),
        ("<h2>A</h2><h3>B</h3>", "H2"),
    ],
)
def test_heading_levels_from_the_structure_tree(
    make_pdf, headings, variant_text, html_page
):
    findings = [
        f
        for f in verify_output(
            make_pdf(html_page(f"<main>{headings}<p>x</p></main>")), lang="en"
        )
        if f.rule == "pdf.heading-levels"
    ]
    assert len(findings) == 1
    assert variant_text in findings[0].message


@pytest.mark.parametrize(
    ("item", "bad"),
    [
        ("<li>Ena.</li>", False),
        ("<li><span>Ena.</span><br><span>Dve.</span></li>", False),
        # WeasyPrint puts block children of <li> next to LBody: PDF/UA 7.2-20 fails
        (
            "<li><span style='display:block'>Ena.</span><span style='display:block'>Dve.</span></li>",
            True,
        ),
        ("<li><p>Ena.</p></li>", True),
    ],
)
def test_list_item_structure(make_pdf, html_page, item, bad):
    body = f"<main><h1>Seznam</h1><ul>{item}{item}</ul></main>"
    findings = [
        f
        for f in verify_output(make_pdf(html_page(body)), lang="en")
        if f.rule == "pdf.struct-tree"
    ]
    if not bad:
        assert findings == []
    else:
        assert len(findings) == 1  # once, not once per item
        assert "LI holds Lbl, " in findings[0].message
        assert "only Lbl, LBody" in findings[0].message
        assert (
            "<li>" in findings[0].suggestion
        )  # says how to fix this, not "use pdf/ua-1"


def test_good_heading_order_passes(make_pdf, html_page):
    body = "<main><h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h3>E</h3></main>"
    assert "pdf.heading-levels" not in rules_of(
        verify_output(make_pdf(html_page(body)))
    )


def test_low_contrast_text(make_pdf, html_page):
    body = "<main><h1>Naslov</h1><p style='color:#999999'>Sivo besedilo.</p></main>"
    (finding,) = [
        f
        for f in verify_output(make_pdf(html_page(body)), lang="en")
        if f.rule == "pdf.contrast"
    ]
    assert "Sivo besedilo." in finding.message
    assert "7:1" in finding.message


def test_white_text_on_a_dark_box_is_fine(make_pdf, html_page):
    body = "<main><h1>Naslov</h1><p style='background:#003366;color:#ffffff'>Belo na temnem.</p></main>"
    assert "pdf.contrast" not in rules_of(verify_output(make_pdf(html_page(body))))


@pytest.mark.parametrize(
    "style",
    [
        # a border is drawn as an even-odd frame: its inside is not painted
        "border: 3px solid #0b3a66; padding: 4mm",
        # a rounded box is a curve, not a rectangle
        "background: #0b3a66; color: #ffffff; border-radius: 6mm; padding: 4mm",
    ],
)
def test_boxes_and_borders_do_not_fool_the_contrast_check(make_pdf, html_page, style):
    body = f"<main><h1>Naslov</h1><p style='{style}'>Besedilo v okvirju.</p></main>"
    assert "pdf.contrast" not in rules_of(verify_output(make_pdf(html_page(body))))


def test_grey_text_on_a_grey_rounded_box(make_pdf, html_page):
    body = (
        "<main><h1>Naslov</h1><p style='background:#dddddd;color:#777777;border-radius:4mm;"
        "padding:4mm'>Sivo na sivem.</p></main>"
    )
    (finding,) = [
        f
        for f in verify_output(make_pdf(html_page(body)), lang="en")
        if f.rule == "pdf.contrast"
    ]
    assert "Sivo na sivem." in finding.message
    assert "3.3:1" in finding.message


def test_narrow_margins(make_pdf, html_page):
    html = html_page(css="@page { margin: 5mm }")
    findings = [
        f
        for f in verify_output(make_pdf(html), "strict", lang="en")
        if f.rule == "pdf.margins"
    ]
    sides = {f.message.split()[1] for f in findings}
    assert {"left", "top"} <= sides
    assert all("20 mm" in f.message for f in findings)
    # The plain profile needs 15 mm: 5 mm is still too narrow.
    assert "pdf.margins" in rules_of(verify_output(make_pdf(html), "plain"))


def test_footer_in_the_page_margin_is_not_a_margin_problem(make_pdf, html_page):
    css = (
        "@page { @bottom-center { content: 'Stran ' counter(page) ' od ' counter(pages);"
        " font-family: 'DejaVu Sans'; font-size: 14pt } }"
    )
    findings = verify_output(make_pdf(html_page(css=css)), "strict")
    assert findings == ()


def test_small_footer_counts_for_font_size(make_pdf, html_page):
    css = "@page { @bottom-center { content: counter(page); font-family: 'DejaVu Sans'; font-size: 9pt } }"
    findings = [
        f
        for f in verify_output(make_pdf(html_page(css=css)), "strict")
        if f.rule == "pdf.font-size"
    ]
    assert len(findings) == 1
    assert findings[0].excerpt == "1"


@pytest.mark.parametrize(
    ("size", "profile", "variant"),
    [
        ("A6", "strict", ""),  # smaller than A5
        ("A5", "strict", "paper"),  # A5 is allowed, but strict asks for A4
        ("A4 landscape", "strict", None),  # orientation does not matter
    ],
)
def test_page_size(make_pdf, size, profile, variant, html_page):
    html = html_page(css=f"@page {{ size: {size}; margin: 20mm }}")
    findings = [
        f
        for f in verify_output(make_pdf(html), profile, lang="en")
        if f.rule == "pdf.page-size"
    ]
    if variant is None:
        assert findings == []
    else:
        assert len(findings) == 1
        assert ("A4" in findings[0].message) == (variant == "paper")
        assert ("A5 (148 × 210 mm)" in findings[0].message) == (variant == "")


def test_a5_is_fine_when_the_profile_asks_for_a5(make_pdf, tmp_path, html_page):
    profile = tmp_path / "a5.yaml"
    profile.write_text(
        "extends: strict\nrender:\n  paper: A5\n  margin_mm: 15\n", encoding="utf-8"
    )
    html = html_page(css="@page { size: A5; margin: 15mm }")
    assert verify_output(make_pdf(html), profile) == ()


def test_hyphenated_line_ends(make_pdf, html_page):
    text = "Donaudampfschifffahrtsgesellschaftskapitänsmütze " * 6
    body = f"<main><h1>Wort</h1><p style='hyphens:auto;width:60mm'>{text}</p></main>"
    findings = [
        f
        for f in verify_output(make_pdf(html_page(body, lang="de")), lang="en")
        if f.rule == "pdf.hyphens"
    ]
    assert len(findings) == 1
    assert findings[0].severity is Severity.WARNING


def test_no_hyphen_finding_without_hyphenation(make_pdf, html_page):
    text = "Wir basteln heute einen schönen Stern aus buntem Papier. " * 6
    body = f"<main><h1>Wort</h1><p style='width:60mm'>{text}</p></main>"
    assert "pdf.hyphens" not in rules_of(
        verify_output(make_pdf(html_page(body, lang="de")))
    )


def _helvetica_pdf(path: Path) -> Path:
    """A one-page PDF whose font is the non-embedded standard Helvetica."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
        )
    )
    content = pdf.make_stream(b"BT /F1 16 Tf 72 700 Td (Hello) Tj ET")
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595.28, 841.89],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=content,
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_font_not_embedded(tmp_path):
    pytest.importorskip("pikepdf")
    findings = verify_output(_helvetica_pdf(tmp_path / "helvetica.pdf"), lang="en")
    (finding,) = [f for f in findings if f.rule == "pdf.fonts-embedded"]
    assert "Helvetica" in finding.message
    assert finding.location.line == 1


def test_empty_structure_tree(tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    path = _helvetica_pdf(tmp_path / "empty-tree.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.StructTreeRoot = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array())
        )
        pdf.save(path)
    findings = [
        f for f in verify_output(path, lang="en") if f.rule == "pdf.struct-tree"
    ]
    assert [f.message for f in findings] == ["The PDF's tag structure is empty."]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sl", "strukture oznak"),
        ("en", "no tag structure"),
        ("de", "keine Tag-Struktur"),
    ],
)
def test_messages_in_three_languages(make_pdf, lang, words, html_page):
    findings = verify_output(make_pdf(html_page(), variant=None), lang=lang)
    (finding,) = [f for f in findings if f.rule == "pdf.struct-tree"]
    assert words in finding.message
    assert finding.suggestion


def test_message_language_defaults_to_the_pdf_language(make_pdf, html_page):
    findings = verify_output(make_pdf(html_page(lang="de"), variant=None))
    assert any("keine Tag-Struktur" in f.message for f in findings)


def test_profile_switches_checks_off_and_changes_severity(
    make_pdf, tmp_path, html_page
):
    profile = tmp_path / "mine.yaml"
    profile.write_text(
        "extends: strict\nrules:\n  pdf.margins: {enabled: false}\n  pdf.page-size: {severity: warning}\n",
        encoding="utf-8",
    )
    html = html_page(css="@page { size: A5; margin: 5mm }")
    findings = verify_output(make_pdf(html), load_profile(profile))
    assert "pdf.margins" not in rules_of(findings)
    (size,) = [f for f in findings if f.rule == "pdf.page-size"]
    assert size.severity is Severity.WARNING


def test_findings_carry_the_path_and_a_known_rule(make_pdf, html_page):
    pdf = make_pdf(html_page(), variant=None)
    findings = verify_output(pdf)
    assert findings
    for f in findings:
        assert f.path == str(pdf)
        assert f.rule in RULES
        assert f.to_dict()["line"] >= 1


def test_broken_pdf_is_a_document_error(tmp_path):
    pytest.importorskip("pikepdf")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a pdf")
    with pytest.raises(DocumentError) as info:
        verify_output(bad)
    assert str(bad) in str(info.value)


def test_missing_pdf_is_a_document_error(tmp_path):
    pytest.importorskip("pikepdf")
    with pytest.raises(DocumentError, match="not found"):
        verify_output(tmp_path / "nothing.pdf")


def test_missing_pikepdf_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pikepdf", None)
    with pytest.raises(MissingDependency) as info:
        verify_output(tmp_path / "x.pdf")
    assert "easyread[pdf]" in info.value.hint
