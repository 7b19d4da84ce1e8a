"""Readability metrics: hand-computed values, our segmentation, textstat as a cross-check."""

from __future__ import annotations

import subprocess
import sys

import pytest

from easyread import load_text
from easyread.errors import MissingDependency
from easyread.metrics import (
    Counts,
    block_stats,
    count,
    document_stats,
    flesch,
    flesch_kincaid,
    formula,
    lix,
    textstat_stats,
    wiener_sachtextformel,
)
from easyread.rules.units import build_units

EN = "The dog runs. The cat sleeps in the wonderful garden."
DE = "Der Hund läuft. Die Katze schläft im Garten."
SL = "Pridite v knjižnico. Brali bomo."


def test_english_by_hand() -> None:
    # 2 sentences, 3 + 7 = 10 words.
    # Syllables: the, dog, runs, the, cat, sleeps, in, the = 8 x 1;
    # won-der-ful 3; gar-den 2 -> 13.
    # Long words (> 6 letters): wonderful -> 1 of 10.
    # ASL = 5, ASW = 1.3
    # FRE  = 206.835 - 1.015 * 5 - 84.6 * 1.3 = 91.78
    # FKGL = 0.39 * 5 + 11.8 * 1.3 - 15.59    = 1.70
    # LIX  = 5 + 100 * 1 / 10                 = 15
    stats = document_stats(load_text(EN, lang="en"))
    assert (stats["words"], stats["sentences"], stats["syllables"]) == (10, 2, 13)
    assert stats["words_per_sentence"] == 5.0
    assert stats["syllables_per_word"] == 1.3
    assert stats["long_words"] == 0.1
    assert stats["flesch"] == pytest.approx(91.78, abs=0.005)
    assert stats["flesch_kincaid"] == pytest.approx(1.70, abs=0.005)
    assert stats["lix"] == 15.0
    assert stats["wiener_sachtextformel"] is None
    assert stats["validated"] is True


def test_german_by_hand() -> None:
    # 2 sentences, 3 + 5 = 8 words.
    # Syllables: Der 1, Hund 1, läuft 1 (äu), Die 1 (ie), Kat-ze 2, schläft 1,
    # im 1, Gar-ten 2 = 10. One-syllable words: 6; 3+ syllables: 0.
    # Long words (> 6 letters): schläft -> 1 of 8 (12.5 %).
    # ASL = 4, ASW = 1.25
    # Amstad = 180 - 4 - 58.5 * 1.25 = 102.875
    # WSTF1  = 0.1935*0 + 0.1672*4 + 0.1297*12.5 - 0.0327*75 - 0.875 = -1.03745
    # LIX    = 4 + 12.5 = 16.5
    c = count(build_units(load_text(DE, lang="de")).sentences)
    assert c == Counts(words=8, sentences=2, syllables=10, letters=c.letters, long_words=1,
                       polysyllables=0, monosyllables=6)  # fmt: skip
    assert flesch(c, "de") == pytest.approx(102.875)
    assert wiener_sachtextformel(c, "de") == pytest.approx(-1.03745)
    assert lix(c) == pytest.approx(16.5)
    assert flesch_kincaid(c, "de") is None


def test_slovenian_is_reported_not_judged() -> None:
    # 2 sentences, 3 + 2 = 5 words. Syllables (vowels + syllabic r): Pri-di-te 3,
    # v 1, knjiž-ni-co 3, Bra-li 2, bo-mo 2 = 11. Long words: Pridite (7 letters),
    # knjižnico (9) -> 2 of 5. LIX = 2.5 + 40 = 42.5. No validated formula.
    stats = document_stats(load_text(SL, lang="sl"))
    assert (stats["words"], stats["sentences"], stats["syllables"]) == (5, 2, 11)
    assert stats["lix"] == 42.5
    assert stats["long_words"] == 0.4
    assert stats["flesch"] is None and stats["flesch_kincaid"] is None
    assert stats["wiener_sachtextformel"] is None
    assert stats["validated"] is False


def test_counts_follow_our_segmentation() -> None:
    # Ordinals, times and abbreviations do not end sentences; easy-read lines do.
    doc = load_text(
        "Srečanje bo 10. maja ob 10. uri. Prinesite npr. očala.\n\n"
        "## Kdaj?\n\nV sredo, 13. maja 2026\nOb 10. uri\n",
        lang="sl",
    )
    stats = document_stats(doc)
    assert stats["sentences"] == 5  # 2 + heading + 2 lines
    blocks = block_stats(doc)
    assert [(b["line"], b["kind"], b["sentences"]) for b in blocks] == [
        (1, "paragraph", 2),
        (5, "paragraph", 2),
    ]
    assert blocks[1]["words"] == 8  # V sredo 13 maja 2026 / Ob 10 uri


