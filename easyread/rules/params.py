"""A small schema for rule parameters, so every kind validates the same way.

Most parameters may be given once or per language (``max: 10`` or
``max: {sl: 10, en: 12}``). Errors name the key, and the loader turns the key
into ``file:line``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .base import LANGS, ParamError, is_per_lang

__all__ = ["Condition", "P", "parse_condition", "validate_params"]

NUMBER = (int, float)


@dataclass(frozen=True, slots=True)
class P:
    """One parameter: allowed types, default, and whether it may vary by language."""

    types: tuple[type, ...]
    default: Any = None
    required: bool = False
    per_lang: bool = True
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    check: Callable[[Any], str] | None = None  # returns an error text or ""


def _type_names(types: tuple[type, ...]) -> str:
    names = {int: "a number", float: "a number", str: "text", bool: "true or false",
             list: "a list", dict: "a mapping", tuple: "a list"}  # fmt: skip
    return " or ".join(dict.fromkeys(names.get(t, t.__name__) for t in types))


def _check_one(key: str, value: Any, spec: P) -> Any:
    if isinstance(value, bool) and bool not in spec.types:
        raise ParamError(
            key, f"`{key}` must be {_type_names(spec.types)}, not true/false"
        )
    if list in spec.types and isinstance(value, (list, tuple)):
        value = tuple(value)
    elif not isinstance(value, spec.types):
        raise ParamError(
            key, f"`{key}` must be {_type_names(spec.types)}, not {value!r}"
        )
    if spec.choices and not isinstance(value, tuple) and value not in spec.choices:
        allowed = ", ".join(str(c) for c in spec.choices)
        raise ParamError(key, f"`{key}` must be one of {allowed}, not {value!r}")
    if spec.minimum is not None and isinstance(value, NUMBER) and value < spec.minimum:
        raise ParamError(key, f"`{key}` must be at least {spec.minimum}, not {value!r}")
    if spec.check is not None:
        problem = spec.check(value)
        if problem:
            raise ParamError(key, f"`{key}`: {problem}")
    return value


def validate_params(
    params: Mapping[str, Any], schema: Mapping[str, P], kind: str
) -> dict[str, Any]:
    """Check ``params`` against ``schema``; return them with defaults filled in.

    :raises ParamError: for an unknown key, a missing required key or a bad value.
    """
    unknown = sorted(set(params) - set(schema))
    if unknown:
        allowed = ", ".join(sorted(schema)) or "(none)"
        raise ParamError(
            unknown[0],
            f"unknown key `{unknown[0]}` for kind {kind}; allowed keys: {allowed}",
        )
    out: dict[str, Any] = {}
    for key, spec in schema.items():
        if key not in params or params[key] is None:
            if spec.required:
                raise ParamError(key, f"kind {kind} needs `{key}`")
            out[key] = spec.default
            continue
        value = params[key]
        if (
            spec.per_lang
            and is_per_lang(value)
            and (dict not in spec.types or _all_langs_nested(value))
        ):
            out[key] = {
                lang: _check_one(f"{key}.{lang}", v, spec) for lang, v in value.items()
            }
        else:
            out[key] = _check_one(key, value, spec)
    return out


def _all_langs_nested(value: Mapping[str, Any]) -> bool:
    # {sl: {...}, en: {...}}: a per-language mapping of mappings.
    return all(isinstance(v, Mapping) for v in value.values()) and set(value) <= set(
        LANGS
    )


_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_COND_RE = re.compile(r"^\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True, slots=True)
class Condition:
    """``"< 60"``: when a metric value is a problem."""

    op: str
    limit: float

    def __call__(self, value: float) -> bool:
        return _OPS[self.op](value, self.limit)

    def __str__(self) -> str:
        return f"{self.op} {self.limit:g}"


def parse_condition(text: str) -> Condition:
    """Read ``"< 60"``, ``">= 7.5"``.

    :raises ValueError: for anything else.
    """
    m = _COND_RE.match(str(text))
    if not m:
        raise ValueError(f"condition must look like '< 60' or '>= 7.5', not {text!r}")
    return Condition(m.group(1), float(m.group(2)))


def condition_error(value: Any) -> str:
    """``P.check`` helper for condition strings."""
    try:
        parse_condition(value)
    except ValueError as exc:
        return str(exc)
    return ""


def regex_error(value: Any) -> str:
    """``P.check`` helper for lists of regular expressions."""
    for item in value if isinstance(value, (list, tuple)) else [value]:
        if not isinstance(item, str):
            return f"patterns must be text, not {item!r}"
        try:
            re.compile(item)
        except re.error as exc:
            return f"bad regular expression {item!r}: {exc}"
    return ""
