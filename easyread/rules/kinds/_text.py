"""Helpers the kinds share: phrase matching on words and lemmas, regex caching."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ...model import TokenKind
from ..base import Unit, Word

__all__ = [
    "PhraseTable",
    "compiled",
    "drop_overlapping",
    "is_name",
    "text_words",
    "word_keys",
]


@functools.lru_cache(maxsize=1024)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled regular expression (cached: rules reuse the same patterns)."""
    return re.compile(pattern, flags)


def text_words(unit: Unit) -> tuple[Word, ...]:
    """The letter words of a unit (no numbers, punctuation, URLs)."""
    return unit.letter_words


def is_name(
    words: Sequence[Word], i: int, lang: str, names: frozenset[str] = frozenset()
) -> bool:
    """Guess whether ``words[i]`` is a proper name.

    Capitalised inside a sentence (sl, en), or capitalised at its start and
    followed by another capitalised word (``Priya Shah``, ``Anytown Health
    Centre``), or known as a name from elsewhere in the document (``names``).
    German capitalises every noun, so there a word inside a sentence counts
    only after another capitalised word (``Ana Novak``).
    """
    w = words[i]
    if not w.text[:1].isupper():
        return False
    if w.lower in names:
        return True
    nxt = words[i + 1].text if i + 1 < len(words) else ""
    if i == 0:
        return lang != "de" and nxt[:1].isupper()
    if lang != "de":
        return True
    return words[i - 1].text[:1].isupper() and i > 1


