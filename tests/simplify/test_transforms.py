"""Every transform against its fixture cases (tests/simplify/fixtures/<lang>/<transform>.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.simplify.pipeline import available

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_fixture_case(case, simplify_text, body) -> None:  # type: ignore[no-untyped-def]
    lang, name = case.file.split("/")
    transform = name.removesuffix(".txt")
    result = simplify_text(case.input, lang, transforms=[transform])
    assert body(result.markdown) == case.expected.strip(), case.id
    # whatever a transform does, it keeps every fact and invents none
    assert result.guard == (), [f.message for f in result.guard]


@pytest.mark.parametrize("lang", ["sl", "en", "de"])
@pytest.mark.parametrize(
    "transform",
    ["abbreviations", "numbers", "dates", "times", "sentences", "lists", "insertions"],
)
def test_every_core_transform_has_fixtures_per_language(
    lang: str, transform: str
) -> None:
    path = FIXTURES / lang / f"{transform}.txt"
    assert path.is_file(), f"add cases for {transform} in {path}"


def test_fixture_files_name_real_transforms() -> None:
    known = set(available())
    names = {p.stem for p in FIXTURES.glob("*/*.txt")}
    assert names <= known, names - known


def test_glossary_box_and_inline_explanation(simplify_text) -> None:  # type: ignore[no-untyped-def]
    result = simplify_text("Udeležba je prostovoljna.", "sl", transforms=["glossary"])
    box = result.document.meta.extra.get("glossary")
    assert box and box[0]["term"] == "udeležba"
    assert box[0]["explanation"].startswith("Udeležba pomeni")
    # the explanation is also the next sentence (the checker asks for that)
    assert [s.text for s in result.document.sentences][1].startswith("Udeležba pomeni")


def test_user_glossary_file_extends_the_pack(tmp_path, simplify_text) -> None:  # type: ignore[no-untyped-def]
    user = tmp_path / "slovar.yaml"
    user.write_text(
        "entries:\n"
        "  - lemma: čitalnica\n"
        "    replacement: soba za branje\n"
        "    forms: {čitalnici: sobi za branje}\n"
        "abbreviations:\n"
        "  brezpl.: zastonj\n",
        encoding="utf-8",
    )
    text = "Srečanje bo v čitalnici. Vstop je brezpl. za vse."
    result = simplify_text(
        text, "sl", transforms=["abbreviations", "glossary"], glossary=[user]
    )
    sentences = [s.text for s in result.document.sentences]
    assert sentences == ["Srečanje bo v sobi za branje.", "Vstop je zastonj za vse."]
