"""Searches for patterns anchored at the end of a prefix (``...\\s+$``).

Transforms ask "which word comes right before this date?" with a pattern that
ends in ``$``, searched in ``text[:pos]``. Searching the whole prefix again for
every match of a sentence is quadratic on hostile input (thousands of dates
in one sentence). The helpers here find, by a short scan back from ``end``,
the earliest position where a match could start, and search only from there:
``rx.search(text, pos, end)`` sees the characters before ``pos`` for
look-behinds and treats ``end`` as the end of the string, so the answer is the
same as ``rx.search(text[:end])`` with the same offsets.
"""

from __future__ import annotations

import re

__all__ = ["LETTER_RE", "letters_back", "space_back", "tail_search"]

#: one letter as the patterns spell it: a word character, not a digit or "_"
LETTER_RE = re.compile(r"[^\W\d_]")


def space_back(text: str, end: int) -> int:
    """Start of the run of white space (``\\s``) that ends at ``end``."""
    i = end
    while i > 0 and text[i - 1].isspace():  # str.isspace is what ``\s`` matches
        i -= 1
    return i


def letters_back(text: str, end: int) -> int:
    """Start of the run of letters (``[^\\W\\d_]``) that ends at ``end``."""
    i = end
    while i > 0 and LETTER_RE.match(text, i - 1):
        i -= 1
    return i


def tail_search(
    rx: re.Pattern[str], text: str, pos: int, end: int
) -> re.Match[str] | None:
    """``rx.search(text[:end])`` when no match can start before ``pos``."""
    return rx.search(text, max(0, pos), end)
