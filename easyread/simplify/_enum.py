"""Inline enumerations: "Prinesite škarje, lepilo in predpasnik." -> 3 items.

Shared by the ``lists`` transform and the fact extraction (``bring``). An
enumeration has a lead ("Prinesite"), at least three short items separated by
commas and a final conjunction, and nothing after the last item except an
optional German separable particle ("... mit.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguagePack

__all__ = ["Enumeration", "find_enumeration", "is_verb"]

_FINAL_CONJ = {
    "sl": ("in", "ter", "ali", "oziroma"),
    "en": ("and", "or"),
    "de": ("und", "sowie", "oder"),
}
_LEAD_WORDS = {
    "sl": (
        "na primer",
        "kot so",
        "npr.",
        "med drugim",
        "to so",
        "vključuje",
        "s seboj",
    ),
    "en": (
        "including",
        "such as",
        "like",
        "for example",
        "bring",
        "includes",
        "include",
    ),
    "de": ("zum Beispiel", "z. B.", "wie", "bringen Sie", "folgende", "sind"),
}
_PARTICLES = {"de": ("mit", "an", "ein", "vor")}
_MAX_ITEM_WORDS = 6
_DE_NOT_LEAD = frozenset(
    [
        "den",
        "einen",
        "einem",
        "unseren",
        "ihren",
        "guten",
        "neuen",
        "alten",
        "kleinen",
        "großen",
        "jeden",
        "nicht",
        "mit",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Enumeration:
    """Where the items are inside a sentence (offsets into its text)."""

    lead_end: int  # the lead is text[:lead_end]
    items: tuple[tuple[int, int], ...]
    particle: str = ""  # German separable particle after the items ("mit")


def is_verb(word: str, pack: LanguagePack) -> bool:
    """A rough test for a finite verb or participle.

    Slovenian lemmas of verbs end in ``-ti``/``-či`` (simplemma maps
    ``prinesite`` to ``prinesti``); for English and German only a few
    auxiliaries are known, which is enough for the uses here.
    """
    low = word.lower()
    if pack.code == "sl":
        if low in pack.words.passive_aux or low in pack.words.second_person_plural:
            return True
        lemma = pack.lemma(word)
        return lemma.endswith(("ti", "či")) and lemma != low and not word[:1].isupper()
    aux = {
        "en": {
            "is",
            "are",
            "was",
            "were",
            "will",
            "can",
            "has",
            "have",
            "be",
            "bring",
            "includes",
        },
        "de": {
            "ist",
            "sind",
            "wird",
            "werden",
            "hat",
            "haben",
            "kann",
            "können",
            "bringen",
            "gibt",
        },
    }.get(pack.code, set())
    return low in aux


def _split_top(text: str, sep: str = ",") -> list[tuple[int, int]]:
    """Split at ``sep`` outside brackets; returns (start, end) pieces."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == sep and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t\n.;":
        e -= 1
    return s, e


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


_SL_PARTICIPLE_RE = re.compile(r"^[a-zčšž]{4,}(?:ljen|jen|en|an|t)(?:a|o|i|e)?$")


def _sl_participle(first: list[str], pack: LanguagePack) -> bool:
    if not first:
        return False
    word = first[0]
    return bool(_SL_PARTICIPLE_RE.match(word)) and pack.lemma(word) in (
        word,
        word.rstrip("aoie"),
    )


def _colon_items(text: str, pack: LanguagePack) -> Enumeration | None:
    """ "Na primer: diabetična, kašasta, brez laktoze." (a list after a colon, no "and")."""
    colon = text.find(":")
    if colon < 0:
        return None
    body_end = len(text.rstrip().rstrip(".!").rstrip())
    segs = [
        _trim(text, colon + 1 + s, colon + 1 + e)
        for s, e in _split_top(text[colon + 1 : body_end])
    ]
    if len(segs) < 3 or len(_words(text[:colon])) > 4:
        return None
    for s, e in segs:
        words = _words(text[s:e])
        if not words or len(words) > 4 or any(is_verb(w, pack) for w in words):
            return None
    return Enumeration(colon + 1, tuple(segs))


def _final_differs(last: str, inner: str, conj: tuple[str, ...]) -> bool:
    """ "Kaffee und Kuchen, Getränke sowie ein Programm": an "und" inside an item
    is fine when another word ("sowie", "ter") ends the list."""
    words = re.findall(r"[^\W\d_]+", last.lower())
    finals = [w for w in words if w in conj]
    return (
        bool(finals)
        and finals[-1] != inner.lower()
        and finals[-1] in ("sowie", "ter", "as well as")
    )


def _lead_candidates(text: str, pack: LanguagePack) -> list[int]:
    """Possible starts of the first item: after a colon, a lead word or a verb."""
    out = {i + 1 for i, ch in enumerate(text) if ch == ":"}
    for lead in _LEAD_WORDS.get(pack.code, ()):
        for m in re.finditer(rf"(?<!\w){re.escape(lead)}(?!\w)", text, re.IGNORECASE):
            out.add(m.end())
    for m in _WORD_RE.finditer(text):
        word = m.group()
        # a German lead ends with its verb ("Auf Sie warten Kaffee, ...")
        de_verb = (
            pack.code == "de"
            and word.islower()
            and word.endswith(("en", "t"))
            and word not in _DE_NOT_LEAD
        )
        if is_verb(word, pack) or de_verb:
            out.add(m.end())
    return sorted(out, reverse=True)


