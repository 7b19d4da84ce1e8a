"""``limit``: a count that must stay at or below a maximum.

Parameters:

``measure``     what to count (depends on the scope, see ``MEASURES``)
``max``         the largest value without a finding
``error_max``   above this the finding is an error, whatever the rule's severity
``also``        more limits, any of which also triggers: ``{letters: 13}``
``min_words``   document scope: skip documents with fewer words (averages of
                tiny texts say nothing)

Fields: ``value`` (the main measure), ``max``, ``error_max``, ``measure`` and
one field per measure of ``also`` (``{letters}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...model import Severity, TokenKind
from .._spans import SpanIndex
from ..base import SCOPES, Context, Hit, ParamError, Unit, Word, kind
from ..params import NUMBER, P, validate_params
from ._text import unit_enumerations

#: Measures per scope.
MEASURES: dict[str, tuple[str, ...]] = {
    "word": ("syllables", "letters"),
    "sentence": ("words", "syllables", "characters", "commas", "links"),
    "block": ("sentences", "words", "characters", "lines"),
    "heading": ("words", "characters", "sentences"),
    "text": ("sentences", "words", "characters", "lines"),
    "document": ("sentences", "words", "words_per_sentence"),
}
_ALL_MEASURES = tuple(dict.fromkeys(m for ms in MEASURES.values() for m in ms))
_COMPOUND_SPLIT = re.compile(r"[-·‐]")

SCHEMA = {
    "measure": P((str,), required=True, per_lang=False, choices=_ALL_MEASURES),
    "max": P(NUMBER, required=True, minimum=0),
    "error_max": P(NUMBER, minimum=0),
    "also": P((dict,), {}, per_lang=False),
    "min_words": P((int,), 0, minimum=0),
}


def _parts(word: Word) -> list[str]:
    return [p for p in _COMPOUND_SPLIT.split(word.text.replace("\u00ad", "")) if p]


def word_measure(word: Word, measure: str, ctx: Context) -> int:
    """Syllables or letters of a word; a compound split with ``-`` or ``·`` counts its longest part."""
    if "\u00ad" not in word.text and _COMPOUND_SPLIT.search(word.text) is None:
        # One part, the word itself (most words): its counts are already known.
        if measure == "letters":
            return word.letters
        return word.syllables or ctx.pack.syllables(word.text)
    parts = _parts(word)
    if measure == "letters":
        return max((sum(c.isalpha() for c in p) for p in parts), default=0)
    if len(parts) <= 1:
        return word.syllables or ctx.pack.syllables(word.text)
    return max(ctx.pack.syllables(p) for p in parts)


def links(unit: Unit, ctx: Context) -> int:
    """Clause links in a sentence: commas and joining words (``, ki`` counts once).

    Not counted: the commas around a date (``v sredo, 13. maja 2026, ob``) and
    the commas and "and" of a short enumeration (``čaj, kavo in pecivo``),
    which the inline-lists rule reports.
    """
    joins = ctx.compiled.get("joins")
    if joins is None:  # once per rule and pack
        words = ctx.pack.words
        joins = ctx.compiled["joins"] = frozenset(words.coordinating) | {
            s for s in words.subordinating if " " not in s
        }
    tokens = unit.tokens
    skip: set[int] = set()
    for e in unit_enumerations(unit, ctx):
        skip |= e.separators
    # A token starting inside a date or right after it (its comma).
    found = ctx.dates(unit)
    dates = SpanIndex((d.start, d.end + 1) for d in found) if found else None
    count = 0
    after_comma = False
    for n, t in enumerate(tokens):
        if n in skip or (dates is not None and dates.holds_point(t.start)):
            after_comma = False
            continue
        if t.text == ",":
            count += 1
            after_comma = True
            continue
        if t.lower in joins and t.is_word and n > 0 and not after_comma:
            count += 1
        after_comma = False
    return count


def unit_measure(unit: Unit, measure: str, ctx: Context) -> float:
    """A measure of a sentence, block or the document."""
    if measure == "words":
        return _doc_words(ctx) if unit.scope == "document" else len(unit.words)
    if measure == "sentences":
        return len(unit.sentences)
    if measure == "characters":
        return len(unit.text.strip())
    if measure == "syllables":
        return sum(w.syllables for w in unit.words)
    if measure == "commas":
        return sum(1 for t in unit.tokens if t.text == ",")
    if measure == "links":
        return links(unit, ctx)
    if measure == "lines":
        return sum(1 for line in unit.text.split("\n") if line.strip())
    if measure == "words_per_sentence":
        sentences = len(unit.sentences)
        return round(_doc_words(ctx) / sentences, 1) if sentences else 0.0
    raise ValueError(measure)  # pragma: no cover - validated


def _doc_words(ctx: Context) -> int:
    return sum(len(s.words) for s in ctx.units.sentences)


@dataclass(frozen=True, slots=True)
class _Setup:
    """A limit rule's parameters, resolved for one language."""

    runs: bool  # False when the measure does not exist for the rule's scope
    measure: str
    limit: Any
    error_max: Any
    also: Mapping[str, float]
    word_measures: tuple[str, ...]  # word scope: every measure a word needs
    unit_measures: tuple[str, ...]  # other scopes: the measures of the scope


