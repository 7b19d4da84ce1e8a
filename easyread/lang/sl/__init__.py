"""Slovenian (sl): the first language of easyread.

Slovenian specifics handled here: genitive month names in dates (``10. maja``),
``v`` + accusative weekday (``v sredo``), times as ``ob 10. uri`` / ``ob 10.30``,
syllables from vowel nuclei plus syllabic r (``trg``, ``vrt``, ``črn``), and
number words with dual and plural forms.
"""

from __future__ import annotations

import functools
import re
from datetime import date, time

from .. import DateMatch, TimeMatch
from .._base import BasePack, PrefixedPattern, drop_overlaps, has_digit, year_of

WEEKDAYS_NOM = ("ponedeljek", "torek", "sreda", "četrtek", "petek", "sobota", "nedelja")
WEEKDAYS_ACC = ("ponedeljek", "torek", "sredo", "četrtek", "petek", "soboto", "nedeljo")
MONTHS_NOM = (
    "januar", "februar", "marec", "april", "maj", "junij",
    "julij", "avgust", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_GEN = (
    "januarja", "februarja", "marca", "aprila", "maja", "junija",
    "julija", "avgusta", "septembra", "oktobra", "novembra", "decembra",
)  # fmt: skip

# Month stems cover all case forms: maj, maja, maju, majem; marec, marca, ...
_MONTH_STEMS = (
    "januar", "februar", "mar(?:ec|c)", "april", "maj", "junij",
    "julij", "avgust", "septemb(?:e)?r", "oktob(?:e)?r", "novemb(?:e)?r", "decemb(?:e)?r",
)  # fmt: skip
_MONTH_ALT = "|".join(f"(?P<m{i}>{stem}[a-z]*)" for i, stem in enumerate(_MONTH_STEMS))
# Weekday in any common case: ponedeljek/ponedeljka, sreda/sredo/srede, ...
_WEEKDAY_STEMS = ("ponedelj", "tor", "sred", "četrt", "pet", "sobot", "nedelj")
_WEEKDAY_ALT = "|".join(
    f"(?P<w{i}>{stem}(?:ek|ka|ku|kom|a|o|e|i|om))"
    for i, stem in enumerate(_WEEKDAY_STEMS)
)
_WEEKDAY_PREFIX = rf"(?:(?P<prep>\b(?:v|do|od|za|na)\s+)?(?:{_WEEKDAY_ALT})\b,?\s+)?"

# Searched from the digits (PrefixedPattern): the weekday prefix holds only
# letters, white space and a comma.
_DATE_WORDS = PrefixedPattern(
    rf"(?i:{_WEEKDAY_PREFIX})",
    rf"(?<!\d)(?P<d>\d{{1,2}})\.\s*(?i:(?:{_MONTH_ALT}))\b"
    r"(?:\s+(?P<y>\d{4})\b)?",
    prefix_chars=",",
)
_DATE_WORDS_RE = _DATE_WORDS.pattern
_DATE_NUM = PrefixedPattern(
    rf"(?i:{_WEEKDAY_PREFIX})",
    r"(?<![\d.])(?P<d>\d{1,2})\.[ \u00a0]?(?P<mo>\d{1,2})\."
    r"(?:[ \u00a0]?(?P<y>\d{4}|\d{2})(?![\d]))?(?!\d)",
    prefix_chars=",",
)
_DATE_NUM_RE = _DATE_NUM.pattern
_DATE_ISO_RE = re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)")

# "ob 10. uri", "do 12. ure", "10h"
_TIME_ORDINAL = PrefixedPattern(
    r"(?:(?P<prep>\b(?:ob|od|do|okoli|pred|po)\s+))?",
    r"(?<![\d.])(?P<h>\d{1,2})\.\s?(?:uri|ure|uro|ura)\b",
    re.IGNORECASE,
)
_TIME_ORDINAL_RE = _TIME_ORDINAL.pattern
_TIME_H = PrefixedPattern(
    r"(?:(?P<prep>\b(?:ob|od|do|okoli)\s+))?",
    r"(?<![\d.])(?P<h>\d{1,2})\s?h\b",
    re.IGNORECASE,
)
_TIME_H_RE = _TIME_H.pattern
# "ob 10.30", "od 9.00 do 12.00", "10:00", "10.00 uri" (wrong but common)
_TIME_HM = PrefixedPattern(
    r"(?:(?P<prep>\b(?:ob|od|do|okoli|med|pred|po|in|–|-)\s*))?",
    r"(?<![\d.,:])(?P<h>\d{1,2})(?P<sep>[.:])(?P<mi>\d{2})(?![\d])(?!\.\d)"
    r"(?P<tail>\.?\s?(?:uri|ure|uro|h)\b)?",
    re.IGNORECASE,
    prefix_chars="–-",
)
_TIME_HM_RE = _TIME_HM.pattern

