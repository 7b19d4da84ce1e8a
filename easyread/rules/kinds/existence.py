"""``existence``: words, lemmas, word-list entries or patterns that should not appear.

Parameters (each may be given per language, ``{sl: [...], en: [...]}``):

``words``       surface forms (case-insensitive; phrases allowed: "medtem ko")
``lemmas``      dictionary forms: every inflected form matches ("pogodba" finds "pogodbe")
``wordlist``    a closed word class of the language pack (``negation``, ``conditional``,
                ``subordinating``, ``idioms``, ``foreign``, ``impersonal`` ...)
``patterns``    regular expressions on the unit text; a group named ``hit`` narrows the span
``ignore_case`` make ``patterns`` case-insensitive
``exceptions``  words never reported
``min_count``   report only units with at least this many matches (2 = "double negation")
``once``        report only the first match of each unit
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...lang import WordLists
from ..base import Context, Hit, ParamError, Unit, kind
from ..params import P, regex_error, validate_params
from ._prefilter import Needs, may_match, required_chars
from ._text import (
    PhraseTable,
    compiled,
    drop_overlapping,
    text_words,
    word_keys,
)

# Closed word classes that are plain lists of words or phrases.
WORDLISTS = tuple(
    f.name
    for f in dataclasses.fields(WordLists)
    if f.name not in ("number_words", "ordinal_words", "synonym_sets")
)

SCHEMA = {
    "words": P((list,), ()),
    "lemmas": P((list,), ()),
    "wordlist": P((str,), "", choices=("", *WORDLISTS)),
    "patterns": P((list,), (), check=regex_error),
    "ignore_case": P((bool,), False),
    "exceptions": P((list,), ()),
    "min_count": P((int,), 1, minimum=1),
    "once": P((bool,), False),
}


def _wordlist(ctx: Context, name: str) -> tuple[str, ...]:
    if not name:
        return ()
    value = getattr(ctx.pack.words, name, ())
    return tuple(value or ())


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An existence rule compiled for one language (built once per process)."""

    tables: tuple[PhraseTable, ...]  # the non-empty ones: surface forms, lemmas
    exceptions: frozenset[str]
    #: Each regex with the characters it cannot match without (see _prefilter).
    patterns: tuple[tuple[re.Pattern[str], Needs], ...]


def _prepare(ctx: Context) -> _Prepared:
    prepared = ctx.compiled.get("existence")
    if prepared is None:
        surface = [
            *(ctx.param("words") or ()),
            *_wordlist(ctx, ctx.param("wordlist") or ""),
        ]
        tables = (
            PhraseTable(surface, lemmas=False),
            PhraseTable(ctx.param("lemmas") or (), lemmas=True),
        )
        flags = re.IGNORECASE if ctx.param("ignore_case") else 0
        prepared = _Prepared(
            tuple(t for t in tables if t),
            frozenset(str(e).lower() for e in ctx.param("exceptions") or ()),
            tuple(
                (rx, required_chars(rx))
                for rx in (compiled(p, flags) for p in ctx.param("patterns") or ())
            ),
        )
        ctx.compiled["existence"] = prepared
    return prepared


def _patterns_for_document(
    prepared: _Prepared, ctx: Context
) -> tuple[tuple[re.Pattern[str], Needs], ...]:
    """The rule's patterns that can match somewhere in this document (kept per rule).

    A pattern needs one of some characters (see ``_prefilter``); when no unit
    of the document has one, no unit is searched for it. Most documents
    have no ``;``, ``§`` or soft hyphen at all.
    """
    found = ctx.cache.get("patterns")
    if found is None:
        text = ctx.shared.get("existence-text")
        if text is None:
            # The text of every unit: a character none of them holds is in
            # none of them (the pre-test looks at characters only).
            units = (*ctx.units.sentences, *ctx.units.blocks, *ctx.units.images)
            text = ctx.shared["existence-text"] = "\n".join(u.text for u in units)
        found = ctx.cache["patterns"] = tuple(
            (rx, needs)
            for rx, needs in prepared.patterns
            if not needs or may_match(needs, text)
        )
    return found  # type: ignore[no-any-return]


def find_spans(unit: Unit, ctx: Context) -> list[tuple[int, int]]:
    """All matches of an existence rule in ``unit``, without overlaps."""
    prepared = _prepare(ctx)
    patterns = _patterns_for_document(prepared, ctx)
    if not prepared.tables and not patterns:
        return []  # (most units of most documents, for rules of rare characters)
    exceptions = prepared.exceptions
    spans: list[tuple[int, int]] = []
    if prepared.tables:
        words = text_words(unit)
        keys = word_keys(unit, ctx)
        for table in prepared.tables:
            for i, j, _ in table.find(words, keys):
                if j - i == 1 and (
                    words[i].lower in exceptions or words[i].lemma in exceptions
                ):
                    continue
                spans.append((words[i].start, words[j - 1].end))
    text = unit.text
    for pattern, needs in patterns:
        if needs and not may_match(needs, text):
            continue  # most sentences lack the one rare character a pattern needs
        for m in pattern.finditer(text):
            group = (
                "hit" if "hit" in m.re.groupindex and m.group("hit") is not None else 0
            )
            s, e = m.span(group)
            if e > s and text[s:e].lower() not in exceptions:
                spans.append((s, e))
    return drop_overlapping(spans) if spans else spans


@kind("existence")
class Existence:
    """Report words and patterns to avoid."""

    name = "existence"

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        out = validate_params(params, SCHEMA, self.name)
        if not (out["words"] or out["lemmas"] or out["wordlist"] or out["patterns"]):
            raise ParamError(
                "words", "existence needs `words`, `lemmas`, `wordlist` or `patterns`"
            )
        return out

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        return frozenset({"count"})

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        spans = find_spans(unit, ctx)
        if not spans:
            return  # (most units): no hit whatever min_count and once say
        total = len(spans)
        if total < int(ctx.param("min_count") or 1):
            return
        if ctx.param("once"):
            spans = spans[:1]
        for s, e in spans:
            yield Hit(s, e, {"count": total})
