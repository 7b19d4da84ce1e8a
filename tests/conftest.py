"""Shared fixtures. Helpers are fixtures, not imports (see pyproject: importlib mode).

The suite runs in parallel with pytest-xdist: ``bash scripts/run tests`` passes
``-n logical --dist worksteal``; plain ``pytest`` without ``-n`` runs it in one
process. The collection hook below only orders the parallel run; it never
changes what a test checks.

Why worksteal and no ``xdist_group`` marks: ``--dist loadgroup`` does not group
with pytest 9.2 and pytest-xdist 3.8 (xdist writes the group into
``item._nodeid``, which pytest 9.2 no longer reads), so marks would only look
like they work. The wall-clock tests (tests/hostile/test_regex_time.py, 2 s
limits, best of three) pass with two workers on two CPUs even with other
programs keeping the machine busy (load average 5 while measuring).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Files whose tests run for seconds each (guarded subprocesses, WeasyPrint,
#: Chromium, java). Under xdist they are handed out first, so the run does not
#: end with one worker busy on a long test while the other idles.
_LONG_FIRST = (
    "tests/hostile/test_cases.py",
    "tests/hostile/test_batch.py",
    "tests/hostile/test_harness.py",
    "tests/verify/",
    "tests/render/test_pdf.py",
    "tests/fuzz/",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    # Here, not in tests/render/conftest.py: a sub-folder's conftest is only
    # read at start-up when that folder is named on the command line, so
    # ``pytest tests --update-golden`` (and xdist workers) would not know it.
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/*/golden) from the current output "
        "instead of comparing; EASYREAD_UPDATE_GOLDEN=1 does the same",
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if not hasattr(config, "workerinput"):  # not an xdist worker: one process
        return
    # A stable sort: the order inside each file stays as written (module
    # fixtures are set up once per worker as before).
    items.sort(key=lambda item: not item.nodeid.startswith(_LONG_FIRST))


@pytest.fixture(autouse=True)
def _restore_easyread_logger() -> Iterator[None]:
    """Undo what an in-process ``easyread.cli.main()`` does to the ``easyread``
    logger: it adds a handler on the sys.stderr of that moment, which is
    pytest's capture of that one test. Left in place, a later test's warning
    goes to the closed capture, logging prints "--- Logging error ---" with a
    traceback (reading source files) and the outcome depends on which tests ran
    before on the same worker."""
    log = logging.getLogger("easyread")
    handlers, level, propagate = list(log.handlers), log.level, log.propagate
    yield
    log.handlers[:] = handlers
    log.setLevel(level)
    log.propagate = propagate


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten instead of compared."""
    option = bool(request.config.getoption("--update-golden"))
    return option or os.environ.get("EASYREAD_UPDATE_GOLDEN", "") not in ("", "0")


@pytest.fixture
def repo_root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture
def examples_dir() -> Path:
    """The bundled examples."""
    return ROOT / "examples"


@pytest.fixture
def corpus_dir() -> Path:
    """Hand-written test corpora (pairs, announcements)."""
    return ROOT / "tests" / "corpus"
