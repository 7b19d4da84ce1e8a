"""Readability counts and formulas, from easyread's own segmentation.

Counts (words, sentences, syllables, long words) come from the same sentence
units the checker uses (``easyread.rules.units``: the language pack's
sentences, also cut at easy-read line breaks), so abbreviations (``npr.``,
``z. B.``), ordinals (``10. maja``) and one-line labels are counted the way the
checker sees them.
Formulas:

* LIX (Björnsson): words/sentences + 100 x words longer than 6 letters / words.
  Language-independent; reported for every language.
* ``flesch``: Flesch Reading Ease for English (206.835 - 1.015 ASL - 84.6 ASW),
  Amstad's German version for German (180 - ASL - 58.5 ASW).
* ``flesch_kincaid``: Flesch-Kincaid grade, English only.
* ``wiener_sachtextformel``: Wiener Sachtextformel 1, German only.

Slovenian has no validated readability formula (easy-read-rules.md, section
4): the classic formulas are ``None`` for it, LIX and the counts are reported
for information only, and no rule fails on them.

textstat is optional. :func:`textstat_stats` uses it for syllables (Pyphen,
with the English CMUdict download patched out so it works offline) and keeps
our word and sentence counts; it is imported only when called.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import MissingDependency
from .model import Document, Sentence, TokenKind

__all__ = [
    "FORMULAS",
    "LONG_WORD_LETTERS",
    "NO_VALIDATED_FORMULA",
    "Counts",
    "block_stats",
    "count",
    "document_stats",
    "formula",
    "sentences_text",
    "textstat_stats",
]

#: LIX and WSTF: a long word has more than this many letters.
LONG_WORD_LETTERS = 6
#: Languages without a validated readability formula: report, never fail.
NO_VALIDATED_FORMULA = frozenset({"sl"})


class _TokenLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> TokenKind: ...
    @property
    def syllables(self) -> int: ...

    @property
    def is_word(self) -> bool: ...


class _SentenceLike(Protocol):
    @property
    def tokens(self) -> Sequence[_TokenLike]: ...


@dataclass(frozen=True, slots=True)
class Counts:
    """The raw counts every formula is built from."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0
    long_words: int = 0  # more than 6 letters
    polysyllables: int = 0  # 3 or more syllables
    monosyllables: int = 0  # exactly 1 syllable

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length (ASL)."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        """Average syllables per word (ASW)."""
        return self.syllables / self.words if self.words else 0.0

    @property
    def long_word_share(self) -> float:
        """Share of words longer than 6 letters (0..1)."""
        return self.long_words / self.words if self.words else 0.0


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def count(
    sentences: Iterable[_SentenceLike], syllables: Callable[[str], int] | None = None
) -> Counts:
    """Count words, sentences and syllables of ``sentences`` (sentences or units).

    Words are words and numbers. A sentence counts when it has a word.
    ``syllables`` replaces the token's own syllable count (textstat's Pyphen).
    """
    global _last_count
    # The metric rules and document_stats count the same (immutable) tuple of
    # sentence units of one document: count it once.
    memo = syllables is None and type(sentences) is tuple
    last = _last_count
    if memo and last is not None and last[0] is sentences:
        return last[1]
    words = n_sent = syll = letters = long_words = poly = mono = 0
    for sentence in sentences:
        seen = False
        for t in sentence.tokens:
            if not t.is_word:
                continue
            seen = True
            words += 1
            n = t.syllables
            if t.kind is TokenKind.WORD and syllables is not None:
                n = max(1, syllables(t.text))
            n = max(n, 1)
            syll += n
            poly += n >= 3
            mono += n == 1
            if t.kind is TokenKind.WORD:
                # rules.base.Word knows its letters (counted the same way)
                k = getattr(t, "letters", -1)
                if k < 0:
                    k = _letters(t.text)
                letters += k
                long_words += k > LONG_WORD_LETTERS
        n_sent += seen
    counts = Counts(words, n_sent, syll, letters, long_words, poly, mono)
    if memo:
        _last_count = (sentences, counts)
    return counts


_last_count: tuple[Any, Counts] | None = None


# ----------------------------------------------------------------- formulas
def lix(c: Counts) -> float | None:
    """LIX = ASL + 100 x long words / words."""
    if not c.words or not c.sentences:
        return None
    return c.words_per_sentence + 100 * c.long_word_share


def flesch(c: Counts, lang: str) -> float | None:
    """Flesch Reading Ease (en) or Amstad (de); ``None`` for other languages."""
    if not c.words or not c.sentences:
        return None
    asl, asw = c.words_per_sentence, c.syllables_per_word
    if lang == "en":
        return 206.835 - 1.015 * asl - 84.6 * asw
    if lang == "de":
        return 180 - asl - 58.5 * asw
    return None


def flesch_kincaid(c: Counts, lang: str) -> float | None:
    """Flesch-Kincaid grade level (en only)."""
    if lang != "en" or not c.words or not c.sentences:
        return None
    return 0.39 * c.words_per_sentence + 11.8 * c.syllables_per_word - 15.59


def wiener_sachtextformel(c: Counts, lang: str) -> float | None:
    """Wiener Sachtextformel 1 (de only): school grade, 4 = very easy."""
    if lang != "de" or not c.words or not c.sentences:
        return None
    ms = 100 * c.polysyllables / c.words
    iw = 100 * c.long_words / c.words
    es = 100 * c.monosyllables / c.words
    return (
        0.1935 * ms + 0.1672 * c.words_per_sentence + 0.1297 * iw - 0.0327 * es - 0.875
    )


#: Named formulas for ``metric`` rules: name -> (function, languages or None for all).
FORMULAS: dict[
    str, tuple[Callable[[Counts, str], float | None], frozenset[str] | None]
] = {
    "lix": (lambda c, lang: lix(c), None),
    "flesch": (flesch, frozenset({"en", "de"})),
    "flesch_kincaid": (flesch_kincaid, frozenset({"en"})),
    "wiener_sachtextformel": (wiener_sachtextformel, frozenset({"de"})),
    "words_per_sentence": (
        lambda c, lang: c.words_per_sentence if c.sentences else None,
        None,
    ),
    "syllables_per_word": (
        lambda c, lang: c.syllables_per_word if c.words else None,
        None,
    ),
    "long_words": (lambda c, lang: c.long_word_share if c.words else None, None),
}


def formula(name: str, counts: Counts, lang: str) -> float | None:
    """Apply a named formula; ``None`` when it does not exist for ``lang``.

    :raises KeyError: for an unknown formula name.
    """
    fn, langs = FORMULAS[name]
    if langs is not None and lang not in langs:
        return None
    return fn(counts, lang)


# -------------------------------------------------------------------- stats
def _stats(c: Counts, lang: str) -> dict[str, Any]:
    def r(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return {
        "words": c.words,
        "sentences": c.sentences,
        "syllables": c.syllables,
        "words_per_sentence": r(c.words_per_sentence),
        "syllables_per_word": r(c.syllables_per_word),
        "long_words": r(c.long_word_share),
        "lix": r(lix(c)),
        "flesch": r(flesch(c, lang)),
        "flesch_kincaid": r(flesch_kincaid(c, lang)),
        "wiener_sachtextformel": r(wiener_sachtextformel(c, lang)),
    }


def _units(doc: Document) -> Any:
    from .rules.units import build_units

    return build_units(doc)


def document_stats(doc: Document) -> dict[str, Any]:
    """Readability figures of the whole text (headings, paragraphs, lists, quotes).

    Keys: ``lang``, ``words``, ``sentences``, ``syllables``,
    ``words_per_sentence``, ``syllables_per_word``, ``long_words`` (share of
    words with more than 6 letters, 0..1), ``lix``, ``flesch`` (en: Flesch
    Reading Ease, de: Amstad), ``flesch_kincaid`` (en), ``wiener_sachtextformel``
    (de), and ``validated`` (False for Slovenian: figures are for information
    only). Formulas that do not exist for the language are ``None``.
    """
    stats = _stats(count(_units(doc).sentences), doc.lang)
    return {
        "lang": doc.lang,
        **stats,
        "validated": doc.lang not in NO_VALIDATED_FORMULA,
    }


def block_stats(doc: Document) -> list[dict[str, Any]]:
    """The same figures per paragraph, list item and quote, with ``line`` and ``kind``."""
    out = []
    for unit in _units(doc).body:
        if not unit.sentences:
            continue
        stats = _stats(count(unit.sentences), doc.lang)
        out.append(
            {"line": unit.block.location.line, "kind": unit.block.kind.value, **stats}
        )
    return out


# ----------------------------------------------------------------- textstat
_TEXTSTAT_LANG = {"en": "en_US", "de": "de_DE", "sl": "sl_SI"}


def _textstat_syllables(lang: str) -> Callable[[str], int]:
    """textstat's syllable counter for one word, never touching the network."""
    try:
        from textstat.backend.counts import _count_syllables as counts_module
    except ImportError:
        raise MissingDependency(
            "textstat is not installed", hint="pip install 'easyread[textstat]'"
        ) from None
    # textstat 0.7.9+ downloads NLTK's CMUdict for English on first use; with
    # no dictionary it falls back to Pyphen, which is installed and offline.
    counts_module.get_cmudict = lambda _lang: None
    code = _TEXTSTAT_LANG.get(lang, lang)

    def syllables(word: str) -> int:
        return int(counts_module.count_syllables(word, code))

    return syllables


def textstat_stats(doc: Document) -> dict[str, Any]:
    """:func:`document_stats` with textstat's (Pyphen) syllable counts.

    Words and sentences still come from our segmentation: textstat 0.7.13
    drops sentences of two words or fewer and splits at every dot
    (``10. maja``, ``Dr.``), which is wrong for announcements.

    :raises MissingDependency: when textstat is not installed.
    """
    syllables = _textstat_syllables(doc.lang)
    stats = _stats(count(_units(doc).sentences, syllables), doc.lang)
    return {
        "lang": doc.lang,
        **stats,
        "validated": doc.lang not in NO_VALIDATED_FORMULA,
    }


def sentences_text(sentences: Sequence[Sentence]) -> str:
    """Sentences joined for tools that split text themselves (one per line)."""
    return "\n".join(
        s.text if s.text.rstrip()[-1:] in ".!?" else s.text + "." for s in sentences
    )
