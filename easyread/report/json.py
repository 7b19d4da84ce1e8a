"""The machine-readable report, schema ``easyread.check/1``.

Documented in ``docs/report-schema.md``; the JSON Schema is
``easyread/report/schema/check-1.json`` and a test validates real output
against it, so the code and the documentation cannot drift apart.

Within version 1, fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from ..baseline import fingerprint
from ..model import Finding, Severity
from . import EncodedFindings, FileResult, Report, summary_counts
from ._jsonout import RawJSON, dumps, records_text

__all__ = [
    "SCHEMA",
    "encode_findings",
    "finding_dict",
    "finding_json",
    "findings_text",
    "format_report",
    "report_dict",
]

#: A string as JSON with non-ASCII characters kept (the C encoder's function).
_encode = encode_basestring
_SEVERITIES = {s: _encode(str(s)) for s in Severity}

SCHEMA = "easyread.check/1"

# Depth of a file's ``findings`` list in the report (report > files > file > findings).
_FINDINGS_DEPTH = 3
# Everything from here down is written on one line.
_INLINE_DEPTH = 4


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


def findings_text(findings: Sequence[Finding]) -> str:
    """A file's ``findings`` list as the JSON report writes it (indented records)."""
    return records_text([finding_json(f) for f in findings], _FINDINGS_DEPTH)


def encode_findings(findings: Sequence[Finding]) -> EncodedFindings:
    """``findings`` encoded for the report, with their count per severity.

    ``easyread check --format json`` calls this in its worker processes, so
    the parent only joins texts (see :class:`~easyread.report.EncodedFindings`).
    """
    counts = [0] * len(Severity)
    for f in findings:
        counts[f.severity] += 1
    return EncodedFindings(findings_text(findings), tuple(counts))


def _findings(r: FileResult, encoded: bool) -> Any:
    if r.encoded is not None:
        # As data (report_dict), the text is read back; the report copies it.
        return RawJSON(r.encoded.text) if encoded else json.loads(r.encoded.text)
    if encoded:
        return [finding_json(f) for f in r.findings]
    return [finding_dict(f) for f in r.findings]


def _file_dict(r: FileResult, *, encoded: bool = False) -> dict[str, Any]:
    return {
        "path": r.path,
        "lang": r.lang or None,
        "profile": r.profile or None,
        "stats": dict(r.stats),
        "findings": _findings(r, encoded),
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
    return dumps(data, inline_depth=_INLINE_DEPTH, default=_default) + "\n"


def _default(value: object) -> object:
    # Stats may hold dates or other simple objects from the metrics module.
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)
