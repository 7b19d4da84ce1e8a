"""Find facts in text: dates, times, phone numbers, e-mails, URLs, money,
percentages, numbers and number words, each with a normalised key.

The fact guard and the fact extraction share these finders, and so do the
transforms that rewrite dates and numbers: whatever a transform writes, the
guard must read back as the same fact. Keys:

* ``date:2026-05-21`` (``date:--05-21`` when the text gives no year)
* ``time:08:30``
* ``phone:025841234`` (digits only; +386 becomes 0)
* ``email:ana.novak@example.si``, ``url:www.example.org/events`` (lower case, no scheme)
* ``money:15``, ``percent:24``, ``number:8000``
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..lang import DateMatch, LanguagePack
from ._lang import simplify_data
from ._spans import SpanSet

__all__ = [
    "FactHit",
    "date_key",
    "find_facts",
    "normalise_number",
    "time_key",
    "time_ranges",
]

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(
    r"(?<![\w@.])(?:https?://|www\.)[^\s<>()\"'„“”»«]+[^\s<>()\"'„“”»«.,;:!?]"
)
PHONE_RE = re.compile(
    r"(?<![\w+.,/:])(?:\+\d{1,3}[ \u00a0/-]?(?:\(0\)[ \u00a0]?)?\d{1,4}|0\d{1,5})"
    r"(?:[ \u00a0/-]?\d{2,6}){1,4}(?!\d|[.,:]\d)"
)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
PERCENT_RE = re.compile(
    r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)?)\s?(?:%|odstot\w*|[Pp]rozent\w*|per\s?cent\b|percent\b)"
)
# what the numbers transform writes: "24 od 100", "40 von 100", "5 out of 100"
PERCENT_OF_RE = re.compile(
    r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)?)\s+(?:od|von|out\s+of|of)\s+100(?![\d.,]\d)"
)
_NOON_RE = re.compile(r"\b(?P<h>12)\s+(?P<w>noon|midnight)\b", re.IGNORECASE)
_RANGE_BEFORE_RE = re.compile(
    r"(?<![\d.,:])(?P<h>\d{1,2})(?:[.:](?P<mi>\d{2}))?\.?\s*(?:[ap]\.?\s?m\.?\s*)?"
    r"(?:do|in|bis|und|to|and|until|till|–|-)\s*(?:(?:ob|um|at)\s+)?$",
    re.IGNORECASE,
)
_COUNTRY_CODES = ("386", "49", "43", "44", "41", "385", "39", "36")


@dataclass(frozen=True, slots=True)
class FactHit:
    """One fact found in a text (``start``/``end`` are offsets in that text)."""

    kind: str  # date, time, phone, email, url, money, percent, number
    key: str
    start: int
    end: int
    text: str
    loose: bool = False  # number words that are also articles ("ena", "one", "eine")
    parts: tuple[str, ...] = ()  # numeric components (day, month, year, hour, ...)


def normalise_number(text: str, lang: str) -> str:
    """``8.000`` -> ``8000`` (sl/de), ``5,00`` -> ``5``, ``7,5`` -> ``7.5``."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if lang == "en":
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    else:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
            s = s.replace(".", "")
        s = s.replace(",", ".")
    if s.count(".") > 1:
        return s
    try:
        d = Decimal(s)
    except InvalidOperation:
        return s
    if d == d.to_integral_value():
        # format(), not int(): Python refuses int -> str beyond 4,300 digits.
        return format(d.to_integral_value(), "f")
    return format(d.normalize(), "f")


def date_key(day: int, month: int, year: int | None) -> str:
    """``date:2026-05-21`` or ``date:--05-21``."""
    y = f"{year:04d}-" if year else "--"
    return f"date:{y}{month:02d}-{day:02d}"


def time_key(hour: int, minute: int) -> str:
    """``time:08:30``."""
    return f"time:{hour % 24:02d}:{minute:02d}"


def phone_key(text: str) -> str:
    """Digits only; an international prefix becomes the national 0."""
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if text.strip().startswith("+"):
        for cc in _COUNTRY_CODES:
            if digits.startswith(cc):
                digits = "0" + digits[len(cc) :]
                break
    return f"phone:{digits}"