_VOWELS = set("aeiouAEIOU")


# Pure and called once per token of every document: the same words recur.
@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Count Slovenian syllables: vowels plus syllabic r.

    An ``r`` is syllabic when neither neighbour is a vowel (the word's edges
    count as "no vowel"): ``trg`` 1, ``vrt`` 1, ``rdeča`` 3, ``srce`` 2.
    Hyphenation points are not syllables, so pyphen is not used.
    """
    letters = [c for c in word.lower() if c.isalpha()]
    count = 0
    for i, ch in enumerate(letters):
        if ch in _VOWELS:
            count += 1
        elif ch == "r":
            before = letters[i - 1] if i > 0 else ""
            after = letters[i + 1] if i + 1 < len(letters) else ""
            if before not in _VOWELS and after not in _VOWELS and (before or after):
                count += 1
    return max(count, 1) if letters else 0


class SlovenianPack(BasePack):
    """Slovenian language pack."""

    code = "sl"
    name = "slovenščina"

    def syllables(self, word: str) -> int:
        """Vowel nuclei plus syllabic r."""
        return count_syllables(word)

    # ------------------------------------------------------------- numbers
    def _compound_number_pattern(self) -> str:
        # petindvajset = 5 + 20; dvainštirideset = 2 + 40
        return r"[a-zčšž]+in(?:dvajset|trideset|štirideset|petdeset|šestdeset|sedemdeset|osemdeset|devetdeset)"

    def _compound_number_value(self, text: str) -> int | None:
        m = re.fullmatch(r"([a-zčšž]+?)in([a-zčšž]+)", text)
        if not m:
            return None
        cardinals = self.words.number_words or {}
        unit, tens = cardinals.get(m.group(1)), cardinals.get(m.group(2))
        if unit is None or tens is None or not 1 <= unit <= 9 or tens % 10:
            return None
        return unit + tens

    # --------------------------------------------------------------- dates
    def find_dates(self, text: str) -> list[DateMatch]:
        """Find ``10. maja 2019``, ``10. 5. 2019``, ``10.05.2019``, ``2019-05-10``."""
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
        """Find ``ob 10. uri``, ``ob 10.30``, ``10:00``, ``10h``."""
        if not has_digit(text):
            return []
        found: list[TimeMatch] = []
        for m in _TIME_ORDINAL.matches(text):
            found.append(
                TimeMatch(
                    m.start(),
                    m.end(),
                    int(m.group("h")),
                    0,
                    "ordinal",
                    bool(m.group("prep")),
                )
            )
        for m in _TIME_H.matches(text):
            found.append(
                TimeMatch(
                    m.start(), m.end(), int(m.group("h")), 0, "h", bool(m.group("prep"))
                )
            )
        for m in _TIME_HM.matches(text):
            is_colon = m.group("sep") == ":"
            # "10.30" is a time only with a time word around it; "10:30" always is.
            if not (is_colon or m.group("prep") or m.group("tail")):
                continue
            h, mi = int(m.group("h")), int(m.group("mi"))
            if h > 24 or mi > 59:
                continue
            style = "colon" if is_colon else "dot"
            start = (
                m.start("h")
                if not m.group("prep") or m.group("prep").strip() in "–-"
                else m.start()
            )
            found.append(TimeMatch(start, m.end(), h, mi, style, bool(m.group("prep"))))
        return drop_overlaps(found)

    def format_date(
        self, value: date, *, weekday: bool = True, sentence: bool = True
    ) -> str:
        """``v petek, 10. maja 2019`` (sentence) or ``petek, 10. maja 2019`` (label)."""
        text = f"{value.day}. {MONTHS_GEN[value.month - 1]} {value.year}"
        if not weekday:
            return text
        if sentence:
            return f"v {WEEKDAYS_ACC[value.weekday()]}, {text}"
        return f"{WEEKDAYS_NOM[value.weekday()]}, {text}"

    def format_time(self, value: time, *, sentence: bool = True) -> str:
        """``ob 10. uri`` for full hours, ``ob 10.30`` with minutes."""
        core = (
            f"{value.hour}. uri"
            if value.minute == 0
            else f"{value.hour}.{value.minute:02d}"
        )
        if sentence:
            return f"ob {core}"
        return f"{value.hour}. ura" if value.minute == 0 else core

    def format_time_range(self, start: time, end: time) -> str:
        """``od 10. do 12. ure``; with minutes ``od 9.30 do 12.00``."""
        if start.minute == 0 and end.minute == 0:
            return f"od {start.hour}. do {end.hour}. ure"
        return f"od {start.hour}.{start.minute:02d} do {end.hour}.{end.minute:02d}"


PACK_CLASS = SlovenianPack
