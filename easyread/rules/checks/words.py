"""Checks on single words: rare words, glossary terms, abbreviations, acronyms,
Roman numerals, German compounds."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...lang import GlossaryEntry
from ...model import TokenKind
from ..base import Context, Hit, Unit
from ..kinds._text import (
    PhraseTable,
    document_names,
    is_explained,
    is_name,
    text_words,
    word_keys,
)
from ..params import P
from ._registry import check

__all__ = [
    "abbreviations",
    "acronyms",
    "common_words",
    "compound_words",
    "explain_hard_words",
    "roman_numerals",
]

_PARTS_RE = re.compile(r"[-·‐\u00ad]")


def _is_easy(word: str, ctx: Context) -> bool:
    # The same words come back in every document: remember the answer per
    # rule and pack (ctx.compiled lives as long as the pack).
    memo: dict[str, bool] = ctx.compiled.setdefault("easy", {})
    easy = memo.get(word)
    if easy is None:
        parts = [p for p in _PARTS_RE.split(word) if p]
        easy = memo[word] = bool(parts) and all(ctx.pack.is_easy_word(p) for p in parts)
    return easy


def _param_set(ctx: Context, key: str, *, lower: bool = False) -> frozenset[str]:
    """A list parameter as a set, made once per rule (not once per sentence)."""
    name = f"set:{key}:{lower}"
    found = ctx.compiled.get(name)
    if found is None:
        values = (str(e) for e in ctx.param(key) or ())
        found = ctx.compiled[name] = (
            frozenset(v.lower() for v in values) if lower else frozenset(values)
        )
    return found  # type: ignore[no-any-return]


# -------------------------------------------------------------- rare words
@check(params={"min_letters": P((int,), 3, minimum=1), "exceptions": P((list,), ())})
def common_words(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Words outside the pack's list of common words (looked up by form and lemma).

    Names (capitalised inside a sentence), acronyms and glossary terms (the
    glossary rules report those) are skipped; each rare word is reported once
    per document.
    """
    seen: set[str] = ctx.cache.setdefault("seen", set())
    exceptions = _param_set(ctx, "exceptions", lower=True)
    min_letters = int(ctx.param("min_letters"))
    names = document_names(ctx)
    words = text_words(unit)
    for i, w in enumerate(words):
        if (
            w.letters < min_letters
            or w.text.isupper()
            or is_name(words, i, ctx.lang, names)
        ):
            continue
        # Once per word: the lemmatiser does not always map every inflected form
        # to the same lemma (stanovalke / stanovalce), so the first six letters
        # of the lemma stand for the word.
        key = (w.lemma or w.lower)[:6]
        if key in seen or w.lower in exceptions or (w.lemma or "") in exceptions:
            continue
        if _is_easy(w.text, ctx) or ctx.glossary.lookup(w.text) is not None:
            continue
        seen.add(key)
        yield Hit(w.start, w.end)


# ---------------------------------------------------------- glossary words
def _glossary_table(
    ctx: Context, with_replacement: bool
) -> tuple[PhraseTable, dict[str, str], dict[str, str]]:
    """Phrases to look for, phrase -> lemma (forms listed in the glossary too), lemma -> explanation."""
    cached = ctx.cache.get("glossary")
    if cached is None:
        cached = ctx.cache["glossary"] = _new_glossary_table(ctx, with_replacement)
    return cached  # type: ignore[no-any-return]


def _new_glossary_table(
    ctx: Context, with_replacement: bool
) -> tuple[PhraseTable, dict[str, str], dict[str, str]]:
    entries: list[GlossaryEntry] = list(ctx.glossary.__iter__())
    own = ctx.doc.source.name
    # The table follows from the glossary and which of its entries come from
    # this document: reuse it while both are the same (the pack's glossary is
    # one object shared by every document that adds no entries).
    own_entries = tuple(i for i, e in enumerate(entries) if e.source == own)
    slot = ctx.compiled.get("glossary")
    if slot is not None and slot[0] is ctx.glossary and slot[1] == own_entries:
        return slot[2]  # type: ignore[no-any-return]
    explanations: dict[str, str] = {}
    lemma_of: dict[str, str] = {}
    for e in entries:
        if not e.explanation or (e.replacement and not with_replacement):
            continue
        if e.source == own:
            # The document's own glossary (front matter) is printed in the
            # "Kaj pomeni ...?" box next to the text: that explains the word.
            continue
        explanations[e.lemma] = e.explanation
        lemma_of.setdefault(e.lemma, e.lemma)
        for form in e.forms or {}:
            lemma_of.setdefault(form.lower(), e.lemma)
    table = (PhraseTable(lemma_of, lemmas=True), lemma_of, explanations)
    ctx.compiled["glossary"] = (ctx.glossary, own_entries, table)
    return table


