"""JUnit XML for CI dashboards (GitLab test reports, Jenkins, Azure Pipelines).

Shape (the common Jenkins/Surefire structure)::

    <testsuites name="easyread" tests= failures= errors= skipped="0" time="0">
      <testsuite name="docs/vabilo.md" tests= failures= errors= skipped="0" time="0">
        <testcase classname="docs/vabilo.md" name="core.sentence-length" file="docs/vabilo.md" line="4" time="0">
          <failure type="error" message="...">4:1 error: ...</failure>
        </testcase>
      </testsuite>
    </testsuites>

One ``testsuite`` per file and one ``testcase`` per rule with findings in it.
JUnit has no severities, so a rule's test case *fails* only when one of its
findings is at or above ``--fail-on``; findings below that level are listed in
the test case's ``system-out`` and the test passes (markdownlint-cli2 drops
them instead; we keep them visible). A file without findings gets one passing
test case named ``easyread``, so every file counts as a test. A file that could
not be read gets an ``error`` element.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..model import Finding
from . import FileResult, Report

__all__ = ["format_report"]


def _line(f: Finding) -> str:
    text = f"{f.location.line}:{f.location.column} {f.severity} {f.rule}: {f.message}"
    return f"{text} → {f.suggestion}" if f.suggestion else text


def _suite(result: FileResult, report: Report) -> tuple[ET.Element, int, int, int]:
    suite = ET.Element("testsuite", name=result.path)
    tests = failures = errors = 0
    if result.error is not None:
        case = ET.SubElement(
            suite, "testcase", classname=result.path, name="easyread", time="0"
        )
        err = ET.SubElement(
            case, "error", type="DocumentError", message=result.error.message
        )
        err.text = str(result.error)
        tests, errors = 1, 1
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_rule[f.rule].append(f)
    for rule, findings in sorted(by_rule.items()):
        first = findings[0]
        case = ET.SubElement(
            suite,
            "testcase",
            classname=result.path,
            name=rule,
            file=result.path,
            line=str(first.location.line),
            time="0",
        )
        tests += 1
        failing = [f for f in findings if f.severity >= report.fail_on]
        passing = [f for f in findings if f.severity < report.fail_on]
        if failing:
            worst = max(f.severity for f in failing)
            fail = ET.SubElement(
                case, "failure", type=str(worst), message=failing[0].message
            )
            fail.text = "\n".join(_line(f) for f in failing)
            failures += 1
        if passing:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(_line(f) for f in passing)
    if tests == 0:
        ET.SubElement(
            suite, "testcase", classname=result.path, name="easyread", time="0"
        )
        tests = 1
    for key, value in (("tests", tests), ("failures", failures), ("errors", errors)):
        suite.set(key, str(value))
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite, tests, failures, errors


def format_report(report: Report) -> str:
    """Render the report as a JUnit XML document (UTF-8)."""
    root = ET.Element("testsuites", name="easyread")
    totals = [0, 0, 0]
    for result in report.files:
        suite, tests, failures, errors = _suite(result, report)
        root.append(suite)
        totals = [totals[0] + tests, totals[1] + failures, totals[2] + errors]
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    root.set("skipped", "0")
    root.set("time", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