def find_enumeration(text: str, pack: LanguagePack) -> Enumeration | None:
    """Find an enumeration of at least 3 items that ends the sentence ``text``.

    The latest possible lead wins, so the lead is as short as it can be.
    """
    if text.count(",") < 1:
        return None
    first = _WORD_RE.search(text)
    if first is not None and first.group().lower() in pack.words.subordinating:
        return None  # "If you are unable to come, ...": a condition, not a list
    # Every verb is a possible lead, and each try reads the rest of the
    # sentence: quadratic for thousands of verbs and commas. Without an
    # "and so on" ending, a try only succeeds when a conjunction ("in", "and")
    # follows its start, so tries after the last conjunction are skipped.
    body_end = len(text.rstrip().rstrip(".!").rstrip())
    etc_end = any(
        text[:body_end].endswith(" " + etc) for etc in _ETC.get(pack.code, ())
    )
    latest = _last_conjunction(text, pack.code, body_end)
    for start in _lead_candidates(text, pack):
        if not etc_end and start > latest:
            continue
        found = _items_from(text, start, pack)
        if found is not None:
            return found
    return _colon_items(text, pack)


def _last_conjunction(text: str, lang: str, end: int) -> int:
    """Start of the last ``\\s{conj}\\s`` ending by ``end`` (-1 when none).

    The same pattern :func:`_items_from` looks for; a look-ahead finds
    overlapping matches too, so none is missed.
    """
    last = -1
    for c in _FINAL_CONJ.get(lang, ()):
        for m in re.finditer(rf"(?=\s{c}\s)", text[:end]):
            last = max(last, m.start())
    return last


_ETC = {
    "sl": ("in tako dalje", "in podobno", "in drugo", "in tako naprej"),
    "en": ("and so on", "and more", "and similar"),
    "de": ("und so weiter", "und Ähnliches", "oder Ähnliches", "und vieles mehr"),
}


def _items_from(text: str, start: int, pack: LanguagePack) -> Enumeration | None:
    lang = pack.code
    conj = _FINAL_CONJ.get(lang, ())
    body_end = len(text.rstrip().rstrip(".!").rstrip())
    for etc in _ETC.get(lang, ()):
        # "..., leftovers, bones and so on": the items are the comma parts, the
        # "and so on" is the last item
        if text[:body_end].endswith(" " + etc):
            cut = body_end - len(etc)
            segs = [
                _trim(text, start + a, start + b)
                for a, b in _split_top(text[start:cut])
            ]
            if (
                len(segs) >= 3
                and all(0 < len(_words(text[a:b])) <= _MAX_ITEM_WORDS for a, b in segs)
                and not any(
                    is_verb(w, pack) for a, b in segs for w in _words(text[a:b])
                )
            ):
                return Enumeration(start, (*segs, (cut, body_end)))
            return None
    if start >= body_end:
        return None
    segs = [(start + s, start + e) for s, e in _split_top(text[start:body_end])]
    if len(segs) < 2:
        return None
    items: list[tuple[int, int]] = []
    particle = ""
    done = False
    for idx, (s, e) in enumerate(segs):
        s, e = _trim(text, s, e)
        chunk = text[s:e]
        m = None
        for c in conj:
            for found in re.finditer(rf"\s{c}\s", chunk):
                if m is None or found.start() > m.start():
                    m = found  # the last conjunction in the segment
        if m is not None and idx == len(segs) - 1:
            items.append((s, s + m.start()))
            items.append((s + m.end(), e))
            done = True
            break
        if m is not None and not _final_differs(
            text[segs[-1][0] : segs[-1][1]], m.group().strip(), conj
        ):
            return None  # a conjunction before the last comma: not a simple list
        items.append((s, e))
    if not done or len(items) < 3:
        return None
    last_s, last_e = items[-1]
    last_words = _words(text[last_s:last_e])
    if lang in _PARTICLES and last_words and last_words[-1] in _PARTICLES[lang]:
        particle = last_words[-1]
        cut = text.rfind(particle, last_s, last_e)
        items[-1] = _trim(text, last_s, cut)
    if lang == "de" and any(
        _words(text[s:e])[:1] in (["eines"], ["einer"], ["des"]) for s, e in items[1:]
    ):
        return (
            None  # "die Beantragung einer X, eines Y": the items hang on the first one
        )
    if lang == "sl" and any(
        _sl_participle(_words(text[s:e])[:1], pack) for s, e in items[1:]
    ):
        return None  # "nov jedilnik, pripravljen na podlagi ...": a description, not an item
    for s, e in items:
        words = _words(text[s:e])
        if not words or len(words) > _MAX_ITEM_WORDS:
            return None
        if words[0].lower() in ("please", "bitte", "prosimo", "prosim"):
            return None
        if any(is_verb(w, pack) for w in words):
            return None
    return Enumeration(start, tuple(items), particle)
