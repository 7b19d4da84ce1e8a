"""Python checks for ``kind: python`` rules (``function: easyread.rules.checks:name``).

A check is ``fn(unit, ctx) -> Iterable[Hit]`` decorated with :func:`check`,
which declares the message fields it fills and the parameters it accepts. The
rule's YAML file still holds its message, severity and examples.
"""

from __future__ import annotations

from ._registry import CheckFn, CheckSpec, check, check_spec
from .grammar import (
    address_block,
    consistent_terms,
    formal_address,
    inline_lists,
    nominal_style,
    passive_voice,
    subordinate_clauses,
)
from .numbers import (
    big_numbers,
    date_format,
    date_weekday,
    de_time_format,
    en_time_format,
    numbers_as_digits,
    sl_date_spacing,
    sl_month_case,
    sl_time_format,
    sl_weekday_comma,
)
from .words import (
    abbreviations,
    acronyms,
    common_words,
    compound_words,
    explain_hard_words,
    roman_numerals,
)

__all__ = [
    "CheckFn",
    "CheckSpec",
    "abbreviations",
    "acronyms",
    "address_block",
    "big_numbers",
    "check",
    "check_spec",
    "common_words",
    "compound_words",
    "consistent_terms",
    "date_format",
    "date_weekday",
    "de_time_format",
    "en_time_format",
    "explain_hard_words",
    "formal_address",
    "inline_lists",
    "nominal_style",
    "numbers_as_digits",
    "passive_voice",
    "roman_numerals",
    "sl_date_spacing",
    "sl_month_case",
    "sl_time_format",
    "sl_weekday_comma",
    "subordinate_clauses",
]
