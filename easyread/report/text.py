"""The report for people: grouped by file, the problem underlined in its sentence.

::

    vabilo.md:4:1 napaka core.sentence-length Poved ima 24 besed. Največ jih sme imeti 15.
        Dogodek bo v petek, 10. maja, ob 10. uri v veliki dvorani knjižnice, …
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        → Razdelite jo na dve krajši povedi.

    Preverjeno: 1 datoteka. Najdeno: 1 napaka, 0 opozoril, 0 predlogov.

Colour (ANSI) is used only when asked for; :func:`use_colour` decides that
for a stream (a TTY, and ``NO_COLOR`` not set).
"""

from __future__ import annotations

import os
from typing import TextIO

from ..model import Finding, Severity
from . import FileResult, Report
from ._i18n import count_phrase, severity_label, words

__all__ = ["format_report", "summary_line", "underline", "use_colour"]

#: Widest excerpt shown; longer ones are cut around the problem with "…".
MAX_WIDTH = 100
_INDENT = "    "

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_COLOURS = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.SUGGESTION: "\x1b[36m",
}
_GREEN = "\x1b[32m"


def use_colour(stream: TextIO, mode: str = "auto") -> bool:
    """True for ``always``; for ``auto``, when ``stream`` is a TTY and ``NO_COLOR`` is unset."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _flat(text: str) -> str:
    # One character in, one character out, so offsets into the excerpt stay valid.
    return "".join(" " if ch in "\n\r\t\v\f" else ch for ch in text)


def underline(
    excerpt: str, start: int, end: int, width: int = MAX_WIDTH
) -> tuple[str, str]:
    """Return the excerpt on one line and a line of ``^`` under ``[start, end)``.

    Line breaks become spaces. An excerpt wider than ``width`` is cut around the
    problem, and the cut is shown with ``…``. An empty range gets one ``^``.
    """
    # Only the part that is shown is flattened: a 50,000-character sentence
    # with thousands of findings must cost the width per finding, not the
    # sentence (it was quadratic: minutes for one pasted paragraph).
    size = len(excerpt)
    while size and excerpt[size - 1].isspace():  # the length of excerpt.rstrip()
        size -= 1
    start = max(0, min(start, size))
    end = max(start, min(end, size))
    if end == start:
        end = min(start + 1, max(size, start + 1))
    if size > width:
        # Keep the problem in view with some context before it.
        left = max(0, min(start - width // 4, size - width))
        right = min(size, max(left + width, 0))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < size else ""
        shown = _flat(excerpt[left:right])
        start, end = start - left + len(prefix), min(end, right) - left + len(prefix)
        text = prefix + shown + suffix
    else:
        text = _flat(excerpt[:size])
    marks = " " * start + "^" * max(1, end - start)
    return text, marks


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour and text else text


def _finding_lines(
    result: FileResult, f: Finding, lang: str, colour: bool
) -> list[str]:
    where = _paint(
        f"{result.path}:{f.location.line}:{f.location.column}", _BOLD, colour
    )
    sev = _paint(severity_label(f.severity, lang), _COLOURS[f.severity], colour)
    rule = _paint(f.rule, _DIM, colour)
    lines = [f"{where} {sev} {rule} {f.message}"]
    if f.excerpt.strip():
        text, marks = underline(f.excerpt, f.excerpt_start, f.excerpt_end)
        lines.append(_INDENT + text)
        lines.append(_INDENT + _paint(marks, _COLOURS[f.severity], colour))
    if f.suggestion:
        lines.append(_INDENT + _paint(f"→ {f.suggestion}", _GREEN, colour))
    return lines


def summary_line(report: Report, lang: str) -> str:
    """The closing line: files checked and findings per severity, in ``lang``."""
    parts = [
        count_phrase(report.count(Severity.ERROR), "error", lang),
        count_phrase(report.count(Severity.WARNING), "warning", lang),
        count_phrase(report.count(Severity.SUGGESTION), "suggestion", lang),
    ]
    line = (
        f"{words('checked', lang)}: {count_phrase(len(report.files), 'file', lang)}. "
        f"{words('found', lang)}: {', '.join(parts)}."
    )
    if report.failed_files:
        line += f" {words('unreadable', lang)}: {count_phrase(report.failed_files, 'file', lang)}."
    if report.baselined:
        line += f" {words('baselined', lang)}: {report.baselined}."
    return line


def format_report(report: Report, *, colour: bool = False, summary: bool = True) -> str:
    """Render the report as text for a terminal or a log.

    :param colour: add ANSI colours (decide with :func:`use_colour`).
    :param summary: end with the summary line in the report's language.
    """
    lang = report.summary_lang()
    blocks: list[str] = []
    for result in report.files:
        # Findings carry the UI language already; the severity label follows
        # the same language (the ui_lang, else the document's own).
        file_lang = report.ui_lang or result.lang or lang
        lines: list[str] = []
        if result.error is not None:
            err = result.error
            label = _paint(
                severity_label(Severity.ERROR, file_lang),
                _COLOURS[Severity.ERROR],
                colour,
            )
            where = err.where or result.path
            lines.append(f"{_paint(where, _BOLD, colour)} {label} {err.message}")
            if err.hint:
                lines.append(_INDENT + _paint(f"→ {err.hint}", _GREEN, colour))
        for f in result.findings:
            lines.extend(_finding_lines(result, f, file_lang, colour))
        if lines:
            blocks.append("\n".join(lines))
    if summary:
        blocks.append(_paint(summary_line(report, lang), _BOLD, colour))
    return "\n\n".join(blocks) + "\n" if blocks else ""
