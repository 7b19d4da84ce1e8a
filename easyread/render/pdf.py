"""HTML to a tagged PDF/UA-1 file with WeasyPrint, through the safe fetcher.

WeasyPrint is imported here, inside the function, so that checking texts never
loads it. Its own warnings (a picture it could not load, a missing alt text)
are passed on to easyread's log, because a PDF that looks fine can still fail
PDF/UA.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .._log import logger
from ..errors import MissingDependency, RenderError
from .fetcher import make_fetcher

__all__ = ["PDF_VARIANTS", "html_to_pdf", "import_weasyprint"]

#: PDF variants easyread accepts. UA-1 is the default and passes veraPDF;
#: UA-2 output from WeasyPrint 70 fails two veraPDF checks (see stack notes).
PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2")


def import_weasyprint() -> object:
    """Import WeasyPrint or say how to install it.

    :raises MissingDependency: when WeasyPrint or the libraries it loads
        (Pango, HarfBuzz) are missing.
    """
    try:
        import weasyprint
    except ImportError as exc:
        raise MissingDependency(
            f"PDF output needs WeasyPrint ({exc.name or 'weasyprint'} is missing)",
            hint="pip install 'easyread[pdf]'",
        ) from None
    except OSError as exc:  # WeasyPrint loads Pango and HarfBuzz with ctypes
        raise MissingDependency(
            f"WeasyPrint cannot load a system library: {exc}",
            hint="on Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
        ) from None
    return weasyprint


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a broken log record must not stop the render
            self.messages.append(str(record.msg))


def html_to_pdf(
    html: str,
    *,
    roots: Sequence[Path],
    base_url: str,
    pdf_variant: str = "pdf/ua-1",
    where: str = "",
) -> bytes:
    """Render HTML to PDF bytes. Files are read only inside ``roots``.

    :raises MissingDependency: without WeasyPrint.
    :raises RenderError: when WeasyPrint fails.
    """
    variant = pdf_variant.strip().lower()
    if variant not in PDF_VARIANTS:
        raise RenderError(
            f"unknown pdf_variant {pdf_variant!r}", where=where, hint="use pdf/ua-1"
        )
    weasyprint = import_weasyprint()
    fetcher = make_fetcher(roots)
    collect = _Collect()
    wp_logger = logging.getLogger("weasyprint")
    wp_logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)  # type: ignore[attr-defined]
        pdf = document.write_pdf(pdf_variant=variant)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        raise RenderError(
            f"the PDF engine failed: {type(exc).__name__}: {exc}", where=where
        ) from exc
    finally:
        wp_logger.removeHandler(collect)
    for message in dict.fromkeys(collect.messages):
        logger.warning("%sPDF engine: %s", f"{where}: " if where else "", message)
    if not isinstance(pdf, bytes):
        raise RenderError("the PDF engine returned nothing", where=where)
    return pdf
