"""Fixtures for the hostile-input suite: the guarded runner and the case table.

``harness.py`` and ``cases.py`` are loaded by file path (the test suite runs in
pytest's importlib mode, where ``tests`` is not a package).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).parent


def _load(name: str) -> ModuleType:
    qualified = f"_easyread_hostile_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


harness = _load("harness")
cases = _load("cases")


@pytest.fixture(scope="session")
def hostile_harness() -> ModuleType:
    """The guarded-subprocess runner (``harness.py``)."""
    return harness


@pytest.fixture(scope="session")
def hostile_cases() -> ModuleType:
    """The case table (``cases.py``)."""
    return cases


@pytest.fixture
def case_root(tmp_path: Path) -> Path:
    """``doc/``, ``outside/`` (with secrets) and ``out/`` in a fresh folder."""
    root = tmp_path / "root"
    for name in ("doc", "outside", "out"):
        (root / name).mkdir(parents=True)
    outside = root / "outside"
    (outside / "secret.txt").write_text(cases.SECRET + "\n", encoding="utf-8")
    (outside / "secret.md").write_text(
        f"---\nlang: sl\n---\n{cases.SECRET}\n", encoding="utf-8"
    )
    (outside / "secret.png").write_bytes(cases.PNG + cases.SECRET.encode())
    (outside / "secret.yaml").write_text(
        f"name: {cases.SECRET}\nrules: {cases.SECRET}\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def run_cli(tmp_path: Path) -> Any:
    """``run_cli(args, root, stdin=None)``: run easyread guarded in ``root``."""

    def run(args: list[str], root: Path, stdin: bytes | None = None, **kw: Any) -> Any:
        return harness.run_easyread(
            args,
            cwd=root,
            log_dir=tmp_path / "audit",
            allowed=[root / "doc", root / "out"],
            stdin=stdin,
            **kw,
        )

    return run


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``hostile`` over every (case, command) of the table."""
    if "hostile" in metafunc.fixturenames:
        params = [
            pytest.param(
                (case, command),
                id=f"{case.name}-{command}",
                marks=[pytest.mark.xfail(strict=True, reason=case.bugs[command])]
                if command in case.bugs
                else [],
            )
            for case in cases.CASES
            for command in case.commands
        ]
        metafunc.parametrize("hostile", params)
