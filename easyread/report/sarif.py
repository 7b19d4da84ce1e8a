"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` describes every rule that has a finding;
each result has ``ruleId``/``ruleIndex``, ``level`` (error, warning, note),
a physical location with a URI relative to the working folder and a region
whose columns count Unicode code points (``columnKind``), the sentence as
``snippet``, and a ``partialFingerprints`` entry (the baseline fingerprint) so
code scanning keeps tracking an alert when lines move. Files that could not
be read become ``toolExecutionNotifications`` of the invocation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model import Finding, Severity
from . import Report
from ._jsonout import dumps

__all__ = ["LEVELS", "artifact_uri", "format_report", "sarif_log"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "note",
}


def artifact_uri(path: str, cwd: Path | None = None) -> str:
    """A URI reference for ``path``: relative to ``cwd`` (with ``/``) when inside it.

    Files outside the working folder get an absolute ``file://`` URI.
    """
    if path.startswith("<"):
        return quote(path.strip("<>"))
    here = (cwd or Path.cwd()).resolve()
    p = Path(path)
    absolute = p if p.is_absolute() else here / p
    try:
        rel = Path(os.path.normpath(absolute)).relative_to(here)
    except ValueError:
        return Path(os.path.normpath(absolute)).as_uri()
    return quote(rel.as_posix())


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text[: end + 1] if end != -1 else text


def _text(message: str, suggestion: str) -> str:
    return f"{message} {suggestion}".strip() if suggestion else message


def _result(f: Finding, uri: str, index: int) -> dict[str, Any]:
    from ..baseline import fingerprint

    region: dict[str, Any] = {
        "startLine": f.location.line,
        "startColumn": f.location.column,
        "endLine": max(f.end.line, f.location.line),
        "endColumn": max(f.end.column, 1),
    }
    if (
        region["endLine"] == region["startLine"]
        and region["endColumn"] <= region["startColumn"]
    ):
        region["endColumn"] = (
            region["startColumn"] + 1
        )  # a region is never empty in SARIF viewers
    if f.excerpt.strip():
        region["snippet"] = {"text": f.excerpt}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": _text(f.message, f.suggestion)},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
        ],
        "partialFingerprints": {"easyreadExcerpt/v1": fingerprint(f)},
    }
    if f.suggestion:
        result["properties"] = {"suggestion": f.suggestion}
    return result


def sarif_log(report: Report, *, cwd: Path | None = None) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a dict ready for ``json.dumps``)."""
    rule_ids = sorted({f.rule for f in report.findings} | set(report.rules))
    index = {rid: i for i, rid in enumerate(rule_ids)}
    rules = []
    for rid in rule_ids:
        info = report.rule_info(rid)
        rule: dict[str, Any] = {
            "id": rid,
            "name": rid,
            "shortDescription": {
                "text": _first_sentence(info.description) or info.message or rid
            },
            "defaultConfiguration": {"level": LEVELS[info.severity]},
        }
        if info.description:
            rule["fullDescription"] = {"text": info.description}
        if info.link:
            rule["helpUri"] = info.link
        rules.append(rule)
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for r in report.files:
        uri = artifact_uri(r.path, cwd)
        artifacts.append(
            {
                "location": {"uri": uri},
                "properties": {"lang": r.lang, "profile": r.profile},
            }
        )
        if r.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": str(r.error)},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": uri}}}
                    ],
                }
            )
        results.extend(_result(f, uri, index[f.rule]) for f in r.findings)
    driver: dict[str, Any] = {
        "name": "easyread",
        "rules": rules,
    }
    if report.tool_version:
        driver["version"] = report.tool_version
        driver["semanticVersion"] = report.tool_version
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_report(report: Report, *, cwd: Path | None = None) -> str:
    """Render the report as SARIF 2.1.0 JSON text."""
    # runs[0].results[i] and deeper go on one line each (see _jsonout).
    return dumps(sarif_log(report, cwd=cwd), inline_depth=5) + "\n"
