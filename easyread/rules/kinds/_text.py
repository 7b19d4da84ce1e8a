"""Helpers the kinds share: phrase matching on words and lemmas, regex caching."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from ...model import TokenKind
from ..base import Unit, Word

__all__ = ["PhraseTable", "compiled", "drop_overlapping", "is_name", "text_words"]


@functools.lru_cache(maxsize=1024)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled regular expression (cached: rules reuse the same patterns)."""
    return re.compile(pattern, flags)


def text_words(unit: Unit) -> list[Word]:
    """The letter words of a unit (no numbers, punctuation, URLs)."""
    return [w for w in unit.tokens if w.kind is TokenKind.WORD]


def is_name(words: Sequence[Word], i: int, lang: str) -> bool:
    """Guess whether ``words[i]`` is a proper name: capitalised, not sentence-initial.

    German capitalises every noun, so there only words in all-caps-free
    capitalised runs after another capitalised word count (``Ana Novak``).
    """
    w = words[i]
    if not w.text[:1].isupper() or i == 0:
        return False
    if lang != "de":
        return True
    prev = words[i - 1].text
    return prev[:1].isupper() and i > 1


class PhraseTable:
    """Single words and multiword phrases, matched on surface forms or lemmas.

    Keys are lower case; a phrase is its words separated by spaces.
    """

    def __init__(self, phrases: Iterable[str], *, lemmas: bool) -> None:
        self.lemmas = lemmas
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            parts = tuple(str(phrase).lower().replace("’", "'").split())
            if parts:
                self._by_first.setdefault(parts[0], []).append(parts)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def _keys(self, w: Word) -> tuple[str, ...]:
        low = w.lower.replace("’", "'")
        return (low, w.lemma) if self.lemmas and w.lemma and w.lemma != low else (low,)

    def find(self, words: Sequence[Word]) -> list[tuple[int, int, str]]:
        """``(first index, last index + 1, phrase)`` of every match, longest first, no overlaps."""
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            found: tuple[int, str] | None = None
            for key in self._keys(words[i]):
                for parts in self._by_first.get(key, ()):
                    n = len(parts)
                    if i + n > len(words):
                        continue
                    if all(parts[j] in self._keys(words[i + j]) for j in range(1, n)):
                        if found is None or n > found[0]:
                            found = (n, " ".join(parts))
                        break
            if found is not None:
                out.append((i, i + found[0], found[1]))
                i += found[0]
            else:
                i += 1
        return out


def drop_overlapping(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the earliest, then longest, of overlapping ``(start, end)`` spans."""
    out: list[tuple[int, int]] = []
    last_end = -1
    for s, e in sorted(spans, key=lambda p: (p[0], -(p[1] - p[0]))):
        if s >= last_end:
            out.append((s, e))
            last_end = e
    return out
