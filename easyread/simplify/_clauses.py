"""Clause helpers of the sentence splitter: verbs, clitics, segments.

Heuristics without a parser. Slovenian verbs are found through their lemma
(``-ti``/``-či``), English and German ones through short closed lists.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..lang import LanguagePack
from ._enum import is_verb
from ._wordlists import (
    _DE_DETERMINERS,
    _DE_NOT_VERB,
    _EN_PRONOUNS,
    _SL_AUX,
    _SL_CLITICS,
    _SL_FUNCTION,
    _SL_PREPOSITIONS,
)
from .pipeline import Context

_EN_REPORT_RE = re.compile(
    r"\b(?:advise|inform|remind|notify|tell)\s+(?:[a-z]+\s+){0,3}?(?P<that>that),?\s+",
    re.IGNORECASE,
)


_WORD_RE = re.compile(r"[^\W\d_]+|\d+")


def _en_subject(left: str) -> str:
    """A pronoun for the subject of the clause ``left`` ("Tickets ..." -> "They")."""
    words = _words(left)
    if not words:
        return ""
    head = (
        words[1]
        if words[0].lower() in ("the", "a", "an", "our", "your", "this", "these")
        and len(words) > 1
        else words[0]
    )
    if head.lower() in _EN_PRONOUNS or not head[:1].isalpha():
        return ""
    return (
        "They"
        if head.lower().endswith("s") and not head.lower().endswith("ss")
        else "It"
    )


def _outside(text: str) -> list[bool]:
    """For each position: True when not inside brackets or quotes."""
    out, depth, quote = [], 0, False
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in '„»«“"':
            if ch in "„»":
                quote = True
            elif ch in "“«" and quote:
                quote = False
            elif ch == '"':
                quote = not quote
        out.append(depth == 0 and not quote)
    return out


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


class WordIndex:
    """The words of one sentence (as :func:`_words` finds them), indexed.

    The clause finders ask, for every comma of a sentence, questions about
    the text before or after it ("are there 4 words?", "is there a finite
    verb?"). Asking :func:`_words` on ``text[:k]`` and ``text[k:]`` each time
    was quadratic in the number of commas (thousands in hostile text); these
    answers come from one pass and binary searches, and they are the same for
    any ``k``, also one inside a word (that word counts cut at ``k``).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_WORD_RE.finditer(text))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]
        self._seps = [i for i, ch in enumerate(text) if ch in ",;:"]
        self._hits: dict[str, list[int]] = {}
        self._segment_ends: list[int] | None = None

    def count_before(self, k: int) -> int:
        """``len(_words(text[:k]))``."""
        return bisect.bisect_left(self._starts, k)

    def count_from(self, k: int) -> int:
        """``len(_words(text[k:]))``."""
        return len(self._ends) - bisect.bisect_right(self._ends, k)

    def words_from(self, k: int, n: int) -> list[str]:
        """``_words(text[k:])[:n]``."""
        i = bisect.bisect_right(self._ends, k)
        return [
            self.text[max(self._starts[j], k) : self._ends[j]]
            for j in range(i, min(i + n, len(self._ends)))
        ]

    def last_before(self, k: int) -> list[str]:
        """``_words(text[:k])[-1:]``."""
        j = bisect.bisect_left(self._starts, k) - 1
        return [self.text[self._starts[j] : min(self._ends[j], k)]] if j >= 0 else []

    def clause_before(self, k: int) -> str:
        """``re.split(r"[,;:]", text[:k])[-1]``: the text after the last separator."""
        j = bisect.bisect_left(self._seps, k) - 1
        return self.text[self._seps[j] + 1 if j >= 0 else 0 : k]

    def any_before(self, name: str, test: Callable[[str], bool], k: int) -> bool:
        """``test(text[:k])`` for a test that is true when one word passes it.

        ``name`` names the test; the words that pass are found once per name.
        """
        hits = self._passing(name, test)
        if hits and self._ends[hits[0]] <= k:
            return True
        j = bisect.bisect_left(self._starts, k) - 1  # a word cut at k
        return j >= 0 and self._ends[j] > k and test(self.text[self._starts[j] : k])

    def any_from(self, name: str, test: Callable[[str], bool], k: int) -> bool:
        """``test(text[k:])`` for a test that is true when one word passes it."""
        hits = self._passing(name, test)
        if hits and self._starts[hits[-1]] >= k:
            return True
        j = bisect.bisect_right(self._ends, k)  # the first word ending after k
        return (
            j < len(self._starts)
            and self._starts[j] < k
            and test(self.text[k : self._ends[j]])
        )

    def segment_end(self, k: int) -> int:
        """``k + len(_segment_to_comma(text[k:]))``: where the clause from ``k`` ends.

        ``_segment_to_comma`` from every ``k`` read the rest of the sentence
        when a bracket stayed open (quadratic); the ends for all ``k`` come
        from one pass right to left: a separator ends the clause where it is,
        an opening bracket skips to the end of the clause after its closing one.
        """
        ends = self._segment_ends
        if ends is None:
            text, n = self.text, len(self.text)
            close = [n] * n  # the ")" that closes a "(" (n: never closed)
            stack: list[int] = []
            for i, ch in enumerate(text):
                if ch == "(":
                    stack.append(i)
                elif ch == ")" and stack:
                    close[stack.pop()] = i
            ends = [n] * (n + 1)
            for i in range(n - 1, -1, -1):
                ch = text[i]
                if ch in ",;:":
                    ends[i] = i
                elif ch == "(":
                    ends[i] = ends[close[i] + 1] if close[i] < n else n
                else:
                    ends[i] = ends[i + 1]
            self._segment_ends = ends
        return ends[min(max(k, 0), len(ends) - 1)]

    def clause_start(self, k: int) -> int:
        """Where :meth:`clause_before` ``(k)`` starts."""
        j = bisect.bisect_left(self._seps, k) - 1
        return self._seps[j] + 1 if j >= 0 else 0

    def _within(self, a: int, b: int) -> range:
        """The indexes of the words that ``text[a:b]`` holds (maybe cut)."""
        return range(
            bisect.bisect_right(self._ends, a), bisect.bisect_left(self._starts, b)
        )

    def words_between(self, a: int, b: int, n: int | None = None) -> list[str]:
        """``_words(text[a:b])[:n]``."""
        if a >= b:
            return []
        js = self._within(a, b)
        if n is not None:
            js = js[:n]
        return [self.text[max(self._starts[j], a) : min(self._ends[j], b)] for j in js]

    def count_between(self, a: int, b: int) -> int:
        """``len(_words(text[a:b]))``."""
        return len(self._within(a, b)) if a < b else 0

    def any_between(
        self, name: str, test: Callable[[str], bool], a: int, b: int
    ) -> bool:
        """``test(text[a:b])`` for a test that is true when one word passes it."""
        js = self._within(a, b)
        if a >= b or not js:
            return False
        first, last = js[0], js[-1]
        ends = (first, last) if first != last else (first,)
        for j in ends:  # words cut at a or b are tested as cut
            if test(self.text[max(self._starts[j], a) : min(self._ends[j], b)]):
                return True
        hits = self._passing(name, test)
        i = bisect.bisect_right(hits, first)  # a whole word strictly inside
        return i < len(hits) and hits[i] < last

    def _passing(self, name: str, test: Callable[[str], bool]) -> list[int]:
        hits = self._hits.get(name)
        if hits is None:
            hits = self._hits[name] = [
                j
                for j, (a, b) in enumerate(zip(self._starts, self._ends, strict=True))
                if test(self.text[a:b])
            ]
        return hits