def _setup(ctx: Context) -> _Setup:
    measure = str(ctx.params["measure"])
    scope = ctx.rule.scope
    allowed = MEASURES.get("heading" if scope == "heading" else scope, ())
    also: Mapping[str, float] = ctx.params.get("also") or {}
    # The same sets, in the same order, as the code that built them per unit.
    wanted = {measure, *also}
    return _Setup(
        runs=measure in allowed,
        measure=measure,
        limit=ctx.param("max"),
        error_max=ctx.param("error_max"),
        also=also,
        word_measures=tuple(wanted),
        unit_measures=tuple(m for m in wanted if m in allowed),
    )


@kind("limit")
class Limit:
    """Report units whose count goes over a maximum."""

    name = "limit"

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        out = validate_params(params, SCHEMA, self.name)
        also = dict(out["also"] or {})
        for key, value in also.items():
            if key not in _ALL_MEASURES:
                raise ParamError("also", f"`also` has an unknown measure {key!r}")
            if isinstance(value, bool) or not isinstance(value, NUMBER):
                raise ParamError("also", f"`also.{key}` must be a number")
        out["also"] = also
        return out

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        measures = {str(params.get("measure", "")), *params.get("also", {})}
        return frozenset({"value", "max", "error_max", "measure", *measures} - {""})

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        setup: _Setup | None = ctx.compiled.get("limit")
        if setup is None:  # once per rule and language, not once per unit
            setup = ctx.compiled["limit"] = _setup(ctx)
        if not setup.runs:
            return
        measure, limit, error_max, also = (
            setup.measure,
            setup.limit,
            setup.error_max,
            setup.also,
        )
        scope = ctx.rule.scope
        if scope == "word":
            measures = setup.word_measures
            # A word's measures follow from its text and syllable count; the
            # same words come back in every document, so they are kept per
            # rule (ctx.compiled) and most words cost one dict lookup.
            memo: dict[tuple[str, int], dict[str, float] | None] = (
                ctx.compiled.setdefault("word_measures", {})
            )
            for w in unit.tokens:
                if w.kind is not TokenKind.WORD:
                    continue
                key = (w.text, w.syllables)
                if key in memo:
                    per_word = memo[key]
                else:
                    per_word = {m: word_measure(w, m, ctx) for m in measures}
                    if not _over(per_word, measure, limit, also):
                        per_word = None
                    memo[key] = per_word
                if per_word is not None:
                    yield self._hit(w.start, w.end, per_word, measure, limit, error_max)
            return
        if scope == "document":
            min_words = int(ctx.param("min_words") or 0)
            if _doc_words(ctx) < max(min_words, 1):
                return
        values: dict[str, float] = {
            m: unit_measure(unit, m, ctx) for m in setup.unit_measures
        }
        if _over(values, measure, limit, also):
            start, end = (0, len(unit.text)) if scope != "document" else (0, 0)
            yield self._hit(start, end, values, measure, limit, error_max)

    @staticmethod
    def _hit(
        start: int,
        end: int,
        values: Mapping[str, float],
        measure: str,
        limit: float,
        error_max: Any,
    ) -> Hit:
        value = values[measure]
        severity = (
            Severity.ERROR
            if error_max is not None and value > float(error_max)
            else None
        )
        fields: dict[str, Any] = {
            **values,
            "value": value,
            "measure": measure,
            "max": limit,
        }
        if error_max is not None:
            fields["error_max"] = error_max
        return Hit(start, end, fields, severity=severity)


def _over(
    values: Mapping[str, float],
    measure: str,
    limit: float,
    also: Mapping[str, float],
) -> bool:
    """True when the main measure or one of ``also`` is over its maximum."""
    return values[measure] > float(limit) or any(
        values.get(m, 0) > float(v) for m, v in also.items()
    )


assert set(MEASURES) <= set(SCOPES)
