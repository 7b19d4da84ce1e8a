"""Fact extraction: what, when, where, who, contact, price, what to bring.

For event announcements the facts go into the draft's front matter, so that
``easyread build`` makes a proper invitation. Everything here is a heuristic
over the language pack's finders (dates, times) and the regexes in
:mod:`easyread.simplify._find` (phones, e-mails, URLs, money); cue words per
language live in ``easyread/simplify/data/<code>.yaml``. A person checks the
result: the report lists the extracted facts next to the draft.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..model import BlockKind, Document
from ._enum import find_enumeration
from ._find import FactHit, find_facts, time_ranges
from ._lang import SimplifyData, simplify_data
from ._names import forms_match, person_names

__all__ = ["Facts", "extract_facts"]

_INVITE = {
    "sl": re.compile(r"\b(?:vabi\w*|vabljen\w*|vabimo|vabilo)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:invit\w*|welcome\w*|join us|come along)\b", re.IGNORECASE),
    "de": re.compile(
        r"\b(?:einladung|lädt|laden|eingeladen|freuen uns)\b", re.IGNORECASE
    ),
}
_ADDRESS = {
    "sl": re.compile(
        r"(?P<a>(?:[A-ZČŠŽ][\wčšžČŠŽ.-]*\s){0,3}(?:trg|ulica|cesta|pot|ul\.|c\.|nabrežje)"
        r"(?:\s[\wčšžČŠŽ.-]+){0,3}\s\d+[a-z]?(?:,\s*(?:\d{4}\s)?[A-ZČŠŽ][\wčšž]+(?:\s[A-ZČŠŽ][\wčšž]+)?)?)"
    ),
    "de": re.compile(
        r"(?P<a>(?:[A-ZÄÖÜ][\wäöüß.-]*\s)?[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|weg|platz|gasse|allee|ring|damm)"
        r"\s\d+[a-z]?(?:,\s*\d{5}\s[A-ZÄÖÜ][\wäöüß-]+)?)"
    ),
    "en": re.compile(
        r"(?P<a>\d+[a-z]?\s(?:[A-Z][\w'-]+\s){1,3}(?:Street|Road|Lane|Avenue|Way|Close|Square|Drive|Place|Hill|Park|Court|Row)"
        r"(?:,\s*[A-Z][\w-]+)?(?:,?\s*[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})?)"
    ),
}
_SIGNATURE_PREFIX = re.compile(
    r"^(?:ihr(?:e)?\s+(?:team\s+(?:vom|von|der|des)\s+)?|your\s+|vaš(?:a)?\s+|the\s+team\s+at\s+)",
    re.IGNORECASE,
)
_ADVERBS = frozenset(
    [
        "tudi",
        "letos",
        "jeseni",
        "spomladi",
        "poleti",
        "pozimi",
        "znova",
        "ponovno",
        "že",
        "še",
        "vljudno",
        "prisrčno",
        "lepo",
        "this",
        "year",
        "again",
        "also",
        "warmly",
        "cordially",
        "herzlich",
        "gerne",
        "auch",
        "wieder",
    ]
)
_ARTICLE = re.compile(r"^(?:die|der|das|the)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts of an announcement (empty strings when not found)."""

    what: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    address: str = ""
    organiser: str = ""
    contact_name: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    price: str = ""  # "0" = free, else as written ("15 EUR")
    bring: tuple[str, ...] = ()
    audience: str = ""
    names: tuple[str, ...] = ()
    is_event: bool = False
    template: str = "announcement"  # the template the facts suggest
    hits: tuple[FactHit, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON reports."""
        return {
            "what": self.what,
            "date": self.date.isoformat() if self.date else None,
            "time": self.time.strftime("%H:%M") if self.time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "place": self.place,
            "address": self.address,
            "organiser": self.organiser,
            "contact": {
                "name": self.contact_name,
                "phone": list(self.phones),
                "email": list(self.emails),
            },
            "url": list(self.urls),
            "price": self.price,
            "bring": list(self.bring),
            "audience": self.audience,
            "names": list(self.names),
            "is_event": self.is_event,
            "template": self.template,
        }


@dataclass(frozen=True, slots=True)
class _Sent:
    text: str
    block: int
    kind: BlockKind
    hits: tuple[FactHit, ...]


def _sentences(doc: Document) -> list[_Sent]:
    out = []
    for bi, block in enumerate(doc.blocks):
        if block.kind in (BlockKind.CODE, BlockKind.RULE, BlockKind.IMAGE):
            continue
        # one unit per line of a list-like paragraph ("- item"), else per sentence
        for s in block.sentences:
            text = " ".join(s.text.split())
            out.append(_Sent(text, bi, block.kind, tuple(find_facts(text, doc.pack))))
    return out


def _as_time(hit: FactHit) -> dt.time:
    h, m = hit.key.split(":")[1:3]
    return dt.time(int(h), int(m))


def _as_date(hit: FactHit) -> tuple[int | None, int, int]:
    body = hit.key[len("date:") :]
    if body.startswith("--"):
        mo, d = body[2:].split("-")
        return None, int(mo), int(d)
    y, mo, d = body.split("-")
    return int(y), int(mo), int(d)


def _is_deadline(hit: FactHit, sent: str, data: SimplifyData) -> bool:
    before = sent[max(0, hit.start - 14) : hit.start].lower()
    head = hit.text.lower()
    deadline = data.cues.get("deadline", ())
    for word in deadline:
        w = word.lower()
        if head.startswith(w + " ") or re.search(rf"\b{re.escape(w)}\s*$", before):
            return True
    return False


def _event_date(
    sents: list[_Sent], data: SimplifyData
) -> tuple[int, dt.date | None] | None:
    """The first date that is not a deadline; a year-less date takes the year
    of a later date in the same sentence ("7. 10., 4. 11. in 2. 12. 2026")."""
    fallback = None
    for i, s in enumerate(sents):
        dates = [h for h in s.hits if h.kind == "date"]
        if not dates:
            continue
        parsed = [_as_date(h) for h in dates]
        later_year = _later_years(parsed)
        register_before = data.cue_before("register", s.text)
        for k, h in enumerate(dates):
            if _is_deadline(h, s.text, data) or register_before(h.start):
                continue
            y, mo, d = parsed[k]
            if y is None:
                y = later_year(k, mo)
            if y is not None:
                try:
                    return i, dt.date(y, mo, d)
                except ValueError:
                    continue
            if fallback is None:
                fallback = (i, None)
    return fallback


def _later_years(
    dates: list[tuple[int | None, int, int]],
) -> Callable[[int, int], int | None]:
    """``(k, month) ->`` the year of the first date after ``dates[k]`` that has
    a year and a month from ``month`` on (None when there is none).

    One pass from the end, not a scan of the later dates per date: a sentence
    of thousands of year-less dates made that quadratic.
    """
    # per index, the nearest later index with a year, for each month
    nearest: dict[int, dict[int, int]] = {}
    ahead: dict[int, int] = {}
    for k in range(len(dates) - 1, -1, -1):
        if dates[k][0] is None:
            nearest[k] = dict(ahead)
        year, month, _ = dates[k]
        if year is not None:
            ahead[month] = k

    def year_after(k: int, month: int) -> int | None:
        found = [j for m, j in nearest[k].items() if m >= month]
        return dates[min(found)][0] if found else None

    return year_after


def _times(
    sents: list[_Sent], at: int, data: SimplifyData
) -> tuple[dt.time | None, dt.time | None]:
    """Start and end time near the event date (its sentence, block or the next block)."""
    block = sents[at].block
    pools = [
        [i for i, s in enumerate(sents) if i == at],
        [i for i, s in enumerate(sents) if s.block == block and i != at],
        [
            i
            for i, s in enumerate(sents)
            if s.block == block + 1 and not any(h.kind == "date" for h in s.hits)
        ],
    ]
    start: dt.time | None = None
    end: dt.time | None = None
    start_idx = -1
    for pool in pools:
        for i in pool:
            s = sents[i]
            for a, b in time_ranges(s.text, s.hits):
                if start is None and not _is_deadline(a, s.text, data):
                    start, end, start_idx = _as_time(a), _as_time(b), i
            if start is None:
                for h in s.hits:
                    if h.kind == "time" and not _is_deadline(h, s.text, data):
                        start, start_idx = _as_time(h), i
                        break
        if start is not None:
            break
    if start is not None and end is None:
        # "do 20.30" nearby, or a sentence about the end anywhere ("traja do 19.30")
        blocks = {sents[start_idx].block, sents[start_idx].block + 1}
        for s in sents[start_idx:]:
            near = s.block in blocks
            for h in s.hits:
                if h.kind != "time" or _as_time(h) <= start:
                    continue
                if data.has_cue("end", s.text) or (
                    near and _is_deadline(h, s.text, data)
                ):
                    end = _as_time(h)
                    break
            if end is not None:
                break
    return start, end


def _masked(s: _Sent) -> str:
    """The sentence with e-mails, URLs, dates and times blanked out."""
    # one buffer, not a new string per hit (quadratic for thousands of dates);
    # the hits lie inside the text, so the length stays the same
    chars = list(s.text)
    for h in s.hits:
        if h.kind in ("email", "url", "date", "time", "phone"):
            chars[h.start : h.end] = "#" * (h.end - h.start)
    return "".join(chars)


def _place(sents: list[_Sent], order: list[int], data: SimplifyData) -> str:
    preps = {p.lower() for p in data.cues.get("where_preps", ())}
    for i in order:
        text = _masked(sents[i])
        words = list(re.finditer(r"[^\W\d_]+", text))
        stops: list[int] | None = None
        for k, w in enumerate(words):
            if not data.word_is("place", w.group()):
                continue
            # back to the nearest preposition (at most 3 words back)
            for back in range(k, max(-1, k - 4), -1):
                if words[back].group().lower() in preps:
                    start = words[back].start()
                    if stops is None:
                        stops = [m.start() for m in _STOP_AT_RE.finditer(text)]
                    end = _stop_after(text, w.end(), stops)
                    # at most 10 words; counting only 11 of them keeps a sentence
                    # of thousands of place words linear
                    if (
                        sum(1 for _ in islice(_TOKEN_RE.finditer(text, start, end), 11))
                        <= 10
                    ):
                        return text[start:end].strip()
                    break
    return ""


# where a place phrase ends
_STOP_RE = re.compile(r"[,(;:!?#]|\s[–-]\s|(?<!\b[A-Z][a-z])(?<!\b[A-Z])\.")
_STOP_AT_RE = re.compile(rf"(?=(?:{_STOP_RE.pattern}))")  # every position, overlapping
_TOKEN_RE = re.compile(r"\S+")  # what str.split() counts


def _stop_after(text: str, pos: int, stops: list[int]) -> int:
    """Where ``_STOP_RE.search(text[pos:])`` starts, as an offset in ``text``
    (``len(text)`` when nowhere), without searching the rest of the sentence
    again for every place word.

    ``stops`` are all positions of ``text`` where _STOP_RE matches. From the
    third character of the slice on, the slice's matches are those positions:
    the look-behinds before "." see at most three characters back. The first
    three characters are searched in the slice itself.
    """
    head = _STOP_RE.search(text[pos : pos + 6])
    if head is not None and head.start() < 3:
        return pos + head.start()
    j = bisect.bisect_left(stops, pos + 3)
    return stops[j] if j < len(stops) else len(text)


def _organiser(doc: Document, sents: list[_Sent], data: SimplifyData) -> str:
    verbs = tuple(v.lower() for v in data.cues.get("organiser_verbs", ()))
    for s in sents:
        words = s.text.split()
        for k, w in enumerate(words[:12]):
            if k and w.lower().strip(",.:") in verbs:
                subject = words[:k]
                # drop adverbs at the end ("... Dom Lukavci jeseni znova", "... tudi letos")
                while subject and subject[-1].lower().strip(",") in _ADVERBS:
                    subject = subject[:-1]
                if subject and subject[0][:1].isupper() and len(subject) <= 8:
                    name = _ARTICLE.sub("", " ".join(subject)).strip(" ,")
                    if name and name.lower() not in ("wir", "we", "mi"):
                        return name
    # a signature line at the end: "Uprava Doma Lukavci", "Ihre Stadtwerke Lindenbach"
    paras = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    if paras:
        last = " ".join(paras[-1].text.split())
        if (
            len(last.split()) <= 7
            and not last.endswith((".", "!", "?", ":"))
            and last[:1].isupper()
        ):
            return _SIGNATURE_PREFIX.sub("", last).strip()
    return ""


def _phrase_after(text: str, m: re.Match[str]) -> str:
    rest = text[m.end() :]
    stop = re.search(r"[.;:!?(]|,\s", rest)
    return rest[: stop.start() if stop else len(rest)].strip()


def _audience(sents: list[_Sent], data: SimplifyData) -> str:
    for s in sents:
        m = data.find_cue("audience", s.text)
        if m is None:
            continue
        phrase = _phrase_after(s.text, m)
        if m.group().lower().startswith(("za ", "for ", "für ")):
            phrase = m.group()[m.group().index(" ") + 1 :] + (
                " " + phrase if phrase else ""
            )
        if phrase and len(phrase.split()) <= 12:
            return phrase.strip()
    return ""


def _bring(doc: Document, sents: list[_Sent], data: SimplifyData) -> tuple[str, ...]:
    for s in sents:
        m = data.find_cue("bring", s.text)
        if m is None:
            continue
        enum = find_enumeration(s.text, doc.pack)
        if enum is not None and enum.lead_end >= m.start():
            return tuple(_clean_item(s.text[a:b], doc.lang) for a, b in enum.items)
        phrase = _phrase_after(s.text, m)
        if phrase and len(phrase.split()) <= 8:
            return (phrase,)
    return ()


def _clean_item(text: str, lang: str) -> str:
    t = re.sub(r"\s*\([^)]*\)", "", text).strip()
    if lang == "de":
        t = re.sub(
            r"^(?:ggf\.|evtl\.|ihr(?:e|en)?|das|die|der|den|eine?n?)\s+",
            "",
            t,
            flags=re.IGNORECASE,
        )
        t = re.sub(
            r"^(?:ggf\.|evtl\.|ihr(?:e|en)?|das|die|der|den)\s+",
            "",
            t,
            flags=re.IGNORECASE,
        )
    return t


def _price(sents: list[_Sent], data: SimplifyData) -> str:
    for s in sents:
        if not data.has_cue("price", s.text):
            continue
        money = [h for h in s.hits if h.kind == "money"]
        if money:
            return money[0].text
        if data.has_cue("free", s.text):
            return "0"
    return ""


def extract_facts(doc: Document) -> Facts:
    """Extract the facts of an announcement from a loaded document."""
    data = simplify_data(doc.lang)
    sents = _sentences(doc)
    hits = tuple(h for s in sents for h in s.hits)
    meta = doc.meta
    what = meta.title or next(
        (s.text for s in sents if s.kind is BlockKind.HEADING), ""
    )
    if not what and sents:
        what = sents[0].text
    found = _event_date(sents, data)
    date_val: dt.date | None = meta.date
    start: dt.time | None = meta.time
    end: dt.time | None = meta.end_time
    order = list(range(len(sents)))
    if found is not None:
        at, when = found
        date_val = date_val or when
        t0, t1 = _times(sents, at, data)
        start = start or t0
        end = end or t1
        order = [at] + [i for i in range(len(sents)) if i != at]
    phones = tuple(dict.fromkeys(h.text for h in hits if h.kind == "phone"))
    emails = tuple(dict.fromkeys(h.text for h in hits if h.kind == "email"))
    urls = tuple(dict.fromkeys(h.text for h in hits if h.kind == "url"))
    address = meta.address
    if not address and doc.lang in _ADDRESS:
        for s in sents:
            m = _ADDRESS[doc.lang].search(s.text)
            if m:
                address = m.group("a").strip()
                break
    persons = tuple(person_names(doc))
    contact = meta.contact.name
    if not contact:
        for s in sents:
            if any(h.kind in ("phone", "email") for h in s.hits) or data.has_cue(
                "register", s.text
            ):
                inside = [p for p in persons if p.split()[-1] in s.text]
                if inside:
                    contact = _nominative(inside[0], doc)
                    break
    place = meta.place or _place(sents, order, data)
    is_event = date_val is not None and (start is not None or bool(place))
    invite = bool(_INVITE.get(doc.lang) and _INVITE[doc.lang].search(doc.source.text))
    bring = meta.bring or _bring(doc, sents, data)
    template = "invitation" if is_event and (invite or bool(bring)) else "announcement"
    return Facts(
        what=what,
        date=date_val,
        time=start,
        end_time=end,
        place=place,
        address=address,
        organiser=meta.organiser or _organiser(doc, sents, data),
        contact_name=contact,
        phones=phones,
        emails=emails,
        urls=urls,
        price=meta.price or _price(sents, data),
        bring=bring,
        audience=meta.audience or _audience(sents, data),
        names=persons,
        is_event=is_event,
        template=template,
        hits=hits,
    )


def _nominative(name: str, doc: Document) -> str:
    """Best guess of a name's dictionary form (``Ireno Ferenc`` -> ``Irena Ferenc``)."""
    if doc.lang != "sl":
        return name
    # Only the first name: surnames such as "Kosi" or "Rajh" confuse lemmatisers.
    first, *rest = name.split()
    lemma = doc.pack.lemma(first)
    if lemma and lemma != first.lower() and forms_match(lemma, first):
        first = lemma[:1].upper() + lemma[1:]
    return " ".join([first, *rest])
