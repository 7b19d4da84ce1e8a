"""The pictogram set: index, lookup by name and by keyword lemma, automatic choice."""

from __future__ import annotations

import pytest

import easyread
from easyread import get_pack
from easyread.profiles import load_profile
from easyread.render.pictograms import load_pictograms
from easyread.render.view import build_view


@pytest.fixture(scope="module")
def pics():  # type: ignore[no-untyped-def]
    return load_pictograms()


def test_index_is_complete(pics) -> None:  # type: ignore[no-untyped-def]
    assert len(pics) >= 50
    for pic in pics:
        assert pic.path.is_file(), pic.name
        assert pic.path.suffix == ".svg"
        for lang in ("sl", "en", "de"):
            assert pic.alt_text(lang).strip(), f"{pic.name} has no {lang} alt text"
    assert "OpenMoji" in pics.attribution and "CC BY-SA 4.0" in pics.attribution


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("book", "book"),
        ("Book", "book"),
        ("bus stop", "bus-stop"),
        ("no-such-thing", None),
    ],
)
def test_lookup_by_name(pics, name: str, found: str | None) -> None:  # type: ignore[no-untyped-def]
    pic = pics.get(name)
    assert (pic.name if pic else None) == found


@pytest.mark.parametrize(
    ("lang", "word", "name"),
    [
        ("sl", "knjižnica", "library"),
        ("sl", "knjižnico", "library"),
        ("sl", "knjižnici", "library"),
        ("sl", "škarjami", "scissors"),
        ("sl", "koledar", "calendar"),
        ("sl", "vozičkom", "wheelchair"),
        ("en", "libraries", "library"),
        ("en", "Calendar", "calendar"),
        ("de", "Bibliothek", "library"),
        ("de", "Schere", "scissors"),
    ],
)
def test_lookup_by_keyword_through_lemmas(
    pics, lang: str, word: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    found = [p.name for p in pics.find(word, lang, get_pack(lang))]
    assert name in found


def test_keywords_are_per_language(pics) -> None:  # type: ignore[no-untyped-def]
    assert not pics.find("knjižnico", "en", get_pack("en"))


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("sl", "Vzemite trd papir", "paper"),  # the noun beats the verb "vzeti" (bring)
        ("sl", "Pravokotnik izrežite s škarjami", "scissors"),
        ("sl", "Stranišče je zraven sobe", "toilet"),
        ("de", "Nehmen Sie das bunte Papier", "paper"),
        ("en", "Call Sam on the phone", "phone"),
    ],
)
def test_choose_from_words(pics, lang: str, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    chosen = pics.choose(text.split(), lang, get_pack(lang))
    assert chosen is not None and chosen.name == name


def test_choose_respects_avoid_and_gives_none(pics) -> None:  # type: ignore[no-untyped-def]
    sl = get_pack("sl")
    assert pics.choose(["škarje"], "sl", sl, avoid=["scissors"]) is None
    assert pics.choose(["xyzzy", "qwerty"], "sl", sl) is None


def test_choice_is_stable(pics) -> None:  # type: ignore[no-untyped-def]
    sl = get_pack("sl")
    words = ["Splošna", "knjižnica", "vas", "vabi", "na", "uro", "branja", "s", "čajem"]
    assert len({pics.choose(words, "sl", sl).name for _ in range(5)}) == 1


def test_author_pictures_win_and_alt_is_in_the_document_language() -> None:
    doc = easyread.load_text(
        "---\ntitle: Izlet\nlang: sl\nimages: {title: bus}\n---\n\n"
        "![Škarje za papir](pictogram:scissors) Prinesite škarje.\n\nGremo v knjižnico.\n"
    )
    view = build_view(doc, load_profile("strict"))
    assert view.title_picture is not None and view.title_picture.name == "bus"
    assert (
        view.title_picture.alt == load_pictograms().get("bus").alt["sl"]
    )  # the index's Slovenian alt
    rows = list(view.intro)
    assert (
        rows[0].picture.name == "scissors" and rows[0].picture.alt == "Škarje za papir"
    )
    assert rows[1].picture.name == "library" and rows[1].picture.alt == "Knjižnica"


def test_unknown_pictogram_name_falls_back_to_the_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    doc = easyread.load_text(
        "---\ntitle: Delo\nlang: sl\ntemplate: activity\nmaterials:\n  - {text: Škarje, picture: nosuchpicture}\n---\n\nText.\n"
    )
    with caplog.at_level("WARNING", logger="easyread"):
        view = build_view(doc, load_profile("strict"))
    assert (
        view.materials[0].picture is not None
        and view.materials[0].picture.name == "scissors"
    )
    assert "no pictogram called 'nosuchpicture'" in caplog.text


def test_attribution_only_when_pictograms_are_used() -> None:
    with_pic = build_view(
        easyread.load_text("---\ntitle: Knjiga\nlang: sl\n---\n\nBeremo knjigo.\n"),
        load_profile("strict"),
    )
    without = build_view(
        easyread.load_text("---\ntitle: Xyz\nlang: sl\n---\n\nQwerty.\n"),
        load_profile("strict"),
    )
    assert "OpenMoji" in with_pic.attribution
    assert without.attribution == ""
