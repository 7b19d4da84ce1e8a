"""Proper names in a document, and matching them across inflected forms.

Slovenian declines names (``Janez Kovač`` -> ``z Janezom Kovačem``), so two
forms match when their lemmas are equal or when they share a stem and differ
only in a short ending. What counts as a name:

* sl, en: a capitalised word that is not the first word of a sentence (or is,
  but the same name also occurs inside a sentence elsewhere). Weekdays, months,
  abbreviations and acronyms are not names. English headings are in title
  case, so their words count only when the body confirms them.
* de: every noun is capitalised, so names come from cues only: a word after
  ``Frau``, ``Herr``, ``Dr.`` or a role word; the town after a postal code; and
  street names (``Gartenstraße``, ``Mühlweg``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import BlockKind, Document, Span, Token, TokenKind
from ._lang import simplify_data

__all__ = ["NameHit", "NameIndex", "find_names", "forms_match", "person_names"]

_SKIP_KINDS = (BlockKind.CODE, BlockKind.RULE, BlockKind.IMAGE)
_STREET_RE = re.compile(r"(?:straße|strasse|weg|platz|gasse|allee|ring|damm|ufer)$")
_EN_NOT_NAMES = frozenset({"i"})


@dataclass(frozen=True, slots=True)
class NameHit:
    """A proper-name word and where it is in the source."""

    text: str
    span: Span
    person: bool = False  # part of a person's name (after a title or role word)


def forms_match(a: str, b: str) -> bool:
    """True when two word forms can be the same name in another case.

    ``Kovač``/``Kovačem``, ``Ana``/``Ano``, ``Vogrinec``/``Vogrinca``; a long
    different ending (``Roth``/``Rothenburg``) does not match.
    """
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    shorter = min(len(a), len(b))
    if shorter < 3:
        return False
    return p >= min(4, shorter - 1) and len(a) - p <= 3 and len(b) - p <= 3


def _is_cap(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and not word.isupper()


def _words(tokens: Iterable[Token]) -> list[tuple[Token, bool]]:
    """Word tokens with a flag: True when the word starts a sentence (or follows ':')."""
    out: list[tuple[Token, bool]] = []
    initial = True
    for tok in tokens:
        if tok.kind is TokenKind.WORD:
            out.append((tok, initial))
            initial = False
        elif tok.text == ":" or (
            tok.kind is TokenKind.PUNCT and tok.text in '»„"“«(' and initial
        ):
            initial = True
        elif tok.kind is TokenKind.NUMBER:
            initial = False
    return out


def _excluded(word: str, doc: Document) -> bool:
    pack = doc.pack
    low = word.lower()
    wl = pack.words
    # Slovenian writes weekdays and months in lower case: "Maja" is a name.
    if doc.lang != "sl" and (
        low in wl.weekdays or low in wl.months or low in wl.months_genitive
    ):
        return True
    if doc.lang != "sl":
        # "Mon-Fri", "Mo–Fr": a range of weekday abbreviations
        days = (*wl.weekdays, *wl.months)
        parts = [x for x in re.split(r"[-–]", low) if x]
        if len(parts) > 1 and all(
            len(x) >= 2 and any(d.startswith(x) for d in days) for x in parts
        ):
            return True
    if doc.lang == "en" and low in _EN_NOT_NAMES:
        return True
    return bool(f"{word}." in pack.abbreviations or word in pack.acronyms)


def find_names(doc: Document) -> list[NameHit]:
    """The proper-name words of a document, in reading order."""
    if doc.lang == "de":
        return _german_names(doc)
    data = simplify_data(doc.lang)
    cues = [c.rstrip(".").lower() for c in data.cues.get("person_titles", ())]
    short_cues = frozenset(c for c in cues if len(c) <= 3)
    long_cues = tuple(c for c in cues if len(c) > 3)

    def is_cue(word: str) -> bool:
        low = word.lower()
        return low in short_cues or low.startswith(long_cues)

    inner: list[NameHit] = []
    initial: list[NameHit] = []
    heading: list[NameHit] = []
    for block in doc.blocks:
        if block.kind in _SKIP_KINDS:
            continue
        title_case = block.kind is BlockKind.HEADING and doc.lang == "en"
        for sent in block.sentences:
            words = _words(sent.tokens)
            for i, (tok, is_initial) in enumerate(words):
                if not _is_cap(tok.text) or _excluded(tok.text, doc):
                    continue
                prev = words[i - 1][0].text.lower() if i else ""
                person = bool(prev) and (
                    is_cue(prev)
                    or (
                        i >= 2
                        and is_cue(words[i - 2][0].text)
                        and _is_cap(words[i - 1][0].text)
                    )
                )
                hit = NameHit(tok.text, tok.span, person)
                if title_case:
                    heading.append(hit)
                elif is_initial:
                    initial.append(hit)
                else:
                    inner.append(hit)
    # Matching every sentence-initial word against every name inside sentences
    # was quadratic; forms_match reads lower case only, and two forms that
    # match share their first two letters (or are equal), so compare within
    # those groups of distinct forms, once per word.
    confirmed: dict[str, set[str]] = {}
    for h in inner:
        low = h.text.lower()
        confirmed.setdefault(low[:2], set()).add(low)
    answers: dict[str, bool] = {}

    def seen(word: str) -> bool:
        if word not in answers:
            low = word.lower()
            answers[word] = any(
                forms_match(word, c) for c in confirmed.get(low[:2], ())
            )
        return answers[word]

    names = (
        inner
        + [h for h in initial if seen(h.text)]
        + [h for h in heading if seen(h.text)]
    )
    names.sort(key=lambda h: h.span.start)
    return names


def _german_names(doc: Document) -> list[NameHit]:
    data = simplify_data("de")
    cues = {c.rstrip(".").lower() for c in data.cues.get("person_titles", ())} | {
        "st",
        "sankt",
    }
    out: list[NameHit] = []
    for block in doc.blocks:
        if block.kind in _SKIP_KINDS:
            continue
        for sent in block.sentences:
            # the last two words or numbers before the token, kept as we go
            # (collecting them again for every token was quadratic)
            last: Token | None = None
            last2: Token | None = None
            for tok in sent.tokens:
                prev, prev2 = last, last2
                if tok.kind in (TokenKind.WORD, TokenKind.NUMBER):
                    last2, last = last, tok
                if tok.kind is not TokenKind.WORD or not _is_cap(tok.text):
                    continue
                if _excluded(tok.text, doc) and tok.text.lower() not in cues:
                    continue
                person = False
                if prev is not None and prev.text.lower() in cues:
                    person = prev.text.lower() not in ("st", "sankt")
                elif (
                    prev is not None
                    and prev2 is not None
                    and prev2.text.lower() in cues
                    and _is_cap(prev.text)
                ):
                    person = (
                        prev2.text.lower() not in ("st", "sankt")
                        and prev.text.lower() not in cues
                    )
                elif (
                    prev is not None
                    and prev.kind is TokenKind.NUMBER
                    and re.fullmatch(r"\d{5}", prev.text)
                ):
                    pass  # the town after a postal code
                elif _STREET_RE.search(tok.text.lower()):
                    pass
                else:
                    continue
                if tok.text.lower() in cues:
                    continue
                out.append(NameHit(tok.text, tok.span, person))
    return out


def person_names(doc: Document) -> list[str]:
    """Full names of people (``Ana Novak``), joined from consecutive name words."""
    hits = find_names(doc)
    text = doc.source.text
    out: list[str] = []
    known: set[str] = set()  # what ``out`` holds: a list scan per name was quadratic
    i = 0
    while i < len(hits):
        h = hits[i]
        if not h.person:
            i += 1
            continue
        parts = [h]
        j = i + 1
        while j < len(hits) and len(parts) < 3:
            gap = text[parts[-1].span.end : hits[j].span.start]
            if gap.strip() or "\n" in gap:
                break
            parts.append(hits[j])
            j += 1
        if len(parts) >= 2:
            name = " ".join(p.text for p in parts)
            if name not in known:
                known.add(name)
                out.append(name)
        i = j
    # "Eva Lovrec, učenka glasbene šole": a role word after the name
    for k in range(len(hits) - 1):
        a, b = hits[k], hits[k + 1]
        if a.person or b.person or text[a.span.end : b.span.start] != " ":
            continue
        after = text[b.span.end : b.span.end + 40]
        m = re.match(r",\s+([^\W\d_]+)", after)
        if m and m.group(1).lower().startswith(_role_cues(doc)):
            name = f"{a.text} {b.text}"
            if name not in known:
                known.add(name)
                out.append(name)
    return out


def _role_cues(doc: Document) -> tuple[str, ...]:
    cues = simplify_data(doc.lang).cues.get("person_titles", ())
    return tuple(c.lower() for c in cues if len(c) > 3 and not c.endswith("."))


class NameIndex:
    """Word forms and lemmas of a text, for name look-ups."""

    def __init__(self, words: Iterable[str], lemma: Callable[[str], str]) -> None:
        self._forms: dict[str, set[str]] = {}
        self._lemmas: set[str] = set()
        self._lemma = lemma
        for w in words:
            low = w.lower().replace("·", "").replace("\u00ad", "")
            self._forms.setdefault(low[:2], set()).add(low)
            self._lemmas.add(lemma(w))

    def contains(self, name: str) -> bool:
        """True when ``name`` occurs, in any inflected form."""
        low = name.lower().replace("·", "").replace("\u00ad", "")
        for form in self._forms.get(low[:2], ()):
            if forms_match(low, form):
                return True
        return self._lemma(name) in self._lemmas
