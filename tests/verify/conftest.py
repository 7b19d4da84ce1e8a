"""Fixtures for the rendered-output checks: small PDFs made with WeasyPrint."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from easyread.render.verify.browser import Browser, find_chromium

PAGE_CSS = (
    "@page { size: A4; margin: 20mm }"
    " body { font-family: 'DejaVu Sans', sans-serif; font-size: 16pt; line-height: 1.5;"
    " margin: 0; color: #111; }"
)

GOOD_BODY = """
<main>
  <h1>Vabilo na uro branja</h1>
  <p>Pridite k nam v knjižnico.</p>
  <h2>Kdaj?</h2>
  <p>V petek ob 10. uri.</p>
  <img alt="Knjiga" style="width: 30mm" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==">
</main>
"""


def page_html(
    body: str = GOOD_BODY, css: str = "", *, lang: str = "sl", title: str = "Vabilo"
) -> str:
    """A complete HTML page for WeasyPrint with the standard print CSS plus ``css``."""
    lang_attr = f' lang="{lang}"' if lang else ""
    title_el = f"<title>{title}</title>" if title else ""
    return (
        f"<!doctype html><html{lang_attr}><head><meta charset='utf-8'>{title_el}"
        f"<style>{PAGE_CSS} {css}</style></head><body>{body}</body></html>"
    )


MakePdf = Callable[..., Path]


@pytest.fixture
def html_page() -> Callable[..., str]:
    """:func:`page_html`, as a fixture (test modules cannot import conftest)."""
    return page_html


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """Render HTML to a PDF in ``tmp_path``; ``variant=None`` makes an untagged PDF."""
    weasyprint = pytest.importorskip(
        "weasyprint", reason="needs WeasyPrint (the pdf extra)"
    )
    counter = iter(range(1000))

    def make(
        html: str,
        *,
        variant: str | None = "pdf/ua-1",
        name: str = "",
        **options: object,
    ) -> Path:
        out = tmp_path / (name or f"doc{next(counter)}.pdf")
        if variant:
            options["pdf_variant"] = variant
        weasyprint.HTML(string=html, base_url=str(tmp_path)).write_pdf(out, **options)
        return out

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session (skipped only if Chromium is missing)."""
    if find_chromium() is None:
        pytest.skip(
            "browser tests need Chromium at /usr/bin/chromium (apt-get install chromium)"
        )
    # playwright and axe-playwright-python are dev dependencies: if they are
    # missing, Browser raises MissingDependency and the tests fail (no skip).
    with Browser() as b:
        yield b


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """``example_pdf(source)``: the example rendered to PDF by easyread, once per
    session (the example checks and veraPDF read the same files; they only read
    them). Skipped without WeasyPrint."""
    pytest.importorskip(
        "weasyprint", reason="PDF rendering needs WeasyPrint (the pdf extra)"
    )
    from easyread.loader import load
    from easyread.render import render_document

    out = tmp_path_factory.mktemp("examples-pdf")
    done: dict[Path, Path] = {}

    def render(source: Path) -> Path:
        if source not in done:
            target = out / f"{source.stem}.pdf"
            render_document(load(source), "pdf", out=target)
            done[source] = target
        return done[source]

    return render