def url_key(text: str) -> str:
    """Lower case, no scheme, no trailing slash."""
    u = re.sub(r"^https?://", "", text.strip().lower()).rstrip("/")
    return f"url:{u}"


@functools.lru_cache(maxsize=8)
def _money_re(lang: str) -> re.Pattern[str]:
    symbols = list(simplify_data(lang).currency_symbols) or ["€", "EUR", "£"]
    for extra in ("€", "£", "$", "EUR"):
        if extra not in symbols:
            symbols.append(extra)
    words = sorted((s for s in symbols if s[0].isalpha()), key=len, reverse=True)
    signs = [s for s in symbols if not s[0].isalpha()]
    sign_alt = "|".join(re.escape(s) for s in signs)
    word_alt = "|".join(re.escape(w) for w in words)
    amount = r"\d+(?:[.,]\d{3})*(?:[.,]\d{1,2})?"
    return re.compile(
        rf"(?:(?P<sign1>{sign_alt})\s?(?P<a1>{amount})(?!\d))"
        rf"|(?:(?<![\d.,])(?P<a2>{amount})\s?(?:(?P<sign2>{sign_alt})|(?P<word>(?:{word_alt}))(?!\w)))"
    )


def _digits_start(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i].isdigit():
            return i
    return start


def _date_parts(m: DateMatch) -> tuple[str, ...]:
    parts = [str(m.day), str(m.month)]
    if m.year:
        parts.append(str(m.year))
    return tuple(parts)


_SL_SHORT_MONTHS = (
    "jan",
    "feb|febr",
    "mar",
    "apr",
    "maj",
    "jun",
    "jul",
    "avg",
    "sep|sept",
    "okt",
    "nov",
    "dec",
)
_SL_SHORT_MONTH_RE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s*(?:"
    + "|".join(f"(?P<m{i}>{alt})" for i, alt in enumerate(_SL_SHORT_MONTHS))
    + r")\.(?:\s*(?P<y>\d{4})\b)?"
)


def _short_month_dates(text: str, pack: LanguagePack) -> list[DateMatch]:
    """Slovenian dates with an abbreviated month (``10. jan. 2027``); the pack reads full names."""
    if pack.code != "sl":
        return []
    out = []
    for m in _SL_SHORT_MONTH_RE.finditer(text):
        month = next(i for i in range(12) if m.group(f"m{i}")) + 1
        year = int(m.group("y")) if m.group("y") else None
        out.append(
            DateMatch(m.start(), m.end(), int(m.group("d")), month, year, "words")
        )
    return out


