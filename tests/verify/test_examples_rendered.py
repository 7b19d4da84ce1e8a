"""Every example, rendered by easyread, passes the rendered-output checks.

* HTML and PDF: zero findings from :func:`easyread.render.verify.verify_output`
  with the example's own profile, and no PDF text smaller than 14 pt.
* Browser (marked ``browser``, headless Debian Chromium): zero axe-core
  violations for WCAG 2.0/2.1/2.2 A and AA (colour contrast included; strict
  examples also with the 7:1 ``color-contrast-enhanced`` rule), no horizontal
  scrolling at 320 CSS px (WCAG 1.4.10), everything visible at 200 % zoom
  (WCAG 1.4.4) and with WCAG 1.4.12 text spacing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from easyread.loader import load
from easyread.profiles import Profile, load_profile
from easyread.render.verify import verify_output
from easyread.render.verify.browser import AXE_TAGS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))
MIN_PDF_PT = 14.0


@dataclass(frozen=True)
class Rendered:
    source: Path
    profile: Profile
    path: Path  # the rendered file


def _render_module():  # type: ignore[no-untyped-def]
    try:
        from easyread import render
    except ImportError as exc:  # pragma: no cover - the renderer is part of the package
        pytest.fail(f"easyread.render cannot be imported: {exc}")
    return render


def _profile_of(source: Path) -> Profile:
    return load_profile(load(source).meta.profile or "strict")


def test_there_are_examples():
    assert len(EXAMPLES) >= 2
    assert {p.name.split("-")[0] for p in EXAMPLES} >= {"sl", "en", "de"}


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def rendered_html(request, tmp_path_factory) -> Rendered:  # type: ignore[no-untyped-def]
    source: Path = request.param
    out = tmp_path_factory.mktemp("html") / f"{source.stem}.html"
    _render_module().render_document(load(source), "html", out=out)
    return Rendered(source, _profile_of(source), out)


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def rendered_pdf(request, example_pdf) -> Rendered:  # type: ignore[no-untyped-def]
    pytest.importorskip(
        "weasyprint", reason="PDF rendering needs WeasyPrint (the pdf extra)"
    )
    source: Path = request.param
    _render_module()
    # rendered once per session; test_verapdf.py validates the same files
    return Rendered(source, _profile_of(source), example_pdf(source))


def _describe(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{Path(f.path).name}:{f.location} {f.rule} {f.message}" for f in findings]


def test_html_has_no_findings(rendered_html: Rendered):
    findings = verify_output(rendered_html.path, rendered_html.profile, lang="en")
    assert _describe(findings) == []


@pytest.mark.pdf
def test_pdf_has_no_findings(rendered_pdf: Rendered):
    findings = verify_output(rendered_pdf.path, rendered_pdf.profile, lang="en")
    assert _describe(findings) == []


@pytest.mark.pdf
def test_pdf_text_is_never_below_14_pt(rendered_pdf: Rendered):
    from easyread.render.verify.pdf import measure_pdf

    facts = measure_pdf(rendered_pdf.path)
    assert facts.min_font_size_pt is not None, "the PDF has no text"
    assert facts.min_font_size_pt >= MIN_PDF_PT - 0.05, (
        f"page {facts.min_font_page}: {facts.min_font_size_pt} pt: {facts.min_font_text!r}"
    )
    assert facts.tagged
    assert all(name.split("+")[-1].startswith("Atkinson") for name in facts.fonts), (
        facts.fonts
    )


@pytest.mark.browser
def test_axe_finds_no_violations(rendered_html: Rendered, browser):
    extra = (
        ("color-contrast-enhanced",)
        if float(rendered_html.profile.render.get("contrast_min", 4.5)) >= 7
        else ()
    )
    result = browser.axe(rendered_html.path, AXE_TAGS, extra_rules=extra)
    assert result.passes > 0, "axe ran no passing rule: the page did not load?"
    assert [str(v) for v in result.violations] == []


@pytest.mark.browser
def test_reflows_at_320_px(rendered_html: Rendered, browser):
    result = browser.reflow(rendered_html.path, width=320)
    assert result.scroll_width <= 320, f"scrollWidth {result.scroll_width} at 320 px"
    assert result.problems == ()


@pytest.mark.browser
def test_everything_visible_at_200_percent_zoom(rendered_html: Rendered, browser):
    result = browser.zoom(rendered_html.path, factor=2.0)
    assert result.viewport_width == 640
    assert result.scroll_width <= result.viewport_width
    assert result.problems == ()


@pytest.mark.browser
def test_text_spacing_loses_nothing(rendered_html: Rendered, browser):
    result = browser.text_spacing(rendered_html.path)
    assert result.ok, result
