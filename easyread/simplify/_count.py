"""Word counts of the parts of a sentence, from one tokenisation of it.

The sentence splitter counts the words left and right of every cut it tries.
Tokenising ``text[:k]`` and ``text[k:]`` per cut was quadratic (thousands of
semicolons in one sentence); the counts here come from the tokens of the whole
text and re-tokenise only the few characters where a part can differ:

* ``text[:k]``: the token regex has no look-ahead and no anchors, so every
  token of ``text`` that ends at or before ``k`` is also a token of the prefix,
  and the prefix's scan goes on, as the whole text's did, from the first token
  that ends after ``k`` (read with ``endpos=k``: the same as a shorter string);
* ``text[k:]``: the slice is scanned by itself (its start has no character
  before it for the e-mail look-behind) until one of its tokens ends where a
  token of ``text`` ends; from there both scans search from the same place
  and see the same characters, so the rest is counted from ``text``'s tokens.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..lang import LanguagePack
from ..lang._base import _TOKEN_RE, BasePack
from ..model import TokenKind

__all__ = ["WordCounts"]

#: what the e-mail alternative's look-behind ``(?<![\w.+-])`` tests
_EMAIL_BEFORE = re.compile(r"[\w.+-]")

_COUNTED = (TokenKind.WORD, TokenKind.NUMBER)


def _plain(pack: LanguagePack, text: str) -> int:
    return sum(1 for _, _, k in pack.tokenize(text) if k in _COUNTED)


def _words_in(matches: Iterator[re.Match[str]]) -> int:
    return sum(1 for m in matches if m.lastgroup in ("word", "number"))


class WordCounts:
    """``word_count(text[:k])`` and ``word_count(text[k:])`` for one text."""

    def __init__(self, text: str, pack: LanguagePack) -> None:
        self.text = text
        self.pack = pack
        # the shortcut reads the base tokenizer's regex; a pack with its own
        # tokenizer is counted the plain way
        self._exact = type(pack).tokenize is BasePack.tokenize
        tokens = pack.tokenize(text) if self._exact else []
        self._starts = [a for a, _, _ in tokens]
        self._ends = [b for _, b, _ in tokens]
        self._end_at = {b: j for j, b in enumerate(self._ends)}
        self._before = [0]  # words among the first j tokens
        for _, _, kind in tokens:
            self._before.append(self._before[-1] + (kind in _COUNTED))

    def before(self, k: int) -> int:
        """``word_count(text[:k])``."""
        if not self._exact:
            return _plain(self.pack, self.text[:k])
        j = bisect.bisect_right(self._ends, k)  # tokens that end by k
        n = self._before[j]
        if j < len(self._starts) and self._starts[j] < k:
            n += _words_in(_TOKEN_RE.finditer(self.text, self._starts[j], k))
        return n

    def after(self, k: int) -> int:
        """``word_count(text[k:])``."""
        if not self._exact:
            return _plain(self.pack, self.text[k:])
        text = self.text
        n = 0
        total = self._before[-1]
        # the e-mail look-behind reads the character before a token: at k the
        # slice has none, so unless that character could not matter, the
        # slice itself is scanned (a copy; rare in running text)
        if k > 0 and _EMAIL_BEFORE.match(text, k - 1):
            matches, shift = _TOKEN_RE.finditer(text[k:]), k
        else:
            matches, shift = _TOKEN_RE.finditer(text, k), 0
        for m in matches:
            n += m.lastgroup in ("word", "number")
            j = self._end_at.get(shift + m.end())
            if j is not None:
                return n + total - self._before[j + 1]
        return n
