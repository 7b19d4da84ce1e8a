"""Rendered-output checks: verify the PDF and HTML files easyread (or anyone) produced.

``easyread build`` runs them on what it writes, and ``easyread check out/file.pdf``
or ``out/file.html`` runs them on existing files. They report
:class:`~easyread.model.Finding` objects, like the text checker:

* PDF (needs ``pikepdf`` and ``pdfplumber``, the ``pdf`` extra): PDF/UA-1 basics
  (structure tree, ``/Lang``, ``/MarkInfo``, ``DisplayDocTitle``, XMP title and
  ``pdfuaid:part``, ``/Alt`` on every ``Figure``, embedded fonts, heading order)
  and print layout (smallest text size, contrast, page size, margins, hyphenated
  line ends). The line of a finding is the page number.
* HTML (standard library only): ``lang``, ``<title>``, one ``<main>``, heading
  order, ``alt`` on images, no scripts, and the stylesheets it embeds or links:
  no justified, hyphenated, italic or upper-case text, contrast, font size and
  line height. The line of a finding is the source line.

Thresholds come from the profile's ``render`` section (``font_size_pt_min``,
``font_size_px_min``, ``line_height_min``, ``contrast_min``,
``contrast_large_min``, ``margin_mm``, ``paper``). A profile can switch a check
off or change its severity under ``rules`` (``pdf.margins: {enabled: false}``).
"""

from __future__ import annotations

from pathlib import Path

from ...errors import DocumentError
from ...model import Finding
from ...profiles import Profile, load_profile
from ._messages import RULES, OutputRule

__all__ = ["RULES", "OutputRule", "verify_output"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def verify_output(
    path: str | Path,
    profile: Profile | str | Path | None = None,
    *,
    lang: str | None = None,
) -> tuple[Finding, ...]:
    """Check a rendered ``.pdf`` or ``.html`` file and return its findings.

    :param path: the file; its suffix decides which checks run.
    :param profile: a :class:`~easyread.profiles.Profile`, a built-in name
        (``"strict"``, ``"plain"``), a profile YAML path, or None for ``strict``.
    :param lang: language of the messages (``sl``, ``en``, ``de``); by default
        the file's own language, else English.
    :raises DocumentError: the file is missing, unreadable or neither PDF nor HTML.
    :raises MissingDependency: a PDF is checked without pikepdf/pdfplumber.
    """
    path = Path(path)
    resolved = profile if isinstance(profile, Profile) else load_profile(profile)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import verify_pdf

        return verify_pdf(path, resolved, lang=lang)
    if suffix in _HTML_SUFFIXES:
        from .html import verify_html

        return verify_html(path, resolved, lang=lang)
    raise DocumentError(
        f"cannot verify a {suffix or 'file without a suffix'}: only rendered .pdf and .html files",
        where=str(path),
        hint="check source texts (.md, .txt) with easyread check; verify files made by easyread build",
    )
