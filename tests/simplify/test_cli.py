"""``easyread simplify`` on the command line: outputs, exit codes, safety."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.loader import load

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "announcements"
SOURCE = CORPUS / "sl" / "izlet-ptuj.txt"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "izlet.txt"
    path.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_writes_a_draft_that_loads(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "osnutek.md"
    assert main(["simplify", str(source), "--lang", "sl", "-o", str(out)]) == 0
    draft = load(out)
    assert draft.meta.template == "invitation"
    assert draft.meta.date is not None and draft.meta.date.isoformat() == "2026-05-21"
    err = capsys.readouterr().err
    assert "fact guard: every fact" in err
    assert f"draft written to {out}" in err
    # no temporary file is left next to the draft
    assert sorted(p.name for p in tmp_path.iterdir()) == ["izlet.txt", "osnutek.md"]


def test_draft_to_standard_output(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-q", "simplify", str(source), "--lang", "sl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\ntitle: Izlet stanovalcev na Ptuj\n")


def test_never_overwrites_the_input(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = source.read_text(encoding="utf-8")
    assert main(["simplify", str(source), "--lang", "sl", "-o", str(source)]) == 2
    assert "refusing to overwrite the input" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == before


def test_bad_input_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["simplify", str(tmp_path / "missing.txt"), "--lang", "sl"]) == 2
    text = tmp_path / "x.txt"
    text.write_text("Naslov\n\nBesedilo.\n", encoding="utf-8")
    assert main(["simplify", str(text)]) == 2  # no language
    assert (
        main(["simplify", str(text), "--lang", "sl", "--disable", "no-such-transform"])
        == 2
    )
    err = capsys.readouterr().err
    assert "unknown transform" in err
    assert "Traceback" not in err


def test_json_report(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simplify", str(source), "--lang", "sl", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "easyread.simplify/1"
    assert data["template"] == "invitation"
    assert data["facts"]["date"] == "2026-05-21"
    assert data["facts"]["contact"]["phone"] == ["041 234 567"]
    assert data["guard"] == []
    assert data["edits"] and {
        "transform",
        "line",
        "column",
        "before",
        "after",
        "reason",
    } <= set(data["edits"][0])
    assert (
        data["stats"]["source"]["words_per_sentence"]
        > data["stats"]["draft"]["words_per_sentence"]
    )
    assert (
        data["stats"]["draft"]["findings_per_100_words"]
        < data["stats"]["source"]["findings_per_100_words"]
    )
    assert data["markdown"].startswith("---\n")


def test_diff(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "simplify", str(source), "--lang", "sl", "--diff"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"--- {source}\n+++ draft.md\n")
    assert "-Cena izleta je 15 EUR na osebo" in out
    assert "+Cena izleta je 15 evrov na osebo." in out


def test_list_transforms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simplify", "--list"]) == 0
    out = capsys.readouterr().out
    for name in (
        "abbreviations",
        "dates",
        "sentences",
        "lists",
        "glossary",
        "structure",
    ):
        assert name in out


def test_guard_failure_is_exit_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a user glossary that replaces a name: the fact guard must stop the draft
    text = tmp_path / "v.txt"
    text.write_text("Vabilo\n\nPridite k Novakovim v knjižnico.\n", encoding="utf-8")
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        "- lemma: novakovi\n  replacement: sosedje\n  forms: {novakovim: sosedom}\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.md"
    args = [
        "simplify",
        str(text),
        "--lang",
        "sl",
        "--glossary",
        str(glossary),
        "-o",
        str(out),
    ]
    # names are never replaced by the glossary, so this draft keeps the name ...
    assert main(args) == 0
    assert "Novakovim" in out.read_text(encoding="utf-8")
    # ... but an abbreviation list that turns a number into words loses a fact
    out.unlink()
    glossary.write_text("abbreviations:\n  tel.: telefon ena dva\n", encoding="utf-8")
    text.write_text(
        "Vabilo\n\nPokličite na tel. 041 234 567 ali 041 234 568.\n", encoding="utf-8"
    )
    code = main(
        [
            "simplify",
            str(text),
            "--lang",
            "sl",
            "--glossary",
            str(glossary),
            "-o",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1, err
    assert "facts.invented-number" in err
    assert not out.exists()
    # --force writes it anyway (and still reports the problem)
    code = main(
        [
            "simplify",
            str(text),
            "--lang",
            "sl",
            "--glossary",
            str(glossary),
            "-o",
            str(out),
            "--force",
        ]
    )
    assert code == 1
    assert out.exists()


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        "---\nlang: en\n---\n\nThe meeting is on 10/06/2026 at 18:30 in the lounge.\n"
    )
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8")))
    )
    assert main(["-q", "simplify", "-"]) == 0
    out = capsys.readouterr().out
    assert "on Wednesday 10 June 2026" in out
    assert "6:30 pm" in out
