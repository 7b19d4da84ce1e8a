"""Dates and clock times in the easy-read form of the language.

* ``21. 5. 2026`` -> ``21. maja 2026``; a date with a year and no weekday gets
  its weekday in the form its preposition needs (``do 22. 12. 2026`` ->
  ``do torka, 22. decembra 2026``); de ``14.07.2026`` -> ``14. Juli 2026``;
  en ``06/07/2026`` -> ``6 July 2026``.
* ``ob 19.00`` -> ``ob 19. uri``, ``do 21.00`` -> ``do 21. ure``; ranges in
  words: ``od 8.00 do 14.00`` -> ``od 8. do 14. ure``, ``8:00–12:00 Uhr`` ->
  ``von 8 Uhr bis 12 Uhr``, ``7pm to 8.30pm`` -> ``from 7 pm to 8:30 pm``.
* ``28.–31.08.2026`` -> ``28. bis 31. August 2026``.

A weekday the source gives that does not match the date is not changed: it is
reported for a person to decide.
"""

from __future__ import annotations

import datetime as dt
import re

from ..lang import DateMatch, TimeMatch
from ._batch import RightToLeft
from ._find import find_facts, time_ranges
from ._tail import letters_back, space_back, tail_search
from ._text import SegText
from ._util import map_sentences
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Dates", "Times", "sl_weekday_form"]

_SL_WEEKDAYS = {
    "nom": ("ponedeljek", "torek", "sreda", "četrtek", "petek", "sobota", "nedelja"),
    "acc": ("ponedeljek", "torek", "sredo", "četrtek", "petek", "soboto", "nedeljo"),
    "gen": ("ponedeljka", "torka", "srede", "četrtka", "petka", "sobote", "nedelje"),
    "ins": (
        "ponedeljkom",
        "torkom",
        "sredo",
        "četrtkom",
        "petkom",
        "soboto",
        "nedeljo",
    ),
}
# The case a Slovenian preposition gives the weekday before a date.
_SL_PREP_CASE = {
    "v": "acc",
    "do": "gen",
    "od": "gen",
    "izpred": "gen",
    "s": "ins",
    "z": "ins",
}
_SL_HOUR_WORD = {
    "ob": "uri",
    "po": "uri",
    "do": "ure",
    "od": "ure",
    "okoli": "ure",
    "pred": "uro",
    "med": "uro",
}
_DE_WEEKDAYS = (
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
)
_EN_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_LIST_GAP_RE = re.compile(
    r"^\s*(?:,|in|ter|und|and|or|ali|oder|,\s*(?:in|und|and))\s*$"
)
_RANGE_PREFIX_RE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s*[–-]\s*$")
# English words before a date after which no "on" is added
_EN_DATE_PREPS = frozenset(
    [
        "on",
        "from",
        "until",
        "till",
        "by",
        "to",
        "about",
        "around",
        "before",
        "after",
        "since",
        "between",
        "and",
        "or",
    ]
)
_SL_INSTRUMENTAL_RE = re.compile(
    r"(?P<prep>\b[sSzZ]) \d{1,2}\. (?:januarjem|februarjem|marcem|aprilom|majem|junijem|julijem|avgustom"
    r"|septembrom|oktobrom|novembrom|decembrom) \d{4}$"
)
_PREP_BEFORE_RE = re.compile(r"(?:^|\s)(?P<p>[^\W\d_]+)\s+$")
# the longest text _SL_INSTRUMENTAL_RE matches ("z 30. septembrom 2026")
_SL_INSTRUMENTAL_MAX = len("z 30. septembrom 2026")
_SPACE_WORD_RE = re.compile(r" [^\W\d_]")  # a word follows after one space


def _range_prefix_from(text: str, end: int) -> int:
    r"""Where a _RANGE_PREFIX_RE match ending at ``end`` can start at the earliest.

    The match is "\d{1,2}." + spaces + a dash + spaces, so scan back over the
    spaces, the dash and the spaces before it (linear in those runs only).
    """
    i = space_back(text, end)
    if i == 0 or text[i - 1] not in "–-":
        return i  # no dash: no match; the search from here fails at once
    return space_back(text, i - 1) - 3  # "." and at most two digits


