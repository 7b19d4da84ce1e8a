"""``substitution``: a hard word with an easier one to use instead.

Parameters:

``swap``        ``{hard lemma or phrase: easier word}``, usually per language
                (``{sl: {pričeti: začeti}, en: {purchase: buy}}``). Keys match every
                inflected form through the lemma.
``glossary``    also use the glossary's entries that have a ``replacement``; their
                ``forms`` give the replacement in the same case (``prireditve`` ->
                ``srečanja``).
``names``       also report capitalised words inside a sentence (default: no, they
                are mostly names: "Dom Lukavci").
``defer_to_glossary`` leave words that have a glossary entry to the glossary
                rules (so one word is not reported twice).
``skip_explained`` leave a word alone where the text explains it ("Čitalnica je
                soba za branje." in the same or the next two sentences).
``exceptions``  words never reported.

Every hit has the field ``replacement`` and carries it as the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...lang import GlossaryEntry
from ..base import Context, Hit, ParamError, Unit, kind
from ..params import P, validate_params
from ._text import (
    PhraseTable,
    is_explained,
    is_name,
    text_words,
    word_keys,
)

SCHEMA = {
    "swap": P((dict,), {}),
    "glossary": P((bool,), False),
    "names": P((bool,), False),
    "skip_explained": P((bool,), False),
    "defer_to_glossary": P((bool,), False),
    "exceptions": P((list,), ()),
}


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@kind("substitution")
class Substitution:
    """Suggest an easier word for a hard one."""

    name = "substitution"

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        out = validate_params(params, SCHEMA, self.name)
        swap = out["swap"]
        tables = (
            swap.values()
            if swap and all(isinstance(v, Mapping) for v in swap.values())
            else [swap]
        )
        for table in tables:
            for key, value in table.items():
                if not isinstance(value, str) or not str(key).strip():
                    raise ParamError(
                        "swap", f"`swap` maps a word to a word, not {key!r}: {value!r}"
                    )
        if not (swap or out["glossary"]):
            raise ParamError("swap", "substitution needs `swap` or `glossary: true`")
        return out

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        return frozenset({"replacement"})

    def _table(
        self, ctx: Context
    ) -> tuple[PhraseTable, dict[str, str], dict[str, str]]:
        """Phrases to look for, phrase -> replacement, phrase -> lemma."""
        # Built from the parameters and, with ``glossary``, the document's
        # glossary: reused while the glossary is the same object (the pack's
        # glossary is shared by every document that adds no entries).
        slot = ctx.compiled.get("substitution")
        if slot is not None and slot[0] is ctx.glossary:
            return slot[1]  # type: ignore[no-any-return]
        swap: dict[str, str] = {
            str(k).lower(): v for k, v in (ctx.param("swap") or {}).items()
        }
        lemma_of = {k: k for k in swap}
        if ctx.param("glossary"):
            entries: Iterable[GlossaryEntry] = ctx.glossary.__iter__()
            for entry in entries:
                if entry.replacement:
                    swap.setdefault(entry.lemma, entry.replacement)
                    lemma_of.setdefault(entry.lemma, entry.lemma)
                    # Listed forms match even where the lemmatiser fails.
                    for form, replaced in (entry.forms or {}).items():
                        swap.setdefault(form.lower(), replaced)
                        lemma_of.setdefault(form.lower(), entry.lemma)
        table = (PhraseTable(swap, lemmas=True), swap, lemma_of)
        ctx.compiled["substitution"] = (ctx.glossary, table)
        return table

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        table, swap, lemma_of = self._table(ctx)
        if not table:
            return
        words = text_words(unit)
        exceptions = {str(e).lower() for e in ctx.param("exceptions") or ()}
        names = bool(ctx.param("names"))
        for i, j, phrase in table.find(words, word_keys(unit, ctx)):
            first = words[i]
            if first.lower in exceptions or (not names and is_name(words, i, ctx.lang)):
                continue
            glossary_word = ctx.glossary.lookup(first.text) is not None
            if ctx.param("defer_to_glossary") and glossary_word:
                continue
            if ctx.param("skip_explained") and is_explained(
                unit, lemma_of[phrase], ctx, definition=True
            ):
                continue
            replacement = swap[phrase]
            if j - i == 1 and ctx.param("glossary"):
                entry = ctx.glossary.lookup(first.text)
                if entry is not None and entry.forms and first.lower in entry.forms:
                    replacement = entry.forms[first.lower]
            replacement = _match_case(first.text, replacement)
            yield Hit(
                first.start,
                words[j - 1].end,
                {"replacement": replacement},
                suggestion=replacement,
            )
