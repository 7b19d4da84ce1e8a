"""The pytest plugin: ``pytest --easyread docs/`` checks documents as tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

DATA = Path(__file__).parent / "data"
CONFIG = '[rules."core.sentence-length"]\nseverity = "warning"\nerror_max = 1000\n'


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with docs/ (one long-sentence document, one short) and a config."""
    docs = pytester.mkdir("docs")
    for name in ("vabilo.md", "kratko.md"):
        (docs / name).write_text(
            (DATA / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    pytester.makefile(".toml", easyread='select = ["core.sentence-length"]\n' + CONFIG)
    pytester.makepyfile(test_code="def test_code():\n    assert True\n")
    return pytester


def test_inert_without_the_option(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)  # only the Python test, no documents


def test_documents_are_test_items(project: pytest.Pytester) -> None:
    result = project.runpytest("--easyread", "--easyread-fail-on", "warning", "docs")
    result.assert_outcomes(passed=1, failed=1)
    out = result.stdout.str()
    assert "docs/vabilo.md::easyread" in out or "vabilo.md::easyread" in out
    # the failure shows the finding like `easyread check` does, not a traceback
    assert "docs/vabilo.md:10:1 opozorilo core.sentence-length" in out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    ("fail_on", "failed"), [("error", 0), ("warning", 1), ("suggestion", 1)]
)
def test_fail_on_level(project: pytest.Pytester, fail_on: str, failed: int) -> None:
    result = project.runpytest("--easyread", f"--easyread-fail-on={fail_on}", "docs")
    result.assert_outcomes(passed=2 - failed, failed=failed)


def test_fail_on_from_ini(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\neasyread_fail_on = warning\n")
    project.runpytest("--easyread", "docs").assert_outcomes(passed=1, failed=1)


def test_python_tests_still_run_with_the_option(project: pytest.Pytester) -> None:
    project.runpytest("--easyread", "--easyread-fail-on=error").assert_outcomes(
        passed=3
    )


def test_plugin_import_is_cheap() -> None:
    """Importing the plugin must not load the loader, the rules or the language packs."""
    code = (
        "import sys, easyread.pytest_plugin\n"
        "heavy = [m for m in ('easyread.rules.engine', 'easyread.cli.check', 'simplemma', 'weasyprint')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_text_files_that_are_not_documents_are_skipped(
    project: pytest.Pytester,
) -> None:
    project.makefile(".txt", requirements="pytest\n")
    (project.path / "docs" / "notes.txt").write_text(
        "Kava\n\nPridite na kavo.\n", encoding="utf-8"
    )
    result = project.runpytest(
        "--easyread", "--easyread-lang", "sl", "--collect-only", "-q"
    )
    out = result.stdout.str()
    assert "notes.txt::easyread" in out
    assert "requirements.txt" not in out