def sl_weekday_form(index: int, case: str) -> str:
    """A Slovenian weekday (0 = Monday) in a case: ``gen`` -> ``petka``."""
    return _SL_WEEKDAYS.get(case, _SL_WEEKDAYS["nom"])[index]


def _weekday_text(ctx: Context, index: int, prep: str) -> str:
    if ctx.lang == "sl":
        return sl_weekday_form(index, _SL_PREP_CASE.get(prep.lower(), "acc"))
    if ctx.lang == "de":
        return _DE_WEEKDAYS[index]
    return _EN_WEEKDAYS[index]


def _date_words(ctx: Context, day: int, month: int, year: int | None) -> str:
    """The date without weekday: ``21. maja 2026``, ``21. Mai 2026``, ``21 May 2026``."""
    if year is not None:
        return ctx.pack.format_date(dt.date(year, month, day), weekday=False)
    # no year: format with a leap year and cut the year off
    text = ctx.pack.format_date(dt.date(2024, month, day), weekday=False)
    return text.rsplit(" ", 1)[0]


def _in_list(text: str, prev_end: int | None, start: int) -> bool:
    return prev_end is not None and _is_list_gap(text[prev_end:start])


def _is_list_gap(gap: str) -> bool:
    """True when the text between two dates joins them in a list (", ", " in ")."""
    return bool(_LIST_GAP_RE.match(gap))


@transform
class Dates:
    """Write dates in words with the weekday (``v petek, 10. maja 2019``)."""

    name = "dates"
    description = "dates in the easy-read form: day, month in words, year, weekday"

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)

        def fix(seg: SegText, block: DraftBlock) -> SegText:
            matches = [m for m in ctx.pack.find_dates(seg.text) if m.valid]
            taken = [
                (h.start, h.end)
                for h in find_facts(seg.text, ctx.pack)
                if h.kind in ("phone", "url", "email")
            ]
            matches = [
                m for m in matches if all(m.end <= s or m.start >= e for s, e in taken)
            ]
            if not matches:
                return seg
            ends: list[int | None] = [None, *(m.end for m in matches[:-1])]
            nexts: list[int | None] = [*(m.start for m in matches[1:]), None]
            # from the last date to the first, each reading the text as the
            # dates after it left it; the sentence is copied once at the end
            batch = RightToLeft(seg, rec)
            for m, prev_end, nxt in reversed(
                list(zip(matches, ends, nexts, strict=True))
            ):
                if m.end > batch.left:
                    batch.seg()  # the date overlaps an edit already made
                listed = _in_list(batch.base.text, prev_end, m.start) or (
                    nxt is not None and _is_list_gap(batch.slice(m.end, nxt))
                )
                self._one(batch, m, listed, ctx, rec)
            return batch.seg()

        return map_sentences(state, rec, fix)

    def _one(
        self,
        batch: RightToLeft,
        m: DateMatch,
        listed: bool,
        ctx: Context,
        rec: Recorder,
    ) -> None:
        # the text up to m.end is as the edits after it left it (m.end <= left)
        seg = batch.base
        text = seg.text
        # the space and the letter after the date, in the text as edited
        space_word = bool(_SPACE_WORD_RE.match(batch.peek(m.end, 2)))
        chunk = text[m.start : m.end]
        day_pos = m.start + re.search(r"\d", chunk).start()  # type: ignore[union-attr]
        prefix = text[m.start : day_pos]  # "v četrtek, " / "am Di., " / ""
        value = m.value
        if value is not None and m.weekday is not None and value.weekday() != m.weekday:
            rec.note(
                seg.span(m.start, m.end),
                f"The weekday and the date do not agree: “{chunk}” is a {value:%A}. "
                "Ask the author which one is right.",
                batch.text(),
            )
            return
        words = _date_words(ctx, m.day, m.month, m.year)
        start = m.start
        # "28.–31.08.2026" -> "28. bis 31. August 2026"
        rm = tail_search(
            _RANGE_PREFIX_RE, text, _range_prefix_from(text, day_pos), day_pos
        )
        if rm and not prefix.strip():
            joiner = {"sl": "do", "de": "bis", "en": "to"}.get(ctx.lang, "–")
            first = f"{rm.group('d')}." if ctx.lang != "en" else rm.group("d")
            new = f"{first} {joiner} {words}"
            batch.edit(rm.start(), m.end, new, "date range in words")
            return
        # "(?:^|\s)" + one word + spaces: the match starts just before that word
        pm = tail_search(
            _PREP_BEFORE_RE,
            text,
            letters_back(text, space_back(text, start)) - 1,
            start,
        )
        prep = pm.group("p") if pm else ""
        inst = (
            tail_search(
                _SL_INSTRUMENTAL_RE, text, m.end - _SL_INSTRUMENTAL_MAX - 1, m.end
            )  # text[:start] + chunk is text[: m.end]
            if ctx.lang == "sl" and value is not None
            else None
        )
        if inst is not None and m.weekday is None and value is not None:
            # "s 1. aprilom 2026" (as of) -> "od srede, 1. aprila 2026": genitive, with the weekday
            od = "Od" if inst.group("prep").isupper() else "od"
            new = f"{od} {sl_weekday_form(value.weekday(), 'gen')}, {words}"
            if space_word:
                new += ","
            batch.edit(
                inst.start("prep"), m.end, new, "date written with its weekday (od ...)"
            )
            return
        if m.style == "words":
            # keep the words as written ("s 1. aprilom"); only add a missing weekday
            if m.weekday is not None or listed or value is None:
                return
            new = self._with_weekday(ctx, value, prep, chunk)
        elif m.weekday is not None or prefix.strip():
            new = prefix + words
            if m.weekday is not None and ctx.lang in ("sl", "de") and space_word:
                new += ","  # "bis Mittwoch, 24. Juni 2026, beim Sozialdienst": the date is set off by commas
        elif value is not None and not listed:
            new = self._with_weekday(ctx, value, prep, words)
            if new != words and ctx.lang in ("sl", "de") and space_word:
                new += ","  # "v četrtek, 15. oktobra 2026, v knjižnici": the date is set off by commas
        else:
            new = words
        if new == chunk:
            return
        batch.edit(
            start, m.end, new, "date written in words (day, month, year, weekday)"
        )

    @staticmethod
    def _with_weekday(ctx: Context, value: dt.date, prep: str, words: str) -> str:
        low = prep.lower()
        if ctx.lang == "sl":
            if low in ("s", "z"):
                return words  # "s 1. marca 2026": instrumental weekday reads badly
            case = _SL_PREP_CASE.get(low)
            day = sl_weekday_form(value.weekday(), case or "acc")
            return f"{day}, {words}" if case else f"v {day}, {words}"
        if ctx.lang == "de":
            day = _DE_WEEKDAYS[value.weekday()]
            return (
                f"{day}, {words}"
                if low in ("am", "ab", "bis", "vom", "seit")
                else f"am {day}, {words}"
            )
        day = _EN_WEEKDAYS[value.weekday()]
        return f"{day} {words}" if low in _EN_DATE_PREPS else f"on {day} {words}"


