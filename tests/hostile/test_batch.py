"""Batches: one bad file is reported, the others are still done; sources are
never modified; outputs are written atomically.

The batch runs go through the guarded runner (no network, 1 GiB, 60 s) with
``-j 2``, so the worker-process path is the one under test.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

GOOD_FILES = 10  # check uses worker processes from 8 files on
BAD = {
    "zz-binarno.md": b"\x00\x01\x02PK\x03\x04" * 64,
    "zz-odprto.md": b"---\nlang: sl\ntitle: Vabilo\n\nBesedilo brez konca glave.\n",
    "zz-datum.md": b"---\nlang: sl\ntitle: Vabilo\ndate: 2024-02-30\n---\nBesedilo.\n",
}
BAD_LINES = {"zz-binarno.md": None, "zz-odprto.md": 1, "zz-datum.md": 4}


def _good_text(i: int) -> str:
    return (
        "---\nlang: sl\ntitle: Vabilo na kavo\ntemplate: invitation\n---\n"
        f"# Vabilo na kavo {i}\n\nVabimo vas na kavo.\n\n"
        "Kava bo v petek, 15. maja 2026, ob 10. uri.\n\nPridite v knjižnico.\n"
    )


@pytest.fixture
def batch(case_root: Path) -> Path:
    """``doc/`` with ten good documents and three bad ones."""
    doc = case_root / "doc"
    for i in range(GOOD_FILES):
        (doc / f"vabilo-{i:02d}.md").write_text(_good_text(i), encoding="utf-8")
    for name, data in BAD.items():
        (doc / name).write_bytes(data)
    return case_root


def _hashes(folder: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                st.st_mtime_ns,
            )
    return out


def _assert_calm(run: Any) -> None:
    assert not run.timed_out, run.describe()
    assert "Traceback" not in run.output, run.describe()
    assert not run.network, run.describe()
    assert not run.outside_reads(), run.outside_reads()


def test_check_batch_reports_bad_files_and_checks_the_rest(
    batch: Path, run_cli: Any
) -> None:
    before = _hashes(batch / "doc")
    run = run_cli(["check", "--format", "json", "-j", "2", "doc"], batch)
    _assert_calm(run)
    assert run.returncode == 2, run.describe()  # a file could not be read
    report = json.loads(run.stdout)
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert len(files) == GOOD_FILES + len(BAD)
    for i in range(GOOD_FILES):
        f = files[f"vabilo-{i:02d}.md"]
        assert f["error"] is None and f["stats"]["words"] > 10, f
    for name, line in BAD_LINES.items():
        error = files[name]["error"]
        assert error is not None, name
        expected = f"doc/{name}" + (f":{line}" if line else "")
        assert error["where"].startswith(expected), error
    assert report["summary"]["failed_files"] == len(BAD)
    assert _hashes(batch / "doc") == before, "check changed a source file"


def test_check_batch_text_report_names_each_bad_file(batch: Path, run_cli: Any) -> None:
    run = run_cli(["check", "-j", "2", "doc"], batch)
    _assert_calm(run)
    assert run.returncode == 2
    for name, line in BAD_LINES.items():
        assert f"doc/{name}" + (f":{line}" if line else "") in run.output
    # the good files were checked: their findings (if any) or the count says so
    assert f"{GOOD_FILES + len(BAD)}" in run.output


def test_build_batch_builds_the_good_files(batch: Path, run_cli: Any) -> None:
    before = _hashes(batch / "doc")
    run = run_cli(["build", "--to", "html", "-j", "2", "-o", "out", "doc"], batch)
    _assert_calm(run)
    assert run.returncode == 2, run.describe()
    built = sorted(p.name for p in (batch / "out").glob("*.html"))
    assert built == [f"vabilo-{i:02d}.html" for i in range(GOOD_FILES)]
    for name, line in BAD_LINES.items():
        assert f"doc/{name}" + (f":{line}" if line else "") in run.stderr, (
            run.describe()
        )
    assert _hashes(batch / "doc") == before, "build changed a source file"


def test_build_next_to_sources_never_touches_them(batch: Path, run_cli: Any) -> None:
    """Without ``-o`` the outputs go next to the sources; the sources stay as they were."""
    before = _hashes(batch / "doc")
    run = run_cli(["build", "--to", "html", "-j", "2", "doc"], batch)
    _assert_calm(run)
    after = _hashes(batch / "doc")
    assert {k: v for k, v in after.items() if k in before} == before
    new = sorted(set(after) - set(before))
    assert all(
        n.endswith((".html", ".report.txt", ".easyread-build.json")) for n in new
    ), new


def test_simplify_never_touches_the_source(batch: Path, run_cli: Any) -> None:
    before = _hashes(batch / "doc")
    run = run_cli(["simplify", "doc/vabilo-01.md", "-o", "out/osnutek.md"], batch)
    _assert_calm(run)
    assert run.returncode in (0, 1), run.describe()
    assert (batch / "out" / "osnutek.md").is_file()
    assert _hashes(batch / "doc") == before


def test_simplify_refuses_to_overwrite_its_source(batch: Path, run_cli: Any) -> None:
    before = _hashes(batch / "doc")
    run = run_cli(["simplify", "doc/vabilo-01.md", "-o", "doc/vabilo-01.md"], batch)
    _assert_calm(run)
    assert run.returncode == 2, run.describe()
    assert "doc/vabilo-01.md" in run.output
    assert _hashes(batch / "doc") == before


def test_build_refuses_to_overwrite_a_source_named_like_an_output(
    case_root: Path, run_cli: Any
) -> None:
    doc = case_root / "doc"
    (doc / "vabilo.md").write_text(_good_text(1), encoding="utf-8")
    # a source that is also where the report would go
    (doc / "vabilo.report.txt").write_text("moje zapiske\n", encoding="utf-8")
    (doc / "vabilo.report.md").write_text(_good_text(2), encoding="utf-8")
    before = _hashes(doc)
    run = run_cli(
        ["build", "--to", "html", "doc/vabilo.md", "doc/vabilo.report.md"], case_root
    )
    _assert_calm(run)
    after = _hashes(doc)
    assert after["vabilo.md"] == before["vabilo.md"]
    assert after["vabilo.report.md"] == before["vabilo.report.md"]


# ---------------------------------------------------------------------------
# atomic outputs


def test_interrupt_is_caught_between_write_and_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C just before the rename: the old output stays, no temporary file is left."""
    from easyread.render import write_atomic

    target = tmp_path / "out" / "vabilo.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF-1.7 old complete file %%EOF")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"%PDF-1.7 new half")
    assert target.read_bytes() == b"%PDF-1.7 old complete file %%EOF"
    assert sorted(p.name for p in target.parent.iterdir()) == ["vabilo.pdf"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_signal_during_pdf_batch_leaves_no_half_written_pdf(
    tmp_path: Path, sig: signal.Signals
) -> None:
    """Stop a PDF batch while it runs: every .pdf there is whole (or absent)."""
    doc = tmp_path / "doc"
    doc.mkdir()
    body = "".join(
        f"## Del {i}\n\nVabimo vas na kavo. Kava bo v knjižnici.\n\n" for i in range(60)
    )
    for i in range(12):
        (doc / f"vabilo-{i:02d}.md").write_text(_good_text(i) + body, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "easyread",
            "build",
            "--to",
            "pdf",
            "--no-check",
            "-j",
            "1",
            "-o",
            str(out),
            str(doc),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    # wait for the first PDF, then stop the process while it writes the others
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("*.pdf")):
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(proc.pid, sig)
    proc.communicate(timeout=60)
    pdfs = sorted(out.glob("*.pdf"))
    assert pdfs, "no PDF was written before the signal"
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], pdf.name
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    if (
        sig == signal.SIGINT
    ):  # KeyboardInterrupt: write_atomic removes its temporary file
        assert not leftovers, leftovers
