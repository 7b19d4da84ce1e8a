"""Checks on numbers, dates and clock times, built on the packs' date/time finders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time

from ...lang import DateMatch, TimeMatch
from ...model import TokenKind
from .._spans import SpanIndex
from ..base import Context, Hit, Unit
from ..params import P
from ._registry import check

__all__ = [
    "big_numbers",
    "date_format",
    "date_weekday",
    "de_time_format",
    "en_time_format",
    "numbers_as_digits",
    "sl_date_spacing",
    "sl_month_case",
    "sl_time_format",
    "sl_weekday_comma",
]


# ------------------------------------------------------------- number words
@check(
    params={"min_value": P((int,), 2, minimum=0), "ordinals": P((bool,), False),
            "sentence_start": P((bool,), False)},
    fields={"value"},
)  # fmt: skip
def numbers_as_digits(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Numbers written as words (*pet*, *drei*, *twenty*): write digits.

    "1" is left out by default (``min_value: 2``): *en*, *ein*, *one* are
    mostly articles. A number word that starts a sentence is allowed (style
    guides say: write it out, or rephrase), unless ``sentence_start`` is true.
    """
    min_value = int(ctx.param("min_value"))
    first = next((w for w in unit.tokens if w.is_word), None)
    for m in ctx.pack.find_number_words(unit.text):
        if m.value < min_value or (m.ordinal and not ctx.param("ordinals")):
            continue
        if (
            first is not None
            and m.start == first.start
            and not ctx.param("sentence_start")
        ):
            continue
        digits = (
            f"{m.value}." if m.ordinal and ctx.lang in ("sl", "de") else str(m.value)
        )
        yield Hit(m.start, m.end, {"value": m.value}, suggestion=digits)


# -------------------------------------------------------------- big numbers
def _char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not a space ("" at the start).

    Walks back instead of ``text[:pos].rstrip()``, which copies the whole text
    before every number (quadratic on a long run of numbers).
    """
    while pos > 0 and text[pos - 1] in " \u00a0":
        pos -= 1
    return text[pos - 1] if pos else ""


@check(params={"min_value": P((int,), 1000, minimum=1)}, fields={"value"})
def big_numbers(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Large exact numbers (from ``min_value``); say *many* or *few* instead.

    Years, dates, times, postcodes and phone numbers are not counted.
    """
    limit = int(ctx.param("min_value"))
    skip = SpanIndex(
        [(d.start, d.end) for d in ctx.dates(unit)]
        + [(t.start, t.end) for t in ctx.times(unit)]
    )
    tokens = unit.tokens
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind is not TokenKind.NUMBER:
            i += 1
            continue
        start, end, digits = t.start, t.end, t.text
        # "15 000": a group of three digits after a space belongs to the number.
        j = i + 1
        while (
            j < len(tokens) and tokens[j].kind is TokenKind.NUMBER and len(tokens[j].text) == 3
            and unit.text[end:tokens[j].start] in (" ", "\u00a0", "\u202f") and len(digits) <= 3
        ):  # fmt: skip
            digits += tokens[j].text
            end = tokens[j].end
            j += 1
        prev_tok = tokens[i - 1] if i else None
        next_tok = tokens[j] if j < len(tokens) else None
        i = j
        phone = digits.startswith(("0", "+")) or any(
            n is not None and n.kind is TokenKind.NUMBER and n.text.startswith("0")
            for n in (prev_tok, next_tok)
        )
        if phone or (skip and skip.holds_range(start, end)):
            continue
        plain = (
            digits.replace(".", "").replace(",", "")
            if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits)
            else digits
        )
        if not plain.isdigit():
            continue
        # Longer than any real amount: big for sure, and int() of a 4,300+ digit
        # string raises in Python.
        value = int(plain) if len(plain) <= 18 else 10**18
        if len(plain) == 4 and 1900 <= value <= 2100:
            continue  # a year
        postcode = (
            digits == plain
            and len(plain) in (4, 5)
            and next_tok is not None
            and next_tok.text[:1].isupper()
            and _char_before(unit.text, start) in ("", ",", ":", "\n", "(")
        )
        if postcode:
            continue  # "9240 Ljutomer", "(Marktplatz 1, 79999 Lindenbach)"
        if value >= limit:
            yield Hit(start, end, {"value": value})


# -------------------------------------------------------------------- dates
def _date_in_words(d: DateMatch, ctx: Context, *, weekday: bool, sentence: bool) -> str:
    try:
        value = date(d.year or 2000, d.month, d.day)
    except ValueError:
        return ""
    text = ctx.pack.format_date(
        value, weekday=weekday and d.year is not None, sentence=sentence
    )
    if d.year is None:
        text = text.replace(" 2000", "")
    return text


