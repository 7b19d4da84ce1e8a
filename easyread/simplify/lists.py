"""Enumerations become lists.

``S seboj prinesite osebni dokument, kartico, zdravila in pokrivalo.`` becomes
a lead line ``S seboj prinesite:`` and one list item per thing. Only
enumerations of at least ``list_min_items`` short items (3 in the strict
profile, 4 in the plain one) that end the sentence are turned into lists; the
items keep their words exactly. List items that came from the source lose a
trailing comma or semicolon.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lang import LanguagePack
from ..model import BlockKind
from ._enum import find_enumeration, is_verb
from ._text import SegText
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Lists"]


@transform
class Lists:
    """Turn inline enumerations of 3 or more items into lists."""

    name = "lists"
    description = "enumerations of 3 or more items become lists"

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        min_items = int(ctx.param("list_min_items", 3))
        next_id = max((b.list_id for b in state.blocks), default=0) + 1
        blocks: list[DraftBlock] = []
        for block in state.blocks:
            if block.kind is BlockKind.LIST_ITEM:
                blocks.append(self._clean_item(block, rec, ctx.pack))
                continue
            if block.kind is not BlockKind.PARAGRAPH or block.lines:
                blocks.append(block)
                continue
            pending: list[SegText] = []
            for sent in block.sentences:
                enum = find_enumeration(sent.text, ctx.pack)
                if enum is None or len(enum.items) < min_items:
                    pending.append(sent)
                    continue
                if pending:
                    blocks.append(replace(block, sentences=tuple(pending)))
                    pending = []
                lead = sent.slice(0, enum.lead_end).strip().strip(",:")
                lead_text = (
                    lead.text + (f" {enum.particle}" if enum.particle else "") + ":"
                )
                lead = lead.replace(0, len(lead.text), lead_text).capitalise()
                blocks.append(replace(block, sentences=(lead,), lead=True))
                items = [sent.slice(a, b).strip() for a, b in enum.items]
                for item in items:
                    blocks.append(
                        DraftBlock(
                            BlockKind.LIST_ITEM,
                            (item,),
                            level=1,
                            list_id=next_id,
                            origin=block.origin,
                        )
                    )
                rec.record(
                    sent.span(),
                    sent.text,
                    lead_text + "".join(f"\n- {i.text}" for i in items),
                    f"enumeration of {len(items)} items made a list",
                )
                next_id += 1
            if pending:
                blocks.append(replace(block, sentences=tuple(pending)))
        return state.with_blocks(blocks, rec)

    @staticmethod
    def _clean_item(block: DraftBlock, rec: Recorder, pack: LanguagePack) -> DraftBlock:
        if not block.sentences:
            return block
        last = block.sentences[-1]
        text = last.text.rstrip()
        fragment = len(block.sentences) == 1 and not any(
            is_verb(w, pack) for w in re.findall(r"[^\W\d_]+", text)
        )
        if text.endswith((",", ";")) or (
            fragment and text.endswith(".") and not text.endswith("..")
        ):
            new = rec.edit(
                last,
                len(text) - 1,
                len(last.text),
                "",
                "list item without a trailing comma or full stop",
            )
            return replace(block, sentences=(*block.sentences[:-1], new))
        return block
