"""The fact guard: lost or invented facts are errors; reformatted ones are not."""

from __future__ import annotations

import pytest

from easyread.loader import load_text
from easyread.model import Severity
from easyread.simplify.guard import RULES, fact_guard

SOURCE_SL = """Literarni večer

Vljudno vabljeni na literarni večer s pisateljem Janezom Kovačem, ki bo v četrtek, 15.10.2026, ob 19.00 v čitalnici (Glavni trg 2, 9240 Ljutomer).

Vstopnina je 3 EUR. V občini je 24 % starejših. Napisal je pet romanov. Prijave do 12. 10. na tel. 02 584 12 35 ali ana.novak@example.si, več na www.knjiznica.example.si.
"""


def _doc(text: str, lang: str = "sl", fmt: str = "md"):  # type: ignore[no-untyped-def]
    return load_text(text, lang=lang, fmt=fmt)


def _src(text: str = SOURCE_SL, lang: str = "sl"):  # type: ignore[no-untyped-def]
    return load_text(text, lang=lang, fmt="txt")


GOOD_SL = """---
title: Literarni večer
lang: sl
---

Vabimo vas na literarni večer s pisateljem Janezom Kovačem.
To bo v četrtek, 15. oktobra 2026, ob 19. uri v čitalnici.

Glavni trg 2
9240 Ljutomer

Vstopnina je 3 evri.
V občini je 24 od 100 starejših.
Napisal je 5 romanov.
Prijavite se do 12. oktobra na telefon 02 584 12 35 ali ana.novak@example.si.
Več na https://www.knjiznica.example.si/.
"""


def test_reformatted_facts_are_not_alarms() -> None:
    # 15.10.2026 = v četrtek, 15. oktobra 2026; 19.00 = ob 19. uri; 24 % = 24 od 100;
    # 3 EUR = 3 evri; pet = 5; year-less 12. 10. = 12. oktobra; URL with scheme and slash;
    # "Janezom Kovačem" = "Janezom Kovačem" (same case here)
    assert fact_guard(_src(), _doc(GOOD_SL)) == ()


@pytest.mark.parametrize(
    ("change", "rule", "fact"),
    [
        ("02 584 12 35", "facts.missing-phone", "02 584 12 35"),
        ("ana.novak@example.si", "facts.missing-email", "ana.novak@example.si"),
        (
            "https://www.knjiznica.example.si/",
            "facts.missing-url",
            "www.knjiznica.example.si",
        ),
        ("3 evri", "facts.missing-money", "3 EUR"),
        ("24 od 100", "facts.missing-percent", "24 %"),
        ("5 romanov", "facts.missing-number", "pet"),
        ("9240 Ljutomer", "facts.missing-number", "9240"),
        ("v četrtek, 15. oktobra 2026, ", "facts.missing-date", "15.10.2026"),
        ("ob 19. uri ", "facts.missing-time", "ob 19.00"),
        ("Janezom Kovačem", "facts.missing-name", "Janezom"),
    ],
)
def test_a_dropped_fact_is_caught_and_located_in_the_source(
    change: str, rule: str, fact: str
) -> None:
    draft = GOOD_SL.replace(change, "")
    findings = fact_guard(_src(), _doc(draft))
    hits = [f for f in findings if f.rule == rule]
    assert hits, [f.rule for f in findings]
    f = hits[0]
    assert f.severity is Severity.ERROR
    assert f.path == "<stdin>"
    # the finding points at the fact in the SOURCE
    src = _src()
    line = src.source.line_text(f.location.line)
    assert fact.split()[0] in line[f.location.column - 1 :]


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [
        ("15. oktobra 2026", "16. oktobra 2026", "facts.invented-date"),
        ("ob 19. uri", "ob 18. uri", "facts.invented-time"),
        ("3 evri", "4 evri", "facts.invented-money"),
        ("5 romanov", "7 romanov", "facts.invented-number"),
        ("24 od 100", "25 od 100", "facts.invented-percent"),
        ("02 584 12 35", "02 584 12 36", "facts.invented-phone"),
    ],
)
def test_a_changed_fact_is_missing_in_the_draft_and_invented_there(
    before: str, after: str, rule: str
) -> None:
    draft = GOOD_SL.replace(before, after)
    findings = fact_guard(_src(), _doc(draft))
    invented = [f for f in findings if f.rule == rule]
    assert invented, [f.rule for f in findings]
    assert any(f.rule.startswith("facts.missing-") for f in findings)
    # invented facts are located in the DRAFT
    draft_doc = _doc(draft)
    assert after.split()[0] in draft_doc.source.line_text(invented[0].location.line)


def test_an_invented_time_is_caught() -> None:
    draft = GOOD_SL.replace(
        "Vstopnina je 3 evri.", "Vstopnina je 3 evri.\nVrata odpremo ob 18.30."
    )
    rules = [f.rule for f in fact_guard(_src(), _doc(draft))]
    assert rules == ["facts.invented-time"]


