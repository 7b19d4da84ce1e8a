"""JSON text that is readable and fast to write.

``json.dumps(..., indent=2)`` uses the pure-Python encoder, which dominated
the time of a large ``--format json`` report (tens of thousands of findings).
Here the outer structure is indented and everything from ``inline_depth`` down
(one finding, one SARIF result) is written on one line by the C encoder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["RawJSON", "dumps", "records_text"]


class RawJSON(str):
    """JSON text that is already encoded; :func:`dumps` writes it as it is.

    For records a formatter can encode faster itself than through a dict
    (the findings of a large report).
    """

    __slots__ = ()


def records_text(records: Sequence[str], depth: int, indent: int = 2) -> str:
    """A list of encoded records as :func:`dumps` writes it at ``depth``."""
    if not records:
        return "[]"
    pad = " " * (indent * (depth + 1))
    end = " " * (indent * depth)
    return "[\n" + pad + f",\n{pad}".join(records) + "\n" + end + "]"


def dumps(
    value: Any,
    *,
    inline_depth: int,
    indent: int = 2,
    default: Callable[[Any], Any] | None = None,
) -> str:
    """Serialise ``value``: indented above ``inline_depth``, one line at and below it."""
    compact = json.JSONEncoder(ensure_ascii=False, default=default).encode
    parts: list[str] = []

    def walk(v: Any, depth: int) -> None:
        pad = " " * (indent * (depth + 1))
        end = " " * (indent * depth)
        if isinstance(v, RawJSON):
            parts.append(v)
        elif depth >= inline_depth or not isinstance(v, (dict, list)) or not v:
            parts.append(compact(v))
        elif isinstance(v, dict):
            parts.append("{\n")
            for i, (k, item) in enumerate(v.items()):
                parts.append(f"{pad}{compact(str(k))}: ")
                walk(item, depth + 1)
                parts.append(",\n" if i < len(v) - 1 else "\n")
            parts.append(end + "}")
        elif all(type(item) is RawJSON for item in v):
            # Encoded records (the findings of a file): one join, not a call each.
            parts.append(records_text(v, depth, indent))
        else:
            parts.append("[\n")
            for i, item in enumerate(v):
                parts.append(pad)
                walk(item, depth + 1)
                parts.append(",\n" if i < len(v) - 1 else "\n")
            parts.append(end + "]")

    walk(value, 0)
    return "".join(parts)