@check(
    params={"window": P((int,), 2, minimum=0), "with_replacement": P((bool,), False)}
)
def explain_hard_words(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """A glossary word used without an explanation in the same or the next ``window`` sentences.

    Only the first use is checked. Words the glossary can replace are left to
    ``core.hard-words`` unless ``with_replacement`` is true.
    """
    table, lemma_of, explanations = _glossary_table(
        ctx, bool(ctx.param("with_replacement"))
    )
    if not table:
        return
    done: set[str] = ctx.cache.setdefault("done", set())
    words = text_words(unit)
    window = int(ctx.param("window"))
    for i, j, phrase in table.find(words, word_keys(unit, ctx)):
        lemma = lemma_of[phrase]
        if lemma in done or is_name(words, i, ctx.lang):
            continue
        done.add(lemma)
        if is_explained(unit, lemma, ctx, window):
            continue
        yield Hit(words[i].start, words[j - 1].end, suggestion=explanations[lemma])


# ----------------------------------------------------------- abbreviations
@check(
    params={"allow_titles": P((bool,), True), "exceptions": P((list,), ())},
    fields={"expand"},
)
def abbreviations(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Abbreviations written with a dot (*npr.*, *z. B.*, *e.g.*), with their full words.

    Titles before names (*dr.*) are allowed with ``allow_titles``.
    """
    exceptions = _param_set(ctx, "exceptions")
    allow_titles = bool(ctx.param("allow_titles"))
    for start, end, abbr in ctx.pack.find_abbreviations(unit.text):
        if unit.text[start:end] in exceptions or (allow_titles and abbr.title):
            continue
        yield Hit(start, end, {"expand": abbr.expand}, suggestion=abbr.expand)


_ACRONYM_RE = re.compile(r"^[A-ZČŠŽÄÖÜ][A-ZČŠŽÄÖÜa-z]*[A-ZČŠŽÄÖÜ]$")
_ACRONYM_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZČŠŽÄÖÜ")  # its last character


@check(
    params={"max_letters": P((int,), 6, minimum=2), "allow_expanded": P((bool,), False),
            "exceptions": P((list,), ())},
    fields={"expand"},
)  # fmt: skip
def acronyms(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Acronyms (*VDC*, *STIKO*, *GP*) readers may not know; the first use of each.

    Acronyms in the pack's ``known`` list (WC, TV) are fine. With
    ``allow_expanded`` (plain language) an acronym whose full name appears in
    the document is fine too.
    """
    known = ctx.compiled.get("known")
    if known is None:
        known = ctx.compiled["known"] = ctx.known_acronyms | _param_set(
            ctx, "exceptions"
        )
    expansions = ctx.acronyms
    seen: set[str] = ctx.cache.setdefault("seen", set())
    max_letters = int(ctx.param("max_letters"))
    tokens = unit.tokens
    for i, w in enumerate(tokens):
        text = w.text
        if w.kind is not TokenKind.WORD or text in known or text in seen:
            continue
        if not (
            text in expansions
            # the pattern ends in a capital: test that before running it
            or (
                text[-1:] in _ACRONYM_LAST
                and _ACRONYM_RE.match(text)
                and w.letters <= max_letters
            )
        ):
            continue
        if sum(c.isupper() for c in text) < 2 or _is_roman(text):
            continue
        around = unit.text[max(0, w.start - 1) : w.start] + unit.text[w.end : w.end + 1]
        if any(c.isdigit() for c in around):
            continue  # part of a code or postcode: "AB3 4GH", "A4"
        # Part of a shouted phrase ("VABILO NA SREČANJE"): the all-caps rule reports it.
        near = [
            t
            for t in tokens[max(0, i - 1) : i + 2]
            if t is not w and t.kind is TokenKind.WORD
        ]
        if any(
            t.text.isupper() and t.letters >= 2 and t.text not in expansions
            for t in near
        ):
            continue
        expand = expansions.get(text, "")
        if ctx.param("allow_expanded") and _expanded_in(ctx, text, expand):
            continue
        seen.add(text)
        yield Hit(w.start, w.end, {"expand": expand}, suggestion=expand)


def _expanded_in(ctx: Context, acronym: str, expand: str) -> bool:
    text = ctx.doc.source.text
    if f"({acronym})" in text:
        return True
    return bool(expand) and expand.lower() in text.lower()


# --------------------------------------------------------- Roman numerals
_ROMAN_RE = re.compile(
    r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$"
)
_ROMAN_PAIR_RE = re.compile(r"[IVXLCDM]{2}")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _is_roman(text: str) -> bool:
    return len(text) >= 2 and bool(_ROMAN_RE.match(text))


def roman_value(text: str) -> int:
    """The value of a Roman numeral (``XIV`` -> 14)."""
    total = 0
    for a, b in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[a]
        total += -value if b and _ROMAN_VALUES[b] > value else value
    return total


@check(params={"exceptions": P((list,), ())}, fields={"value"})
def roman_numerals(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """Roman numerals (*XIV*, *III.*); known acronyms such as CD are not numerals."""
    skip = ctx.compiled.get("skip")
    if skip is None:
        skip = ctx.compiled["skip"] = (
            ctx.known_acronyms | frozenset(ctx.acronyms) | _param_set(ctx, "exceptions")
        )
    if _ROMAN_PAIR_RE.search(unit.text) is None:
        return  # a numeral of two or more letters needs two of IVXLCDM in a row
    tokens = unit.tokens
    for i, w in enumerate(tokens):
        if w.kind is not TokenKind.WORD or w.text in skip or not _is_roman(w.text):
            continue
        near = [
            t
            for t in tokens[max(0, i - 1) : i + 2]
            if t is not w and t.kind is TokenKind.WORD
        ]
        if any(
            t.text.isupper() and t.letters >= 2 and not _is_roman(t.text) for t in near
        ):
            continue  # inside a shouted phrase
        value = roman_value(w.text)
        yield Hit(w.start, w.end, {"value": value}, suggestion=str(value))


# -------------------------------------------------------- German compounds
def _split_compound(word: str, ctx: Context, joiner: str) -> str:
    """Split a compound at the point where both parts are common words."""
    low = word.lower()
    for i in range(len(low) - 3, 2, -1):
        left, right = low[:i], low[i:]
        if not ctx.pack.is_easy_word(right.capitalize()) and not ctx.pack.is_easy_word(
            right
        ):
            continue
        for stem in (left, left[:-1] if left.endswith(("s", "n", "e")) else None):
            if (
                stem
                and len(stem) >= 3
                and (
                    ctx.pack.is_easy_word(stem)
                    or ctx.pack.is_easy_word(stem.capitalize())
                )
            ):
                return word[:i] + joiner + word[i].upper() + word[i + 1 :]
    return ""


@check(
    params={
        "max_letters": P((int,), 12, minimum=4),
        "joiner": P((str,), "·", choices=("·", "-")),
    },
    fields={"letters", "max_letters"},
)
def compound_words(unit: Unit, ctx: Context) -> Iterable[Hit]:
    """German nouns longer than ``max_letters`` letters not split with ``·`` or ``-``.

    A split point is suggested where both parts are common words
    (``Straßensperrung`` -> ``Straßen·Sperrung``).
    """
    limit = int(ctx.param("max_letters"))
    joiner = str(ctx.param("joiner"))
    words = text_words(unit)
    for i, w in enumerate(words):
        text = w.text
        if (
            not text[:1].isupper()
            or text.isupper()
            or _PARTS_RE.search(text)
            or w.letters <= limit
        ):
            continue
        if is_name(words, i, ctx.lang) and not ctx.pack.is_easy_word(text):
            continue
        yield Hit(
            w.start,
            w.end,
            {"letters": w.letters},
            # Real compounds are short; do not try every split of a 10 000-letter "word".
            suggestion=_split_compound(text, ctx, joiner) if w.letters <= 40 else "",
        )