def find_facts(text: str, pack: LanguagePack) -> list[FactHit]:
    """All facts in ``text``, sorted by position, never overlapping."""
    lang = pack.code
    hits: list[FactHit] = []
    # a SpanSet, not a list: hostile text has tens of thousands of hits in one
    # sentence, and testing each against all earlier ones was quadratic
    taken = SpanSet()

    def add(hit: FactHit) -> None:
        hits.append(hit)
        taken.add(hit.start, hit.end)

    for m in EMAIL_RE.finditer(text):
        add(
            FactHit(
                "email", f"email:{m.group().lower()}", m.start(), m.end(), m.group()
            )
        )
    for m in URL_RE.finditer(text):
        if taken.free(m.start(), m.end()):
            add(FactHit("url", url_key(m.group()), m.start(), m.end(), m.group()))
    for dm in [*pack.find_dates(text), *_short_month_dates(text, pack)]:
        if not dm.valid or not taken.free(dm.start, dm.end):
            continue
        add(
            FactHit(
                "date", date_key(dm.day, dm.month, dm.year), dm.start, dm.end,
                text[dm.start : dm.end], parts=_date_parts(dm),
            )
        )  # fmt: skip
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 6 <= len(digits) <= 15 and taken.free(m.start(), m.end()):
            groups = tuple(g for g in re.split(r"[^\d]+", m.group()) if g)
            add(
                FactHit(
                    "phone",
                    phone_key(m.group()),
                    m.start(),
                    m.end(),
                    m.group(),
                    parts=groups,
                )
            )
    times: list[FactHit] = []
    time_spans = SpanSet()  # the spans of ``times``, for the overlap tests below

    def add_time(hit: FactHit) -> None:
        times.append(hit)
        time_spans.add(hit.start, hit.end)

    for tm in pack.find_times(text):
        if tm.value is None:
            continue
        s = _digits_start(text, tm.start, tm.end)
        if not taken.free(s, tm.end):
            continue
        written = tuple(re.findall(r"\d+", text[tm.start : tm.end]))
        parts = tuple(
            dict.fromkeys(
                (str(tm.hour), *((str(tm.minute),) if tm.minute else ()), *written)
            )
        )
        add_time(
            FactHit(
                "time",
                time_key(tm.hour, tm.minute),
                tm.start,
                tm.end,
                text[tm.start : tm.end],
                parts=parts,
            )
        )
    for m in _NOON_RE.finditer(text):
        h = 12 if m.group("w").lower() == "noon" else 0
        if taken.free(m.start(), m.end()) and time_spans.free(m.start(), m.end()):
            add_time(
                FactHit(
                    "time", time_key(h, 0), m.start(), m.end(), m.group(), parts=("12",)
                )
            )
    # "od 10. do 11.30", "von 14 bis 16 Uhr": the first time of a range has no time word
    for t in list(times):
        d0 = _digits_start(text, t.start, t.end)
        window_start = max(0, d0 - 40)
        rm = _RANGE_BEFORE_RE.search(text[window_start:d0])
        if not rm:
            continue
        hs, he = (
            window_start + rm.start("h"),
            window_start + rm.end("mi" if rm.group("mi") else "h"),
        )
        h, mi = int(rm.group("h")), int(rm.group("mi") or 0)
        if h > 24 or mi > 59:
            continue
        if not taken.free(hs, he) or time_spans.overlaps(hs, he):
            continue
        parts = (str(h),) + ((str(mi),) if mi else ())
        add_time(FactHit("time", time_key(h, mi), hs, he, text[hs:he], parts=parts))
    for t in times:
        add(t)
    for rx in (PERCENT_RE, PERCENT_OF_RE):
        for m in rx.finditer(text):
            if taken.free(m.start(), m.end()):
                n = normalise_number(m.group("n"), lang)
                add(
                    FactHit(
                        "percent",
                        f"percent:{n}",
                        m.start(),
                        m.end(),
                        m.group(),
                        parts=(n,),
                    )
                )
    for m in _money_re(lang).finditer(text):
        if not taken.free(m.start(), m.end()):
            continue
        amount = normalise_number(m.group("a1") or m.group("a2"), lang)
        add(
            FactHit(
                "money",
                f"money:{amount}",
                m.start(),
                m.end(),
                m.group(),
                parts=(amount,),
            )
        )
    for m in NUMBER_RE.finditer(text):
        if taken.free(m.start(), m.end()):
            n = normalise_number(m.group(), lang)
            add(
                FactHit(
                    "number", f"number:{n}", m.start(), m.end(), m.group(), parts=(n,)
                )
            )
    for nm in pack.find_number_words(text):
        if taken.free(nm.start, nm.end):
            loose = nm.ordinal or nm.value == 1
            hits.append(
                FactHit(
                    "number", f"number:{nm.value}", nm.start, nm.end, text[nm.start : nm.end],
                    loose=loose, parts=(str(nm.value),),
                )
            )  # fmt: skip
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def time_ranges(text: str, hits: Iterable[FactHit]) -> list[tuple[FactHit, FactHit]]:
    """Pairs of times that form a range (``od 9.00 do 12.00``, ``14–16 Uhr``)."""
    times = [h for h in hits if h.kind == "time"]
    out = []
    for a, b in itertools.pairwise(times):
        gap = text[a.end : b.start]
        joined = (gap + text[b.start : b.end]).lower()
        if b.text.lower().startswith(("ob ", "um ", "at ")):
            continue
        if len(gap) <= 12 and re.match(
            r"^\.?\s*(?:uhr\s*)?(?:(?:do|in|bis|und|to|and|until|till)\b|[–-])", joined
        ):
            out.append((a, b))
    return out
