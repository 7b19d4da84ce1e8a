"""Loader hardening found by the hostile-input suite (issue 6).

Each test pins one fix: text is never dropped silently, errors name the file
and line, and no input makes a loader regex go quadratic.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from easyread.errors import DocumentError, LanguageNotSupported
from easyread.loader import load_text

FM = "---\nlang: sl\n---\n"


def _nested_list(depth: int) -> str:
    return "".join("  " * i + f"- točka {i}\n" for i in range(depth))


def test_deep_list_is_an_error_with_the_line_not_silent_loss() -> None:
    # markdown-it skips everything below maxNesting; item 19 (the first one lost)
    # is on line 4 + 19.
    with pytest.raises(DocumentError) as info:
        load_text(FM + _nested_list(30) + "\nZa seznamom.\n", path="doc.md")
    assert info.value.where == "doc.md:23"
    assert "nested too deeply" in info.value.message


def test_deep_quote_on_one_line_names_line() -> None:
    with pytest.raises(DocumentError) as info:
        load_text(FM + "Prvi odstavek.\n\n" + "> " * 5000 + "globoko\n", path="q.md")
    assert info.value.where == "q.md:6"


def test_twenty_levels_still_load_every_item() -> None:
    doc = load_text(FM + _nested_list(19) + "\nZa seznamom.\n", path="doc.md")
    texts = [b.text for b in doc.blocks]
    assert texts == [f"točka {i}" for i in range(19)] + ["Za seznamom."]


@pytest.mark.parametrize(
    "filler", [" " * 50_000, "\t" * 50_000, (" " * 999 + "\n") * 50]
)
def test_plain_text_blank_runs_are_linear(filler: str) -> None:
    start = time.perf_counter()
    doc = load_text(
        "Naslov\n\n" + filler + "\nZadnji odstavek.", path="x.txt", lang="sl"
    )
    assert time.perf_counter() - start < 2
    assert [b.text for b in doc.blocks] == ["Naslov", "Zadnji odstavek."]


def test_plain_text_paragraphs_keep_leading_spaces() -> None:
    doc = load_text("a\n\n  b\nc\n\n\n d", path="x.txt", lang="sl")
    assert [b.text for b in doc.blocks] == ["a", "  b\nc", " d"]


def test_unknown_language_names_file_and_line() -> None:
    with pytest.raises(LanguageNotSupported) as info:
        load_text("---\ntitle: Vabilo\nlang: klingon\n---\nBesedilo.\n", path="v.md")
    assert info.value.where == "v.md:3"


def test_unknown_language_from_option_names_file() -> None:
    with pytest.raises(LanguageNotSupported) as info:
        load_text("Besedilo.\n", path="v.md", lang="xx")
    assert info.value.where == "v.md"


@pytest.mark.parametrize(
    "value",
    ["../profil.yaml", "/etc/profil.yaml", "mapa/../../profil.yml", "link.yaml"],
)
def test_profile_file_outside_the_document_folder_is_refused(
    tmp_path: Path, value: str
) -> None:
    doc_dir = tmp_path / "doc"
    doc_dir.mkdir()
    (tmp_path / "profil.yaml").write_text("extends: strict\n", encoding="utf-8")
    (doc_dir / "link.yaml").symlink_to(tmp_path / "profil.yaml")
    text = f"---\nlang: sl\nprofile: {value}\n---\nBesedilo.\n"
    with pytest.raises(DocumentError) as info:
        load_text(text, path=doc_dir / "v.md")
    assert info.value.where == f"{doc_dir / 'v.md'}:3"
    assert "outside the document's folder" in info.value.message


@pytest.mark.parametrize("value", ["moj.yaml", "mapa/moj.yaml", "strict", "plain"])
def test_profile_names_and_files_inside_are_kept(tmp_path: Path, value: str) -> None:
    text = f"---\nlang: sl\nprofile: {value}\n---\nBesedilo.\n"
    doc = load_text(text, path=tmp_path / "v.md")
    assert doc.meta.profile == value


@pytest.mark.parametrize(
    "value",
    [
        "/etc/passwd",
        "../skrivnost.yaml",
        "[slovar.yaml, ../skrivnost.yaml]",
        "[link.yaml]",
    ],
)
def test_glossary_file_outside_the_document_folder_is_refused(
    tmp_path: Path, value: str
) -> None:
    doc_dir = tmp_path / "doc"
    doc_dir.mkdir()
    (tmp_path / "skrivnost.yaml").write_text("- term: x\n", encoding="utf-8")
    (doc_dir / "slovar.yaml").write_text("- term: x\n", encoding="utf-8")
    (doc_dir / "link.yaml").symlink_to(tmp_path / "skrivnost.yaml")
    text = f"---\nlang: sl\ntitle: Vabilo\nglossary: {value}\n---\nBesedilo.\n"
    with pytest.raises(DocumentError) as info:
        load_text(text, path=doc_dir / "v.md")
    assert info.value.where == f"{doc_dir / 'v.md'}:4"
    assert "glossary" in info.value.message


def test_glossary_entries_and_files_inside_are_kept(tmp_path: Path) -> None:
    text = (
        "---\nlang: sl\nglossary:\n  - slovar.yaml\n  - term: čitalnica\n"
        "    explanation: Soba za branje.\n---\nBesedilo.\n"
    )
    doc = load_text(text, path=tmp_path / "v.md")
    assert doc.meta.extra["glossary"][0] == "slovar.yaml"
