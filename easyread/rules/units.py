"""Cut a document into the units rules run on (sentences, blocks, the document).

Token positions are re-expressed relative to each unit's text, so kinds work
with plain string offsets; lemmas and syllables are taken from the tokens the
loader already made (no second lemmatisation).

Easy-read text puts one sentence or one item per line, often without a full
stop (``Kdaj?`` / ``V sredo, 13. maja 2026`` / ``Glavni trg 2`` / ``9240
Ljutomer``). The sentence splitter only sees punctuation, so such lines would
be glued into one long "sentence". A sentence is therefore also cut at a line
break when the next line starts with a capital or a digit and the line before
ends a sentence (``.``, ``!``, ``?``, ``:``) or is a short label ending in a
number or a capitalised word. Wrapped prose (a line ending in a lower-case
word) stays one sentence.
"""

from __future__ import annotations

import itertools

from ..model import Block, BlockKind, Document, Sentence, TokenKind
from .base import DocUnits, Unit, Word

__all__ = ["TEXT_KINDS", "build_units", "line_cuts"]

#: Blocks whose text is read as running text.
TEXT_KINDS = frozenset(
    {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)
_LABEL_MAX_WORDS = 12


def _letters(text: str) -> int:
    """What ``Word`` counts as letters (see ``Word.__new__``)."""
    return len(text) if text.isalpha() else sum(1 for c in text if c.isalpha())


#: Token kinds whose text never holds a letter: numbers are digits (and
#: ``.,:``), punctuation is a fixed set, and a symbol is ``[^\w\s]`` (every
#: letter is ``\w``).
_NO_LETTERS = frozenset({TokenKind.NUMBER, TokenKind.PUNCT, TokenKind.SYMBOL})

# Words are made with tuple.__new__ and every field given: Word.__new__ is a
# Python function that fills in defaults, and units are built for every
# sentence of every document. The fields are the ones Word.__new__ computes.
_make_word = tuple.__new__


def _words(doc: Document, sentence: Sentence) -> tuple[Word, ...]:
    spans = doc.pack.tokenize(sentence.text)
    tokens = sentence.tokens
    if len(spans) == len(tokens):
        # The sentence was segmented from this very text: token n is spans[n].
        text = sentence.text
        out = []
        for (s, e, k), t in zip(spans, tokens, strict=True):
            w = text[s:e]
            if w.isalpha():
                letters = len(w)
            elif k in _NO_LETTERS:
                letters = 0  # digits, punctuation, symbols: none is a letter
            else:
                letters = _letters(w)
            fields = (s, e, w, k, t.lemma, t.syllables, w.lower(), letters)
            out.append(_make_word(Word, fields))
        return tuple(out)
    # The block was segmented by something else (a rebuilt block): redo it.
    out = []
    for s, e, k in spans:
        text = sentence.text[s:e]
        is_word = k.value == "word"
        lemma = doc.pack.lemma(text) if is_word else text
        out.append(
            Word(s, e, text, k, lemma, doc.pack.syllables(text) if is_word else 0)
        )
    return tuple(out)


def _moved(w: Word, shift: int) -> Word:
    """``w`` shifted by ``shift`` characters (its derived fields are copied, not recomputed)."""
    if not shift:
        return w  # immutable: the same word serves the sentence and its block
    return _make_word(Word, (w[0] + shift, w[1] + shift, *w[2:]))


def line_cuts(text: str, words: tuple[Word, ...]) -> list[int]:
    """Offsets in ``text`` where a new line starts a new sentence (see module doc)."""
    cuts = []
    line_start = 0
    pos = text.find("\n")
    while pos != -1:
        before = text[line_start:pos].rstrip()
        rest = text[pos + 1 :]
        after = rest.lstrip(" \t")
        if before and after and (after[0].isupper() or after[0].isdigit()):
            in_line = [w for w in words if line_start <= w.start < pos and w.is_word]
            last = in_line[-1].text if in_line else ""
            label = len(in_line) <= _LABEL_MAX_WORDS and (
                last[:1].isupper() or last[:1].isdigit()
            )
            if before[-1] in ".!?:" or label:
                cuts.append(pos + 1 + len(rest) - len(after))
        line_start = pos + 1
        pos = text.find("\n", pos + 1)
    return cuts


def _split_lines(
    text: str, offset: int, words: tuple[Word, ...]
) -> list[tuple[str, int, tuple[Word, ...]]]:
    """Cut one segmenter sentence at its line-level sentence breaks."""
    cuts = line_cuts(text, words) if "\n" in text else []
    if not cuts:
        return [(text, offset, words)]
    parts = []
    bounds = [0, *cuts, len(text)]
    for a, b in itertools.pairwise(bounds):
        chunk = text[a:b]
        if not chunk.strip():
            continue
        start = a + len(chunk) - len(chunk.lstrip())
        end = a + len(chunk.rstrip())
        own = tuple(
            _moved(w, -start) for w in words if start <= w.start and w.end <= end
        )
        parts.append((text[start:end], offset + start, own))
    return parts


def _sentence_offsets(block: Block) -> list[int]:
    offsets = []
    cursor = 0
    for s in block.sentences:
        pos = block.text.find(s.text, cursor)
        if pos < 0:
            pos = cursor
        offsets.append(pos)
        cursor = pos + len(s.text)
    return offsets


# The units of the last document asked for. check_document and
# metrics.document_stats both need them for the same document (the CLI asks
# for both), and a Document is immutable, so the second caller reuses them.
_last: tuple[Document, DocUnits] | None = None


def build_units(doc: Document) -> DocUnits:
    """All sentence, block, image and document units of ``doc``."""
    global _last
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    units = _build_units(doc)
    _last = (doc, units)
    return units


def _build_units(doc: Document) -> DocUnits:
    sentences: list[Unit] = []
    blocks: list[Unit] = []
    images: list[Unit] = []
    for bi, block in enumerate(doc.blocks):
        if block.kind is BlockKind.IMAGE:
            images.append(
                Unit("image", block.text, block, 0, index=len(images), block_index=bi)
            )
            continue
        if block.kind not in TEXT_KINDS or not block.text.strip():
            continue
        own: list[Unit] = []
        pairs = zip(block.sentences, _sentence_offsets(block), strict=True)
        for sentence, offset in pairs:
            for text, start, words in _split_lines(
                sentence.text, offset, _words(doc, sentence)
            ):
                unit = Unit(
                    "sentence",
                    text,
                    block,
                    start,
                    words,
                    index=len(sentences),
                    block_index=bi,
                )
                sentences.append(unit)
                own.append(unit)
        if len(own) == 1 and not own[0].offset:
            # One sentence at the start of the block (a heading, a list
            # item): its words are the block's, unmoved.
            tokens = own[0].tokens
        else:
            tokens = tuple(_moved(w, u.offset) for u in own for w in u.tokens)
        blocks.append(
            Unit(
                "block",
                block.text,
                block,
                0,
                tokens,
                tuple(own),
                index=len(blocks),
                block_index=bi,
            )
        )
    document = Unit("document", "", None, 0, (), tuple(sentences))
    return DocUnits(tuple(sentences), tuple(blocks), tuple(images), document)
