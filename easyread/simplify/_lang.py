"""Per-language data of the simplifier: question headings, labels, cue words.

Read from ``easyread/simplify/data/<code>.yaml`` with ``importlib.resources``.
Cue lists match at the start of a word, case-insensitively, so ``prijav``
finds ``prijave`` and ``prijavite``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

__all__ = ["SimplifyData", "simplify_data"]


@dataclass(frozen=True)
class SimplifyData:
    """Language data for the transforms and the fact extraction."""

    code: str
    headings: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    currency_symbols: tuple[str, ...] = ()
    currency_forms: Mapping[str, str] = field(default_factory=dict)
    relative_subject: str = ""
    relative_aux: frozenset[str] = frozenset()
    title_forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    more_headings: tuple[str, ...] = ()

    def heading(self, role: str) -> str:
        """The question heading for a section role."""
        return self.headings.get(role, "")

    def label(self, key: str) -> str:
        """A short label such as ``Naslov`` or ``Telefon``."""
        return self.labels.get(key, key.capitalize())

    @functools.cached_property
    def _cue_res(self) -> dict[str, re.Pattern[str]]:
        out = {}
        for key, words in self.cues.items():
            # a cue ending in "$" must be a whole word ("sobo$" is not "soboto")
            alts = "|".join(
                re.escape(w[:-1]) + r"(?!\w)" if w.endswith("$") else re.escape(w)
                for w in sorted(words, key=len, reverse=True)
            )
            # "€" and "£" are not word characters: no \b before them.
            out[key] = (
                re.compile(rf"(?<![\w])(?:{alts})", re.IGNORECASE)
                if alts
                else re.compile(r"(?!)")
            )
        return out

    def has_cue(self, key: str, text: str) -> bool:
        """True when ``text`` contains a cue word of the group ``key``."""
        rx = self._cue_res.get(key)
        return bool(rx and rx.search(text))

    def word_is(self, key: str, word: str) -> bool:
        """True when the single word ``word`` is a cue of group ``key``."""
        rx = self._cue_res.get(key)
        m = rx.match(word) if rx else None
        return m is not None

    def cue_before(self, key: str, text: str) -> Callable[[int], bool]:
        """A test ``end -> has_cue(key, text[:end])`` without copying prefixes.

        Asked for growing ``end`` (the facts of a sentence in order), all the
        answers together cost one pass over ``text``: hostile sentences have
        thousands of dates, and searching each date's whole prefix again was
        quadratic. Any ``end`` may be asked; the answers are always exact.
        """
        rx = self._cue_res.get(key)
        words = self.cues.get(key, ())
        if rx is None or not words:
            return lambda end: False
        longest = max(len(w) for w in words)
        # a "$" cue matched right at the cut may fail in a longer prefix
        # ("sobo" at the end of "... sobo|ta"); every other match stays valid
        cut_matters = any(w.endswith("$") for w in words)
        clean_upto = 0  # text[:clean_upto] has no cue
        found_from: int | None = None  # every text[:end] from here has one

        def before(end: int) -> bool:
            nonlocal clean_upto, found_from
            if found_from is not None and end >= found_from:
                return True
            # A cue in text[:end] that text[:clean_upto] lacks ends after
            # clean_upto, so it starts at most ``longest`` characters before.
            # (search with pos/endpos sees the text before pos for the
            # look-behind and treats endpos as the end of the string.)
            pos = max(0, clean_upto - longest) if end >= clean_upto else 0
            m = rx.search(text, pos, end)
            if m is None:
                clean_upto = max(clean_upto, end)
                return False
            if m.end() < end or not cut_matters:
                found_from = m.end() if found_from is None else min(found_from, m.end())
            return True

        return before

    def find_cue(self, key: str, text: str) -> re.Match[str] | None:
        """The first cue of group ``key`` in ``text``."""
        rx = self._cue_res.get(key)
        return rx.search(text) if rx else None


def _tuple(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


@functools.lru_cache(maxsize=8)
def simplify_data(code: str) -> SimplifyData:
    """The simplifier data for a language (empty data for an unknown code)."""
    try:
        text = (
            resources.files("easyread.simplify")
            .joinpath("data")
            .joinpath(f"{code}.yaml")
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError:
        return SimplifyData(code=code)
    raw = yaml.safe_load(text) or {}
    currency = raw.get("currency") or {}
    return SimplifyData(
        code=code,
        headings={str(k): str(v) for k, v in (raw.get("headings") or {}).items()},
        labels={str(k): str(v) for k, v in (raw.get("labels") or {}).items()},
        cues={str(k): _tuple(v) for k, v in (raw.get("cues") or {}).items()},
        currency_symbols=_tuple(currency.get("symbols")),
        currency_forms={
            str(k): str(v) for k, v in (currency.get("forms") or {}).items()
        },
        relative_subject=str(raw.get("relative_subject") or ""),
        relative_aux=frozenset(_tuple(raw.get("relative_aux"))),
        abbreviations={
            str(k): str(v) for k, v in (raw.get("abbreviations") or {}).items()
        },
        more_headings=_tuple(raw.get("more_headings")),
        title_forms={
            str(k): {str(c): str(f) for c, f in v.items()}
            for k, v in (raw.get("title_forms") or {}).items()
        },
    )