_RANGE_WORD_BEFORE_RE = re.compile(
    r"(?:^|\s)(od|med|von|zwischen|from|between|ab)\s+$", re.IGNORECASE
)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
# the rest of the sentence is empty, or a new sentence starts
_ENDS_SENTENCE_RE = re.compile(r"\s*\Z|\s+[A-ZČŠŽÄÖÜ]")


def _sl_time(prep: str, t: dt.time) -> str:
    if t.minute:
        return f"{t.hour}.{t.minute:02d}"
    word = _SL_HOUR_WORD.get(prep.lower(), "uri")
    return f"{t.hour}. {word}"


def _sl_range(start: dt.time, end: dt.time) -> str:
    """``od 10. do 12. ure``, ``od 10. do 11.30``, ``od 9.30 do 12. ure`` (no ``10.00``)."""
    a = f"{start.hour}." if not start.minute else f"{start.hour}.{start.minute:02d}"
    b = f"{end.hour}. ure" if not end.minute else f"{end.hour}.{end.minute:02d}"
    return f"od {a} do {b}"


def _clock(ctx: Context, t: dt.time) -> str:
    return ctx.pack.format_time(t, sentence=False)


@transform
class Times:
    """Write clock times the way readers know (``ob 10. uri``, ``um 10 Uhr``)."""

    name = "times"
    description = "clock times and time ranges in the easy-read form"

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)

        def fix(seg: SegText, block: DraftBlock) -> SegText:
            hits = find_facts(seg.text, ctx.pack)
            ranges = time_ranges(seg.text, hits)
            in_range = {id(x) for pair in ranges for x in pair}
            edits: list[tuple[int, int, str, str]] = []
            for a, b in ranges:
                s, new = self._range(seg.text, a.start, a.end, b.start, b.end, ctx)
                if new:
                    edits.append((s, b.end, new, "time range in words"))
            tm_by_start = {tm.start: tm for tm in ctx.pack.find_times(seg.text)}
            for h in hits:
                if h.kind != "time" or id(h) in in_range:
                    continue
                tm = tm_by_start.get(h.start)
                single = self._single(seg.text, h.start, h.end, tm, ctx)
                if single is not None:
                    edits.append(
                        (h.start, h.end, single, "clock time in the easy-read form")
                    )
            # from the last edit to the first, each reading the text as the
            # edits after it left it; the sentence is copied once at the end
            batch = RightToLeft(seg, rec)
            for s, e, new, reason in sorted(edits, reverse=True):
                if e > batch.left:
                    batch.seg()  # overlaps an edit already made
                old = batch.base.text[s:e]
                if (
                    old.endswith(".")
                    and not new.endswith(".")
                    # white space, then the end or a capital: one character
                    and _ENDS_SENTENCE_RE.match(batch.peek(e, 1))
                ):
                    new += "."  # "4pm." ended the sentence: keep the full stop
                batch.edit(s, e, new, reason)
            return batch.seg()

        return map_sentences(state, rec, fix)

    @staticmethod
    def _parse(text: str) -> dt.time | None:
        m = re.search(
            r"(\d{1,2})(?:[.:](\d{2}))?\s*(?:([ap])\.?\s?m\.?)?", text, re.IGNORECASE
        )
        if not m:
            return None
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3):
            h = h % 12 + (12 if m.group(3).lower() == "p" else 0)
        if re.search(r"\bnoon\b", text, re.IGNORECASE):
            h = 12
        if re.search(r"\bmidnight\b", text, re.IGNORECASE):
            h = 0
        try:
            return dt.time(h % 24, mi)
        except ValueError:
            return None

    def _range(
        self, text: str, a0: int, a1: int, b0: int, b1: int, ctx: Context
    ) -> tuple[int, str]:
        first, second = self._parse(text[a0:a1]), self._parse(text[b0:b1])
        if first is None or second is None:
            return a0, ""
        # en "7pm to 8.30pm": am/pm of the end applies to a bare start ("7 to 8.30pm")
        start = a0
        # "(?:^|\s)" + one word + spaces: the match starts just before that word
        pm = tail_search(
            _RANGE_WORD_BEFORE_RE,
            text,
            letters_back(text, space_back(text, a0)) - 1,
            a0,
        )
        if pm and not re.match(
            r"\s*(?:od|med|von|zwischen|from|between|ab)\b", text[a0:a1], re.IGNORECASE
        ):
            start = a0 - len(pm.group()) + (1 if pm.group().startswith(" ") else 0)
        new = (
            _sl_range(first, second)
            if ctx.lang == "sl"
            else ctx.pack.format_time_range(first, second)
        )
        if new == text[start:b1]:
            return start, ""
        return start, new

    def _single(
        self, text: str, s: int, e: int, tm: TimeMatch | None, ctx: Context
    ) -> str | None:
        chunk = text[s:e]
        if re.fullmatch(r"\d{1,2}(?:\.\d{2})?", chunk.strip()):
            return None  # the start of a range whose end was not recognised
        t = self._parse(chunk)
        if t is None:
            return None
        pm = re.match(r"\s*([^\W\d_]+)\s+", chunk)
        prep = pm.group(1) if pm else ""
        body_start = pm.end() if pm else 0
        if ctx.lang == "sl":
            if not prep:
                before = tail_search(
                    _WORD_BEFORE_RE, text, letters_back(text, space_back(text, s)), s
                )
                prep = before.group(1) if before else ""
            core = _sl_time(prep, t)
        elif ctx.lang == "de":
            core = _clock(ctx, t)
        else:
            core = _clock(ctx, t)
        new = chunk[:body_start] + core
        # keep a Slovenian "dalje" etc. outside the match; never add a preposition
        return None if new == chunk else new
