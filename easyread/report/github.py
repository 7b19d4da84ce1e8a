"""GitHub Actions workflow commands: findings become annotations on the pull request.

::

    ::error file=docs/vabilo.md,line=4,col=1,endLine=4,endColumn=73,title=core.sentence-length::Poved je predolga.

Errors become ``::error``, warnings ``::warning`` and suggestions
``::notice``. The message and the property values are escaped as the
Actions runner expects: ``%``, ``\\r`` and ``\\n`` everywhere, and also ``:`` and
``,`` inside properties. A summary line without a command ends the output.

GitHub shows at most 10 annotations of each level per step and 50 per job;
the full list is always in the log and in the other formats.
"""

from __future__ import annotations

from ..model import Finding, Severity
from . import Report
from .text import summary_line

__all__ = ["escape_data", "escape_property", "format_report"]

_COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "notice",
}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=`` …) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(path: str, f: Finding) -> str:
    props = {
        "file": path,
        "line": f.location.line,
        "col": f.location.column,
        "endLine": max(f.end.line, f.location.line),
        "endColumn": f.end.column,
        "title": f.rule,
    }
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    message = f"{f.message}\n→ {f.suggestion}" if f.suggestion else f.message
    return f"::{_COMMANDS[f.severity]} {head}::{escape_data(message)}"


def format_report(report: Report) -> str:
    """Render the report as workflow commands, one line per finding or unreadable file."""
    lines: list[str] = []
    for r in report.files:
        if r.error is not None:
            props = f"file={escape_property(r.path)},title=easyread"
            lines.append(f"::error {props}::{escape_data(str(r.error))}")
        lines.extend(_annotation(r.path, f) for f in r.findings)
    lines.append(summary_line(report, report.summary_lang()))
    return "\n".join(lines) + "\n"
