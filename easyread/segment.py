"""Fill blocks with sentences and tokens, using a language pack.

Runs once per block at load time (and again on blocks the simplifier rewrites).
Every token gets its source span and line/column here, so no rule ever does
offset arithmetic.
"""

from __future__ import annotations

from dataclasses import replace

from .lang import LanguagePack
from .model import Block, BlockKind, Sentence, SourceText, Span, Token, TokenKind

__all__ = ["segment_block"]

_NO_TEXT = (BlockKind.CODE, BlockKind.RULE)


def segment_block(source: SourceText, block: Block, pack: LanguagePack) -> Block:
    """Return ``block`` with its sentences and tokens filled in."""
    if block.kind in _NO_TEXT or not block.text.strip():
        return block
    text = block.text
    # Bound once: this loop runs for every token of every document.
    source_span, location = block.source_span, source.location
    lemma, syllables, tokenize = pack.lemma, pack.syllables, pack.tokenize
    word_kind, number_kind = TokenKind.WORD, TokenKind.NUMBER
    sentences = []
    for s_start, s_end in pack.split_sentences(text):
        chunk = text[s_start:s_end]
        tokens = []
        for t_start, t_end, kind in tokenize(chunk):
            span = source_span(s_start + t_start, s_start + t_end)
            word = chunk[t_start:t_end]
            if kind is word_kind:
                clean = word.replace("\u00ad", "")
                tokens.append(
                    Token(
                        word,
                        kind,
                        span,
                        location(span.start),
                        lemma(clean),
                        syllables(clean),
                    )
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


def _number_syllables(number: str) -> int:
    # A number is read aloud as words; count it as one syllable per digit group,
    # a rough but stable figure for the formulas.
    return max(1, sum(1 for part in number.replace(",", ".").split(".") if part))


def block_span_text(source: SourceText, span: Span) -> str:
    """The source text of a span (helper for reports)."""
    return source.text[span.start : span.end]
