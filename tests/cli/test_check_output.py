"""`easyread check -o FILE`: the report is written atomically, never over a source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "target",
    ["docs/kratko.md", "./docs/../docs/kratko.md", "kratko-link.md"],
)
def test_report_never_overwrites_a_checked_document(
    docs: Path, cli, target: str
) -> None:
    (docs.parent / "kratko-link.md").symlink_to(docs / "kratko.md")
    before = (docs / "kratko.md").read_bytes()
    run = cli("check", "--format", "json", "-o", target, "docs")
    assert run.code == 2
    assert "refusing to overwrite the source document" in run.err
    assert (docs / "kratko.md").read_bytes() == before


def test_report_goes_to_a_new_folder_in_one_piece(docs: Path, cli) -> None:
    run = cli("check", "--format", "json", "-o", "reports/check.json", "docs")
    assert run.code in (0, 1)
    assert run.out == ""
    written = Path("reports/check.json")
    assert json.loads(written.read_text(encoding="utf-8"))["files"]
    assert [p.name for p in written.parent.iterdir()] == ["check.json"]