def test_front_matter_counts_as_draft() -> None:
    # the date only in the front matter is not missing; a wrong one there is invented
    src = _src("Srečanje\n\nSrečanje bo 15. 5. 2026 v knjižnici.\n")
    ok = _doc(
        "---\ntitle: Srečanje\nlang: sl\ndate: 2026-05-15\n---\n\nSrečanje bo v knjižnici.\n"
    )
    assert fact_guard(src, ok) == ()
    wrong = _doc(
        "---\ntitle: Srečanje\nlang: sl\ndate: 2026-05-16\n---\n\nSrečanje bo v knjižnici.\n"
    )
    rules = sorted(f.rule for f in fact_guard(src, wrong))
    assert rules == ["facts.invented-date", "facts.missing-date"]
    invented = next(
        f for f in fact_guard(src, wrong) if f.rule == "facts.invented-date"
    )
    assert invented.location.line == 4  # the `date:` line of the front matter


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        ("Janez Kovač bo bral.", "Pogovor z Janezom Kovačem."),
        ("Pokličite Ano Novak.", "Ana Novak vam pomaga."),
        ("Matej Vogrinec bo predaval.", "Predavanje doktorja Mateja Vogrinca."),
        ("Izlet na Ptuj.", "Na Ptuju bomo ves dan."),
    ],
)
def test_inflected_names_match(source: str, draft: str) -> None:
    assert (
        fact_guard(
            _src(f"Naslov\n\n{source}\n"),
            _doc(f"---\ntitle: Naslov\nlang: sl\n---\n\n{draft}\n"),
        )
        == ()
    )


@pytest.mark.parametrize(
    ("lang", "source", "draft"),
    [
        (
            "de",
            "Am Dienstag, 12.05.2026, von 14:00 bis 16:00 Uhr.",
            "Am Dienstag, 12. Mai 2026, von 14 Uhr bis 16 Uhr.",
        ),
        (
            "de",
            "Heute können ca. 40 % aller Anliegen online erledigt werden.",
            "Heute können ungefähr 40 von 100 Anliegen online erledigt werden.",
        ),
        (
            "de",
            "Das Büro bleibt vom 28.–31.08.2026 geschlossen.",
            "Das Büro bleibt vom 28. bis 31. August 2026 geschlossen.",
        ),
        ("de", "Ein Ausweis kostet 37,00 €.", "Ein Ausweis kostet 37 Euro."),
        (
            "en",
            "on Thursday 21 May 2026 from 7pm to 8.30pm",
            "on Thursday 21 May 2026 from 7 pm to 8:30 pm",
        ),
        (
            "en",
            "The meeting is on 10/06/2026 at 18:30.",
            "The meeting is on Wednesday 10 June 2026 at 6:30 pm.",
        ),
        ("en", "The café opens at 12:00.", "The café opens at 12 noon."),
        (
            "en",
            "About 30% of adults are affected.",
            "About 30 out of 100 adults are affected.",
        ),
        (
            "sl",
            "Srečanja bodo 7. 10., 4. 11. in 2. 12. 2026, od 10. do 11.30.",
            "Srečanja bodo 7. oktobra, 4. novembra in 2. decembra 2026, od 10.00 do 11.30.",
        ),
        ("sl", "Odprto od 8.00 do 14.00.", "Odprto od 8. do 14. ure."),
        ("sl", "Rok je 10. jan. 2027.", "Rok je 10. januarja 2027."),
        ("sl", "Pokličite na +386 2 584 12 34.", "Pokličite na 02 584 12 34."),
    ],
)
def test_reformatting_in_each_language_is_no_false_alarm(
    lang: str, source: str, draft: str
) -> None:
    src = load_text(f"Title\n\n{source}\n", lang=lang, fmt="txt")
    dft = _doc(f"---\ntitle: Title\nlang: {lang}\n---\n\n{draft}\n", lang)
    assert fact_guard(src, dft) == ()


def test_a_year_less_date_matches_a_dated_one_and_the_reverse() -> None:
    src = _src("Naslov\n\nPrijave do 12. 10.\n")
    assert (
        fact_guard(
            src,
            _doc("---\ntitle: Naslov\nlang: sl\n---\n\nPrijave do 12. oktobra 2026.\n"),
        )
        == ()
    )
    rules = [
        f.rule
        for f in fact_guard(
            src, _doc("---\ntitle: Naslov\nlang: sl\n---\n\nPrijave do 13. oktobra.\n")
        )
    ]
    assert rules == ["facts.missing-date", "facts.invented-date"]


def test_articles_are_not_required_numbers() -> None:
    # "eno" (one/a) may go, but a digit that was never in the source is invented
    src = _src("Naslov\n\nSrečanje traja eno uro.\n")
    assert (
        fact_guard(
            src, _doc("---\ntitle: Naslov\nlang: sl\n---\n\nSrečanje je kratko.\n")
        )
        == ()
    )
    assert (
        fact_guard(
            src, _doc("---\ntitle: Naslov\nlang: sl\n---\n\nSrečanje traja 1 uro.\n")
        )
        == ()
    )
    rules = [
        f.rule
        for f in fact_guard(
            src, _doc("---\ntitle: Naslov\nlang: sl\n---\n\nSrečanje traja 2 uri.\n")
        )
    ]
    assert rules == ["facts.invented-number"]


def test_every_reported_rule_is_documented() -> None:
    src = _src()
    draft = GOOD_SL.replace("02 584 12 35", "02 584 12 99").replace(
        "Janezom Kovačem", "avtorjem"
    )
    for f in fact_guard(src, _doc(draft)):
        assert f.rule in RULES


def test_identical_documents_pass() -> None:
    assert fact_guard(_src(), _src()) == ()


@pytest.mark.parametrize(
    ("ui", "words"),
    [(None, ("Izvirnik ima telefonsko številko", "osnutek pa ne")), ("en", ("The source has the phone number",)),
     ("de", ("Der Ausgangstext hat die Telefonnummer",))],
)  # fmt: skip
def test_messages_in_the_readers_language(
    ui: str | None, words: tuple[str, ...]
) -> None:
    draft = GOOD_SL.replace("02 584 12 35", "")
    finding = next(
        f
        for f in fact_guard(_src(), _doc(draft), ui_lang=ui)
        if f.rule == "facts.missing-phone"
    )
    for w in words:
        assert w in finding.message
    assert "02 584 12 35" in finding.suggestion
