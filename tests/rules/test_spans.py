"""SpanIndex answers like asking every span, for points and ranges."""

from __future__ import annotations

import itertools
import random

import pytest

from easyread.rules._spans import SpanIndex

CASES = [
    [],
    [(3, 7)],
    [(0, 1), (1, 2)],
    [(5, 10), (0, 20)],  # nested, given out of order
    [(2, 4), (3, 9), (8, 8)],  # overlapping, one empty
    [(4, 6), (4, 5), (4, 9)],  # same start
]


@pytest.mark.parametrize("spans", CASES, ids=str)
def test_matches_asking_every_span(spans: list[tuple[int, int]]) -> None:
    index = SpanIndex(spans)
    assert bool(index) == bool(spans)
    for x in range(-1, 23):
        assert index.holds_point(x) == any(a <= x < b for a, b in spans), x
    for start, end in itertools.combinations_with_replacement(range(-1, 23), 2):
        expected = any(a <= start and end <= b for a, b in spans)
        assert index.holds_range(start, end) == expected, (start, end)


def test_random_spans() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(1, 12)):
            a = rng.randrange(60)
            spans.append((a, a + rng.randrange(15)))
        index = SpanIndex(spans)
        for x in range(70):
            assert index.holds_point(x) == any(a <= x < b for a, b in spans)
            y = x + rng.randrange(6)
            assert index.holds_range(x, y) == any(a <= x and y <= b for a, b in spans)
