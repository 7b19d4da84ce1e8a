"""Shared fixtures. Helpers are fixtures, not imports (see pyproject: importlib mode)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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
