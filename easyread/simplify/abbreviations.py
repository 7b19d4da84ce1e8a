"""Write abbreviations and acronyms in full.

Data: the language pack's ``abbreviations.yaml`` and ``acronyms.yaml``, plus the
user's own lists (an ``abbreviations:`` or ``acronyms:`` mapping in a glossary
file given with ``--glossary``). Slovenian titles before a name take the case of
the name (``ga. Simoni Rajh`` -> ``gospe Simoni Rajh``). An acronym after a
Slovenian or German preposition would need an inflected expansion, so it stays
and is explained in the glossary box instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..lang import Abbreviation
from ._lang import simplify_data
from ._tail import space_back
from ._text import SegText
from ._util import is_sentence_start, map_sentences, match_case
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Abbreviations"]

_PREPOSITIONS = {
    "sl": frozenset(
        [
            "v",
            "na",
            "pri",
            "z",
            "s",
            "iz",
            "do",
            "od",
            "k",
            "h",
            "po",
            "za",
            "o",
            "ob",
            "pred",
            "med",
            "nad",
            "pod",
            "brez",
        ]
    ),
    "de": frozenset(
        [
            "im",
            "in",
            "am",
            "an",
            "beim",
            "bei",
            "zum",
            "zur",
            "vom",
            "von",
            "mit",
            "für",
            "auf",
            "aus",
            "nach",
            "zu",
        ]
    ),
}
_FEMININE = {
    "doktor": "doktorica",
    "magister": "magistra",
    "profesor": "profesorica",
    "docent": "docentka",
    "gospod": "gospa",
}
_WEEKDAY_RANGE_WORD = {"sl": ("od", "do"), "de": ("", "bis"), "en": ("", "to")}
# An unknown abbreviation: a short lower-case word with a dot, followed by more
# of the same sentence ("ok. 1 uro").
_UNKNOWN_RE = re.compile(r"(?<![\w.])([a-zčšžäöüß]{1,5})\.(?=\s+[a-zčšžäöüß\d])")
_CURRENCY = frozenset({"EUR", "GBP", "USD", "CHF"})
_WEEKDAY_SHORT = {
    "sl": ("pon", "tor", "sre", "čet", "pet", "sob", "ned"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


# Units after a number take the number's form: "3 Min." -> "3 Minuten", "5 min." -> "5 minut".
_UNITS: dict[str, dict[str, str | tuple[str, str, str, str]]] = {
    "de": {"Minute": "Minuten", "Stunde": "Stunden", "Sekunde": "Sekunden"},
    "en": {"minute": "minutes", "hour": "hours", "second": "seconds"},
    "sl": {"minuta": ("minuta", "minuti", "minute", "minut"), "ura": ("ura", "uri", "ure", "ur"),
           "sekunda": ("sekunda", "sekundi", "sekunde", "sekund")},
}  # fmt: skip


def _unit_form(word: str, n: int, lang: str) -> str:
    forms = _UNITS.get(lang, {}).get(word)
    if forms is None or n == 1:
        return word
    if isinstance(forms, str):
        return forms
    one, two, few, many = forms
    last2 = n % 100
    if last2 == 1:
        return one
    if last2 == 2:
        return two
    return few if last2 in (3, 4) else many


def user_abbreviations(ctx: Context) -> dict[str, Abbreviation]:
    """The pack's abbreviations plus the user's (``params['abbreviations']``)."""
    out: dict[str, Abbreviation] = {}
    for key, value in simplify_data(ctx.lang).abbreviations.items():
        out[key] = Abbreviation(text=key, expand=value, can_end=True)
    out.update(ctx.pack.abbreviations)
    extra: Mapping[str, str] = ctx.params.get("abbreviations", {})
    for key, value in extra.items():
        out[key] = Abbreviation(text=key, expand=value, can_end=True)
    return out


def _find(
    text: str, abbrs: Mapping[str, Abbreviation]
) -> list[tuple[int, int, Abbreviation]]:
    forms: dict[str, str] = {}
    for key in abbrs:
        forms[key] = key
        forms.setdefault(key[:1].upper() + key[1:], key)
    alts = "|".join(re.escape(k) for k in sorted(forms, key=len, reverse=True))
    if not alts:
        return []
    out = []
    for m in re.finditer(rf"(?<![\w.])(?:{alts})(?!\w)", text):
        out.append((m.start(), m.end(), abbrs[forms[m.group()]]))
    return out


def _name_case(word: str, feminine: bool) -> str:
    """The grammatical case of a Slovenian first name from its ending."""
    low = word.lower()
    if feminine:
        return {"a": "nom", "e": "gen", "i": "dat", "o": "acc"}.get(low[-1:], "nom")
    if low.endswith(("om", "em")):
        return "ins"
    if low.endswith("u"):
        return "dat"
    if low.endswith("a"):
        return "gen"
    return "nom"


_GENDER = {"gospod": False, "gospa": True, "gospodična": True, "magistra": True}


def _is_feminine(base: str, name: str, surname: str) -> bool:
    """The gender of the person: from the title (gospod, gospa), else from the names.

    A first name in -a is feminine unless the surname ends in -a too (then both
    are a man's name in the genitive: "dr. Mateja Vogrinca").
    """
    if base in _GENDER:
        return _GENDER[base]
    low, sur = name.lower(), surname.lower()
    if low.endswith("a"):
        return not sur.endswith("a")
    return low.endswith(("e", "i", "o")) and not low.endswith(("em", "om"))


def _sl_title(expand: str, text: str, end: int, ctx: Context) -> tuple[str, str]:
    """Inflect a Slovenian title for the name after it; returns (form, case)."""
    data = simplify_data("sl")
    m = re.match(r"\s+([A-ZČŠŽ][^\W\d_]+)(?:\s+([A-ZČŠŽ][^\W\d_]+))?", text[end:])
    if not m:
        return expand, "nom"
    name, surname = m.group(1), m.group(2) or ""
    base = expand.lower()
    feminine = _is_feminine(base, name, surname)
    if feminine and base in _FEMININE:
        base = _FEMININE[base]
    forms = data.title_forms.get(base)
    case = _name_case(name, feminine)
    if forms is None:
        return expand, case
    # "z gospo", "s profesorjem": after z/s the name is instrumental
    before = text[:end].split()[-2:-1]
    if before and before[0].lower() in ("z", "s") and case in ("acc", "gen"):
        case = "ins"
    return forms.get(case, expand), case


def expand_text(text: str, ctx: Context) -> str:
    """Abbreviations in a short text (a front-matter field) written in full, uninflected."""
    if not text:
        return text
    abbrs = user_abbreviations(ctx)
    for start, end, abbr in reversed(_find(text, abbrs)):
        if abbr.expand.lower() in [m.lower() for m in ctx.pack.words.months]:
            continue
        text = text[:start] + abbr.expand + text[end:]
    return text


@transform
class Abbreviations:
    """Expand abbreviations (``npr.`` -> ``na primer``) and acronyms."""

    name = "abbreviations"
    description = (
        "write abbreviations and acronyms in full (npr. -> na primer, tel. -> telefon)"
    )

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        abbrs = user_abbreviations(ctx)
        acronyms = {**ctx.pack.acronyms, **ctx.params.get("acronyms", {})}
        known = ctx.pack.known_acronyms

        def fix(seg: SegText, block: DraftBlock) -> SegText:
            seg = self._weekday_ranges(seg, ctx, rec)
            for start, end, abbr in reversed(_find(seg.text, abbrs)):
                seg = self._expand(seg, start, end, abbr, ctx, rec)
            # the acronyms' edits, right to left, made in one pass at the end
            # (one copy of the sentence per acronym was quadratic)
            pending: list[tuple[int, int, str]] = []
            for m in reversed(
                list(
                    re.finditer(
                        r"(?<![\w.@/-])[A-ZČŠŽÄÖÜ][A-ZČŠŽÄÖÜa-z]*[A-ZČŠŽÄÖÜ](?![\w@/-])",
                        seg.text,
                    )
                )
            ):
                acr = m.group()
                if acr in known or acr in _CURRENCY or acr not in acronyms:
                    continue
                seg = self._acronym(
                    seg, m.start(), m.end(), acronyms[acr], ctx, rec, pending
                )
            seg = seg.replace_many(pending[::-1])
            for m in _UNKNOWN_RE.finditer(seg.text):
                word = m.group(1)
                if (
                    f"{word}." in abbrs
                    or word in (ctx.pack.words.number_words or {})
                    or word.isdigit()
                ):
                    continue
                rec.note(
                    seg.span(m.start(), m.end() + 1),
                    f"“{word}.” looks like an abbreviation: write the word in full "
                    "(or add it to your glossary file under `abbreviations:`).",
                    seg.text,
                )
            return seg

        return map_sentences(state, rec, fix)

    @staticmethod
    def _weekday_ranges(seg: SegText, ctx: Context, rec: Recorder) -> SegText:
        """``Mo.–Fr.`` -> ``Montag bis Freitag``; ``pon.–pet.`` -> ``od ponedeljka do petka``."""
        weekdays = [w.lower() for w in ctx.pack.words.weekdays]
        short = _WEEKDAY_SHORT.get(ctx.lang)
        if len(weekdays) != 7 or not short:
            return seg
        day_abbr: dict[str, int] = {}
        for i, a in enumerate(short):
            cap = a[:1].upper() + a[1:]
            for form in (a + ".", a, cap + ".", cap):
                day_abbr.setdefault(form, i)
        alts = "|".join(re.escape(k) for k in sorted(day_abbr, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w.])({alts})\s*[–-]\s*({alts})(?!\w)")
        first, second = _WEEKDAY_RANGE_WORD.get(ctx.lang, ("", "–"))
        for m in reversed(list(rx.finditer(seg.text))):
            ia, ib = day_abbr[m.group(1)], day_abbr[m.group(2)]
            if ctx.lang == "sl":
                from .dates import sl_weekday_form

                a, b = sl_weekday_form(ia, "gen"), sl_weekday_form(ib, "gen")
            else:
                a, b = weekdays[ia].capitalize(), weekdays[ib].capitalize()
            new = " ".join(x for x in (first, a, second, b) if x)
            seg = rec.edit(
                seg, m.start(), m.end(), new, "weekdays written in full, range in words"
            )
        return seg

    @staticmethod
    def _expand(
        seg: SegText,
        start: int,
        end: int,
        abbr: Abbreviation,
        ctx: Context,
        rec: Recorder,
    ) -> SegText:
        text = seg.text
        expand = abbr.expand
        low = expand.lower()
        months = [m.lower() for m in ctx.pack.words.months]
        weekdays = [w.lower() for w in ctx.pack.words.weekdays]
        if low in months:
            # only after a day number: "10. jan." (not the adjective "nov.")
            if not re.search(r"\d\.?\s*$", text[:start]):
                return seg
            if ctx.lang == "sl":
                expand = ctx.pack.words.months_genitive[months.index(low)]
        elif low in weekdays:
            # before a date ("pet., 10. 5."), or a German/English weekday that is
            # no other word ("Do. zusätzlich"; not "So." = "so", not "pet." = 5)
            before_date = re.match(r",?\s*\d", text[end:]) is not None
            if not before_date and (
                ctx.lang == "sl" or abbr.text in ("So.", "Fr.", "Sun.")
            ):
                return seg
        elif abbr.text == "St." and re.search(r"\d\s*$", text[:start]):
            return seg  # "3 St." is "Stück", not "Sankt"
        number = re.search(r"(\d+)\s*$", text[:start])
        if number is not None:
            expand = _unit_form(expand, int(number.group(1)), ctx.lang)
        reason = "abbreviation written in full"
        if abbr.title and ctx.lang == "sl":
            expand, case = _sl_title(expand, text, end, ctx)
            if case != "nom":
                reason += f" (title in the {case} case of the name after it)"
        if is_sentence_start(text, start):
            expand = match_case("A", expand)
        else:
            expand = match_case(text[start:end], expand) if abbr.title else expand
        tail = text[end:]
        at_end = not tail.strip(" \"'»«“”)")
        if at_end and abbr.can_end:
            expand += "."
        return rec.edit(seg, start, end, expand, reason)

    @staticmethod
    def _acronym(
        seg: SegText,
        start: int,
        end: int,
        full: str,
        ctx: Context,
        rec: Recorder,
        pending: list[tuple[int, int, str]],
    ) -> SegText:
        """Write one acronym in full, or note why not.

        The edit goes to ``pending`` (edits right of this one, not made yet);
        it reads the text only up to ``end``, which those edits leave alone.
        """
        acr = seg.text[start:end]
        # seg.text[:start].split()[-1:], without splitting the whole prefix
        stop = space_back(seg.text, start)
        first = stop
        while first > 0 and not seg.text[first - 1].isspace():
            first -= 1
        before = [seg.text[first:stop]] if stop else []
        preps = _PREPOSITIONS.get(ctx.lang, frozenset())
        inflects = " " in full and full[:1].islower()
        if before and before[0].lower() in preps and inflects:
            # the note quotes the sentence as it is now: make the edits first
            seg = seg.replace_many(pending[::-1])
            pending.clear()
            rec.explain(acr, full)
            rec.note(
                seg.span(start, end),
                f"“{acr}” stays (after “{before[0]}” its full name “{full}” would need another "
                "grammatical form); it is explained in the word list. Write the full name if you can.",
                seg.text,
            )
            return seg
        new = match_case("A", full) if is_sentence_start(seg.text, start) else full
        if new != acr:  # what rec.edit records, with the replacement left for later
            rec.record(seg.span(start, end), acr, new, f"acronym {acr} written in full")
            pending.append((start, end, new))
        return seg