def document_names(ctx: Any) -> frozenset[str]:
    """Lower-case words used as names somewhere in the document (cached per check)."""
    key = "names"
    if key in ctx.cache:
        return ctx.cache[key]  # type: ignore[no-any-return]
    names: set[str] = set()
    meta = ctx.doc.meta
    for field in (meta.place, meta.address, meta.organiser, meta.contact.name):
        names.update(
            p.lower() for p in re.findall(r"[^\W\d_]+", field) if p[:1].isupper()
        )
    for sentence in ctx.units.sentences:
        words = text_words(sentence)
        for i in range(1, len(words)):
            if is_name(words, i, ctx.lang):
                names.add(words[i].lower)
    result = frozenset(names)
    ctx.cache[key] = result
    return result


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
        self._firsts = frozenset(self._by_first)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def _keys(self, w: Word) -> tuple[str, ...]:
        low = w.lower.replace("’", "'") if "’" in w.lower else w.lower
        return (low, w.lemma) if self.lemmas and w.lemma and w.lemma != low else (low,)

    def find(
        self, words: Sequence[Word], keys: AbstractSet[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """``(first index, last index + 1, phrase)`` of every match, longest first, no overlaps.

        ``keys`` may give every form and lemma of ``words`` (:func:`word_keys`):
        a table none of whose phrases starts with one of them is skipped at
        once, and otherwise only the words with one of those keys are tried.
        """
        if keys is not None:
            starts = self._firsts.intersection(keys)
            if not starts:
                return []
            # A superset of the words a phrase can start at (a word with "’"
            # is tried whatever its key); each is checked as before.
            candidates: Iterable[int] = [
                i
                for i, w in enumerate(words)
                if w.lower in starts or w.lemma in starts or "’" in w.lower
            ]
        else:
            candidates = range(len(words))
        out: list[tuple[int, int, str]] = []
        by_first = self._by_first
        lemmas = self.lemmas
        free = 0  # matches do not overlap: the next one starts here or later
        for i in candidates:
            if i < free:
                continue
            # Almost no word starts a phrase: look the word up before building
            # its keys (the same keys as ``_keys``).
            w = words[i]
            low = w.lower.replace("’", "'") if "’" in w.lower else w.lower
            if low not in by_first and not (
                lemmas and w.lemma and w.lemma != low and w.lemma in by_first
            ):
                continue
            found: tuple[int, str] | None = None
            for key in self._keys(w):
                for parts in by_first.get(key, ()):
                    n = len(parts)
                    if i + n > len(words):
                        continue
                    if all(parts[j] in self._keys(words[i + j]) for j in range(1, n)):
                        if found is None or n > found[0]:
                            found = (n, " ".join(parts))
                        break
            if found is not None:
                out.append((i, i + found[0], found[1]))
                free = i + found[0]
        return out


def word_keys(unit: Unit, ctx: Any) -> frozenset[str]:
    """Every lower-case form and lemma of the unit's letter words (kept per check).

    Many phrase tables look at every sentence; one set test tells most of
    them that no phrase can start there (see :meth:`PhraseTable.find`).
    """
    key = ("word_keys", id(unit))
    found = ctx.shared.get(key)
    if found is None:
        keys: set[str] = set()
        for w in unit.letter_words:
            keys.add(w.lower.replace("’", "'") if "’" in w.lower else w.lower)
            keys.add(w.lemma)
        found = ctx.shared[key] = frozenset(keys)
    return found  # type: ignore[no-any-return]


def drop_overlapping(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the earliest, then longest, of overlapping ``(start, end)`` spans."""
    out: list[tuple[int, int]] = []
    last_end = -1
    for s, e in sorted(spans, key=lambda p: (p[0], -(p[1] - p[0]))):
        if s >= last_end:
            out.append((s, e))
            last_end = e
    return out


#: Words that join the last item of an enumeration.
LIST_JOINS: dict[str, frozenset[str]] = {
    "sl": frozenset({"in", "ter", "ali"}),
    "en": frozenset({"and", "or"}),
    "de": frozenset({"und", "oder", "sowie"}),
}


@dataclass(frozen=True, slots=True)
class Enumeration:
    """Items listed inside a sentence: ``[start, end)`` and the separator tokens."""

    start: int
    end: int
    items: int
    separators: frozenset[int]  # token indices of its commas and final conjunction


def enumerations(
    tokens: Sequence[Word], lang: str, max_item_words: int = 2, min_items: int = 3
) -> list[Enumeration]:
    """Find ``a, b and c`` enumerations of at least ``min_items`` items.

    Walking back from each *and/in/und*, comma-separated groups of at most
    ``max_item_words`` words are items; the first item may be longer (it starts
    where the enumeration starts), the last must end the sentence or be
    followed by punctuation. Clauses joined by "and" have longer parts and are
    not taken for a list.
    """
    joins = LIST_JOINS.get(lang, frozenset())
    out: list[Enumeration] = []
    done_until = -1
    run_end: list[int] | None = None
    for k, t in enumerate(tokens):
        if not (t.kind is TokenKind.WORD and t.lower in joins) or k <= done_until:
            continue
        if k + 1 >= len(tokens) or not tokens[k + 1].is_word:
            continue
        if run_end is None:
            # run_end[i]: the last word of the run of words from i on. Walking
            # forward from every "and" was quadratic on "ti in vi ti in vi ...".
            run_end = list(range(len(tokens)))
            for i in range(len(tokens) - 2, -1, -1):
                if tokens[i + 1].is_word:
                    run_end[i] = run_end[i + 1]
        # The last item ends at punctuation or the end of the sentence within
        # max_item_words words: "... and we drink tea" is a clause, not an item.
        end = run_end[k + 1]
        if end - k > max_item_words:
            continue
        items, start, separators = 1, t.start, {k}
        i = k - 1
        group: list[Word] = []
        while i >= 0:
            tok = tokens[i]
            if tok.is_word:
                group.append(tok)
                if len(group) > max_item_words:
                    # too long for an item: only the first item can be, and
                    # its start is already known (walking on was quadratic)
                    break
            elif tok.text == "," and group and len(group) <= max_item_words:
                items += 1
                start = group[-1].start
                separators.add(i)
                group = []
            else:
                break
            i -= 1
        if group:  # the first item
            items += 1
            start = group[min(len(group), max_item_words) - 1].start
        if items < min_items:
            continue
        done_until = end
        out.append(Enumeration(start, tokens[end].end, items, frozenset(separators)))
    return out


def unit_enumerations(
    unit: Unit, ctx: Any, max_item_words: int = 2, min_items: int = 3
) -> list[Enumeration]:
    """:func:`enumerations` of ``unit.tokens``, kept per check (one-idea and inline-lists both need them)."""
    key = ("enumerations", id(unit), ctx.lang, max_item_words, min_items)
    found = ctx.shared.get(key)
    if found is None:
        found = ctx.shared[key] = enumerations(
            unit.tokens, ctx.lang, max_item_words, min_items
        )
    return found  # type: ignore[no-any-return]


# "X je ...", "X means ...": a later sentence that says what X is.
_DEFINES = {
    "sl": frozenset({"je", "so", "pomeni", "pomenijo"}),
    "en": frozenset({"is", "are", "means", "mean"}),
    "de": frozenset({"ist", "sind", "bedeutet", "heißt", "bedeuten"}),
}
# Inside the sentence that uses the word only an explicit "means" counts:
# "Udeležba je obvezna." uses the word, it does not explain it.
_MEANS = frozenset(
    {"pomeni", "pomenijo", "means", "mean", "bedeutet", "heißt", "bedeuten"}
)


# "X: ..." (str.isspace and \s agree on what a space is)
_COLON_AFTER = re.compile(r"\s*:")


def _explains(sentence: Unit, lemma: str, lang: str, *, same: bool) -> bool:
    words = text_words(sentence)
    first = lemma.split()[0]
    defines = _MEANS if same else _DEFINES.get(lang, frozenset())
    text = sentence.text
    for i, w in enumerate(words):
        if first not in (w.lower, w.lemma):
            continue
        # match at the word's end: slicing off the rest of the sentence for
        # every use made a long sentence of one repeated word cubic
        if any(x.lower in defines for x in words[i + 1 : i + 5]) or _COLON_AFTER.match(
            text, w.end
        ):
            return True
    return False


def _explains_cached(sentence: Unit, lemma: str, ctx: Any, *, same: bool) -> bool:
    # Every use of a glossary word asks the same question of its sentence
    # (2,000 uses of one word in one sentence: 18 s before this cache).
    key = ("explains", id(sentence), lemma, ctx.lang, same)
    found = ctx.shared.get(key)
    if found is None:
        found = ctx.shared[key] = _explains(sentence, lemma, ctx.lang, same=same)
    return found  # type: ignore[no-any-return]


def is_explained(
    unit: Unit, lemma: str, ctx: Any, window: int = 2, *, definition: bool = False
) -> bool:
    """True when the text says what ``lemma`` means, in ``unit`` or the next ``window`` sentences.

    "Čitalnica je soba za branje." after "V čitalnici knjižnice." explains it;
    in the sentence that uses the word only "X pomeni / means / heißt" or
    "X: ..." counts, unless ``definition`` is true (then the defining sentence
    itself is fine too: the word may stay there).
    """
    if _explains_cached(unit, lemma, ctx, same=not definition):
        return True
    following = ctx.units.sentences[unit.index + 1 : unit.index + 1 + window]
    return any(_explains_cached(s, lemma, ctx, same=False) for s in following)
