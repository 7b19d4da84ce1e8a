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
    # search up to pos, not in a copy of text[:pos] (called once per number)
    return not _NOT_OPENING_RE.search(text, 0, pos)


_NOT_OPENING_RE = re.compile(r"[^\s\"'„“»«(\[–-]")


# Applied in this order, each until nothing changes. A fix never makes a new
# match to the left of the text it changed, so one pass of finditer finds what
# searching again from the start after every fix found (that was quadratic
# for thousands of fixes in one sentence). The last one is that rule's result:
# every run of stops becomes one stop (it was "\.{2}(?!\.)" -> "." repeated,
# which shortened a run by one stop per search).
_SPACE_FIXES = (
    (re.compile(r" {2,}"), " "),
    (re.compile(r" +([,.;:!?)])"), r"\1"),
    (re.compile(r"\( +"), "("),
    (re.compile(r",{2,}"), ","),
    (re.compile(r",\."), "."),
    (re.compile(r"\.{2,}"), "."),
)


def tidy(seg: SegText) -> SegText:
    """Remove double spaces, spaces before punctuation, doubled commas/stops."""
    for rx, repl in _SPACE_FIXES:
        edits = []
        for m in rx.finditer(seg.text):
            new = m.expand(repl)
            if new == m.group():
                break
            edits.append((m.start(), m.end(), new))
        seg = seg.replace_many(edits)
    return seg.strip()
