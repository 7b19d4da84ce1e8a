"""Language packs: one object per language behind one protocol.

There is no global language setting. Code asks for a pack with
:func:`get_pack` and passes it along. An unknown language is an error that lists
the supported ones; easyread never falls back to English silently.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Protocol, runtime_checkable

from ..errors import LanguageNotSupported
from ..model import TokenKind

__all__ = [
    "SUPPORTED",
    "Abbreviation",
    "DateMatch",
    "GlossaryEntry",
    "LanguagePack",
    "NumberMatch",
    "TimeMatch",
    "WordLists",
    "get_pack",
    "normalise_code",
]

#: Built-in languages: code -> module that defines ``PACK_CLASS``.
SUPPORTED: Mapping[str, str] = {
    "sl": "easyread.lang.sl",
    "en": "easyread.lang.en",
    "de": "easyread.lang.de",
}


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation written with dots, and what it stands for."""

    text: str
    expand: str
    title: bool = (
        False  # always followed by a name ("dr. Novak"): never ends a sentence
    )
    can_end: bool = False  # may end a sentence ("itd.")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A hard word: an easier replacement and/or an explanation.

    ``forms`` maps inflected forms of the hard word to the same form of the
    replacement, so a replacement keeps the grammar of the sentence.
    """

    lemma: str
    replacement: str = ""
    forms: Mapping[str, str] | None = None
    explanation: str = ""
    source: str = ""  # file the entry came from


@dataclass(frozen=True, slots=True)
class WordLists:
    """Closed word classes the checker and simplifier use (``words.yaml``)."""

    coordinating: frozenset[str] = frozenset()
    subordinating: tuple[str, ...] = ()
    relative: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    conditional: frozenset[str] = frozenset()
    passive_aux: frozenset[str] = frozenset()
    passive_participle_suffixes: tuple[str, ...] = ()
    second_person_singular: frozenset[str] = frozenset()
    second_person_plural: frozenset[str] = frozenset()
    second_person_plural_cased: frozenset[str] = frozenset()
    impersonal: frozenset[str] = frozenset()
    number_words: Mapping[str, int] | None = None
    ordinal_words: Mapping[str, int] | None = None
    idioms: tuple[str, ...] = ()
    nominal_suffixes: tuple[str, ...] = ()
    synonym_sets: tuple[tuple[str, ...], ...] = ()
    weekdays: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    months_genitive: tuple[str, ...] = ()
    foreign: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in running text. ``year`` is None when the text omits it."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    style: str  # "numeric", "words", "iso"
    weekday: int | None = None  # 0 = Monday, when the text names the day
    has_preposition: bool = False  # "v petek, ...", "am Freitag", "on Friday"

    @property
    def value(self) -> date | None:
        """The date, or None when it has no year or does not exist (30 February)."""
        if self.year is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def valid(self) -> bool:
        """False for impossible dates such as 30 February."""
        try:
            date(self.year or 2024, self.month, self.day)  # 2024 is a leap year
        except ValueError:
            return False
        return True


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A clock time found in running text."""

    start: int
    end: int
    hour: int
    minute: int
    style: (
        str  # "colon" (10:00), "dot" (10.00), "ordinal" (10. uri), "h", "ampm", "uhr"
    )
    has_preposition: bool = False

    @property
    def value(self) -> time | None:
        """The time, or None when it does not exist (25:70)."""
        try:
            return time(self.hour, self.minute)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number written as a word ("pet", "twenty-five") in running text."""

    start: int
    end: int
    value: int
    ordinal: bool = False


@runtime_checkable
class LanguagePack(Protocol):
    """What every language pack provides. See ``easyread/lang/_base.py``."""

    code: str
    name: str

    def split_sentences(self, text: str) -> list[tuple[int, int]]:
        """Return ``(start, end)`` of each sentence in ``text``."""
        ...

    def tokenize(self, text: str) -> list[tuple[int, int, TokenKind]]:
        """Return ``(start, end, kind)`` of each token in ``text``."""
        ...

    def lemma(self, word: str) -> str:
        """Return the dictionary form of a word, lower case."""
        ...

    def syllables(self, word: str) -> int:
        """Return the number of syllables of a word (at least 1)."""
        ...

    def find_dates(self, text: str) -> list[DateMatch]:
        """Find dates in running text."""
        ...

    def find_times(self, text: str) -> list[TimeMatch]:
        """Find clock times in running text."""
        ...

    def find_number_words(self, text: str) -> list[NumberMatch]:
        """Find numbers written as words."""
        ...

    def format_date(
        self, value: date, *, weekday: bool = True, sentence: bool = True
    ) -> str:
        """Write a date the easy-read way (``v petek, 10. maja 2019``)."""
        ...

    def format_time(self, value: time, *, sentence: bool = True) -> str:
        """Write a clock time the easy-read way (``ob 10. uri``, ``ob 10.30``)."""
        ...

    def format_time_range(self, start: time, end: time) -> str:
        """Write a time range in words (``od 10. do 12. ure``)."""
        ...

    def find_abbreviations(self, text: str) -> list[tuple[int, int, Abbreviation]]:
        """Find known abbreviations written with dots."""
        ...

    def is_easy_word(self, word: str) -> bool:
        """True when the word (or its lemma) is in the easy-word list."""
        ...

    @property
    def words(self) -> WordLists:
        """Closed word classes."""
        ...

    @property
    def abbreviations(self) -> Mapping[str, Abbreviation]:
        """Known abbreviations by their written form."""
        ...

    @property
    def acronyms(self) -> Mapping[str, str]:
        """Acronym -> expansion."""
        ...

    @property
    def known_acronyms(self) -> frozenset[str]:
        """Acronyms readers know without explanation (WC, TV)."""
        ...

    @property
    def glossary(self) -> Sequence[GlossaryEntry]:
        """The starter glossary shipped with the pack."""
        ...


def normalise_code(code: str) -> str:
    """Turn ``sl-SI``, ``de_AT`` or ``EN`` into the pack code (``sl``, ``de``, ``en``)."""
    return code.strip().replace("_", "-").split("-", 1)[0].lower()


@functools.cache
def _load(code: str) -> LanguagePack:
    module = importlib.import_module(SUPPORTED[code])
    pack: LanguagePack = module.PACK_CLASS()
    return pack


def get_pack(code: str) -> LanguagePack:
    """Return the language pack for ``code`` (``sl``, ``sl-SI``, ``de-AT``, ...).

    :raises LanguageNotSupported: when no pack exists for the language.
    """
    root = normalise_code(code or "")
    if root not in SUPPORTED:
        supported = ", ".join(sorted(SUPPORTED))
        shown = code if code else "(empty)"
        raise LanguageNotSupported(
            f"language {shown!r} is not supported; supported languages: {supported}",
            hint="set `lang:` in the front matter or pass --lang sl|en|de",
        )
    return _load(root)
