"""Turn a loaded document into the simplifier's first draft state.

Every sentence becomes a :class:`SegText` that keeps its source offsets. A
paragraph of a ``.txt`` file whose lines start with ``-`` or ``*`` is a list;
the first heading becomes the title (front matter), not a body line.
"""

from __future__ import annotations

import re

from ..lang import LanguagePack
from ..model import Block, BlockKind, Document
from ._text import SegText
from .pipeline import DraftBlock, State

__all__ = ["build_state", "split_sentences"]

_BULLET_RE = re.compile(r"^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+")


def split_sentences(seg: SegText, pack: LanguagePack) -> list[SegText]:
    """Sentences of a text; a sentence split inside brackets is joined again."""
    seg = seg.collapse_space()
    parts = [seg.slice(s, e) for s, e in pack.split_sentences(seg.text)]
    out: list[SegText] = []
    for p in parts:
        prev = out[-1].text if out else ""
        broken = (
            bool(out)
            and (
                prev.count("(") > prev.count(")")
                # "Mo.–Fr. 8:00" or "ok. 1 uro": an abbreviation the splitter did not know
                or (
                    re.search(r"(?:^|[\s–(-])[^\W\d_]{1,4}\.$", prev) is not None
                    and p.text[:1].isdigit()
                )
                or p.text[:1].islower()
            )
        )
        if broken:
            gap_start = len(out[-1].text)
            joined = out[-1] + SegText.synthetic(" ", out[-1].offset_at(gap_start)) + p
            out[-1] = joined
        else:
            out.append(p)
    return [p for p in out if p.text.strip()]


def _bullet_lines(block: Block) -> list[tuple[int, int, bool]] | None:
    """Lines of a plain-text paragraph as (start, end, is_bullet); None if no list."""
    lines = []
    pos = 0
    for line in block.text.split("\n"):
        lines.append((pos, pos + len(line), bool(_BULLET_RE.match(line))))
        pos += len(line) + 1
    if sum(1 for _, _, b in lines if b) < 2:
        return None
    return lines


def _list_blocks(
    block: Block, index: int, list_id: int, pack: LanguagePack
) -> list[DraftBlock]:
    lines = _bullet_lines(block)
    assert lines is not None
    out: list[DraftBlock] = []
    lead: list[SegText] = []
    items: list[SegText] = []
    for start, end, is_bullet in lines:
        seg = SegText.from_block(block, start, end)
        if is_bullet:
            m = _BULLET_RE.match(seg.text)
            items.append(seg.slice(m.end() if m else 0))
        elif items:
            items[-1] = (
                items[-1]
                + SegText.synthetic(" ", items[-1].offset_at(len(items[-1])))
                + seg
            )
        else:
            lead.append(seg)
    if lead:
        text = lead[0]
        for more in lead[1:]:
            text = text + SegText.synthetic(" ", text.offset_at(len(text))) + more
        sentences = split_sentences(text, pack)
        if sentences and sentences[-1].text.rstrip().endswith(":"):
            if len(sentences) > 1:
                out.append(
                    DraftBlock(BlockKind.PARAGRAPH, tuple(sentences[:-1]), origin=index)
                )
            out.append(
                DraftBlock(
                    BlockKind.PARAGRAPH, (sentences[-1],), origin=index, lead=True
                )
            )
        elif sentences:
            out.append(DraftBlock(BlockKind.PARAGRAPH, tuple(sentences), origin=index))
    for item in items:
        out.append(
            DraftBlock(
                BlockKind.LIST_ITEM,
                tuple(split_sentences(item, pack)),
                level=1,
                list_id=list_id,
                origin=index,
            )
        )
    return out


def build_state(doc: Document) -> State:
    """The draft before any transform: the source's blocks and sentences."""
    pack = doc.pack
    blocks: list[DraftBlock] = []
    title: SegText | None = None
    if doc.meta.title:
        title = SegText.synthetic(doc.meta.title, doc.body_start)
    list_id = max((b.list_id for b in doc.blocks), default=0) + 1
    for i, block in enumerate(doc.blocks):
        kind = block.kind
        if kind is BlockKind.RULE:
            continue
        seg = SegText.from_block(block)
        if kind is BlockKind.HEADING and not blocks:
            heading = seg.collapse_space()
            if title is None:
                title = heading
                continue
            if heading.text.strip() == title.text.strip():
                title = heading  # the title, written again as the first heading
                continue
        if kind is BlockKind.IMAGE:
            blocks.append(DraftBlock(kind, (seg,), origin=i, src=block.src))
            continue
        if kind is BlockKind.CODE:
            blocks.append(DraftBlock(kind, (seg,), origin=i))
            continue
        if kind is BlockKind.PARAGRAPH and _bullet_lines(block) is not None:
            blocks.extend(_list_blocks(block, i, list_id, pack))
            list_id += 1
            continue
        if kind is BlockKind.HEADING:
            blocks.append(
                DraftBlock(kind, (seg.collapse_space(),), level=block.level, origin=i)
            )
            continue
        sentences = split_sentences(seg, pack)
        if not sentences:
            continue
        blocks.append(
            DraftBlock(
                kind,
                tuple(sentences),
                level=block.level,
                ordered=block.ordered,
                list_id=block.list_id,
                origin=i,
            )
        )
    return State(blocks=tuple(blocks), title=title)
