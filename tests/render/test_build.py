"""``easyread build``: outputs, reports, atomic writes, batches, the cache, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import easyread
from easyread.cli import build as build_cli
from easyread.cli import main
from easyread.render import render_document

HERE = Path(__file__).resolve().parent
LONG = (
    "---\ntitle: Test\nlang: en\n---\n\nThis is a very long sentence that goes on and on and on with many words "
    "because the writer did not know when to stop writing and kept adding more and more words to it until it "
    "became far too long to read.\n"
)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the test documents; the package fingerprint is frozen
    (other files of the package may change while the tests run)."""
    src = tmp_path / "src"
    shutil.copytree(HERE / "docs", src)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build_cli, "_package_fingerprint", lambda: "frozen")
    return tmp_path


def test_build_one_document(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-q", "build", "src/vabilo.md", "-o", "out", "--to", "html"])
    assert code in (0, 1)
    out = work / "out"
    html = (out / "vabilo.html").read_bytes()
    assert html == render_document(easyread.load(work / "src" / "vabilo.md"), "html")
    report = (out / "vabilo.report.txt").read_text(encoding="utf-8")
    assert "vabilo.md" in report or "Preverjeno" in report
    assert not (out / "vabilo.pdf").exists()
    assert sorted(p.name for p in out.iterdir()) == [
        ".easyread-build.json",
        "vabilo.html",
        "vabilo.report.txt",
    ]


@pytest.mark.pdf
def test_build_html_and_pdf(work: Path, weasyprint_available: bool) -> None:
    code = main(["-q", "build", "src/kazalka.md", "-o", "out", "--no-check"])
    assert code == 0
    assert (work / "out" / "kazalka.pdf").read_bytes().startswith(b"%PDF-")
    assert (work / "out" / "kazalka.html").is_file()
    assert not (work / "out" / "kazalka.report.txt").exists()


def test_outputs_next_to_sources_by_default(work: Path) -> None:
    assert main(["-q", "build", "src/notice.md", "--to", "html", "--no-check"]) == 0
    assert (work / "src" / "notice.html").is_file()


def test_exit_1_when_the_check_finds_errors(work: Path) -> None:
    (work / "src" / "long.md").write_text(LONG, encoding="utf-8")
    code = main(
        [
            "-q",
            "build",
            "src/long.md",
            "-o",
            "out",
            "--to",
            "html",
            "--report-format",
            "json",
        ]
    )
    assert code == 1
    report = (work / "out" / "long.report.json").read_text(encoding="utf-8")
    assert '"severity": "error"' in report
    assert (work / "out" / "long.html").is_file(), (
        "outputs are written even when the check fails"
    )


def test_rerun_skips_unchanged_documents(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", "src", "-o", "out", "--to", "html", "--no-check", "-j", "1"]
    assert main(args) == 0
    html = work / "out" / "vabilo.html"
    first = html.stat().st_mtime_ns
    capsys.readouterr()
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.out.count("[unchanged]") == 4
    assert "0 built, 4 unchanged" in captured.err
    assert html.stat().st_mtime_ns == first
    # a changed source is built again, the others are not
    src = work / "src" / "vabilo.md"
    src.write_text(
        src.read_text(encoding="utf-8").replace("Vabimo vas", "Lepo vabimo vas"),
        encoding="utf-8",
    )
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "1 built, 3 unchanged" in captured.err
    assert "Lepo vabimo vas" in html.read_text(encoding="utf-8")
    # --force builds everything; other options make a new key
    assert main([*args, "--force"]) == 0
    assert "4 built, 0 unchanged" in capsys.readouterr().err
    assert main([*args, "--paper", "A5"]) == 0
    assert "4 built, 0 unchanged" in capsys.readouterr().err


def test_a_deleted_output_is_built_again(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", "src/vabilo.md", "-o", "out", "--to", "html", "--no-check"]
    assert main(args) == 0
    (work / "out" / "vabilo.html").unlink()
    capsys.readouterr()
    assert main(args) == 0
    assert "1 built, 0 unchanged" in capsys.readouterr().err
    assert (work / "out" / "vabilo.html").is_file()


def test_bad_file_in_a_batch(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "src" / "broken.md").write_text(
        "---\ntitle: [unclosed\nlang: sl\n---\n\nText.\n", encoding="utf-8"
    )
    code = main(["build", "src", "-o", "out", "--to", "html", "--no-check", "-j", "1"])
    assert code == 2
    err = capsys.readouterr().err
    assert "broken.md" in err and "front matter" in err
    assert (work / "out" / "vabilo.html").is_file()
    assert (work / "out" / "kazalka.html").is_file()
    assert not (work / "out" / "broken.html").exists()


def test_missing_input_is_reported_and_others_built(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "build",
            "src/nope.md",
            "src/vabilo.md",
            "-o",
            "out",
            "--to",
            "html",
            "--no-check",
        ]
    )
    assert code == 2
    assert "nope.md" in capsys.readouterr().err
    assert (work / "out" / "vabilo.html").is_file()


def test_never_overwrites_a_source(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = work / "src"
    victim = src / "vabilo.report.txt"  # a .txt source that an output would replace
    victim.write_text("Moje besedilo.\n", encoding="utf-8")
    code = main(["build", "src", "--to", "html", "-j", "1"])
    assert code == 2
    assert "refusing to overwrite a source" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "Moje besedilo.\n"


def test_two_sources_with_one_output_name(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "src" / "vabilo.txt").write_text("Vabilo\n\nPridite.\n", encoding="utf-8")
    code = main(
        [
            "build",
            "src/vabilo.md",
            "src/vabilo.txt",
            "-o",
            "out",
            "--to",
            "html",
            "--no-check",
            "--lang",
            "sl",
        ]
    )
    assert code == 2
    assert "would overwrite those of" in capsys.readouterr().err


def test_folder_structure_is_kept_under_out(work: Path) -> None:
    sub = work / "src" / "junij"
    sub.mkdir()
    shutil.copy(work / "src" / "vabilo.md", sub / "vabilo.md")
    assert (
        main(
            ["-q", "build", "src", "-o", "out", "--to", "html", "--no-check", "-j", "1"]
        )
        == 0
    )
    assert (work / "out" / "vabilo.html").is_file()
    assert (work / "out" / "junij" / "vabilo.html").is_file()


def test_two_workers(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(4):
        shutil.copy(work / "src" / "vabilo.md", work / "src" / f"kopija{i}.md")
    assert (
        main(["build", "src", "-o", "out", "--to", "html", "--no-check", "-j", "2"])
        == 0
    )
    assert len(list((work / "out").glob("*.html"))) == 8
    assert "8 built" in capsys.readouterr().err
    assert not list((work / "out").glob(".*.tmp")), "no temporary files are left"


def test_without_the_checker_the_build_goes_on(
    work: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(build_cli, "_check_function", lambda: None)
    assert main(["-q", "build", "src/vabilo.md", "-o", "out", "--to", "html"]) == 0
    assert (work / "out" / "vabilo.html").is_file()
    assert not (work / "out" / "vabilo.report.txt").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "docx"], "unknown output format"),
        (["--to", ","], "at least one format"),
        (["-j", "-1"], "--jobs"),
    ],
)
def test_bad_options(
    work: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "src/vabilo.md", *args]) == 2
    assert message in capsys.readouterr().err