def _has_verb(text: str, ctx: Context) -> bool:
    words = _words(text)
    if ctx.lang == "de":
        return any(
            w.islower()
            and w not in _DE_NOT_VERB
            and (w.endswith(("en", "t", "st", "et")) or is_verb(w, ctx.pack))
            for w in words
        )
    return any(is_verb(w, ctx.pack) for w in words)


def _sl_finite(text: str, ctx: Context) -> bool:
    """A Slovenian clause with its own finite verb (not only an l-participle)."""
    for w in _words(text):
        low = w.lower()
        if low in ctx.pack.words.passive_aux:
            return True
        if is_verb(w, ctx.pack) and not low.endswith(("l", "la", "lo", "li", "le")):
            return True
    return False


_SL_PARTICIPLE_RE = re.compile(r"^[a-zčšž]{4,}(?:ljen|jen|en|an)(?:a|o|i|e)?$")


_SL_DATED_PP_RE = re.compile(
    r"^(?P<pp>(?:od|do|v|s|z) [^\W\d_]+, \d{1,2}\. [^\W\d_]+(?: \d{4})?,) "
)


def sl_move_clitics(text: str, pack: LanguagePack | None = None) -> str | None:
    """Put the Slovenian clitics of a clause back in second place; None when unsafe.

    A Slovenian clause cannot start with a clitic. When a split leaves one in
    front, what follows the clitics moves before them: one word (a participle,
    adjective or adverb: ``je dostopna z dvigalom`` -> ``dostopna je z
    dvigalom``) or, with ``pack``, a whole prepositional phrase (``bo zaradi
    del v torek zaprta`` -> ``zaradi del bo v torek zaprta``). Only clusters with
    an auxiliary (je, bo, so ...) are moved: a lone "se" belongs to a verb whose
    auxiliary stayed in the other clause.
    """
    words = text.split(" ")
    k = 0
    while k < len(words) and words[k].lower() in _SL_CLITICS:
        k += 1
    if k == 0 or k >= len(words):
        return None
    if not any(w.lower() in _SL_AUX for w in words[:k]):
        return None
    nxt = words[k]
    core = nxt.rstrip(",.;:")
    rest_text = " ".join(words[k:])
    dated = _SL_DATED_PP_RE.match(rest_text)
    if pack is not None and dated:
        # "bomo od srede, 1. aprila 2026, uvedli" -> "od srede, 1. aprila 2026, bomo uvedli"
        pp = dated.group("pp").rstrip(",")
        after = rest_text[dated.end() :]
        return " ".join([pp + ",", *words[:k]]) + " " + after
    if pack is not None and core.lower() in _SL_PREPOSITIONS and core == nxt:
        j = k + 1
        while j < len(words):
            w = words[j]
            bare = w.strip(",.;:")
            if (
                not bare
                or bare.lower() in _SL_PREPOSITIONS
                or bare.lower() in _SL_CLITICS
            ):
                break
            if bare.isalpha() and bare.islower() and is_verb(bare, pack):
                break
            j += 1
            if w != bare and not (bare.isdigit() and w == bare + "."):
                return None  # a comma or full stop ends the phrase (an ordinal "1." does not)
        if j == k + 1 or j >= len(words):
            return None
        return " ".join([*words[k:j], *words[:k], *words[j:]])
    if core != nxt or not core.isalpha() or not core.islower() or core in _SL_FUNCTION:
        return None
    return " ".join([nxt, *words[:k], *words[k + 1 :]])