def test_formula_registry() -> None:
    c = Counts(words=100, sentences=10, syllables=150, long_words=20, polysyllables=10,
               monosyllables=60)  # fmt: skip
    assert formula("lix", c, "sl") == pytest.approx(30.0)
    assert formula("words_per_sentence", c, "sl") == 10.0
    assert formula("flesch", c, "sl") is None
    assert formula("flesch", c, "en") == pytest.approx(206.835 - 10.15 - 126.9)
    assert formula("flesch", c, "de") == pytest.approx(180 - 10 - 87.75)
    with pytest.raises(KeyError):
        formula("smog", c, "en")
    assert lix(Counts()) is None


def test_metrics_do_not_import_textstat() -> None:
    code = (
        "import sys, easyread\nfrom easyread.metrics import document_stats\n"
        "document_stats(easyread.load_text('We read. We talk.', lang='en'))\n"
        "print('textstat' in sys.modules, 'nltk' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False False"


def test_without_textstat_metrics_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [
        m for m in sys.modules if m == "textstat" or m.startswith("textstat.")
    ]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "textstat", None)
    doc = load_text(EN, lang="en")
    assert document_stats(doc)["flesch"] == pytest.approx(91.78, abs=0.005)
    with pytest.raises(MissingDependency, match="textstat"):
        textstat_stats(doc)


@pytest.fixture
def offline_textstat(monkeypatch: pytest.MonkeyPatch):
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    def no_download(lang: str) -> None:
        return None

    # Never let NLTK download CMUdict: Pyphen only, as metrics.textstat_stats does.
    monkeypatch.setattr(_count_syllables, "get_cmudict", no_download)
    return textstat


def test_our_formulas_match_textstat(offline_textstat) -> None:
    # Clean text (no abbreviations, every sentence > 2 words) where textstat's
    # own counts are right: our formulas on its counts give its scores.
    from textstat.textstat import textstatistics

    en = textstatistics()
    en.set_lang("en_US")
    text = "The dog runs in the park. The cat sleeps in the wonderful garden all day."
    c = Counts(words=en.lexicon_count(text), sentences=en.sentence_count(text),
               syllables=en.syllable_count(text))  # fmt: skip
    assert flesch(c, "en") == pytest.approx(en.flesch_reading_ease(text))
    assert flesch_kincaid(c, "en") == pytest.approx(en.flesch_kincaid_grade(text))

    de = textstatistics()
    de.set_lang("de_DE")
    text = "Der große Hund läuft schnell. Die Katze schläft heute im schönen Garten."
    c = Counts(
        words=de.lexicon_count(text), sentences=de.sentence_count(text),
        syllables=de.syllable_count(text), long_words=de.long_word_count(text),
        polysyllables=de.polysyllabcount(text), monosyllables=de.monosyllabcount(text),
    )  # fmt: skip
    assert flesch(c, "de") == pytest.approx(de.flesch_reading_ease(text))
    assert wiener_sachtextformel(c, "de") == pytest.approx(
        de.wiener_sachtextformel(text, 1)
    )
    assert lix(c) == pytest.approx(de.lix(text))


def test_textstat_counts_are_wrong_where_ours_are_right(offline_textstat) -> None:
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang("de_DE")
    text = "Wir treffen uns am 3. Mai um 10 Uhr. Bringen Sie z. B. Ihre Brille mit. Danke sehr."
    ours = document_stats(load_text(text, lang="de"))["sentences"]
    assert ours == 3
    assert (
        ts.sentence_count(text) != ours
    )  # splits at "3." and "z. B.", drops "Danke sehr."


def test_textstat_stats_keep_our_counts_and_stay_offline(offline_textstat) -> None:
    doc = load_text(EN, lang="en")
    ours, theirs = document_stats(doc), textstat_stats(doc)
    assert (theirs["words"], theirs["sentences"]) == (ours["words"], ours["sentences"])
    assert theirs["flesch"] is not None and theirs["syllables"] > 0
    de = load_text(DE, lang="de")
    assert textstat_stats(de)["wiener_sachtextformel"] is not None
