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
    # every "in"/"und" walked the whole sentence looking for a list
    "joins-without-commas": ("sl", lambda n: "ti in vi " * n + "\n"),
    "joins-without-commas-de": ("de", lambda n: "Sie und du " * n + "\n"),
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


def _enumerations_walking_everything(tokens, lang, max_item_words=2, min_items=3):  # type: ignore[no-untyped-def]
    """The first version of ``enumerations`` (quadratic), kept as the oracle."""
    from easyread.model import TokenKind
    from easyread.rules.kinds._text import LIST_JOINS, Enumeration

    joins = LIST_JOINS.get(lang, frozenset())
    out = []
    done_until = -1
    for k, t in enumerate(tokens):
        if not (t.kind is TokenKind.WORD and t.lower in joins) or k <= done_until:
            continue
        if k + 1 >= len(tokens) or not tokens[k + 1].is_word:
            continue
        end = k + 1
        while end + 1 < len(tokens) and tokens[end + 1].is_word:
            end += 1
        if end - k > max_item_words:
            continue
        items, start, separators = 1, t.start, {k}
        i = k - 1
        group: list = []  # type: ignore[type-arg]
        while i >= 0:
            tok = tokens[i]
            if tok.is_word:
                group.append(tok)
            elif tok.text == "," and group and len(group) <= max_item_words:
                items += 1
                start = group[-1].start
                separators.add(i)
                group = []
            else:
                break
            i -= 1
        if group:
            items += 1
            start = group[min(len(group), max_item_words) - 1].start
        if items < min_items:
            continue
        done_until = end
        out.append(Enumeration(start, tokens[end].end, items, frozenset(separators)))
    return out


@pytest.mark.parametrize("seed", range(300))
def test_enumerations_find_what_walking_everything_found(seed: int) -> None:
    import random

    from easyread.rules.kinds._text import enumerations
    from easyread.rules.units import build_units

    rng = random.Random(seed)
    lang = rng.choice(["sl", "en", "de"])
    vocab = [
        "čaj",
        "kava",
        "tea",
        "Brot",
        "in",
        "ali",
        "and",
        "or",
        "und",
        ",",
        ",",
        ";",
    ]
    text = " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 60))) + ".\n"
    units = build_units(load_text(text, lang=lang, fmt="txt"))
    for unit in units.sentences:
        for max_words, min_items in ((2, 3), (1, 2), (3, 4)):
            assert enumerations(unit.tokens, lang, max_words, min_items) == (
                _enumerations_walking_everything(
                    unit.tokens, lang, max_words, min_items
                )
            ), text
