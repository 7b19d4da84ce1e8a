"""The fact guard: a simplified text must keep every fact and invent none.

Every date, time, number, amount of money, percentage, phone number, e-mail,
URL and proper name of the source must appear in the draft, and the draft must
have no date, time or number that the source does not have. Facts are compared
in normalised form (see :mod:`easyread.simplify._find`), so ``15.05.2026`` and
``v petek, 15. maja 2026`` are the same date, ``10.00`` and ``ob 10. uri`` the
same time, ``24 %`` and ``24 od 100`` the same share, and ``Janez Kovač`` is
found in ``z Janezom Kovačem``.

The draft's front matter counts as part of the draft (``build`` prints it), so
a date that only the front matter gives is not missing, and a wrong date in the
front matter is an invented one.

Use it on any pair of texts, also ones simplified by hand::

    easyread check --source original.txt draft.md
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import (
    BlockKind,
    Document,
    Finding,
    Location,
    Sentence,
    Severity,
    Span,
    TokenKind,
)
from ._find import FactHit, date_key, find_facts, time_key
from ._names import NameIndex, find_names

__all__ = ["RULES", "fact_guard"]

#: Rule ids the guard reports, with what they mean.
RULES = {
    "facts.missing-date": "a date of the source is not in the draft",
    "facts.missing-time": "a clock time of the source is not in the draft",
    "facts.missing-number": "a number of the source is not in the draft",
    "facts.missing-money": "an amount of money of the source is not in the draft",
    "facts.missing-percent": "a percentage of the source is not in the draft",
    "facts.missing-phone": "a phone number of the source is not in the draft",
    "facts.missing-email": "an e-mail address of the source is not in the draft",
    "facts.missing-url": "a web address of the source is not in the draft",
    "facts.missing-name": "a proper name of the source is not in the draft",
    "facts.invented-date": "the draft has a date the source does not have",
    "facts.invented-time": "the draft has a clock time the source does not have",
    "facts.invented-number": "the draft has a number the source does not have",
    "facts.invented-money": "the draft has an amount of money the source does not have",
    "facts.invented-percent": "the draft has a percentage the source does not have",
    "facts.invented-phone": "the draft has a phone number the source does not have",
    "facts.invented-email": "the draft has an e-mail address the source does not have",
    "facts.invented-url": "the draft has a web address the source does not have",
}

# What each kind of fact is called, and the messages, per language of the reader.
_WHAT = {
    "en": {"date": "date", "time": "time", "number": "number", "money": "amount of money",
           "percent": "percentage", "phone": "phone number", "email": "e-mail address",
           "url": "web address", "name": "name"},
    "sl": {"date": "datum", "time": "uro", "number": "število", "money": "znesek", "percent": "odstotek",
           "phone": "telefonsko številko", "email": "e-naslov", "url": "spletni naslov", "name": "ime"},
    "de": {"date": "das Datum", "time": "die Uhrzeit", "number": "die Zahl", "money": "den Betrag",
           "percent": "den Prozentwert", "phone": "die Telefonnummer", "email": "die E-Mail-Adresse",
           "url": "die Internetadresse", "name": "den Namen"},
}  # fmt: skip
_MESSAGES = {
    "en": {
        "missing": ("The source has the {what} “{text}”, but the draft does not.", "Put “{text}” back into the draft."),
        "invented": ("The draft has the {what} “{text}”, which is not in the source.",
                     "Check it against the source and correct or remove it."),
    },
    "sl": {
        "missing": ("Izvirnik ima {what} »{text}«, osnutek pa ne.", "Dodajte »{text}« nazaj v osnutek."),
        "invented": ("Osnutek ima {what} »{text}«, ki ga v izvirniku ni.",
                     "Preverite v izvirniku ter popravite ali odstranite."),
    },
    "de": {
        "missing": ("Der Ausgangstext hat {what} „{text}“, der Entwurf nicht.",
                    "Schreiben Sie „{text}“ wieder in den Entwurf."),
        "invented": ("Der Entwurf hat {what} „{text}“, aber der Ausgangstext nicht.",
                     "Vergleichen Sie mit dem Ausgangstext. Korrigieren oder löschen Sie es."),
    },
}  # fmt: skip


def _messages(ui: str, which: str, kind: str, text: str) -> tuple[str, str]:
    message, suggestion = _MESSAGES[ui][which]
    what = _WHAT[ui][kind]
    return message.format(what=what, text=text), suggestion.format(text=text)


_TEXT_KINDS = (BlockKind.CODE, BlockKind.RULE, BlockKind.IMAGE)
_META_TEXT_FIELDS = ("title", "place", "address", "organiser", "audience", "price")


@dataclass(frozen=True, slots=True)
class _Fact:
    hit: FactHit
    span: Span
    line: int = 0  # front-matter line (0 = in the body)


def _body_facts(doc: Document) -> Iterator[_Fact]:
    for block in doc.blocks:
        if block.kind in _TEXT_KINDS or not block.text.strip():
            continue
        for hit in find_facts(block.text, doc.pack):
            yield _Fact(hit, block.source_span(hit.start, hit.end))


def _meta_strings(doc: Document) -> list[tuple[str, str]]:
    meta = doc.meta
    out: list[tuple[str, str]] = []
    for key in _META_TEXT_FIELDS:
        value = getattr(meta, key)
        if key == "price" and meta.is_free:
            continue
        if value:
            out.append((key, str(value)))
    for key in ("name", "phone", "email"):
        value = getattr(meta.contact, key)
        if value:
            out.append(("contact", value))
    out.extend(("bring", item) for item in meta.bring)
    for key, value in meta.extra.items():
        if key == "glossary" and isinstance(value, list):
            continue  # explanations of words, not facts
        if isinstance(value, str):
            out.append((key, value))
    return out


def _meta_facts(doc: Document) -> Iterator[_Fact]:
    meta = doc.meta
    at = doc.body_start
    lines = meta.field_lines

    def fact(
        kind: str, key: str, text: str, field: str, parts: tuple[str, ...]
    ) -> _Fact:
        return _Fact(
            FactHit(kind, key, 0, 0, text, parts=parts),
            Span(at, at),
            lines.get(field, 1),
        )

    if meta.date is not None:
        d = meta.date
        yield fact("date", date_key(d.day, d.month, d.year), d.isoformat(), "date",
                   (str(d.day), str(d.month), str(d.year)))  # fmt: skip
    for field in ("time", "end_time"):
        t: dt.time | None = getattr(meta, field)
        if t is not None:
            parts = (str(t.hour),) + ((str(t.minute),) if t.minute else ())
            yield fact(
                "time", time_key(t.hour, t.minute), t.strftime("%H:%M"), field, parts
            )
    for field, value in _meta_strings(doc):
        for hit in find_facts(value, doc.pack):
            yield _Fact(hit, Span(at, at), lines.get(field, 1))


def _all_facts(doc: Document) -> list[_Fact]:
    return [*_meta_facts(doc), *_body_facts(doc)]


def _date_parts(key: str) -> tuple[str, str]:
    body = key[len("date:") :]
    if body.startswith("--"):
        return "", body[2:]
    return body[:4], body[5:]


def _dates_match(a: str, b: str) -> bool:
    ya, mda = _date_parts(a)
    yb, mdb = _date_parts(b)
    return mda == mdb and (not ya or not yb or ya == yb)


class _DateIndex:
    """Answers ``any(_dates_match(key, d) for d in keys)`` with set lookups.

    Scanning the other text's dates for every date was quadratic (thousands of
    dates in a hostile document).
    """

    def __init__(self, keys: list[str]) -> None:
        parts = [_date_parts(k) for k in keys]
        self._any_year = {md for _, md in parts}  # day-month, with or without a year
        self._no_year = {md for y, md in parts if not y}
        self._with_year = {(y, md) for y, md in parts if y}

    def matches(self, key: str) -> bool:
        year, md = _date_parts(key)
        if not year:
            return md in self._any_year
        return md in self._no_year or (year, md) in self._with_year


def _draft_words(doc: Document) -> list[str]:
    words = [
        t.text
        for b in doc.blocks
        for s in b.sentences
        for t in s.tokens
        if t.kind is TokenKind.WORD
    ]
    for _, value in _meta_strings(doc):
        words.extend(
            value[s:e]
            for s, e, kind in doc.pack.tokenize(value)
            if kind is TokenKind.WORD
        )
    return words


class _Sentences:
    """The sentence of a document that holds a source offset.

    Looking through every sentence for every finding was quadratic (a hostile
    document has thousands of sentences and findings); the loader's sentences
    come in order and do not overlap, so a binary search finds the same one.
    """

    def __init__(self, doc: Document) -> None:
        self._sents = doc.sentences
        self._starts = [s.span.start for s in self._sents]
        self._sorted = all(
            max(a.span.end, a.span.start + 1) <= b.span.start
            for a, b in itertools.pairwise(self._sents)
        )

    def holding(self, offset: int) -> Sentence | None:
        """The first sentence whose span holds ``offset`` (an empty one its start)."""
        if self._sorted:
            i = bisect.bisect_right(self._starts, offset) - 1
            candidates: Iterable[Sentence] = self._sents[i : i + 1] if i >= 0 else ()
        else:  # not expected from the loader; keep the plain search exact
            candidates = self._sents
        for sent in candidates:
            if sent.span.start <= offset < max(sent.span.end, sent.span.start + 1):
                return sent
        return None


def _excerpt(doc: Document, span: Span, sentences: _Sentences) -> tuple[str, int, int]:
    sent = sentences.holding(span.start)
    if sent is not None:
        start = span.start - sent.span.start
        return sent.text, start, start + len(span)
    loc = doc.source.location(span.start)
    line = doc.source.line_text(loc.line)
    return line, loc.column - 1, loc.column - 1 + len(span)


def _finding(
    doc: Document,
    fact: _Fact,
    rule: str,
    message: str,
    suggestion: str,
    sentences: _Sentences,
) -> Finding:
    if fact.line:
        loc = Location(fact.line, 1)
        line = doc.source.line_text(fact.line)
        excerpt, es, ee = line, 0, len(line)
        end = Location(fact.line, len(line) + 1)
    else:
        loc = doc.source.location(fact.span.start)
        end = doc.source.location(fact.span.end)
        excerpt, es, ee = _excerpt(doc, fact.span, sentences)
    return Finding(
        location=loc,
        end=end,
        rule=rule,
        severity=Severity.ERROR,
        message=message,
        suggestion=suggestion,
        excerpt=excerpt,
        excerpt_start=es,
        excerpt_end=ee,
        path=doc.source.name,
    )


def _countable(facts: list[_Fact]) -> set[str]:
    """Values a number in the other text may match: numbers, money, percentages."""
    out: set[str] = set()
    for f in facts:
        if f.hit.kind in ("number", "money", "percent"):
            out.update(f.hit.parts)
    return out


def _components(facts: list[_Fact]) -> set[str]:
    """Every numeric part of every fact (day, month, year, hour, phone groups ...)."""
    out: set[str] = set()
    for f in facts:
        for p in f.hit.parts:
            out.add(p)
            out.add(p.lstrip("0") or "0")
    return out


def fact_guard(
    source_doc: Document, draft_doc: Document, *, ui_lang: str | None = None
) -> tuple[Finding, ...]:
    """Compare the facts of a source and a draft.

    :param ui_lang: language of the messages (``sl``, ``en``, ``de``); by
        default the source's language, as the checker does.

    :returns: findings with rule ids ``facts.missing-*`` (located in the source)
        and ``facts.invented-*`` (located in the draft), all errors; empty when
        the draft keeps every fact and invents none.
    """
    ui = (
        ui_lang
        if ui_lang in _MESSAGES
        else (source_doc.lang if source_doc.lang in _MESSAGES else "en")
    )
    src = _all_facts(source_doc)
    dft = _all_facts(draft_doc)
    src_sents, dft_sents = _Sentences(source_doc), _Sentences(draft_doc)
    findings: list[Finding] = []
    reported: set[tuple[str, str]] = set()

    dft_keys = {f.hit.key for f in dft}
    dft_dates = _DateIndex([f.hit.key for f in dft if f.hit.kind == "date"])
    dft_count = _countable(dft)
    for f in src:
        kind, key = f.hit.kind, f.hit.key
        if kind == "date":
            ok = dft_dates.matches(key)
        elif kind == "number":
            ok = f.hit.loose or f.hit.parts[0] in dft_count
        else:
            ok = key in dft_keys
        if ok or (kind, key) in reported:
            continue
        reported.add((kind, key))
        message, suggestion = _messages(ui, "missing", kind, f.hit.text.strip())
        findings.append(
            _finding(
                source_doc, f, f"facts.missing-{kind}", message, suggestion, src_sents
            )
        )

    src_keys = {f.hit.key for f in src}
    src_dates = _DateIndex([f.hit.key for f in src if f.hit.kind == "date"])
    src_parts = _components(src)
    src_count = _countable(src)
    for f in dft:
        kind, key = f.hit.kind, f.hit.key
        if kind == "date":
            ok = src_dates.matches(key)
        elif kind == "number":
            ok = f.hit.loose or f.hit.parts[0] in src_parts
        elif kind in ("money", "percent"):
            ok = key in src_keys or f.hit.parts[0] in src_count
        else:
            ok = key in src_keys
        if ok or ("+" + kind, key) in reported:
            continue
        reported.add(("+" + kind, key))
        message, suggestion = _messages(ui, "invented", kind, f.hit.text.strip())
        findings.append(
            _finding(
                draft_doc, f, f"facts.invented-{kind}", message, suggestion, dft_sents
            )
        )

    index = NameIndex(_draft_words(draft_doc), source_doc.pack.lemma)
    for hit in find_names(source_doc):
        if index.contains(hit.text) or ("name", hit.text.lower()) in reported:
            continue
        reported.add(("name", hit.text.lower()))
        f = _Fact(FactHit("name", f"name:{hit.text}", 0, 0, hit.text), hit.span)
        message, suggestion = _messages(ui, "missing", "name", hit.text)
        findings.append(
            _finding(
                source_doc, f, "facts.missing-name", message, suggestion, src_sents
            )
        )
    findings.sort(key=lambda x: (x.path, x.location, x.rule))
    return tuple(findings)
