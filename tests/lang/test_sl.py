"""Slovenian pack: hand-checked cases (sentences, syllables, lemmas, dates, times, numbers)."""

from __future__ import annotations

from datetime import date, time

import pytest

from easyread.lang import get_pack

SL = get_pack("sl")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ordinals, dates and times are not sentence ends
        (
            "Dogodek bo v petek, 10. maja 2019, ob 10. uri.",
            ["Dogodek bo v petek, 10. maja 2019, ob 10. uri."],
        ),
        (
            "Začnemo ob 10.30. Končamo ob 12. uri.",
            ["Začnemo ob 10.30.", "Končamo ob 12. uri."],
        ),
        (
            "Pridite v 1. nadstropje. Tam je soba.",
            ["Pridite v 1. nadstropje.", "Tam je soba."],
        ),
        ("Prijave do 13. 5. 2024. Hvala.", ["Prijave do 13. 5. 2024.", "Hvala."]),
        ("Rok je 15.05.2026. Pohitite.", ["Rok je 15.05.2026.", "Pohitite."]),
        # abbreviations
        ("Dr. Novak bo bral, npr. o živalih.", ["Dr. Novak bo bral, npr. o živalih."]),
        (
            "Pokličite na tel. 01 234 56 78. Društvo vas pozdravlja.",
            ["Pokličite na tel. 01 234 56 78.", "Društvo vas pozdravlja."],
        ),
        (
            "Vodi ga mag. Ana Kos, prof. slovenščine. Hvala!",
            ["Vodi ga mag. Ana Kos, prof. slovenščine.", "Hvala!"],
        ),
        (
            "Knjižnica je na Tomšičevi ul. 3. Pridite.",
            ["Knjižnica je na Tomšičevi ul. 3.", "Pridite."],
        ),
        (
            "Prinesite copate, barvice itd. Vodi ga Ana.",
            ["Prinesite copate, barvice itd.", "Vodi ga Ana."],
        ),
        ("To je t. i. bralna ura. Pridite.", ["To je t. i. bralna ura.", "Pridite."]),
        ("Prijavite se na št. 5. Hvala.", ["Prijavite se na št. 5.", "Hvala."]),
        ("Npr. kava ali čaj. Izberite.", ["Npr. kava ali čaj.", "Izberite."]),
        ("Vodi ga g. Horvat. Pridite.", ["Vodi ga g. Horvat.", "Pridite."]),
        # initials, questions, exclamations
        ("Bere J. Novak. Poslušajte.", ["Bere J. Novak.", "Poslušajte."]),
        ("Kaj bomo delali? Brali bomo.", ["Kaj bomo delali?", "Brali bomo."]),
        ("Pridite! Veselimo se.", ["Pridite!", "Veselimo se."]),
        ("Rekla je: »Pridite.« Prišli smo.", ["Rekla je: »Pridite.«", "Prišli smo."]),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in SL.split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("trg", 1), ("vrt", 1), ("črn", 1), ("smrt", 1), ("prst", 1), ("rž", 1),
        ("srce", 2), ("rdeča", 3), ("knjižnica", 3), ("knjižnico", 3),
        ("stanovalcev", 4), ("pravljica", 3), ("ideja", 3), ("udeležiti", 5),
        ("poezija", 4), ("čaj", 1), ("kava", 2), ("Ljutomer", 3), ("brati", 2),
        ("vabimo", 3), ("družbenorazvojnega", 7), ("krompir", 2), ("čmrlj", 1),
    ],
)  # fmt: skip
def test_syllables(word: str, syllables: int) -> None:
    assert SL.syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("knjižnico", "knjižnica"), ("knjižnici", "knjižnica"), ("knjižnice", "knjižnica"),
        ("stanovalcev", "stanovalec"), ("stanovalci", "stanovalec"),
        ("živalih", "žival"), ("vabimo", "vabiti"), ("bomo", "biti"),
        ("pravljice", "pravljica"), ("kavo", "kava"), ("Knjižnico", "knjižnica"),
    ],
)  # fmt: skip
def test_lemma(word: str, lemma: str) -> None:
    assert SL.lemma(word) == lemma


