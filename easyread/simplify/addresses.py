"""Addresses go on their own lines, not in running text (BITV rule 12).

``... v čitalnici knjižnice, Glavni trg 2, 9240 Ljutomer.`` becomes
``... v čitalnici knjižnice.`` followed by the address, one part per line::

    Glavni trg 2
    9240 Ljutomer

Only an address set off by a comma (or one the ``insertions`` transform took
out of brackets) is moved: "is located at 12 High Street" keeps its address,
because the sentence needs it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import BlockKind
from ._lang import simplify_data
from ._text import SegText
from ._util import tidy
from .facts import _ADDRESS
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Addresses"]


def _lines(seg: SegText) -> list[SegText]:
    out = []
    start = 0
    for m in re.finditer(r",\s*", seg.text):
        out.append(seg.slice(start, m.start()).strip())
        start = m.end()
    out.append(seg.slice(start).strip())
    return [x for x in out if x.text]


@transform
class Addresses:
    """Move addresses out of sentences onto their own lines."""

    name = "addresses"
    description = "addresses on their own lines, not in running text"

    def run(self, state: State, ctx: Context) -> State:
        rx = _ADDRESS.get(ctx.lang)
        if rx is None:
            return state
        rec = Recorder(self.name, ctx)
        label = simplify_data(ctx.lang).label("address")
        blocks: list[DraftBlock] = []
        for block in state.blocks:
            if block.kind is not BlockKind.PARAGRAPH or block.lead:
                blocks.append(block)
                continue
            current: list[SegText] = []
            for sent in block.sentences:
                found = self._split(sent, rx, label, rec)
                if found is None:
                    current.append(sent)
                    continue
                rest, address = found
                if rest is not None:
                    current.append(rest)
                if current:
                    blocks.append(replace(block, sentences=tuple(current)))
                    current = []
                lines = _lines(address)
                blocks.append(replace(block, sentences=tuple(lines), role="where"))
            if current:
                blocks.append(replace(block, sentences=tuple(current)))
        return state.with_blocks(blocks, rec)

    @staticmethod
    def _split(
        sent: SegText, rx: re.Pattern[str], label: str, rec: Recorder
    ) -> tuple[SegText | None, SegText] | None:
        text = sent.text
        labelled = re.match(rf"{re.escape(label)}:\s+", text)
        if labelled:
            body = sent.slice(labelled.end()).strip().strip(".")
            if rx.fullmatch(body.text.strip()):
                rec.record(sent.span(), text, body.text, "address on its own lines")
                return None, body
            return None
        for m in rx.finditer(text):
            before = text[: m.start()]
            if not re.search(r",\s*$", before):
                continue  # "is located at 12 High Street": the sentence needs it
            cut_start = len(before.rstrip().rstrip(","))
            address = sent.slice(m.start(), m.end()).strip()
            rest = sent.replace(cut_start, m.end(), "")
            rest = tidy(rest).ensure_stop()
            rec.record(
                sent.span(cut_start, m.end()),
                text[cut_start : m.end()],
                "",
                "address on its own lines",
            )
            return rest, address
        return None
