"""Structure: short paragraphs, and question headings for invitations.

For the invitation and activity templates every sentence is sorted under the
question it answers (*Kdaj? Kje? Ali moram plačati? Kaj prinesem? Kako se
prijavim? Koga lahko vprašam?*); sentences that answer none stay at the top,
in their order. A list stays with the sentence that introduces it. Documents
that already have headings keep their own structure.

For every template, paragraphs are cut into blocks of at most
``block_sentences_max`` sentences (3 in the strict profile).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import BlockKind, Span
from ._enum import is_verb
from ._find import find_facts
from ._lang import SimplifyData, simplify_data
from ._text import SegText
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["ROLES", "Structure", "classify"]

#: The questions a sentence can answer.
ROLES = (
    "what",
    "when",
    "where",
    "audience",
    "price",
    "bring",
    "register",
    "contact",
    "other",
)
# Role -> section heading key (easyread/simplify/data/<lang>.yaml `headings`), in
# section order. The invitation and activity templates print date, place,
# price and what to bring from the front matter under their own questions, so
# the body uses other questions there and does not repeat theirs.
_SECTIONS: dict[str, dict[str, str]] = {
    "announcement": {
        "what": "news", "when": "when", "where": "where", "audience": "concerns",
        "price": "price", "bring": "todo", "register": "todo", "contact": "contact", "other": "other",
    },
    "invitation": {
        "what": "what_do", "when": "details", "where": "details", "audience": "details",
        "price": "details", "bring": "details", "register": "register", "contact": "contact", "other": "other",
    },
    "activity": {
        "what": "steps", "when": "details", "where": "details", "audience": "details",
        "price": "details", "bring": "details", "register": "register", "contact": "contact", "other": "other",
    },
}  # fmt: skip
_ADDRESS_RE = re.compile(r"\b\d{4,5}\s[A-ZČŠŽÄÖÜ]|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")


def classify(text: str, ctx: Context, data: SimplifyData) -> str:
    """The question a sentence answers ("" when none)."""
    hits = find_facts(text, ctx.pack)
    kinds = {h.kind for h in hits}
    if kinds & {"phone", "email", "url"}:
        return "register" if data.has_cue("register", text) else "contact"
    if data.has_cue("register", text):
        return "register"
    if "money" in kinds or data.has_cue("price", text):
        return "price"
    if data.has_cue("bring", text):
        return "bring"
    if kinds & {"date", "time"} or data.has_cue("when_words", text):
        return "when"
    if _ADDRESS_RE.search(text) or _is_place(text, ctx, data):
        return "where"
    if data.has_cue("audience", text):
        return "audience"
    return ""


def _is_place(text: str, ctx: Context, data: SimplifyData) -> bool:
    preps = {p.lower() for p in data.cues.get("where_preps", ())}
    words = re.findall(r"[^\W\d_]+", text)
    for i, w in enumerate(words):
        if data.word_is("place", w) and any(
            x.lower() in preps for x in words[max(0, i - 3) : i]
        ):
            return True
    return bool(ctx.facts.address and ctx.facts.address.split(",")[0] in text)


def _continues(block: DraftBlock, ctx: Context) -> bool:
    if not block.sentences:
        return False
    first = re.match(r"[^\W\d_]+", block.sentences[0].text)
    if first is None:
        return False
    word = first.group()
    subject = simplify_data(ctx.lang).relative_subject
    return word == subject or (
        ctx.lang == "sl" and is_verb(word[:1].lower() + word[1:], ctx.pack)
    )


def _is_letter_line(block: DraftBlock, ctx: Context) -> bool:
    """A greeting or a signature: short, no facts to sort ("Lep pozdrav,", "Ihr Team")."""
    if block.kind is not BlockKind.PARAGRAPH or block.lead or block.role:
        return False
    text = block.text.strip()
    if not text or len(text.split()) > (14 if text.endswith((",", "!")) else 9):
        return False
    kinds = {h.kind for h in find_facts(text, ctx.pack)}
    if kinds & {"phone", "email", "url", "date", "time", "money"}:
        return False
    return not text.endswith(".") or (
        len(block.sentences) > 1
        and all(not s.text.endswith(".") for s in block.sentences)
    )


def _greeting_lines(block: DraftBlock) -> tuple[SegText, ...]:
    """ "Liebe A, liebe B, liebe C," -> one greeting per line."""
    if len(block.sentences) != 1:
        return block.sentences
    seg = block.sentences[0]
    first = re.match(r"[^\W\d_]+", seg.text)
    if first is None:
        return block.sentences
    word = re.escape(first.group())
    cuts = [
        m.end() - 0 for m in re.finditer(rf",\s+(?={word}\b)", seg.text, re.IGNORECASE)
    ]
    if not cuts:
        return block.sentences
    out, start = [], 0
    for m in re.finditer(rf",\s+(?={word}\b)", seg.text, re.IGNORECASE):
        out.append(seg.slice(start, m.start() + 1).strip())
        start = m.end()
    out.append(seg.slice(start).strip())
    # each greeting is a line of its own and ends like one: "Liebe Angehörige!"
    lines = []
    for line in out:
        text = line.text.rstrip(",")
        line = line.slice(0, len(text)).capitalise()
        lines.append(line + SegText.synthetic("!", line.offset_at(len(text))))
    return tuple(lines)


def _letter_parts(
    blocks: list[DraftBlock], ctx: Context
) -> tuple[list[DraftBlock], list[DraftBlock], list[DraftBlock]]:
    """Split off a greeting at the top and a closing/signature at the end."""
    start = 0
    if (
        blocks
        and _is_letter_line(blocks[0], ctx)
        and blocks[0].text.rstrip().endswith((",", "!"))
    ):
        start = 1
    end = len(blocks)
    while end > start + 1 and _is_letter_line(blocks[end - 1], ctx):
        end -= 1
    opening = [
        replace(b, lines=True, sentences=_greeting_lines(b)) for b in blocks[:start]
    ]
    closing = [replace(b, lines=True) for b in blocks[end:]]
    body = list(blocks[start:end])
    if (
        opening
        and body
        and body[0].sentences
        and body[0].sentences[0].text[:1].islower()
    ):
        # "Liebe Angehörige," / "am Samstag feiern wir": the greeting now stands alone
        first = body[0].sentences[0].capitalise()
        body[0] = replace(body[0], sentences=(first, *body[0].sentences[1:]))
    return opening, body, closing


def _block_lines(block: DraftBlock) -> int:
    return max(1, len(block.sentences)) if block.kind is not BlockKind.HEADING else 0


def _overflow_headings(
    blocks: list[DraftBlock],
    max_lines: int,
    ctx: Context,
    rec: Recorder,
    attached: frozenset[int] = frozenset(),
    bound: frozenset[int] = frozenset(),
) -> list[DraftBlock]:
    """A part longer than ``max_lines`` lines gets a follow-up question heading.

    A list stays with the line that introduces it; a part is never cut inside a paragraph.
    """
    data = simplify_data(ctx.lang)
    follow = [h for h in data.more_headings if h]
    used = {b.text for b in blocks if b.kind is BlockKind.HEADING}
    groups: list[list[DraftBlock]] = []
    for b in blocks:
        if (
            b.kind is BlockKind.LIST_ITEM
            and groups
            and (groups[-1][-1].lead or groups[-1][-1].kind is BlockKind.LIST_ITEM)
        ):
            groups[-1].append(b)
        else:
            groups.append([b])
    out: list[DraftBlock] = []
    lines = 0
    seen_heading = False
    example = data.label("example")
    prev_start, prev_n = -1, 0  # where the group before this one starts in ``out``
    out_headings: list[str] = []

    def heading_block(at: int) -> DraftBlock:
        last = out_headings[-1] if out_headings else ""
        heading = next(
            (h for h in follow if h not in used), next(h for h in follow if h != last)
        )
        out_headings.append(heading)
        used.add(heading)
        rec.record(
            Span(at, at),
            "",
            f"## {heading}",
            f"heading added: a part should not be longer than {max_lines} lines",
        )
        return DraftBlock(
            BlockKind.HEADING, (SegText.synthetic(heading, at),), level=2, role="other"
        )

    for group in groups:
        first = group[0]
        if first.kind is BlockKind.HEADING:
            lines, seen_heading = 0, True
            prev_start, prev_n = -1, 0
            out.extend(group)
            continue
        n = sum(_block_lines(b) for b in group)
        # an explanation or an example list ("Na primer:") belongs to the text before it
        attached_here = (
            first.role in ("explain", "attached")
            or (first.sentences and first.sentences[0].anchor in bound)
            or (first.lead and first.text.startswith(example))
        )
        if seen_heading and lines and lines + n > max_lines and follow:
            if not attached_here:
                out.append(heading_block(first.anchor))
                lines = 0
            elif prev_start > 0 and lines - prev_n > 0:
                # put the heading before the text the example belongs to
                out.insert(prev_start, heading_block(out[prev_start].anchor))
                lines = prev_n
        prev_start, prev_n = len(out), n
        out.extend(group)
        lines += n
    return out


@dataclass
class _Unit:
    role: str
    blocks: list[DraftBlock]


def _chunk(
    block: DraftBlock, max_sentences: int, max_words: int, ctx: Context
) -> list[DraftBlock]:
    if block.kind is not BlockKind.PARAGRAPH or block.lead or block.lines:
        return [block]
    out: list[DraftBlock] = []
    current: list[SegText] = []
    words = 0
    for s in block.sentences:
        n = len(s.text.split())
        if current and (len(current) >= max_sentences or words + n > max_words):
            out.append(replace(block, sentences=tuple(current)))
            current, words = [], 0
        current.append(s)
        words += n
    if current:
        out.append(replace(block, sentences=tuple(current)))
    return out


@transform
class Structure:
    """Short paragraphs; question headings for invitations."""

    name = "structure"
    description = (
        "short paragraphs; for invitations, headings as questions (Kdaj? Kje? ...)"
    )

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        max_sentences = int(ctx.param("block_sentences_max", 3))
        max_words = int(ctx.param("block_words_max", 40))
        blocks = list(state.blocks)
        has_headings = any(b.kind is BlockKind.HEADING for b in blocks)
        if not has_headings:
            blocks = self._sections(blocks, ctx, rec, state.attached)
        out: list[DraftBlock] = []
        for b in blocks:
            out.extend(_chunk(b, max_sentences, max_words, ctx))
        if not has_headings:
            every = int(ctx.param("heading_every_lines", 5))
            out = _overflow_headings(out, every, ctx, rec, state.attached, state.bound)
        return state.with_blocks(out, rec)

    def _sections(
        self,
        blocks: list[DraftBlock],
        ctx: Context,
        rec: Recorder,
        attached: frozenset[int],
    ) -> list[DraftBlock]:
        opening, blocks, closing = _letter_parts(blocks, ctx)
        return opening + self._body_sections(blocks, ctx, rec, attached) + closing

    def _body_sections(
        self,
        blocks: list[DraftBlock],
        ctx: Context,
        rec: Recorder,
        attached: frozenset[int],
    ) -> list[DraftBlock]:
        data = simplify_data(ctx.lang)
        units: list[_Unit] = []
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.kind is BlockKind.PARAGRAPH and b.lead:
                group = [b]
                j = i + 1
                while j < len(blocks) and blocks[j].kind is BlockKind.LIST_ITEM:
                    group.append(blocks[j])
                    j += 1
                units.append(_Unit(classify(b.text, ctx, data), group))
                i = j
                continue
            if b.role == "explain" and units and b.kind is BlockKind.LIST_ITEM:
                units[-1].blocks.append(b)  # an explanation's list stays with it
            elif b.role in ("explain", "attached"):
                if units:
                    units[-1].blocks.append(b)  # an explanation stays after its word
                else:
                    units.append(_Unit("", [b]))
            elif b.kind is BlockKind.PARAGRAPH and (b.role or b.lines):
                units.append(
                    _Unit(b.role, [b])
                )  # an address block: its lines stay together
            elif b.kind is BlockKind.PARAGRAPH:
                for s in b.sentences:
                    one = replace(b, sentences=(s,), lead=False)
                    if units and s.anchor in attached:
                        # a moved insertion or the second half of a split stays with its sentence
                        units[-1].blocks.append(one)
                        units[-1].role = units[-1].role or classify(s.text, ctx, data)
                    else:
                        units.append(_Unit(classify(s.text, ctx, data), [one]))
            elif b.kind is BlockKind.LIST_ITEM:
                role = units[-1].role if units else ""
                units.append(_Unit(role, [b]))
            else:
                units.append(_Unit("", [b]))
            i += 1
        # A sentence split off another one ("Vključuje: ...", "To bo ...") answers
        # the same question as the sentence before it.
        for k in range(1, len(units)):
            if not units[k].role and _continues(units[k].blocks[0], ctx):
                units[k].role = units[k - 1].role
        sections = _SECTIONS.get(ctx.template, _SECTIONS["announcement"])
        shown = ctx.template in ("invitation", "activity")
        intro_left = int(ctx.param("block_sentences_max", 3))
        by_key: dict[str, list[_Unit]] = {}
        intro: list[_Unit] = []
        for u in units:
            role = u.role or "what"
            if shown and role == "bring" and self._shown_list(u, ctx):
                # the front matter has this list (bring/materials); the template shows it
                first = u.blocks[0].sentences[0] if u.blocks[0].sentences else None
                if first is not None:
                    rec.record(first.span(), " ".join(b.text for b in u.blocks), "",
                               "list moved to the front matter; the template shows it")  # fmt: skip
                continue
            if (
                role == "what"
                and intro_left > 0
                and not by_key
                and u.blocks[0].kind is not BlockKind.LIST_ITEM
            ):
                intro.append(u)
                intro_left -= 1
                continue
            by_key.setdefault(sections.get(role, "other"), []).append(u)
        if not intro and ctx.template in ("invitation", "activity"):
            # the template shows the text before the first heading as "Kaj?": it must not be empty
            for section in by_key.values():
                lead_unit = next(
                    (u for u in section if u.blocks[0].kind is BlockKind.PARAGRAPH),
                    None,
                )
                if lead_unit is not None:
                    intro.append(lead_unit)
                    section.remove(lead_unit)
                    break
            by_key = {k: v for k, v in by_key.items() if v}
        out: list[DraftBlock] = self._merge([b for u in intro for b in u.blocks], "")
        anchor = out[0].anchor if out else 0
        for key in dict.fromkeys(sections.values()):
            section = by_key.get(key) or []
            if not section:
                continue
            heading = data.heading(key)
            if heading:
                at = section[0].blocks[0].anchor or anchor
                out.append(
                    DraftBlock(
                        BlockKind.HEADING,
                        (SegText.synthetic(heading, at),),
                        level=2,
                        role=key,
                    )
                )
                rec.record(
                    Span(at, at),
                    "",
                    f"## {heading}",
                    f"heading added for the question “{heading}”",
                )
            out.extend(self._merge([b for u in section for b in u.blocks], key))
        return out

    @staticmethod
    def _shown_list(unit: _Unit, ctx: Context) -> bool:
        items = [
            b.text.strip().rstrip(".,;")
            for b in unit.blocks
            if b.kind is BlockKind.LIST_ITEM
        ]
        return bool(items) and items == [x.strip() for x in ctx.facts.bring]

    @staticmethod
    def _merge(blocks: list[DraftBlock], role: str) -> list[DraftBlock]:
        """Join single-sentence paragraphs that follow each other into one paragraph."""
        out: list[DraftBlock] = []
        for b in blocks:
            b = b if b.role in ("explain", "attached") else replace(b, role=role)
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.kind is BlockKind.PARAGRAPH
                and b.kind is BlockKind.PARAGRAPH
                and not prev.lead
                and not b.lead
                and not prev.lines
                and not b.lines
            ):
                out[-1] = replace(prev, sentences=prev.sentences + b.sentences)
            else:
                out.append(b)
        return out
