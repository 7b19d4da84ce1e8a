"""English (en): UK-style easy-read dates (``Friday 10 May 2019``) and ``at 10 am``."""

from __future__ import annotations

import functools
import re
from datetime import date, time

from .. import DateMatch, TimeMatch
from .._base import BasePack, PrefixedPattern, drop_overlaps, has_digit, year_of

WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_MONTH_ALT = "|".join(
    f"(?P<m{i}>{name}|{name[:3]}\\.?)" if len(name) > 4 else f"(?P<m{i}>{name})"
    for i, name in enumerate(MONTHS)
)
_WEEKDAY_ALT = "|".join(
    f"(?P<w{i}>{name}|{name[:3]}\\.?)" for i, name in enumerate(WEEKDAYS)
)
_WEEKDAY_PREFIX = rf"(?:(?P<prep>\bon\s+)?(?:{_WEEKDAY_ALT}),?\s+(?:the\s+)?)?"
_ORD = r"(?:st|nd|rd|th)?"

# Searched from the digits (PrefixedPattern): the weekday prefix holds only
# letters, white space, dots and commas ("on Mon., the").
_DATE_DMY = PrefixedPattern(
    _WEEKDAY_PREFIX,
    rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?:{_MONTH_ALT})\b(?:,?\s+(?P<y>\d{{4}})\b)?",
    prefix_chars=",.",
)
_DATE_DMY_RE = _DATE_DMY.pattern
# Month first: the month word is part of the prefix (letters and dots too).
_DATE_MDY = PrefixedPattern(
    rf"{_WEEKDAY_PREFIX}(?:{_MONTH_ALT})\s+",
    rf"(?P<d>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>\d{{4}})\b)?",
    prefix_chars=",.",
)
_DATE_MDY_RE = _DATE_MDY.pattern
_DATE_NUM = PrefixedPattern(
    _WEEKDAY_PREFIX,
    r"(?<![\d/])(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
    prefix_chars=",.",
)
_DATE_NUM_RE = _DATE_NUM.pattern
_DATE_ISO_RE = re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)")

_AMPM = r"(?P<ap>[ap])\.?\s?m\.?(?![a-z])"
_TIME_PREP = r"(?P<prep>\b(?:at|from|until|till|to|by)\s+)?"
_TIME_AMPM = PrefixedPattern(
    _TIME_PREP,
    rf"(?<![\d.:])(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s?{_AMPM}",
    re.IGNORECASE,
)
_TIME_AMPM_RE = _TIME_AMPM.pattern
_TIME_COLON = PrefixedPattern(
    _TIME_PREP, r"(?<![\d.:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?![\d:])"
)
_TIME_COLON_RE = _TIME_COLON.pattern
_TIME_OCLOCK = PrefixedPattern(
    _TIME_PREP, r"(?<![\d.:])(?P<h>\d{1,2})\s+o'clock\b", re.IGNORECASE
)
_TIME_OCLOCK_RE = _TIME_OCLOCK.pattern


# Pure and called once per token of every document: the same words recur.
@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Estimate English syllables from vowel groups (no dictionary download)."""
    w = "".join(c for c in word.lower() if c.isalpha())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    # A final consonant + "le" keeps its "e" above, so "table" counts 2.
    return max(len(re.findall(r"[aeiouy]{1,2}", w)), 1)


class EnglishPack(BasePack):
    """English language pack (British date order, 12-hour times)."""

    code = "en"
    name = "English"

    def syllables(self, word: str) -> int:
        """Vowel-group estimate with silent-e and -le rules."""
        return count_syllables(word)

    def _compound_number_pattern(self) -> str:
        return r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+"

    def _compound_number_value(self, text: str) -> int | None:
        tens, _, unit = text.partition("-")
        cardinals = self.words.number_words or {}
        t, u = cardinals.get(tens), cardinals.get(unit)
        if t is None or u is None or not 1 <= u <= 9:
            return None
        return t + u

    def find_dates(self, text: str) -> list[DateMatch]:
        """Find ``10 May 2019``, ``May 10, 2019``, ``10/05/2019`` (day first), ISO."""
        if not has_digit(text):
            return []
        found: list[DateMatch] = []
        # Day first, then month first.
        for matches in (_DATE_DMY.matches(text), _DATE_MDY.matches(text)):
            for m in matches:
                month = next(i for i in range(12) if m.group(f"m{i}")) + 1
                found.append(
                    self._date(
                        m, int(m.group("d")), month, year_of(m.group("y")), "words"
                    )
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
        """Find ``10am``, ``10.30 a.m.``, ``10:00``, ``10 o'clock``."""
        if not has_digit(text):
            return []
        found: list[TimeMatch] = []
        for m in _TIME_AMPM.matches(text):
            h = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
            found.append(
                TimeMatch(
                    m.start(),
                    m.end(),
                    h,
                    int(m.group("mi") or 0),
                    "ampm",
                    bool(m.group("prep")),
                )
            )
        for m in _TIME_COLON.matches(text):
            h, mi = int(m.group("h")), int(m.group("mi"))
            if h <= 24 and mi <= 59:
                found.append(
                    TimeMatch(m.start(), m.end(), h, mi, "colon", bool(m.group("prep")))
                )
        for m in _TIME_OCLOCK.matches(text):
            found.append(
                TimeMatch(
                    m.start(),
                    m.end(),
                    int(m.group("h")),
                    0,
                    "oclock",
                    bool(m.group("prep")),
                )
            )
        return drop_overlaps(found)

    def format_date(
        self, value: date, *, weekday: bool = True, sentence: bool = True
    ) -> str:
        """``Friday 10 May 2019`` (``on Friday 10 May 2019`` in a sentence)."""
        text = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
        if not weekday:
            return text
        text = f"{WEEKDAYS[value.weekday()]} {text}"
        return f"on {text}" if sentence else text

    @staticmethod
    def _clock(value: time) -> str:
        if value.hour == 12 and value.minute == 0:
            return "12 noon"
        if value.hour in (0, 24) and value.minute == 0:
            return "12 midnight"
        hour = value.hour % 12 or 12
        suffix = "am" if value.hour < 12 else "pm"
        return (
            f"{hour} {suffix}"
            if value.minute == 0
            else f"{hour}:{value.minute:02d} {suffix}"
        )

    def format_time(self, value: time, *, sentence: bool = True) -> str:
        """``at 10 am``, ``at 10:30 am``, ``at 12 noon``."""
        return f"at {self._clock(value)}" if sentence else self._clock(value)

    def format_time_range(self, start: time, end: time) -> str:
        """``from 10 am to 12 noon``."""
        return f"from {self._clock(start)} to {self._clock(end)}"


PACK_CLASS = EnglishPack
