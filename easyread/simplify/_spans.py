"""A set of taken text spans with a logarithmic overlap test.

Finders and transforms claim parts of a sentence one match after the other
("is this number already part of a date?"). Testing every new match against
every span taken before is quadratic, and hostile input has tens of thousands
of matches in one sentence (``1. 1. 1. ...``). :class:`SpanSet` keeps the
taken spans merged and sorted, so each test is one binary search.

Overlap means what the plain test ``not (end <= s or start >= e)`` means: two
spans that only touch do not overlap, and an empty span overlaps a span only
when it lies strictly inside it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """Half-open spans ``(start, end)``; answers "does this overlap any of them?".

    Overlapping spans are merged into their hull when added. That keeps every
    answer the same (a span overlaps the hull of two overlapping spans exactly
    when it overlaps one of them) and leaves the stored spans pairwise
    non-overlapping, sorted by start with non-decreasing ends, which is what
    the binary search needs.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``(start, end)`` overlaps a span of the set."""
        # the spans starting before ``end`` form a prefix; their ends do not
        # decrease, so the last of them reaches furthest right
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def free(self, start: int, end: int) -> bool:
        """True when ``(start, end)`` overlaps no span of the set."""
        return not self.overlaps(start, end)

    def add(self, start: int, end: int) -> None:
        """Add a span (``start <= end``), merging it with the spans it overlaps."""
        # overlapping spans: start < end_q and end > start_q; a contiguous run
        lo = bisect_right(self._ends, start)
        hi = bisect_left(self._starts, end)
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
            del self._starts[lo:hi]
            del self._ends[lo:hi]
            self._starts.insert(lo, start)
            self._ends.insert(lo, end)
            return
        self._starts.insert(hi, start)
        self._ends.insert(hi, end)
