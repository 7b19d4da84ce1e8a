"""Addresses and contact details go on their own lines, not in running text.

BITV rule 12: addresses are not written as running text. The same holds for a
row of phone numbers and e-mail addresses at the end of a sentence
(``..., telefon 02 585 20 16, e-pošta prehrana@example.si.`` becomes the lines
``Telefon: 02 585 20 16`` and ``E-pošta: prehrana@example.si``).

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
from ._find import FactHit, find_facts
from ._lang import simplify_data
from ._text import SegText
from ._util import tidy
from .facts import _ADDRESS
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Addresses"]


_NOT_LABEL = frozenset(
    [
        "na",
        "v",
        "po",
        "pod",
        "ali",
        "in",
        "ter",
        "oziroma",
        "unter",
        "per",
        "an",
        "bei",
        "oder",
        "und",
        "at",
        "on",
        "by",
        "or",
        "and",
        "to",
        "from",
    ]
)


def _label_part(text: str, a: int, b: int, facts: list[FactHit]) -> int | None:
    """Where the value starts when ``text[a:b]`` is "label + one contact fact"; else None."""
    inside = [h for h in facts if a <= h.start and h.end <= b]
    if len(inside) != 1:
        return None
    h = inside[0]
    if text[h.end : b].strip(" ."):
        return None
    label = text[a : h.start]
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?\.?", label)
    if len(words) > 3 or any(w.lower().rstrip(".") in _NOT_LABEL for w in words):
        return None
    if re.sub(r"[^\W\d_]+(?:-[^\W\d_]+)?\.?|[\s:]", "", label):
        return None  # something other than words in the label
    return h.start


_POSTCODE_RE = re.compile(r"\b\d{4,5}\s[A-ZČŠŽÄÖÜ]|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")


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
            if block.kind is not BlockKind.PARAGRAPH or block.lead or block.lines:
                blocks.append(block)
                continue
            current: list[SegText] = []
            for sent in block.sentences:
                contact = self._contacts(sent, ctx, rec)
                if contact is not None:
                    rest, lines = contact
                    if rest is not None:
                        current.append(rest)
                    if current:
                        blocks.append(replace(block, sentences=tuple(current)))
                        current = []
                    blocks.append(
                        replace(
                            block, sentences=tuple(lines), role="contact", lines=True
                        )
                    )
                    continue
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
                blocks.append(
                    replace(block, sentences=tuple(lines), role="where", lines=True)
                )
            if current:
                blocks.append(replace(block, sentences=tuple(current)))
        return state.with_blocks(blocks, rec)

    @staticmethod
    def _contacts(
        sent: SegText, ctx: Context, rec: Recorder
    ) -> tuple[SegText | None, list[SegText]] | None:
        """Cut a tail of "label + phone/e-mail/URL" parts off a sentence, one line each."""
        text = sent.text
        body_end = len(text.rstrip().rstrip("."))
        facts = [
            h for h in find_facts(text, ctx.pack) if h.kind in ("phone", "email", "url")
        ]
        if len(facts) < 2:
            return None
        cuts = list(re.finditer(r"[,:]\s*", text[:body_end]))
        for m in cuts:
            commas = [
                c for c in cuts if c.start() > m.start() and text[c.start()] == ","
            ]
            starts = [m.end()] + [c.end() for c in commas]
            ends = [c.start() for c in commas] + [body_end]
            parts = list(zip(starts, ends, strict=True))
            labelled = [_label_part(text, a, b, facts) for a, b in parts]
            if len(parts) >= 2 and all(x is not None for x in labelled):
                left = sent.slice(0, m.start()).strip()
                lines = []
                for (a, b), label_end in zip(parts, labelled, strict=True):
                    assert label_end is not None
                    label = text[a:label_end].strip().rstrip(":")
                    value = sent.slice(label_end, b).strip()
                    if label:
                        head = SegText.synthetic(
                            label[:1].upper() + label[1:] + ": ", sent.offset_at(a)
                        )
                        lines.append(head + value)
                    else:
                        lines.append(value)
                lead = text[m.start()] == ":"
                rest: SegText | None = None
                if left.text:
                    rest = left + SegText.synthetic(
                        ":" if lead else ".", left.offset_at(len(left.text))
                    )
                    if not lead:
                        rest = tidy(rest)
                rec.record(sent.span(m.start(), body_end), text[m.start() : body_end],
                           "\n".join(x.text for x in lines), "contact details on their own lines")  # fmt: skip
                if lead and rest is not None:
                    return None, [
                        rest,
                        *lines,
                    ]  # "Dodatne informacije:" stays on top of its lines
                return rest, lines
        return None

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
            at_end = not text[m.end() :].strip(" .!)")
            if not at_end and not _POSTCODE_RE.search(m.group()):
                continue  # "the Church Hall, 2 Elm Road, from 9 am": a street alone stays in place
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
