"""Golden HTML: the same document gives the same bytes, and changes are seen.

Regenerate with ``pytest tests/render --update-golden`` (or
``EASYREAD_UPDATE_GOLDEN=1``) after an intended change, and read the diff.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from easyread.render import render_document

DOCS = ["vabilo.md", "kazalka.md", "notice.md", "einladung.md"]


@pytest.mark.parametrize("name", DOCS)
def test_html_matches_golden(
    name: str,
    load_doc: Callable[..., object],
    normalise_html: Callable[[str], str],
    golden_dir: Path,
    update_golden: bool,
) -> None:
    doc = load_doc(name)
    html = normalise_html(render_document(doc, "html").decode("utf-8"))  # type: ignore[arg-type]
    golden = golden_dir / (Path(name).stem + ".html")
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
        pytest.skip(f"rewrote {golden.name}")
    assert golden.is_file(), (
        f"no golden file; run pytest tests/render --update-golden ({golden})"
    )
    expected = golden.read_text(encoding="utf-8")
    assert html == expected, (
        f"{name}: HTML differs from {golden}; if intended, run with --update-golden"
    )


@pytest.mark.parametrize("name", DOCS)
def test_same_input_same_bytes(name: str, load_doc: Callable[..., object]) -> None:
    first = render_document(load_doc(name), "html")  # type: ignore[arg-type]
    second = render_document(load_doc(name), "html")  # type: ignore[arg-type]
    assert first == second


def test_same_bytes_across_processes_and_hash_seeds(docs_dir: Path) -> None:
    """Set ordering must not leak into the output (PYTHONHASHSEED differs per process)."""
    code = (
        "import hashlib, sys, easyread\n"
        "from easyread.render import render_document\n"
        "d = easyread.load(sys.argv[1])\n"
        "print(hashlib.sha256(render_document(d, 'html')).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code, str(docs_dir / "vabilo.md")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1, digests
    here = hashlib.sha256(
        render_document(__import__("easyread").load(docs_dir / "vabilo.md"), "html")
    ).hexdigest()
    assert digests == {here}
