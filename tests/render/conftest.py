"""Fixtures for the renderer tests.

Golden HTML files live in ``tests/render/golden``. Regenerate them after an
intended change with ``pytest tests/render --update-golden`` or
``EASYREAD_UPDATE_GOLDEN=1 pytest tests/render``. The option and the
``update_golden`` fixture live in ``tests/conftest.py``, so they work whatever
folders are named and in xdist workers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLDEN = HERE / "golden"
_DATA_URL_RE = re.compile(r"data:([\w.+/-]+);base64,([A-Za-z0-9+/=]+)")


@pytest.fixture
def docs_dir() -> Path:
    """Small test documents owned by these tests (stable, unlike examples/)."""
    return DOCS


@pytest.fixture
def golden_dir() -> Path:
    """Where the golden HTML files are."""
    return GOLDEN


@pytest.fixture
def normalise_html() -> Callable[[str], str]:
    """Replace embedded files (fonts, pictures) by their hash, so goldens stay small."""
    import hashlib

    def normalise(html: str) -> str:
        def short(m: re.Match[str]) -> str:
            digest = hashlib.sha256(m.group(2).encode("ascii")).hexdigest()[:16]
            return f"data:{m.group(1)};sha256,{digest}"

        return _DATA_URL_RE.sub(short, html)

    return normalise


@pytest.fixture
def load_doc() -> Callable[..., object]:
    """Load a test document by file name (from ``tests/render/docs``) or path."""
    import easyread

    def load(name: str | Path, **kwargs: object) -> object:
        path = Path(name)
        if not path.is_absolute() and not path.exists():
            path = DOCS / name
        return easyread.load(path, **kwargs)  # type: ignore[arg-type]

    return load


@pytest.fixture(scope="session")
def weasyprint_available() -> bool:
    """Skip PDF tests when WeasyPrint or its libraries are missing."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"WeasyPrint is not usable here: {exc}")
    return True


@pytest.fixture(scope="session")
def pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Render a document to PDF once per session and return the file."""
    import easyread
    from easyread.render import render_document

    out = tmp_path_factory.mktemp("pdf")
    done: dict[Path, Path] = {}

    def render(path: Path) -> Path:
        if path not in done:
            doc = easyread.load(path)
            target = out / f"{path.parent.name}-{path.stem}.pdf"
            render_document(doc, "pdf", out=target)
            done[path] = target
        return done[path]

    return render
