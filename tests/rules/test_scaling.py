"""The checker grows linearly with the input, also on adversarial text.

Four times the items must take less than eight times as long (linear is about
4, quadratic about 16), best of 3 runs taken in turns, so a busy machine slows
the small and the large input alike. Each input is one long sentence of the
same few words: the shape that turned per-finding work into per-sentence
work before (a glossary word used 2,000 times took 18 s).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from easyread.loader import load_text
from easyread.rules.engine import check_document

GROWTH: dict[str, tuple[str, Callable[[int], str]]] = {
    "glossary-words": (
        "sl",
        lambda n: "Na " + "prireditvi brezplačno, " * n + "konec.\n",
    ),
    "dates-in-a-list": ("sl", lambda n: "Datumi: " + "10. 5. 2024, " * n + "konec.\n"),
    "clock-times": ("de", lambda n: "Kommen Sie " + "um 10:30, " * n + "danke.\n"),
    "commas-and-verbs": ("sl", lambda n: "Pridite, " * n + "\n"),
    "brackets-and-numbers": ("en", lambda n: "We meet (room 12) at 10:00; " * n + "\n"),
    "ordinals": ("sl", lambda n: "1. " * n + "\n"),
}


def _seconds(lang: str, *texts: str) -> list[float]:
    docs = [load_text(t, lang=lang, fmt="txt") for t in texts]
    best = [float("inf")] * len(docs)
    for _ in range(3):
        for k, doc in enumerate(docs):
            start = time.perf_counter()
            check_document(doc, "strict")
            best[k] = min(best[k], time.perf_counter() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(GROWTH))
def test_four_times_the_items_is_not_sixteen_times_the_time(kind: str) -> None:
    lang, make = GROWTH[kind]
    small, large = _seconds(lang, make(500), make(2000))
    ratio = large / max(small, 0.02)
    assert ratio < 8, f"{kind}: 500 items {small:.3f} s, 2,000 items {large:.3f} s"
