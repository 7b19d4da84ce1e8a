"""Hard words: replace them from the glossary, or explain them in the word box.

Lookup is lemma-aware (``prireditvi`` finds the entry ``prireditev``). A hard
word is replaced only where the glossary gives the replacement for exactly this
inflected form (``forms``), or where the word is in its dictionary form;
otherwise it stays and its explanation goes into the glossary box of the draft
(front matter ``glossary: [{term, explanation}]``, which the renderer shows as
"Kaj pomeni ...?"). Names (capitalised words inside a sentence) are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..lang import GlossaryEntry
from ..model import BlockKind, TokenKind
from ._batch import RightToLeft
from ._enum import find_enumeration
from ._tail import LETTER_RE, letters_back
from ._text import SegText
from ._util import is_sentence_start, match_case
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["GlossaryTransform"]

_MAX_PHRASE = 4
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "this",
        "that",
        "these",
        "those",
        "my",
        "his",
        "her",
        "its",
    ]
)
_VERB_STARTS = frozenset(
    ["sign", "take", "come", "go", "look", "find", "get", "give", "put", "set", "make"]
)
_PREPOSITIONS = frozenset(
    [
        "to",
        "at",
        "in",
        "on",
        "for",
        "with",
        "by",
        "of",
        "from",
        "about",
        "v",
        "na",
        "z",
        "s",
        "k",
        "o",
        "za",
        "pri",
        "od",
        "do",
        "zu",
        "an",
        "auf",
        "für",
        "mit",
        "bei",
        "von",
    ]
)


def _phrase_entries(ctx: Context) -> dict[str, GlossaryEntry]:
    """Multi-word entries by every written form and by their lemma."""
    out: dict[str, GlossaryEntry] = {}
    entries: Iterator[GlossaryEntry] = iter(list(ctx.glossary.__iter__()))
    for entry in entries:
        if " " not in entry.lemma:
            continue
        out[entry.lemma] = entry
        for form in entry.forms or {}:
            out[form] = entry
    return out


def _gender_class(noun: str) -> str:
    """A rough Slovenian noun gender from the ending of the dictionary form."""
    last = noun.split()[-1].lower()
    if last.endswith(("ev", "a", "ost", "ad", "ar")) and not last.endswith("ar"):
        return "f"
    if last.endswith(("o", "e")):
        return "n"
    return "m"


def _gender_changes(entry: GlossaryEntry, lang: str) -> bool:
    if lang != "sl" or not entry.replacement or " " in entry.lemma:
        return False
    return _gender_class(entry.lemma) != _gender_class(entry.replacement)


def _explanation_blocks(
    sentences: list[SegText], block: DraftBlock, ctx: Context
) -> list[DraftBlock]:
    """An explanation as its own block(s); an enumeration in it becomes a list
    ("Na primer mama, brat ali hči." -> "Na primer:" and three items)."""
    out: list[DraftBlock] = []
    current: list[SegText] = []
    list_id = 10_000 + block.anchor  # explanation lists never join the text's lists
    for sent in sentences:
        enum = find_enumeration(sent.text, ctx.pack)
        if enum is None or len(enum.items) < int(ctx.param("list_min_items", 3)):
            current.append(sent)
            continue
        lead_text = sent.text[: enum.lead_end].strip().strip(",:") + ":"
        current.append(SegText.synthetic(lead_text, sent.anchor))
        out.append(
            DraftBlock(
                BlockKind.PARAGRAPH,
                tuple(current),
                origin=block.origin,
                role="explain",
                lines=True,
            )
        )
        current = []
        for a, b in enum.items:
            item = SegText.synthetic(sent.text[a:b].strip(), sent.anchor)
            out.append(
                DraftBlock(
                    BlockKind.LIST_ITEM,
                    (item,),
                    level=1,
                    list_id=list_id,
                    origin=block.origin,
                    role="explain",
                )
            )
    if current:
        out.append(
            DraftBlock(
                BlockKind.PARAGRAPH,
                tuple(current),
                origin=block.origin,
                role="explain",
                lines=True,
            )
        )
    return out


_SPACE_WORD_RE = re.compile(r"\s+[^\W\d_]")
_SPACE_PREPOSITION_RE = re.compile(r"\s+(?:on|at|in|to|for|with|by)\b")


def _last_word_before(text: str, end: int) -> list[str]:
    """``re.findall(r"[^\\W\\d_]+", text[:end])[-1:]`` without reading the
    whole prefix: back over what is not a letter, then over the word (the
    prefix search, once per glossary word, was quadratic)."""
    j = end
    while j > 0 and not LETTER_RE.match(text, j - 1):
        j -= 1
    return [text[letters_back(text, j) : j]] if j else []


@transform
class GlossaryTransform:
    """Replace or explain hard words from the glossary."""

    name = "glossary"
    description = (
        "hard words replaced from the glossary (right grammatical form) or explained"
    )

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        phrases = _phrase_entries(ctx)
        explained: set[str] = {t.lower() for t, _ in state.glossary}
        noted: set[str] = set()
        inline = bool(ctx.param("explain_inline", True))
        blocks: list[DraftBlock] = []
        pending: list[DraftBlock] = []
        pending_list = -1
        for block in state.blocks:
            if block.kind not in (
                BlockKind.PARAGRAPH,
                BlockKind.LIST_ITEM,
                BlockKind.QUOTE,
                BlockKind.HEADING,
            ):
                blocks.append(block)
                continue
            if block.lines:
                blocks.append(block)  # an explanation, an address or contact lines
                continue
            if pending and not (
                block.kind is BlockKind.LIST_ITEM and block.list_id == pending_list
            ):
                blocks.extend(
                    pending
                )  # explanations of words in a list go after the list
                pending = []
            out: list[SegText] = []
            for sent in block.sentences:
                new, explanations = self._sentence(
                    sent, ctx, phrases, rec, explained, noted
                )
                out.append(new)
                if not inline or not explanations:
                    continue
                # the explanation follows the sentence, in a block of its own that
                # later transforms leave alone and the structure keeps with it
                made = [
                    b
                    for group in explanations
                    for b in _explanation_blocks(group, block, ctx)
                ]
                if block.kind in (BlockKind.LIST_ITEM, BlockKind.HEADING):
                    pending.extend(made)
                    pending_list = (
                        block.list_id if block.kind is BlockKind.LIST_ITEM else -1
                    )
                    continue
                blocks.append(replace(block, sentences=tuple(out)))
                blocks.extend(made)
                out = []
            if out:
                blocks.append(replace(block, sentences=tuple(out)))
        blocks.extend(pending)
        return state.with_blocks(blocks, rec)

    def _sentence(
        self,
        seg: SegText,
        ctx: Context,
        phrases: dict[str, GlossaryEntry],
        rec: Recorder,
        explained: set[str],
        noted: set[str],
    ) -> tuple[SegText, list[list[SegText]]]:
        words = [
            (s, e)
            for s, e, kind in ctx.pack.tokenize(seg.text)
            if kind is TokenKind.WORD
        ]
        hits: list[tuple[int, int, GlossaryEntry]] = []
        i = 0
        while i < len(words):
            found = None
            for n in range(min(_MAX_PHRASE, len(words) - i), 1, -1):
                s, e = words[i][0], words[i + n - 1][1]
                surface = " ".join(seg.text[a:b].lower() for a, b in words[i : i + n])
                lemmas = " ".join(
                    ctx.pack.lemma(seg.text[a:b]) for a, b in words[i : i + n]
                )
                entry = phrases.get(surface) or phrases.get(lemmas)
                if entry is not None:
                    found = (s, e, entry, n)
                    break
            if found is None:
                s, e = words[i]
                word = seg.text[s:e]
                if word[:1].isupper() and not is_sentence_start(seg.text, s):
                    i += 1
                    continue
                entry = ctx.glossary.lookup(word)
                if entry is not None and " " not in entry.lemma:
                    found = (s, e, entry, 1)
            if found is not None:
                hits.append(found[:3])
                i += found[3]
            else:
                i += 1
        explanations: list[list[SegText]] = []
        # from the last word to the first, each reading the text as the words
        # after it left it; the sentence is copied once at the end
        batch = RightToLeft(seg, rec)
        for s, e, entry in reversed(hits):
            if e > batch.left:
                batch.seg()  # overlaps an edit already made
            at = batch.base.offset_at(s)
            text = self._apply(batch, s, e, entry, rec, explained, noted)
            if text:
                sentences = [
                    x.strip() for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()
                ]
                explanations.append([SegText.synthetic(x, at) for x in sentences])
        explanations.reverse()  # they were found from the last word back
        return batch.seg(), explanations

    @staticmethod
    def _apply(
        batch: RightToLeft,
        s: int,
        e: int,
        entry: GlossaryEntry,
        rec: Recorder,
        explained: set[str],
        noted: set[str],
    ) -> str:
        """Replace the word, or return the explanation to add (first use only)."""
        seg = batch.base  # as edited up to e (e <= batch.left)
        written = seg.text[s:e]
        low = " ".join(written.lower().split())
        replacement = ""
        if entry.forms and low in entry.forms:
            replacement = entry.forms[low]
        elif entry.replacement and low == entry.lemma:
            replacement = entry.replacement
        last = replacement.split()[-1].lower() if replacement.split() else ""
        # white space, then "with" and the character after it: 5 at most
        after = batch.peek(e, 5) if last in _PREPOSITIONS else ""
        if last in _PREPOSITIONS and (
            not _SPACE_WORD_RE.match(after) or _SPACE_PREPOSITION_RE.match(after)
        ):
            replacement = (
                ""  # "come to" before "on the day" or a full stop would dangle
            )
        before = _last_word_before(seg.text, s)
        if (
            replacement
            and before
            and before[0].lower() in _DETERMINERS
            and replacement.split()[0].lower() in _VERB_STARTS
        ):
            replacement = ""  # "the register" is a noun; "sign up" would be a verb
        if (
            replacement
            and _gender_changes(entry, rec.ctx.lang)
            and entry.lemma not in noted
        ):
            noted.add(entry.lemma)
            rec.note(seg.span(s, e), f"“{written}” became “{replacement}”: check that the words around it still "
                     "agree with it (gender and number).", batch.text())  # fmt: skip
        if replacement:
            new = match_case(written, replacement)
            batch.edit(s, e, new, f"hard word “{entry.lemma}” replaced (glossary)")
            return ""
        if entry.explanation:
            if entry.lemma not in explained:
                explained.add(entry.lemma)
                rec.explain(entry.lemma, entry.explanation)
                rec.record(
                    seg.span(s, e),
                    "",
                    entry.explanation,
                    f"hard word “{entry.lemma}” explained",
                )
                return entry.explanation
        elif entry.replacement and entry.lemma not in noted:
            noted.add(entry.lemma)
            rec.note(
                seg.span(s, e),
                f"“{written}” is a hard word; the glossary suggests “{entry.replacement}” but not in "
                "this grammatical form. Replace it by hand.",
                batch.text(),
            )
        return ""