@check(params={"allow_numeric": P((bool,), False)})
def date_format(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Dates in digits only (*13. 5. 2026*, *03/10/2026*, *2026-05-13*): write the month as a word.

    ``allow_numeric`` (plain language) allows day-month-year digits but not ISO dates.
    """
    for d in ctx.dates(unit):
        numeric_ok = d.style == "numeric" and ctx.param("allow_numeric")
        if not d.valid or d.style == "words" or numeric_ok:
            continue
        suggestion = _date_in_words(
            d, ctx, weekday=d.weekday is not None, sentence=d.has_preposition
        )
        yield Hit(d.start, d.end, suggestion=suggestion)


@check()
def date_weekday(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """A date with a year but no weekday: readers find the day more easily with it."""
    for d in ctx.dates(unit):
        if d.weekday is not None or d.value is None:
            continue
        inside = bool(unit.text[: d.start].strip()) and not unit.text[
            : d.start
        ].rstrip().endswith(":")
        yield Hit(
            d.start,
            d.end,
            suggestion=_date_in_words(d, ctx, weekday=True, sentence=inside),
        )


_SL_DIGITS_RE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?")


@check()
def sl_date_spacing(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Slovenian numeric dates need a space after each dot and no leading zeros (*13. 5. 2026*)."""
    for d in ctx.dates(unit):
        if d.style != "numeric" or not d.valid:
            continue
        m = _SL_DIGITS_RE.search(unit.text, d.start, d.end)
        if m is None or not re.search(r"\d\.\d", m.group()):
            continue
        fixed = f"{int(m.group(1))}. {int(m.group(2))}."
        if m.group(3):
            fixed += f" {m.group(3)}"
        yield Hit(m.start(), m.end(), suggestion=fixed)


_MONTH_WORD_RE = re.compile(r"\d{1,2}\.\s*([^\W\d_]+)")


@check(fields={"month"})
def sl_month_case(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Slovenian month names: lower case, and genitive inside a sentence (*do 10. maja*).

    The nominative (*10. maj 2026*) is right only in a bare label: at the start
    of a line or after a colon.
    """
    months = ctx.pack.words.months
    genitive = ctx.pack.words.months_genitive
    for d in ctx.dates(unit):
        if d.style != "words":
            continue
        m = _MONTH_WORD_RE.search(unit.text, d.start, d.end)
        if m is None:
            continue
        word = m.group(1)
        low = word.lower()
        before = unit.text[: d.start].rstrip()
        label = not before or before.endswith(":")
        fixed = low
        if low in months and (not label or d.weekday is not None):
            fixed = genitive[months.index(low)]
        if fixed != word:
            yield Hit(m.start(1), m.end(1), {"month": fixed}, suggestion=fixed)


_WEEKDAY_GAP_RE = re.compile(r"[^\W\d_]+(,?)\s+\d")


@check()
def sl_weekday_comma(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """A comma between the weekday and the date (*v sredo, 13. maja*)."""
    for d in ctx.dates(unit):
        if d.weekday is None:
            continue
        text = unit.text[d.start : d.end]
        m = _WEEKDAY_GAP_RE.search(text)
        if m is None or m.group(1):
            continue
        word_end = d.start + m.start(1)
        yield Hit(
            d.start,
            d.end,
            suggestion=unit.text[d.start : word_end]
            + ","
            + unit.text[word_end : d.end],
        )


# -------------------------------------------------------------------- times
_SL_CASE = {
    "ob": "uri",
    "po": "uri",
    "od": "ure",
    "do": "ure",
    "okoli": "ure",
    "pred": "uro",
    "med": "uro",
}
_SL_TAIL_RE = re.compile(r"\d\.?\s?(?:uri|ure|uro|h)\b", re.IGNORECASE)


def _prep(text: str, tm: TimeMatch) -> str:
    if not tm.has_preposition:
        return ""
    word = text.split(maxsplit=1)[0]
    return word if word[:1].isalpha() else ""


@check(params={"full_hour_dot": P((bool,), True), "h_style": P((bool,), True)})
def sl_time_format(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Slovenian clock times: *ob 10. uri*, *ob 10.30*; never *10:00* or *10.00 uri*.

    ``full_hour_dot`` also reports the correct but harder *ob 10.00*, and
    ``h_style`` the form *10h* (strict easy read).
    """
    for tm in ctx.times(unit):
        text = unit.text[tm.start : tm.end]
        wrong = (
            tm.style == "colon"
            or (tm.style == "dot" and bool(_SL_TAIL_RE.search(text)))
            or (
                tm.style == "dot"
                and tm.minute == 0
                and bool(ctx.param("full_hour_dot"))
            )
            or (tm.style == "h" and bool(ctx.param("h_style")))
        )
        if not wrong:
            continue
        prep = _prep(text, tm).lower()
        if tm.minute == 0:
            core = (
                f"{tm.hour}. {_SL_CASE.get(prep, 'uri')}" if prep else f"{tm.hour}. ura"
            )
        else:
            core = f"{tm.hour}.{tm.minute:02d}"
        fixed = f"{_prep(text, tm)} {core}" if prep else core
        yield Hit(tm.start, tm.end, suggestion=fixed)


@check()
def de_time_format(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """German clock times: *9 Uhr*, *9:30 Uhr*; not *9.30 Uhr* or a bare *9:00*."""
    for tm in ctx.times(unit):
        text = unit.text[tm.start : tm.end]
        dotted = tm.style == "uhr" and bool(re.search(r"\d\.\d\d", text))
        if not (dotted or tm.style == "colon"):
            continue
        try:
            clock = ctx.pack.format_time(time(tm.hour % 24, tm.minute), sentence=False)
        except ValueError:
            continue
        prep = _prep(text, tm)
        yield Hit(tm.start, tm.end, suggestion=f"{prep} {clock}" if prep else clock)


@check()
def en_time_format(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """English clock times: *10 am*, *6:30 pm*; not *18:30*, *09:00* or *10:00 a.m.*."""
    for tm in ctx.times(unit):
        text = unit.text[tm.start : tm.end]
        untidy = tm.style == "ampm" and (
            ":00" in text or bool(re.search(r"[ap]\.\s?m", text, re.IGNORECASE))
        )
        if not (tm.style == "colon" or untidy):
            continue
        try:
            clock = ctx.pack.format_time(time(tm.hour % 24, tm.minute), sentence=False)
        except ValueError:
            continue
        prep = _prep(text, tm)
        yield Hit(tm.start, tm.end, suggestion=f"{prep} {clock}" if prep else clock)
