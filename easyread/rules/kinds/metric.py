"""``metric``: a named readability formula from :mod:`easyread.metrics` with a condition.

Parameters:

``formula``     ``lix``, ``flesch`` (en Flesch Reading Ease / de Amstad),
                ``flesch_kincaid`` (en), ``wiener_sachtextformel`` (de),
                ``words_per_sentence``, ``syllables_per_word``, ``long_words``
``condition``   when the value is a problem: ``"< 60"``, ``"> 40"`` (may be per language)
``min_words``   skip texts shorter than this (formulas on tiny texts say nothing)

There is no formula evaluation: only named formulas. Languages without a
validated formula (Slovenian) never get a finding from this kind; their
figures are reported by ``easyread.metrics.document_stats`` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ... import metrics
from ..base import Context, Hit, Unit, kind
from ..params import P, condition_error, parse_condition, validate_params

SCHEMA = {
    "formula": P(
        (str,), required=True, per_lang=False, choices=tuple(metrics.FORMULAS)
    ),
    "condition": P((str,), required=True, check=condition_error),
    "min_words": P((int,), 30, minimum=1),
}


@kind("metric")
class Metric:
    """Report texts whose readability score meets a condition."""

    name = "metric"

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        return validate_params(params, SCHEMA, self.name)

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        return frozenset({"value", "formula", "limit", "condition"})

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        if ctx.lang in metrics.NO_VALIDATED_FORMULA:
            return
        sentences = unit.sentences if unit.scope != "document" else ctx.units.sentences
        counts = metrics.count(sentences)
        if counts.words < int(ctx.param("min_words") or 1):
            return
        name = str(ctx.params["formula"])
        value = metrics.formula(name, counts, ctx.lang)
        if value is None:
            return
        condition = parse_condition(str(ctx.param("condition")))
        if condition(value):
            end = len(unit.text) if unit.scope != "document" else 0
            yield Hit(
                0, end,
                {"value": round(value, 1), "formula": name, "limit": condition.limit,
                 "condition": str(condition)},
            )  # fmt: skip