def _segment_to_comma(text: str) -> str:
    """The text up to the next comma, semicolon or colon (outside brackets)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in ",;:" and depth == 0:
            return text[:i]
    return text


_NEVER = re.compile(r"(?!)")


_COPULA_RE = {
    "sl": re.compile(
        r"(?P<subj>[A-ZČŠŽ][^\W\d_]*(?: [^\W\d_]+){0,3} )(?P<aux>bo|bodo|je|so)\s+"
    ),
    "en": re.compile(
        r"(?P<subj>[A-Z][^\W\d_]*(?: [^\W\d_]+){0,3} )(?P<aux>is|are|will be|was)\s+"
    ),
    "de": re.compile(
        r"(?P<subj>[A-ZÄÖÜ][^\W\d_]*(?: [^\W\d_]+){0,3} )(?P<aux>ist|sind|wird)\s+"
    ),
}


_PLACE_COPULA = {"sl": "To bo", "en": "It is", "de": "Das ist"}


_WHERE_RE = {
    "sl": re.compile(r"[\s,]*(?P<prep>(?:v|na|pri|pred) )"),
    "en": re.compile(r"[\s,]*(?P<prep>(?:in|at) (?:the |our |St )?[A-Za-z])"),
    "de": re.compile(r"[\s,]*(?P<prep>(?:im|in der|in den|auf dem|vor dem) )"),
}


def _de_verb_position(
    clause: list[str], is_verb_word: Callable[[str], bool]
) -> int | None:
    """Where the finite verb of a German main clause is (after its subject), or None.

    The subject before it may be a pronoun, or capitalised nouns and names with
    determiners ("unsere Ergotherapeutin Frau Sabine Wolf bietet").
    """
    for k, w in enumerate(clause[:7]):
        if is_verb_word(w):
            return k
        if k and not (w[:1].isupper() or w.lower() in _DE_DETERMINERS):
            return None
    return None


def _first_word(text: str) -> str:
    m = _WORD_RE.search(text)
    return m.group() if m else ""
