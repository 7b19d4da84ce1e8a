"""Checks on sentence structure: passive, clauses, address, nominal style, lists.

These are heuristics built on the language packs' closed word classes (no
tagger): they report candidates as warnings and a person decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ...model import BlockKind
from ..base import Context, Hit, Unit, Word
from ..kinds._text import (
    PhraseTable,
    compiled,
    text_words,
    unit_enumerations,
    word_keys,
)
from ..params import NUMBER, P
from ._registry import check

__all__ = [
    "address_block",
    "consistent_terms",
    "formal_address",
    "inline_lists",
    "nominal_style",
    "passive_voice",
    "subordinate_clauses",
]

# ------------------------------------------------------------------ passive
# English participles that do not end in -ed/-en.
_EN_IRREGULAR = frozenset(
    [
        "made",
        "held",
        "sent",
        "paid",
        "built",
        "kept",
        "left",
        "brought",
        "bought",
        "found",
        "told",
        "sold",
        "shown",
        "done",
        "seen",
        "put",
        "set",
        "cut",
        "read",
        "led",
        "met",
        "run",
        "won",
        "shut",
        "lost",
        "taught",
        "caught",
        "thought",
        "heard",
        "meant",
        "hurt",
        "felt",
        "dealt",
        "spent",
        "lent",
        "sought",
        "fed",
        "hung",
        "laid",
        "let",
        "split",
        "spread",
        "struck",
        "stuck",
        "sung",
        "swung",
    ]
)
_EN_NOT_PARTICIPLE = frozenset(
    [
        "need",
        "feed",
        "speed",
        "indeed",
        "seed",
        "bleed",
        "breed",
        "red",
        "bed",
        "shed",
        "wed",
        "open",
        "even",
        "often",
        "seven",
        "eleven",
        "garden",
        "children",
        "chicken",
        "kitchen",
        "women",
        "men",
        "ten",
        "then",
        "when",
        "listen",
        "happen",
        "oxygen",
        "citizen",
        "golden",
        "wooden",
        "sudden",
        "hidden",
        "token",
        "kitten",
        "heaven",
    ]
)
_DE_WERDEN = frozenset(
    [
        "werde",
        "wirst",
        "wird",
        "werden",
        "werdet",
        "wurde",
        "wurdest",
        "wurden",
        "wurdet",
        "worden",
    ]
)
_DE_PARTICIPLE_RE = re.compile(
    r"^(?:(?:ab|an|auf|aus|bei|durch|ein|fest|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen)?ge"
    r"[a-zäöüß]{2,}(?:t|en)|(?:be|emp|ent|er|ge|miss|ver|zer|über|unter|hinter)[a-zäöüß]{2,}(?:t|en)"
    r"|[a-zäöüß]{3,}iert)$"
)
_DE_NOT_PARTICIPLE = frozenset(
    [
        "gegen",
        "genug",
        "gestern",
        "gern",
        "gerne",
        "geben",
        "gehen",
        "gehören",
        "gewinnen",
        "genießen",
        "gelten",
        "geschehen",
        "gewesen",
        "geworden",
        "gerade",
        "gesamt",
        "getrennt",
        "bekannt",
        "beliebt",
        "bereit",
        "besten",
        "verschieden",
        "erst",
        "ersten",
        "unten",
        "hinten",
    ]
)
_SL_PARTICIPLE_RE = re.compile(r"^[a-zčšž]{3,}(?:an|en|[reiu]t)[aoei]?$")
_SL_NOT_PARTICIPLE = frozenset(
    [
        "zelen",
        "zelena",
        "zeleno",
        "zeleni",
        "zelene",
        "pet",
        "šest",
        "sedem",
        "osem",
        "devet",
        "deset",
        "en",
        "ena",
        "eno",
        "eni",
        "ene",
        "mesto",
        "sveto",
        "zlato",
        "leto",
        "delo",
        "telo",
        "kosilo",
        "srečanje",
        "zaprto",
        "odprto",
        "treba",
        "potrebno",
        "prost",
        "prosta",
        "prosto",
        "prosti",
        "proste",
        "lep",
        "lepa",
        "lepo",
        "vesel",
        "vesela",
        "veselo",
        "plačan",
        "star",
        "stara",
        "staro",
        "stari",
        "stare",
        "cel",
        "cela",
        "celo",
        "celi",
        "cele",
    ]
)


def _sl_infinitives(word: str) -> set[str]:
    """Verbs a Slovenian passive participle may come from (vabljeni -> vabiti)."""
    out: set[str] = set()
    bases = {word, word[:-1]} if word[-1:] in "aoei" else {word}
    for base in bases:
        if base.endswith("an"):
            out.add(base[:-2] + "ati")  # organiziran -> organizirati
        if base.endswith("en"):
            stem = base[:-2]
            out.update({stem + "iti", stem + "eti"})  # zaključen, videti
            if stem.endswith("lj"):
                out.add(stem[:-2] + "iti")  # vabljen -> vabiti
            if stem.endswith("šč"):
                out.add(stem[:-2] + "stiti")  # obveščen -> obvestiti
            if stem.endswith("j"):
                out.add(stem[:-1] + "diti")  # narejen -> narediti
            if stem.endswith("ž"):
                out.add(stem[:-1] + "ziti")  # prevožen -> prevoziti
        if base.endswith("t"):
            out.update({base[:-1] + "ti", base[:-1] + "eti"})  # začet, zaprt -> zapreti
    return out


def _sl_is_participle(word: str, ctx: Context) -> bool:
    # An -en/-an/-t word is a participle only if its verb exists: "brezplačen",
    # "drugačen" and "cesta" have none. The easy-word list holds verb lemmas.
    easy: frozenset[str] = getattr(ctx.pack, "easy_words", frozenset())
    # The list also holds word forms ("cesti"), so the candidate must be a lemma.
    return any(
        inf in easy and ctx.pack.lemma(inf) == inf for inf in _sl_infinitives(word)
    )


def _sl_passive(words: Sequence[Word], ctx: Context) -> Iterable[tuple[int, int]]:
    aux = ctx.pack.words.passive_aux
    for i, w in enumerate(words):
        if w.lower not in aux:
            continue
        for j in range(i + 1, min(i + 3, len(words))):
            cand = words[j].lower
            if cand in _SL_NOT_PARTICIPLE or cand in aux:
                continue
            if (
                _SL_PARTICIPLE_RE.match(cand)
                and len(cand) >= 5
                and _sl_is_participle(cand, ctx)
            ):
                yield i, j
                break


def _en_passive(words: Sequence[Word], ctx: Context) -> Iterable[tuple[int, int]]:
    aux = ctx.pack.words.passive_aux
    for i, w in enumerate(words):
        if w.lower not in aux:
            continue
        for j in range(i + 1, min(i + 3, len(words))):
            cand = words[j].lower
            if cand in aux:
                continue
            participle = cand in _EN_IRREGULAR or (
                len(cand) >= 4
                and cand.endswith(("ed", "en"))
                and cand not in _EN_NOT_PARTICIPLE
            )
            if participle:
                yield i, j
                break
            if not cand.endswith(
                "ly"
            ):  # "is usually held": one adverb may come between
                break


def _de_passive(words: Sequence[Word], ctx: Context) -> Iterable[tuple[int, int]]:
    # German puts the participle at the end of the clause: "wird ... empfohlen".
    for i, w in enumerate(words):
        if w.lower not in _DE_WERDEN:
            continue
        for j in range(i + 1, len(words)):
            cand = words[j].text
            if cand[:1].isupper() or cand in _DE_NOT_PARTICIPLE:
                continue
            if _DE_PARTICIPLE_RE.match(cand):
                yield i, j
                break
        if w.lower == "worden":
            yield max(0, i - 1), i


_PASSIVE = {"sl": _sl_passive, "en": _en_passive, "de": _de_passive}


def _passive_spans(unit: Unit, ctx: Context) -> list[tuple[int, int]]:
    words = text_words(unit)
    finder = _PASSIVE.get(ctx.lang)
    if finder is None:
        return []
    spans = {(words[i].start, words[j].end) for i, j in finder(words, ctx)}
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


@check(params={"max_share": P(NUMBER, 0, minimum=0)}, fields={"share", "max_share"})
def passive_voice(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Passive voice: sl *biti* + passive participle, en *be* + participle, de *werden* + Partizip II.

    With ``max_share`` above 0 (plain language) passives are reported only when
    more than that share of the document's sentences have one.
    """
    spans = _passive_spans(unit, ctx)
    if not spans:
        return
    limit = float(ctx.param("max_share") or 0)
    share = 0.0
    if limit > 0:
        share = ctx.cache.get("share", -1.0)
        if share < 0:
            total = len(ctx.units.sentences) or 1
            share = (
                sum(1 for u in ctx.units.sentences if _passive_spans(u, ctx)) / total
            )
            ctx.cache["share"] = share
        if share <= limit:
            return
    for s, e in spans:
        yield Hit(s, e, {"share": round(100 * share), "max_share": round(100 * limit)})


