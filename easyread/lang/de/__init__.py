"""German (de): ``Freitag, 10. Mai 2019`` and ``um 10 Uhr`` (no leading zeros)."""

from __future__ import annotations

import functools
import re
from datetime import date, time

from .. import DateMatch, TimeMatch
from .._base import BasePack, PrefixedPattern, drop_overlaps, has_digit, year_of

WEEKDAYS = (
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
)
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip

_MONTH_ALT = "|".join(
    f"(?P<m{i}>{name}|{name[:3]}\\.)" if len(name) > 4 else f"(?P<m{i}>{name})"
    for i, name in enumerate(MONTHS)
).replace("(?P<m0>Januar|Jan\\.)", "(?P<m0>Januar|Jänner|Jan\\.)")
_WEEKDAY_ALT = "|".join(
    f"(?P<w{i}>{name}s?|{name[:2]}\\.)" for i, name in enumerate(WEEKDAYS)
)
_WEEKDAY_PREFIX = rf"(?:(?P<prep>\b(?:am|ab|bis|vom|Am|Ab|Bis|Vom)\s+)?(?:{_WEEKDAY_ALT}),?\s+(?:den\s+)?)?"

# Searched from the digits (PrefixedPattern): the weekday prefix holds only
# letters, white space, dots and commas ("am Mo., den").
_DATE_WORDS = PrefixedPattern(
    _WEEKDAY_PREFIX,
    rf"(?<!\d)(?P<d>\d{{1,2}})\.\s*(?:{_MONTH_ALT})(?!\w)(?:\s+(?P<y>\d{{4}})\b)?",
    prefix_chars=",.",
)
_DATE_WORDS_RE = _DATE_WORDS.pattern
_DATE_NUM = PrefixedPattern(
    _WEEKDAY_PREFIX,
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<mo>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d{2})(?!\d))?(?!\d)",
    prefix_chars=",.",
)
_DATE_NUM_RE = _DATE_NUM.pattern
_DATE_ISO_RE = re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)")

_TIME_PREP = r"(?P<prep>\b(?:um|ab|bis|von|gegen|Um|Ab|Bis|Von|Gegen)\s+)?"
_TIME_UHR = PrefixedPattern(
    _TIME_PREP, r"(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s?Uhr\b"
)
_TIME_UHR_RE = _TIME_UHR.pattern
_TIME_COLON = PrefixedPattern(
    _TIME_PREP, r"(?<![\d.:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?![\d:])"
)
_TIME_COLON_RE = _TIME_COLON.pattern


# Pure and called once per token of every document: the same words recur.
@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Count German syllables from vowel groups; diphthongs count once."""
    w = word.lower()
    if not any(c.isalpha() for c in w):
        return 0
    groups = re.findall(r"äu|eu|au|ei|ai|ie|aa|ee|oo|[aeiouyäöü]", w)
    return max(len(groups), 1)


class GermanPack(BasePack):
    """German language pack."""

    code = "de"
    name = "Deutsch"
    # "am 3. Mai", "die 2. Klasse": an ordinal is often followed by a capital.
    ordinal_before_capital = frozenset(
        [
            "am",
            "vom",
            "bis",
            "zum",
            "zur",
            "im",
            "ab",
            "seit",
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "jeden",
            "jede",
        ]
    )

    def _lemma_input(self, word: str) -> str:
        return word  # German nouns are capitalised; the lemmatisers need the case

    def syllables(self, word: str) -> int:
        """Vowel groups with diphthongs counted once."""
        return count_syllables(word)

    def _compound_number_pattern(self) -> str:
        return r"[a-zäöüß]+und(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"

    def _compound_number_value(self, text: str) -> int | None:
        m = re.fullmatch(r"([a-zäöüß]+?)und([a-zäöüß]+)", text)
        if not m:
            return None
        cardinals = self.words.number_words or {}
        unit, tens = cardinals.get(m.group(1)), cardinals.get(m.group(2))
        if unit is None or tens is None or not 1 <= unit <= 9 or tens % 10:
            return None
        return unit + tens

    def find_dates(self, text: str) -> list[DateMatch]:
        """Find ``10. Mai 2019``, ``10.05.2019``, ``10.5.``, ISO dates."""
        if not has_digit(text):
            return []
        found: list[DateMatch] = []
        for m in _DATE_WORDS.matches(text):
            month = next(i for i in range(12) if m.group(f"m{i}")) + 1
            found.append(
                self._date(m, int(m.group("d")), month, year_of(m.group("y")), "words")
            )
        for m in _DATE_NUM.matches(text):
            found.append(
                self._date(
                    m,
                    int(m.group("d")),
                    int(m.group("mo")),
                    year_of(m.group("y")),
                    "numeric",
                )
            )
        for m in _DATE_ISO_RE.finditer(text):
            found.append(
                DateMatch(
                    m.start(),
                    m.end(),
                    int(m.group("d")),
                    int(m.group("mo")),
                    int(m.group("y")),
                    "iso",
                )
            )
        return drop_overlaps(found)

    @staticmethod
    def _date(
        m: re.Match[str], day: int, month: int, year: int | None, style: str
    ) -> DateMatch:
        weekday = next((i for i in range(7) if m.group(f"w{i}")), None)
        return DateMatch(
            m.start(), m.end(), day, month, year, style, weekday, bool(m.group("prep"))
        )

    def find_times(self, text: str) -> list[TimeMatch]:
        """Find ``10 Uhr``, ``10:30 Uhr``, ``10.30 Uhr``, ``10:30``."""
        if not has_digit(text):
            return []
        found: list[TimeMatch] = []
        for m in _TIME_UHR.matches(text):
            found.append(
                TimeMatch(
                    m.start(),
                    m.end(),
                    int(m.group("h")),
                    int(m.group("mi") or 0),
                    "uhr",
                    bool(m.group("prep")),
                )
            )
        for m in _TIME_COLON.matches(text):
            h, mi = int(m.group("h")), int(m.group("mi"))
            if h <= 24 and mi <= 59:
                found.append(
                    TimeMatch(m.start(), m.end(), h, mi, "colon", bool(m.group("prep")))
                )
        return drop_overlaps(found)

    def format_date(
        self, value: date, *, weekday: bool = True, sentence: bool = True
    ) -> str:
        """``Freitag, 10. Mai 2019`` (``am Freitag, 10. Mai 2019`` in a sentence)."""
        text = f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
        if not weekday:
            return text
        text = f"{WEEKDAYS[value.weekday()]}, {text}"
        return f"am {text}" if sentence else text

    @staticmethod
    def _clock(value: time) -> str:
        return (
            f"{value.hour} Uhr"
            if value.minute == 0
            else f"{value.hour}:{value.minute:02d} Uhr"
        )

    def format_time(self, value: time, *, sentence: bool = True) -> str:
        """``um 10 Uhr``, ``um 10:30 Uhr``."""
        return f"um {self._clock(value)}" if sentence else self._clock(value)

    def format_time_range(self, start: time, end: time) -> str:
        """``von 10 Uhr bis 12 Uhr``."""
        return f"von {self._clock(start)} bis {self._clock(end)}"


PACK_CLASS = GermanPack
