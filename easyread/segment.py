"""Fill blocks with sentences and tokens, using a language pack.

Runs once per block at load time (and again on blocks the simplifier rewrites).
Every token gets its source span and line/column here, so no rule ever does
offset arithmetic.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any, TypeVar

from .lang import LanguagePack
from .model import (
    Block,
    BlockKind,
    Location,
    Sentence,
    SourceText,
    Span,
    Token,
    TokenKind,
)

__all__ = ["segment_block"]

_T = TypeVar("_T")

_NO_TEXT = (BlockKind.CODE, BlockKind.RULE)


def segment_block(source: SourceText, block: Block, pack: LanguagePack) -> Block:
    """Return ``block`` with its sentences and tokens filled in."""
    if block.kind in _NO_TEXT or not block.text.strip():
        return block
    text = block.text
    offsets = block.offsets
    if len(offsets) != len(text):
        # Not one offset per character (a block built by hand): the general
        # mapping of block.source_span handles every case.
        return _segment_general(source, block, pack)
    # This loop runs for every token of every document, so what
    # block.source_span and source.location do is spelled out here for the
    # common case (one offset per character, a non-empty token): four
    # function calls less per token, a fifth of the loading time.
    line_starts = source.line_starts
    bisect_right = bisect.bisect_right
    tokenize = pack.tokenize
    word_info = _word_info(pack)
    word_kind, number_kind = TokenKind.WORD, TokenKind.NUMBER
    make_span, make_location, make_token = _MAKE_SPAN, _MAKE_LOCATION, _MAKE_TOKEN
    sentences = []
    for s_start, s_end in pack.split_sentences(text):
        chunk = text[s_start:s_end]
        tokens = []
        for t_start, t_end, kind in tokenize(chunk):
            first = offsets[s_start + t_start]
            last = offsets[s_start + t_end - 1] + 1
            # Span() checks that last > first; offsets only grow, so this
            # is the one case where the check could fail (and raise).
            span = make_span(first, last) if last > first else Span(first, last)
            line = bisect_right(line_starts, first)
            location = make_location(line, first - line_starts[line - 1] + 1)
            word = chunk[t_start:t_end]
            if kind is word_kind:
                lemma, syllables = word_info(word)
                tokens.append(make_token(word, kind, span, location, lemma, syllables))
            else:
                syll = _number_syllables(word) if kind is number_kind else 0
                tokens.append(make_token(word, kind, span, location, word, syll))
        span = block.source_span(s_start, s_end)
        sentences.append(
            Sentence(
                text=chunk,
                span=span,
                location=source.location(span.start),
                end=source.location(span.end),
                tokens=tuple(tokens),
            )
        )
    return replace(block, sentences=tuple(sentences))


def _maker(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen, slotted dataclass ``cls`` that skips its ``__init__``.

    The generated ``__init__`` of a frozen dataclass sets each field with
    ``object.__setattr__``, looked up and called per field; setting the slots
    through their descriptors takes half the time. Three such objects (span,
    location, token) are made for every token of every document. Fields are
    given positionally and all of them; ``__post_init__`` is not run, so the
    caller checks what it would check.
    """
    setters = [getattr(cls, f.name).__set__ for f in fields(cls)]  # type: ignore[arg-type]
    new = object.__new__
    if len(setters) == 2:
        set_a, set_b = setters

        def make2(a: Any, b: Any) -> _T:
            obj = new(cls)
            set_a(obj, a)
            set_b(obj, b)
            return obj

        return make2
    if len(setters) == 6:
        s1, s2, s3, s4, s5, s6 = setters

        def make6(a: Any, b: Any, c: Any, d: Any, e: Any, f: Any) -> _T:
            obj = new(cls)
            s1(obj, a)
            s2(obj, b)
            s3(obj, c)
            s4(obj, d)
            s5(obj, e)
            s6(obj, f)
            return obj

        return make6
    raise TypeError(f"no fast constructor for {cls.__name__}")  # pragma: no cover


_MAKE_SPAN = _maker(Span)
_MAKE_LOCATION = _maker(Location)
_MAKE_TOKEN = _maker(Token)


def _segment_general(source: SourceText, block: Block, pack: LanguagePack) -> Block:
    """:func:`segment_block` through ``block.source_span`` for any offsets."""
    text = block.text
    source_span, location = block.source_span, source.location
    tokenize = pack.tokenize
    word_info = _word_info(pack)
    word_kind, number_kind = TokenKind.WORD, TokenKind.NUMBER
    sentences = []
    for s_start, s_end in pack.split_sentences(text):
        chunk = text[s_start:s_end]
        tokens = []
        for t_start, t_end, kind in tokenize(chunk):
            span = source_span(s_start + t_start, s_start + t_end)
            word = chunk[t_start:t_end]
            if kind is word_kind:
                lemma, syllables = word_info(word)
                tokens.append(
                    Token(word, kind, span, location(span.start), lemma, syllables)
                )
            else:
                syll = _number_syllables(word) if kind is number_kind else 0
                tokens.append(Token(word, kind, span, location(span.start), word, syll))
        span = source_span(s_start, s_end)
        sentences.append(
            Sentence(
                text=chunk,
                span=span,
                location=location(span.start),
                end=location(span.end),
                tokens=tuple(tokens),
            )
        )
    return replace(block, sentences=tuple(sentences))


def _word_info(pack: LanguagePack) -> Callable[[str], tuple[str, int]]:
    """``word -> (lemma, syllables)`` for ``pack``, soft hyphens left out.

    Kept per pack: the same word forms come back in every sentence, and one
    dictionary lookup replaces the calls through the pack's own caches.
    """
    found = _WORD_INFO.get(id(pack))
    if found is not None and found[0] is pack:
        return found[1]
    lemma, syllables = pack.lemma, pack.syllables
    cache: dict[str, tuple[str, int]] = {}

    def info(word: str) -> tuple[str, int]:
        known = cache.get(word)
        if known is None:
            clean = word.replace("\u00ad", "")
            known = (lemma(clean), syllables(clean))
            if len(cache) >= _WORD_INFO_MAX:
                cache.clear()  # a bound, not an LRU: a rare cost on huge batches
            cache[word] = known
        return known

    _WORD_INFO[id(pack)] = (pack, info)
    return info


#: Per language pack (by id; the pack is kept to check identity): lemma and
#: syllables by word form. Both are pure functions of the word for a pack.
_WORD_INFO: dict[int, tuple[LanguagePack, Callable[[str], tuple[str, int]]]] = {}
_WORD_INFO_MAX = 200_000


def _number_syllables(number: str) -> int:
    # A number is read aloud as words; count it as one syllable per digit group,
    # a rough but stable figure for the formulas.
    return max(1, sum(1 for part in number.replace(",", ".").split(".") if part))


def block_span_text(source: SourceText, span: Span) -> str:
    """The source text of a span (helper for reports)."""
    return source.text[span.start : span.end]
