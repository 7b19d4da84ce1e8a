"""The ``@check`` decorator: how a Python function becomes usable from a rule YAML."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..base import Context, Hit, Unit
from ..params import P

__all__ = ["CheckFn", "CheckSpec", "check", "check_spec"]

CheckFn = Callable[[Unit, Context], Iterable[Hit]]
F = TypeVar("F", bound=CheckFn)
_ATTR = "__easyread_check__"


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A check function with the message fields it fills and the parameters it takes."""

    fn: CheckFn
    fields: frozenset[str] = frozenset()
    params: Mapping[str, P] = field(default_factory=dict)


def check(
    *, fields: Iterable[str] = (), params: Mapping[str, P] | None = None
) -> Callable[[F], F]:
    """Mark ``fn(unit, ctx) -> Iterable[Hit]`` as a check for ``kind: python`` rules.

    :param fields: message fields every hit provides (``{value}`` ...).
    :param params: the rule parameters the check accepts, with defaults.
    """

    def register(fn: F) -> F:
        setattr(fn, _ATTR, CheckSpec(fn, frozenset(fields), dict(params or {})))
        return fn

    return register


def check_spec(obj: Any) -> CheckSpec | None:
    """The :class:`CheckSpec` of a decorated function, or ``None``."""
    spec = getattr(obj, _ATTR, None)
    return spec if isinstance(spec, CheckSpec) else None
