"""Split long sentences at safe clause boundaries, one sentence per line.

Safe boundaries (``_cuts.py``), never inside quotes or brackets:

* a semicolon (always, also in short sentences); a colon before a whole clause;
* a comma + coordinating conjunction that joins two clauses (sl ``, ampak``,
  ``, zato``; en ``, and we``; de ``, und unsere ...``), a comma between two
  main clauses, and sl ``in`` between two clauses with their own verbs;
* Slovenian second-position ``pa``, reporting frames (``X obvešča, da ...``)
  and relative clauses (``, ki bo v torek`` -> ``To bo v torek``; ``, ki je
  namenjen ...`` -> ``Namenjen je ...``), en ``, which is`` -> ``It is``;
* when and where in two sentences (``Delavnica bo v ponedeljek ... v
  ustvarjalnici.`` -> ``Delavnica bo v ponedeljek ...`` + ``Delavnica bo v
  ustvarjalnici.``).

Whole-sentence rewrites (``_rewrites.py``): a condition becomes a question and
its answer, a wrapping frame a direct request, a relative clause or a cause in
the middle its own sentence.

The split repairs what it needs: a full stop, a capital letter, a subject
(Slovenian drops subjects; en/de repeat them) and the place of Slovenian
clitics (``... in je dostopna`` -> ``Dostopna je ...``). Sentences that are
still too long are reported for a person.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import BlockKind, TokenKind
from ._clauses import (
    sl_move_clitics,
)
from ._count import WordCounts
from ._cuts import Finder
from ._enum import is_verb
from ._lang import simplify_data
from ._rewrites import (
    cause_after,
    condition_as_question,
    drop_frame,
    middle_relative,
)
from ._text import SegText
from ._util import tidy
from .pipeline import Context, Recorder, State, transform

__all__ = ["Sentences", "word_count"]


def self_subject(ctx: Context) -> str:
    """The subject a relative clause gets ("To", "It"); its sentence stands alone."""
    return simplify_data(ctx.lang).relative_subject


def word_count(text: str, ctx: Context) -> int:
    """Words and numbers, counted as the checker counts them."""
    return sum(
        1
        for _, _, k in ctx.pack.tokenize(text)
        if k in (TokenKind.WORD, TokenKind.NUMBER)
    )


@transform
class Sentences:
    """Split long sentences at safe clause boundaries."""

    name = "sentences"
    description = (
        "split long sentences at safe clause boundaries (one sentence per line)"
    )

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        finder = Finder(ctx)
        limit = int(ctx.param("split_over", 10))
        too_long = int(ctx.param("sentence_max", 15))
        blocks = []
        for block in state.blocks:
            if (
                block.kind
                not in (
                    BlockKind.PARAGRAPH,
                    BlockKind.QUOTE,
                    BlockKind.LIST_ITEM,
                )
                or block.lines
            ):
                blocks.append(block)
                continue
            out: list[SegText] = []
            for sent in block.sentences:
                parts = self._split(
                    sent, finder, limit, ctx, rec, block.kind is BlockKind.LIST_ITEM
                )
                for p in parts:
                    n = word_count(p.text, ctx)
                    if n > too_long:
                        rec.note(
                            p.span(),
                            f"This sentence still has {n} words. Split it or say less.",
                            p.text,
                        )
                out.extend(parts)
            blocks.append(replace(block, sentences=tuple(out)))
        return state.with_blocks(blocks, rec)

    def _split(
        self,
        seg: SegText,
        finder: Finder,
        limit: int,
        ctx: Context,
        rec: Recorder,
        item: bool,
        depth: int = 0,
    ) -> list[SegText]:
        text = seg.text
        long = word_count(text, ctx) > limit
        if depth == 0:
            framed = drop_frame(seg, ctx, rec)
            if framed is not None:
                seg, text = framed, framed.text
                long = word_count(text, ctx) > limit
        if depth == 0:
            moved = middle_relative(seg, ctx, rec) or cause_after(seg, ctx, rec)
            if moved is not None:
                main, rel = moved
                rec.attach(rel)
                return [
                    *self._split(main, finder, limit, ctx, rec, item, depth + 1),
                    rel,
                ]
        if depth == 0:
            asked = condition_as_question(seg, ctx, rec)
            if asked is not None:
                question, main = asked
                rec.attach(main)
                return [
                    question,
                    *self._split(main, finder, limit, ctx, rec, item, depth + 1),
                ]
        if depth > 12:
            return [seg]
        cuts = [c for c in finder.cuts(text) if long or c.priority == 0]
        middle = len(text) / 2
        # the words left and right of each cut, from one tokenisation of the
        # sentence (counting each part anew was quadratic in the cuts)
        counts = WordCounts(text, ctx.pack) if cuts else None
        for cut in sorted(cuts, key=lambda c: (c.priority, abs(c.start - middle))):
            assert counts is not None
            n_left, n_right = counts.before(cut.start), counts.after(cut.end)
            if n_left < 2 or n_right < 2:
                continue
            if cut.priority > 1 and (n_left < 3 or n_right < 3):
                continue
            left = seg.slice(0, cut.start)
            right = seg.slice(cut.end)
            left = tidy(left).ensure_stop()
            right = tidy(right)
            if cut.move_clitics:
                fixed = sl_move_clitics(right.text, ctx.pack)
                if fixed is None:
                    continue
                right = right.replace(0, len(right.text), fixed)
            if cut.insert:
                right = SegText.synthetic(cut.insert, right.anchor) + right
            right = tidy(right).capitalise()
            if not item or text.rstrip().endswith((".", "!", "?")):
                right = right.ensure_stop()
            rec.record(
                seg.span(cut.start, cut.end),
                text[cut.start : cut.end],
                ". " + cut.insert,
                cut.reason,
            )
            if not cut.insert.strip() or cut.insert.strip() != self_subject(ctx):
                rec.attach(right)
            first = right.text.split(" ", 1)[0].strip(",.")
            if not cut.insert and (
                cut.move_clitics or is_verb(first[:1].lower() + first[1:], ctx.pack)
            ):
                rec.bind(
                    right
                )  # "Pripoveduje o ...", "Dostopna je ...": no subject of its own
            return self._split(
                left, finder, limit, ctx, rec, item, depth + 1
            ) + self._split(right, finder, limit, ctx, rec, item, depth + 1)
        return [seg]
