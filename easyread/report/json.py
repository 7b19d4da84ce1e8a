"""The machine-readable report, schema ``easyread.check/1``.

Documented in ``docs/report-schema.md``; the JSON Schema is
``easyread/report/schema/check-1.json`` and a test validates real output
against it, so the code and the documentation cannot drift apart.

Within version 1, fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

from typing import Any

from ..model import Finding
from . import FileResult, Report, summary_counts
from ._jsonout import dumps

__all__ = ["SCHEMA", "finding_dict", "format_report", "report_dict"]

SCHEMA = "easyread.check/1"


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding as JSON data (``Finding.to_dict`` plus the baseline fingerprint)."""
    from ..baseline import fingerprint

    data = f.to_dict()
    data["fingerprint"] = fingerprint(f)
    return data


def _file_dict(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "lang": r.lang or None,
        "profile": r.profile or None,
        "stats": dict(r.stats),
        "findings": [finding_dict(f) for f in r.findings],
        "baselined": r.baselined,
        "error": r.error.to_dict() if r.error is not None else None,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON data."""
    summary: dict[str, Any] = summary_counts(report)
    summary["fail_on"] = str(report.fail_on)
    summary["exit_code"] = report.exit_code
    return {
        "schema": SCHEMA,
        "tool": {"name": "easyread", "version": report.tool_version},
        "files": [_file_dict(r) for r in report.files],
        "summary": summary,
    }


def format_report(report: Report) -> str:
    """Render the report as JSON text (UTF-8 characters kept as they are).

    The structure is indented; each finding and each ``stats`` object is one line.
    """
    return dumps(report_dict(report), inline_depth=4, default=_default) + "\n"


def _default(value: object) -> object:
    # Stats may hold dates or other simple objects from the metrics module.
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)
