"""English and German packs: sentences, syllables, lemmas, dates, times, numbers."""

from __future__ import annotations

from datetime import date, time

import pytest

from easyread.lang import get_pack

EN = get_pack("en")
DE = get_pack("de")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith will read, e.g. a poem. Come along.",
            ["Dr. Smith will read, e.g. a poem.", "Come along."],
        ),
        ("We meet at 10 a.m. in the hall.", ["We meet at 10 a.m. in the hall."]),
        (
            "Bring pens, paper etc. We have tea.",
            ["Bring pens, paper etc.", "We have tea."],
        ),
        ("Is it free? Yes.", ["Is it free?", "Yes."]),
    ],
)
def test_en_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in EN.split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wir treffen uns am 10. Mai um 10 Uhr.",
            ["Wir treffen uns am 10. Mai um 10 Uhr."],
        ),
        (
            "Bringen Sie z. B. eine Schere mit. Danke.",
            ["Bringen Sie z. B. eine Schere mit.", "Danke."],
        ),
        ("Dr. Weber liest vor. Kommen Sie!", ["Dr. Weber liest vor.", "Kommen Sie!"]),
        (
            "Es ist im 2. Stock. Der Aufzug ist links.",
            ["Es ist im 2. Stock.", "Der Aufzug ist links."],
        ),
        (
            "Rufen Sie an: Tel. 0761 123456. Wir helfen.",
            ["Rufen Sie an: Tel. 0761 123456.", "Wir helfen."],
        ),
    ],
)
def test_de_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in DE.split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("pack", "word", "n"),
    [
        (EN, "library", 3), (EN, "coffee", 2), (EN, "morning", 2), (EN, "invitation", 4),
        (EN, "table", 2), (EN, "come", 1),
        (DE, "Bibliothek", 4), (DE, "Freitag", 2), (DE, "Mai", 1), (DE, "Veranstaltung", 4),
        (DE, "Schere", 2), (DE, "Häuser", 2),
    ],
)  # fmt: skip
def test_syllables(pack: object, word: str, n: int) -> None:
    assert pack.syllables(word) == n  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pack", "word", "lemma"),
    [
        (EN, "libraries", "library"),
        (EN, "stories", "story"),
        (DE, "Bücher", "buch"),
        (DE, "Kindern", "kind"),
    ],
)
def test_lemmas(pack: object, word: str, lemma: str) -> None:
    assert pack.lemma(word) == lemma  # type: ignore[attr-defined]


def test_formats() -> None:
    assert EN.format_date(date(2019, 5, 10), sentence=False) == "Friday 10 May 2019"
    assert EN.format_time(time(10)) == "at 10 am"
    assert EN.format_time(time(14, 30)) == "at 2:30 pm"
    assert EN.format_time(time(12)) == "at 12 noon"
    assert DE.format_date(date(2019, 5, 10), sentence=False) == "Freitag, 10. Mai 2019"
    assert DE.format_time(time(10)) == "um 10 Uhr"
    assert DE.format_time(time(9, 30)) == "um 9:30 Uhr"
    assert DE.format_time_range(time(10), time(12)) == "von 10 Uhr bis 12 Uhr"


@pytest.mark.parametrize(
    ("pack", "text", "dmy"),
    [
        (EN, "on Friday 15 May 2026 at", (15, 5, 2026)),
        (EN, "on May 15, 2026 we", (15, 5, 2026)),
        (EN, "by 15/05/2026 please", (15, 5, 2026)),
        (EN, "on 3rd June we", (3, 6, None)),
        (DE, "am 15. Mai 2026 um", (15, 5, 2026)),
        (DE, "bis 15.05.2026 bitte", (15, 5, 2026)),
        (DE, "am Freitag, 3. Juli", (3, 7, None)),
    ],
)
def test_find_dates(pack: object, text: str, dmy: tuple[int, int, int | None]) -> None:
    (m,) = pack.find_dates(text)  # type: ignore[attr-defined]
    assert (m.day, m.month, m.year) == dmy


@pytest.mark.parametrize(
    ("pack", "text", "hm"),
    [
        (EN, "at 10am", (10, 0)), (EN, "at 2.30 p.m.", (14, 30)), (EN, "from 18:00", (18, 0)),
        (DE, "um 10 Uhr", (10, 0)), (DE, "ab 18:30 Uhr", (18, 30)), (DE, "um 9:00", (9, 0)),
    ],
)  # fmt: skip
def test_find_times(pack: object, text: str, hm: tuple[int, int]) -> None:
    (m,) = pack.find_times(text)  # type: ignore[attr-defined]
    assert (m.hour, m.minute) == hm


def test_number_words() -> None:
    assert [
        m.value for m in EN.find_number_words("three cups and twenty-five chairs")
    ] == [3, 25]
    assert [
        m.value for m in DE.find_number_words("drei Tassen und fünfundzwanzig Stühle")
    ] == [3, 25]