# ------------------------------------------------------------ subordination
@check(
    params={"min_count": P((int,), 1, minimum=1), "exceptions": P((list,), ())},
    fields={"count"},
)
def subordinate_clauses(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Words that open a subordinate clause (``ki``, ``ker``, ``weil``, ``because``).

    A question word near the start of a question (``Kje?``, ``Po kateri cesti
    ...?``, ``How do I ...?``) is not a clause. ``min_count: 2`` reports only sentences with a clause in a
    clause (plain language: no nesting).
    """
    words = text_words(unit)
    exceptions = {str(e).lower() for e in ctx.param("exceptions") or ()}
    table = ctx.compiled.get("table")
    if table is None:
        table = ctx.compiled["table"] = PhraseTable(
            ctx.pack.words.subordinating, lemmas=False
        )
    question = unit.text.rstrip().endswith("?")
    found = []
    for i, j, phrase in table.find(words, word_keys(unit, ctx)):
        if phrase in exceptions or (i < 3 and question):
            continue
        found.append((words[i].start, words[j - 1].end))
    if len(found) < int(ctx.param("min_count") or 1):
        return
    for s, e in found:
        yield Hit(s, e, {"count": len(found)})


# ----------------------------------------------------------- formal address
@check(
    params={
        "address": P((str,), "vi", choices=("vi", "ti", "consistent")),
        "ambiguous": P((list,), ()),
    },
    fields={"form"},
)
def formal_address(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Informal address (*ti*, *du*) where the reader is addressed formally, or the other way.

    ``address: vi`` (adults, the default) reports informal forms, ``ti`` the
    formal ones, ``consistent`` whichever is rarer in the document.
    ``ambiguous`` lists forms that are also other words (sl *ti* "these", *si*
    reflexive) and are never counted.
    """
    lists = ctx.pack.words
    ambiguous = {str(a).lower() for a in ctx.param("ambiguous") or ()}
    informal: list[tuple[Unit, Word]] = []
    formal: list[tuple[Unit, Word]] = []
    for sentence in ctx.units.sentences:
        words = text_words(sentence)
        for i, w in enumerate(words):
            if w.lower in ambiguous:
                continue
            if w.lower in lists.second_person_singular:
                informal.append((sentence, w))
            elif w.lower in lists.second_person_plural or (
                i > 0 and w.text in lists.second_person_plural_cased
            ):
                formal.append((sentence, w))
    mode = str(ctx.param("address") or "vi")
    if mode == "consistent":
        if not (informal and formal):
            return
        report = informal if len(informal) <= len(formal) else formal
    else:
        report = informal if mode == "vi" else formal
    informal_name, formal_name = ("du", "Sie") if ctx.lang == "de" else ("ti", "vi")
    form = informal_name if report is informal else formal_name
    for sentence, w in report:
        yield Hit(w.start, w.end, {"form": form}, unit=sentence)


# ------------------------------------------------------------ nominal style
@check(
    params={
        "max": P((int,), 1, minimum=0),
        "min_letters": P((int,), 7, minimum=3),
        "exceptions": P((list,), ()),
    },
    fields={"value", "max"},
)
def nominal_style(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """More than ``max`` nominalisations in a sentence (*-nje*, *-ung*, *-tion*).

    Words are matched on the lemma's suffix (``nominal_suffixes`` of the
    pack); in German only capitalised words (nouns) count.
    """
    suffixes = tuple(ctx.pack.words.nominal_suffixes)
    if not suffixes:
        return
    min_letters = int(ctx.param("min_letters"))
    exceptions = {str(e).lower() for e in ctx.param("exceptions") or ()}
    found = []
    for w in text_words(unit):
        lemma = (w.lemma or w.lower).lower()
        if w.letters < min_letters or not lemma.endswith(suffixes):
            continue
        if ctx.lang == "de" and not w.text[:1].isupper():
            continue
        last = re.split(r"[-·]", lemma)[-1]
        if lemma in exceptions or w.lower in exceptions or last in exceptions:
            continue  # everyday nouns (Krankheit, Wohnung) are not the problem
        found.append(w)
    if len(found) > int(ctx.param("max")):
        yield Hit(found[0].start, found[-1].end, {"value": len(found)})


# --------------------------------------------------------- consistent terms
@check(fields={"first"})
def consistent_terms(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Two words for the same thing in one document (*prireditev* and *dogodek*).

    The word used first wins; later uses of the other words of its synonym set
    are reported with it as the suggestion.
    """
    sets = ctx.pack.words.synonym_sets
    if not sets:
        return
    cached = ctx.compiled.get("synonyms")
    if cached is None:
        member_of: dict[str, int] = {}
        for n, group in enumerate(sets):
            for term in group:
                member_of.setdefault(term, n)
        cached = ctx.compiled["synonyms"] = (
            PhraseTable(member_of, lemmas=True),
            member_of,
        )
    table, member_of = cached
    first: dict[int, str] = {}
    for sentence in ctx.units.sentences:
        words = text_words(sentence)
        for i, j, phrase in table.find(words, word_keys(sentence, ctx)):
            set_no = member_of[phrase]
            chosen = first.setdefault(set_no, phrase)
            if phrase != chosen:
                yield Hit(
                    words[i].start, words[j - 1].end, {"first": chosen},
                    suggestion=chosen, unit=sentence,
                )  # fmt: skip


# ------------------------------------------------------------- inline lists
@check(
    params={
        "min_items": P((int,), 3, minimum=2),
        "max_item_words": P((int,), 2, minimum=1),
    },
    fields={"value", "min_items"},
)
def inline_lists(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """An enumeration written inside a sentence (``čaj, kavo in pecivo``).

    Counts comma-separated groups of at most ``max_item_words`` words before a
    final *in/and/und*; from ``min_items`` items the sentence should become a
    bulleted list. List items and headings are not checked.
    """
    if unit.block is None or unit.block.kind in (
        BlockKind.LIST_ITEM,
        BlockKind.HEADING,
    ):
        return
    min_items = int(ctx.param("min_items"))
    for e in unit_enumerations(unit, ctx, int(ctx.param("max_item_words")), min_items):
        yield Hit(e.start, e.end, {"value": e.items, "min_items": min_items})


# ------------------------------------------------------------ address block
@check(params={"patterns": P((list,), ()), "max_words": P((int,), 8, minimum=1)})
def address_block(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """A postal address inside running text (a postcode in a long sentence).

    ``patterns`` match the postcode and town (per language); addresses belong
    on their own lines.
    """
    limit = int(ctx.param("max_words"))
    for pattern in ctx.param("patterns") or ():
        for m in compiled(str(pattern)).finditer(unit.text):
            # Only the line the postcode is on: "9240 Ljutomer" on its own line is fine.
            line_start = unit.text.rfind("\n", 0, m.start()) + 1
            line_end = unit.text.find("\n", m.end())
            line_end = len(unit.text) if line_end == -1 else line_end
            words = [
                w for w in unit.words if line_start <= w.start and w.end <= line_end
            ]
            if len(words) > limit:
                yield Hit(m.start(), m.end())
