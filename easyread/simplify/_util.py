"""Helpers the transforms share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..model import BlockKind
from ._text import SegText
from .pipeline import DraftBlock, Recorder, State

__all__ = ["is_sentence_start", "map_sentences", "match_case", "tidy"]

_TEXT_KINDS = (
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM,
    BlockKind.QUOTE,
)


def map_sentences(
    state: State,
    rec: Recorder,
    fn: Callable[[SegText, DraftBlock], SegText],
    *,
    title: bool = True,
) -> State:
    """Apply ``fn`` to every sentence of every text block (and the title)."""
    blocks = []
    for block in state.blocks:
        if block.kind not in _TEXT_KINDS:
            blocks.append(block)
            continue
        sentences = tuple(fn(s, block) for s in block.sentences)
        blocks.append(
            replace(block, sentences=tuple(s for s in sentences if s.text.strip()))
        )
    new_title = state.title
    if title and state.title is not None:
        heading = DraftBlock(BlockKind.HEADING, (state.title,), level=1)
        new_title = fn(state.title, heading)
    return replace(state.with_blocks(blocks, rec), title=new_title)


def match_case(original: str, new: str) -> str:
    """Give ``new`` the capital first letter of ``original`` (if it had one)."""
    if original[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def is_sentence_start(text: str, pos: int) -> bool:
    """True when only quotes, brackets or spaces come before ``pos``."""
    return not re.search(r"[^\s\"'„“»«(\[–-]", text[:pos])


_SPACE_FIXES = (
    (re.compile(r" {2,}"), " "),
    (re.compile(r" +([,.;:!?)])"), r"\1"),
    (re.compile(r"\( +"), "("),
    (re.compile(r",{2,}"), ","),
    (re.compile(r",\."), "."),
    (re.compile(r"\.{2}(?!\.)"), "."),
)


def tidy(seg: SegText) -> SegText:
    """Remove double spaces, spaces before punctuation, doubled commas/stops."""
    for rx, repl in _SPACE_FIXES:
        while True:
            m = rx.search(seg.text)
            if m is None:
                break
            new = m.expand(repl)
            if new == m.group():
                break
            seg = seg.replace(m.start(), m.end(), new)
    return seg.strip()
