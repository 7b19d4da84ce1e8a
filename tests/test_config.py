"""Config discovery, merging, per-glob overrides and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.config import find_config, settings_for
from easyread.errors import ConfigError
from easyread.model import Severity


def test_walks_up_and_applies_overrides(tmp_path: Path) -> None:
    (tmp_path / "easyread.toml").write_text(
        'profile = "strict"\nlang = "sl"\nfail_on = "warning"\nglossary = ["slovar.yaml"]\n'
        'ignore = ["sl.passive-voice"]\n[rules."core.sentence-length"]\nmax = 12\n'
        '[[overrides]]\nglob = "obvestila/*.md"\nprofile = "plain"\nignore = ["core"]\n',
        encoding="utf-8",
    )
    (tmp_path / "obvestila").mkdir()
    doc = tmp_path / "obvestila" / "a.md"
    doc.write_text("x", encoding="utf-8")
    other = tmp_path / "b.md"
    s = settings_for(doc)
    assert s.profile == "plain" and s.lang == "sl" and s.fail_on is Severity.WARNING
    assert s.glossary == (tmp_path / "slovar.yaml",)
    assert s.ignore == ("sl.passive-voice", "core")
    assert s.rules["core.sentence-length"]["max"] == 12
    assert settings_for(other).profile == "strict"


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.easyread]\nprofile = "plain"\n', encoding="utf-8"
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert settings_for(sub / "x.md").profile == "plain"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n', encoding="utf-8"
    )
    (tmp_path / "easyread.toml").write_text('profile = "strict"\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "easyread.toml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("profle = 'x'\n", "unknown setting"),
        ("profile = \n", "not valid TOML"),
        ("fail_on = 'bad'\n", "unknown severity"),
    ],
)
def test_errors_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / "easyread.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        settings_for(tmp_path / "a.md")
    assert message in str(info.value) and str(cfg) in str(info.value)