@pytest.mark.parametrize(
    ("value", "sentence", "expected"),
    [
        (date(2019, 5, 10), True, "v petek, 10. maja 2019"),
        (date(2024, 5, 15), True, "v sredo, 15. maja 2024"),
        (date(2026, 12, 12), True, "v soboto, 12. decembra 2026"),
        (date(2026, 3, 1), True, "v nedeljo, 1. marca 2026"),
        (date(2026, 1, 5), False, "ponedeljek, 5. januarja 2026"),
        (date(2026, 9, 3), False, "četrtek, 3. septembra 2026"),
    ],
)
def test_format_date(value: date, sentence: bool, expected: str) -> None:
    assert SL.format_date(value, sentence=sentence) == expected


def test_format_date_without_weekday() -> None:
    assert SL.format_date(date(2026, 8, 20), weekday=False) == "20. avgusta 2026"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(10, 0), "ob 10. uri"),
        (time(10, 30), "ob 10.30"),
        (time(9, 5), "ob 9.05"),
        (time(17, 0), "ob 17. uri"),
    ],
)
def test_format_time(value: time, expected: str) -> None:
    assert SL.format_time(value) == expected


def test_format_time_range() -> None:
    assert SL.format_time_range(time(10), time(12)) == "od 10. do 12. ure"
    assert SL.format_time_range(time(9, 30), time(12)) == "od 9.30 do 12.00"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("v petek, 10. maja 2019, ob", (10, 5, 2019, 4, "words")),
        ("do 13. 5. 2024 zbiramo", (13, 5, 2024, None, "numeric")),
        ("rok 15.05.2026 velja", (15, 5, 2026, None, "numeric")),
        ("do 8. maja se", (8, 5, None, None, "words")),
        ("od 1. marca naprej", (1, 3, None, None, "words")),
        ("v sredo, 3. decembra 2025", (3, 12, 2025, 2, "words")),
        ("datum 2026-12-10 je", (10, 12, 2026, None, "iso")),
        ("do 13. 5. se prijavite", (13, 5, None, None, "numeric")),
    ],
)
def test_find_dates(
    text: str, found: tuple[int, int, int | None, int | None, str]
) -> None:
    (m,) = SL.find_dates(text)
    assert (m.day, m.month, m.year, m.weekday, m.style) == found


def test_impossible_date_is_found_but_invalid() -> None:
    (m,) = SL.find_dates("Rok je 30. 2. 2024.")
    assert not m.valid and m.value is None


@pytest.mark.parametrize(
    ("text", "hm", "style"),
    [
        ("Pridite ob 10. uri.", (10, 0), "ordinal"),
        ("Začnemo ob 10.30.", (10, 30), "dot"),
        ("Začnemo ob 10:00.", (10, 0), "colon"),
        ("Ura je 9:15.", (9, 15), "colon"),
        ("Odprto do 12. ure.", (12, 0), "ordinal"),
        ("Začetek ob 10.00 uri.", (10, 0), "dot"),
    ],
)
def test_find_times(text: str, hm: tuple[int, int], style: str) -> None:
    (m,) = SL.find_times(text)
    assert ((m.hour, m.minute), m.style) == (hm, style)


def test_plain_decimal_is_not_a_time() -> None:
    assert SL.find_times("Cena je 10.50 evra.") == []


def test_time_range_gives_two_times() -> None:
    assert [(m.hour, m.minute) for m in SL.find_times("od 9.00 do 12.00")] == [
        (9, 0),
        (12, 0),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Pridejo trije ljudje.", [3]),
        ("Imamo dve mački in pet psov.", [2, 5]),
        ("Vstopnica stane petindvajset evrov.", [25]),
        ("Prišlo je dvajset ljudi.", [20]),
    ],
)
def test_number_words(text: str, values: list[int]) -> None:
    assert [m.value for m in SL.find_number_words(text)] == values


def test_abbreviations_are_found_with_expansions() -> None:
    found = {
        SL.abbreviations[a.text].text: a.expand
        for _, _, a in SL.find_abbreviations("npr. tel. 02 in t. i. ura")
    }
    assert found == {"npr.": "na primer", "tel.": "telefon", "t. i.": "tako imenovani"}


def test_easy_words_know_inflected_forms() -> None:
    assert SL.is_easy_word("knjižnici")
    assert not SL.is_easy_word("družbenorazvojnega")