def test_house_templates_from_the_command_line(work: Path) -> None:
    root = HERE.parents[1]
    assert (
        main(
            [
                "build",
                "src/vabilo.md",
                "-o",
                "out",
                "--to",
                "html",
                "--no-check",
                "--templates",
                str(root / "templates"),
            ]
        )
        == 0
    )
    html = (work / "out" / "vabilo.html").read_text(encoding="utf-8")
    assert "Splošna knjižnica Ljutomer" in html and "--er-accent: #5b1f4f" in html


@pytest.mark.pdf
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pdf_errors_are_reported_from_either_process(
    work: Path,
    jobs: str,
    capsys: pytest.CaptureFixture[str],
    weasyprint_available: bool,
) -> None:
    """With -j 2 a single document's PDF is made in a second process; errors still arrive."""
    profile = work / "odd.yaml"
    profile.write_text(
        "extends: strict\nrender:\n  pdf_variant: pdf/x-1a\n", encoding="utf-8"
    )
    code = main(
        [
            "build",
            "src/vabilo.md",
            "-o",
            "out",
            "--no-check",
            "--profile",
            str(profile),
            "-j",
            jobs,
        ]
    )
    assert code == 2
    assert "unknown pdf_variant 'pdf/x-1a'" in capsys.readouterr().err
    assert (work / "out" / "vabilo.html").is_file()
    assert not (work / "out" / "vabilo.pdf").exists()


def test_house_templates_from_easyread_toml(work: Path) -> None:
    house = work / "predloge"
    house.mkdir()
    (house / "invitation.html.j2").write_text(
        '{% extends "easyread/invitation.html.j2" %}{% block house_header %}<p class="hisa">Naša knjižnica</p>{% endblock %}',
        encoding="utf-8",
    )
    (work / "easyread.toml").write_text('templates = "predloge"\n', encoding="utf-8")
    assert (
        main(
            ["-q", "build", "src/vabilo.md", "-o", "out", "--to", "html", "--no-check"]
        )
        == 0
    )
    assert '<p class="hisa">Naša knjižnica</p>' in (
        work / "out" / "vabilo.html"
    ).read_text(encoding="utf-8")
