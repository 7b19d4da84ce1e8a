"""Cut a document into the units rules run on (sentences, blocks, the document).

Token positions are re-expressed relative to each unit's text, so kinds work
with plain string offsets; lemmas and syllables are taken from the tokens the
loader already made (no second lemmatisation).
"""

from __future__ import annotations

from ..model import Block, BlockKind, Document, Sentence
from .base import DocUnits, Unit, Word

__all__ = ["TEXT_KINDS", "build_units"]

#: Blocks whose text is read as running text.
TEXT_KINDS = frozenset(
    {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)


def _words(doc: Document, sentence: Sentence) -> tuple[Word, ...]:
    spans = doc.pack.tokenize(sentence.text)
    tokens = sentence.tokens
    if len(spans) == len(tokens):
        return tuple(
            Word(s, e, sentence.text[s:e], k, t.lemma, t.syllables)
            for (s, e, k), t in zip(spans, tokens, strict=True)
        )
    # The block was segmented by something else (a rebuilt block): redo it.
    out = []
    for s, e, k in spans:
        text = sentence.text[s:e]
        is_word = k.value == "word"
        out.append(
            Word(
                s,
                e,
                text,
                k,
                doc.pack.lemma(text) if is_word else text,
                doc.pack.syllables(text) if is_word else 0,
            )
        )
    return tuple(out)


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


def build_units(doc: Document) -> DocUnits:
    """All sentence, block, image and document units of ``doc``."""
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
        for sentence, offset in zip(
            block.sentences, _sentence_offsets(block), strict=True
        ):
            unit = Unit(
                "sentence", sentence.text, block, offset, _words(doc, sentence),
                index=len(sentences), block_index=bi,
            )  # fmt: skip
            sentences.append(unit)
            own.append(unit)
        tokens = tuple(
            Word(
                w.start + u.offset,
                w.end + u.offset,
                w.text,
                w.kind,
                w.lemma,
                w.syllables,
            )
            for u in own
            for w in u.tokens
        )
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
