"""The machine-readable report, schema ``easyread.check/1``.

Documented in ``docs/report-schema.md``; the JSON Schema is
``easyread/report/schema/check-1.json`` and a test validates real output
against it, so the code and the documentation cannot drift apart.

Within version 1, fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

from ..baseline import fingerprint
from ..model import Finding, Severity
from . import FileResult, Report, summary_counts
from ._jsonout import RawJSON, dumps

__all__ = ["SCHEMA", "finding_dict", "finding_json", "format_report", "report_dict"]

#: A string as JSON with non-ASCII characters kept (the C encoder's function).
_encode = encode_basestring
_SEVERITIES = {s: _encode(str(s)) for s in Severity}

SCHEMA = "easyread.check/1"


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding as JSON data (``Finding.to_dict`` plus the baseline fingerprint)."""
    data = f.to_dict()
    data["fingerprint"] = fingerprint(f)
    return data


def finding_json(f: Finding) -> RawJSON:
    """``finding_dict(f)`` encoded on one line, as ``json.dumps`` writes it.

    Written out field by field: building a dict per finding and handing it to
    the encoder was most of the time of a large report (100,000 findings).
    A test compares the two.
    """
    enc = _encode
    return RawJSON(
        f'{{"rule": {enc(f.rule)}, "severity": {_SEVERITIES[f.severity]}, '
        f'"line": {int(f.location.line)}, "column": {int(f.location.column)}, '
        f'"end_line": {int(f.end.line)}, "end_column": {int(f.end.column)}, '
        f'"message": {enc(f.message)}, "suggestion": {enc(f.suggestion)}, '
        f'"excerpt": {enc(f.excerpt)}, "link": {enc(f.link)}, '
        f'"fingerprint": {enc(fingerprint(f))}}}'
    )


def _file_dict(r: FileResult, *, encoded: bool = False) -> dict[str, Any]:
    return {
        "path": r.path,
        "lang": r.lang or None,
        "profile": r.profile or None,
        "stats": dict(r.stats),
        "findings": [
            (finding_json if encoded else finding_dict)(f) for f in r.findings
        ],
        "baselined": r.baselined,
        "error": r.error.to_dict() if r.error is not None else None,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON data."""
    return _report_dict(report, encoded=False)


def _report_dict(report: Report, *, encoded: bool) -> dict[str, Any]:
    summary: dict[str, Any] = summary_counts(report)
    summary["fail_on"] = str(report.fail_on)
    summary["exit_code"] = report.exit_code
    return {
        "schema": SCHEMA,
        "tool": {"name": "easyread", "version": report.tool_version},
        "files": [_file_dict(r, encoded=encoded) for r in report.files],
        "summary": summary,
    }


def format_report(report: Report) -> str:
    """Render the report as JSON text (UTF-8 characters kept as they are).

    The structure is indented; each finding is one line.
    """
    data = _report_dict(report, encoded=True)
    return dumps(data, inline_depth=4, default=_default) + "\n"


def _default(value: object) -> object:
    # Stats may hold dates or other simple objects from the metrics module.
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)
