"""Checks of the bundled render assets (easyread/render/assets/): font and pictograms.

These tests read the files directly; they do not import easyread code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ASSETS = Path(__file__).parents[1] / "easyread" / "render" / "assets"
FONTS = ASSETS / "fonts"
PICTOGRAMS = ASSETS / "pictograms"
LANGS = ("sl", "en", "de")
MIN_PICTOGRAMS = 80
MAX_SVG_BYTES = 20_000

FONT_FILES = [
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
]

# href / xlink:href / src pointing anywhere but a same-document fragment ("#id").
EXTERNAL_REF = re.compile(
    r"""(?:\bhref|\bsrc)\s*=\s*["']\s*(?!#)[^"']*["']""", re.IGNORECASE
)
REMOTE_HREF = re.compile(r"""\bhref\s*=\s*["']\s*https?:""", re.IGNORECASE)
# CSS url(...) (in style attributes or <style>) pointing outside the document.
EXTERNAL_URL = re.compile(r"""url\(\s*["']?\s*(?!#)""", re.IGNORECASE)


def _index() -> dict[str, dict]:
    data = yaml.safe_load((PICTOGRAMS / "index.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


INDEX = _index()


def test_index_has_enough_entries() -> None:
    assert len(INDEX) >= MIN_PICTOGRAMS


def test_every_svg_is_indexed() -> None:
    files = {entry["file"] for entry in INDEX.values()}
    on_disk = {p.name for p in PICTOGRAMS.glob("*.svg")}
    assert on_disk == files


@pytest.mark.parametrize("name", sorted(INDEX))
def test_pictogram_file_is_safe_svg(name: str) -> None:
    entry = INDEX[name]
    path = PICTOGRAMS / entry["file"]
    assert path.is_file(), path
    assert path.suffix == ".svg"
    assert path.stat().st_size <= MAX_SVG_BYTES
    text = path.read_text(encoding="utf-8")
    assert re.match(r"\s*(<\?xml[^>]*>\s*)?<svg\b", text), "not an SVG document"
    assert "</svg>" in text
    lower = text.lower()
    assert "<script" not in lower
    assert "<image" not in lower
    assert "<foreignobject" not in lower
    assert not REMOTE_HREF.search(text)
    assert not EXTERNAL_REF.search(text)
    assert not EXTERNAL_URL.search(text)


@pytest.mark.parametrize("name", sorted(INDEX))
def test_pictogram_entry_shape(name: str) -> None:
    entry = INDEX[name]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
    assert entry["file"] == f"{name}.svg"
    assert isinstance(entry["openmoji"], str) and entry["openmoji"]
    for lang in LANGS:
        alt = entry["alt"][lang]
        assert isinstance(alt, str) and alt.strip(), (lang, alt)
        keywords = entry["keywords"][lang]
        assert isinstance(keywords, list) and len(keywords) >= 1, lang
        for word in keywords:
            assert isinstance(word, str) and word.strip(), (lang, word)
            assert word == word.lower(), (lang, word)


def test_licence_files_exist() -> None:
    assert (PICTOGRAMS / "LICENSE.md").is_file()
    attribution = (PICTOGRAMS / "ATTRIBUTION.txt").read_text(encoding="utf-8").strip()
    assert "OpenMoji" in attribution
    assert "CC BY-SA 4.0" in attribution
    assert "\n" not in attribution


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_file_exists(name: str) -> None:
    path = FONTS / name
    assert path.is_file(), path
    # TrueType outlines: sfnt version 0x00010000
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"


def test_font_licence_exists() -> None:
    ofl = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
