"""Fixtures for the command-line tests: a folder of small documents and a runner.

Regenerate golden files with ``EASYREAD_UPDATE_GOLDEN=1 pytest tests/cli``.
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

# Imported here, before any test: pytester's in-process runs
# (test_pytest_plugin.py) drop the modules an inner run imported, and a second
# import of PyYAML then meets its C extension (yaml._yaml) still bound to the
# first copy ("could not determine a constructor for the tag None").
import yaml  # noqa: F401

from easyread.cli import main

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


@dataclass(frozen=True)
class Run:
    """Exit code and output of one ``easyread`` run."""

    code: int
    out: str
    err: str


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding ``docs/`` with the test documents; the cwd is set to it."""
    shutil.copytree(DATA, tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path / "docs"


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    """Run ``easyread ARGS`` in-process; ``stdin=`` feeds standard input."""

    def run(*args: str, stdin: str | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(
                sys,
                "stdin",
                io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"),
            )
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def golden(update_golden: bool) -> Callable[[str, str], None]:
    """Compare text with ``golden/<name>``; write it with ``--update-golden``
    or EASYREAD_UPDATE_GOLDEN=1."""

    def check(name: str, text: str) -> None:
        target = GOLDEN / name
        if update_golden:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            return
        assert target.exists(), (
            f"missing golden file {target}; run with EASYREAD_UPDATE_GOLDEN=1"
        )
        assert text == target.read_text(encoding="utf-8"), (
            f"output differs from {target}"
        )

    return check
