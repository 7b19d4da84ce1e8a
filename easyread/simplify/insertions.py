"""Insertions in brackets and between dashes become their own sentence.

Easy-read texts have no bracketed insertions (BITV rule 6). Nothing in the
brackets is thrown away: the insertion becomes the next sentence
(``... v čitalnici (Glavni trg 2, 9240 Ljutomer).`` -> ``... v čitalnici.
Naslov: Glavni trg 2, 9240 Ljutomer.``); examples become ``Na primer: ...``;
a short insertion in a list item is set off with a comma instead.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import BlockKind
from ._find import find_facts
from ._lang import simplify_data
from ._spans import SpanSet
from ._text import SegText
from ._util import tidy
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Insertions"]

_EXAMPLE_RE = re.compile(
    r"^(?:npr\.|na primer|z\.\s?B\.|zum Beispiel|e\.g\.|eg|for example|such as|etwa)[:,]?\s+",
    re.IGNORECASE,
)
_ADDRESS_RE = re.compile(
    r"\b\d{4,5}\s[A-ZČŠŽÄÖÜ]|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
    r"|\b(?:trg|ulica|cesta|straße|strasse|weg|platz|Street|Road|Lane|Avenue)\s\d+"
)
_SPACES_RE = re.compile(r"\s*")
# only stops and spaces up to the end: e >= len(text.rstrip(".!? "))
_STOPS_TO_END_RE = re.compile(r"[.!? ]*\Z")
_DASH_RE = re.compile(r"\s[–—]\s(?P<c>[^–—]{3,}?)\s[–—]\s|\s-\s(?P<c2>[^-]{3,}?)\s-\s")


def _brackets(text: str) -> list[tuple[int, int]]:
    """Top-level ``(...)`` pairs as (open, close+1)."""
    out, depth, start = [], 0, -1
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _keep(text: str, s: int, e: int, urls: SpanSet) -> bool:
    """True for brackets that are not insertions: "(0)", "Bewohner(innen)", inside URLs."""
    inner = text[s + 1 : e - 1].strip()
    if not inner or re.fullmatch(r"[\d\s]*", inner):
        return True
    if s > 0 and text[s - 1].isalpha():
        return True
    return urls.overlaps(s, s + 1)  # us <= s < ue for one of them


def _fragments(content: SegText, ctx: Context) -> list[SegText] | None:
    """Short comma-separated parts without a verb ("Linie 2, Haltestelle Wiesenweg, 3 Minuten Fußweg")."""
    from ._enum import is_verb

    parts = []
    start = 0
    for m in re.finditer(r",\s*", content.text):
        parts.append(content.slice(start, m.start()).strip())
        start = m.end()
    parts.append(content.slice(start).strip())
    if len(parts) < 3:
        return None
    for p in parts:
        words = re.findall(r"[^\W\d_]+|\d+", p.text)
        if not words or len(words) > 4 or any(is_verb(w, ctx.pack) for w in words):
            return None
    return [p.capitalise() for p in parts]


@transform
class Insertions:
    """Move insertions in brackets or dashes into their own sentence."""

    name = "insertions"
    description = "insertions in brackets or between dashes become their own sentence"

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        blocks = []
        for block in state.blocks:
            if (
                block.kind
                not in (
                    BlockKind.PARAGRAPH,
                    BlockKind.LIST_ITEM,
                    BlockKind.QUOTE,
                )
                or block.lines
            ):
                blocks.append(block)
                continue
            out: list[SegText] = []
            for sent in block.sentences:
                lines: list[list[SegText]] = []
                out.extend(self._sentence(sent, block, ctx, rec, lines))
                if lines and block.kind is not BlockKind.LIST_ITEM:
                    blocks.append(replace(block, sentences=tuple(out)))
                    for group in lines:
                        blocks.append(
                            DraftBlock(
                                BlockKind.PARAGRAPH,
                                tuple(group),
                                origin=block.origin,
                                role="attached",
                                lines=True,
                            )
                        )
                    out = []
            if out:
                blocks.append(replace(block, sentences=tuple(out)))
        return state.with_blocks(blocks, rec)

    def _sentence(
        self,
        seg: SegText,
        block: DraftBlock,
        ctx: Context,
        rec: Recorder,
        lines: list[list[SegText]] | None = None,
    ) -> list[SegText]:
        text = seg.text
        # SpanSets, not lists scanned per bracket: quadratic on hostile text
        urls = SpanSet(
            (h.start, h.end)
            for h in find_facts(text, ctx.pack)
            if h.kind in ("url", "email")
        )
        found: list[
            tuple[int, int, int, int]
        ] = []  # (start, end, content start, content end)
        for s, e in _brackets(text):
            if not _keep(text, s, e, urls):
                found.append((s, e, s + 1, e - 1))
        found_spans = SpanSet((s, e) for s, e, _, _ in found)
        for m in _DASH_RE.finditer(text):
            g = "c" if m.group("c") else "c2"
            if found_spans.overlaps(m.start(), m.end()):
                continue
            content = m.group(g)
            if re.search(r"[^\W\d_]", content) and len(content.split()) >= 2:
                found.append((m.start(), m.end(), m.start(g), m.end(g)))
                found_spans.add(m.start(), m.end())
        if not found:
            return [seg]
        extra: list[SegText] = []
        for s, e, cs, ce in sorted(found, reverse=True):
            content = seg.slice(cs, ce).strip()
            is_dash = text[s] != "("
            # the first character after the insertion and its spaces (no copy)
            after = _SPACES_RE.match(text, e).end()  # type: ignore[union-attr]
            at_boundary = after == len(text) or text[after] in ",.;:!?"
            short = len(content.text.split()) <= 2
            example = _EXAMPLE_RE.match(content.text) is not None
            in_item = block.kind is BlockKind.LIST_ITEM and (short or not example)
            if in_item or (short and (at_boundary or is_dash)):
                if is_dash:
                    new = ", " + content.text + ", "
                else:
                    new = (
                        ", "
                        + content.text
                        + ("," if not _STOPS_TO_END_RE.match(text, e) else "")
                    )
                seg = rec.edit(
                    seg,
                    self._left(text, s),
                    e,
                    new,
                    "insertion set off with commas instead of brackets",
                )
                text = seg.text
                continue
            parts = _fragments(content, ctx)
            if (
                parts is not None
                and lines is not None
                and block.kind is not BlockKind.LIST_ITEM
            ):
                # "(Linie 2, Haltestelle Wiesenweg, ca. 3 Min. Fußweg)": one line each
                lines.insert(0, parts)
                rec.record(
                    seg.span(s, e),
                    text[s:e],
                    "\n".join(p.text for p in parts),
                    "insertion as lines of its own",
                )
                seg = seg.replace(
                    self._left(text, s),
                    e if not is_dash else e - 1,
                    " " if is_dash else "",
                )
                text = seg.text
                continue
            sentence = self._as_sentence(content, ctx)
            rec.bind(sentence)
            cut_start = self._left(text, s)
            cut_end = e if not is_dash else e - 1
            replacement = " " if is_dash else ""
            rec.record(
                seg.span(s, e),
                text[s:e],
                sentence.text,
                "insertion moved into its own sentence",
            )
            seg = seg.replace(cut_start, cut_end, replacement)
            text = seg.text
            extra.insert(0, sentence)
        seg = tidy(seg)
        if block.kind is not BlockKind.LIST_ITEM or extra:
            seg = (
                seg.ensure_stop()
            )  # a list item with a second sentence needs its full stop
        return [seg, *extra]

    @staticmethod
    def _left(text: str, s: int) -> int:
        while s > 0 and text[s - 1] == " ":
            s -= 1
        return s

    @staticmethod
    def _as_sentence(content: SegText, ctx: Context) -> SegText:
        data = simplify_data(ctx.lang)
        m = _EXAMPLE_RE.match(content.text)
        if m:
            label = data.label("example")
            body = content.slice(m.end())
            out = SegText.synthetic(f"{label}: ", content.anchor) + body
        elif _ADDRESS_RE.search(content.text) and ":" not in content.text:
            out = (
                SegText.synthetic(f"{data.label('address')}: ", content.anchor)
                + content
            )
        else:
            out = content.capitalise()
        return tidy(out).ensure_stop()
