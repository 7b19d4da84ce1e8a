"""Suppressions written inside documents as HTML comments.

::

    <!-- easyread-disable core.sentence-length -->   off from this line on
    <!-- easyread-enable core.sentence-length -->    on again from this line
    <!-- easyread-disable-next-line sl -->           off for the next text line
    <!-- easyread-disable -->                        no id: every rule

Several ids may be separated by spaces or commas; an id may be a prefix
(``sl``, ``core``) or a name without its namespace (``passive-voice``). The
loader drops comment blocks from ``doc.blocks``, so the source lines are
scanned here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .loader import matches

__all__ = ["Suppressions"]

_DIRECTIVE_RE = re.compile(
    r"<!--\s*easyread-(?P<action>disable-next-line|disable|enable)(?![\w-])(?P<ids>.*?)-->",
    re.DOTALL,
)
_ALL = "*"


@dataclass(frozen=True, slots=True)
class _Event:
    line: int
    action: str  # "disable" | "enable"
    ids: tuple[str, ...]


class Suppressions:
    """Which rules are switched off on which lines of one source text."""

    def __init__(self, text: str) -> None:
        self._events: list[_Event] = []
        self._next_line: dict[int, list[str]] = {}
        if "easyread-" not in text:
            return
        lines = text.split("\n")
        starts = [0]
        for text_line in lines:
            starts.append(starts[-1] + len(text_line) + 1)
        for m in _DIRECTIVE_RE.finditer(text):
            line = _line_of(starts, m.start())
            end_line = _line_of(starts, m.end() - 1)
            ids = tuple(
                i for i in re.split(r"[\s,]+", m.group("ids").strip()) if i
            ) or (_ALL,)
            action = m.group("action")
            if action == "disable-next-line":
                target = end_line + 1
                while target <= len(lines) and not _is_text_line(lines[target - 1]):
                    target += 1
                self._next_line.setdefault(target, []).extend(ids)
            else:
                self._events.append(_Event(line, action, ids))

    def __bool__(self) -> bool:
        return bool(self._events or self._next_line)

    def is_suppressed(self, rule_id: str, line: int) -> bool:
        """True when ``rule_id`` is switched off on 1-based ``line``."""
        next_ids = self._next_line.get(line, ())
        if any(i == _ALL or matches(rule_id, i) for i in next_ids):
            return True
        all_off = False
        off: set[str] = set()
        back_on: set[str] = set()
        for event in self._events:
            if event.line > line:
                break
            if event.action == "disable":
                if _ALL in event.ids:
                    all_off, back_on = True, set()
                else:
                    off.update(event.ids)
                    back_on.difference_update(event.ids)
            elif _ALL in event.ids:
                all_off, off, back_on = False, set(), set()
            else:
                off.difference_update(event.ids)
                if all_off:
                    back_on.update(event.ids)
        if any(matches(rule_id, i) for i in off):
            return True
        return all_off and not any(matches(rule_id, i) for i in back_on)


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def _is_text_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not (
        stripped.startswith("<!--") and stripped.endswith("-->")
    )
