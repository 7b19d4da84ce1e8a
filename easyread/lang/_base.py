"""Shared machinery of the language packs: tokens, sentences, data files.

A pack is code plus data. The data (word lists, abbreviations, glossary) lives
in ``easyread/lang/<code>/data/`` and is read lazily with ``importlib.resources``
the first time it is needed, so ``import easyread`` stays cheap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, time
from importlib import resources
from typing import Any

import yaml

from .._log import logger
from ..model import TokenKind
from . import Abbreviation, DateMatch, GlossaryEntry, NumberMatch, TimeMatch, WordLists

# libyaml's parser is ten times faster than the pure-Python one; both are safe.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Letters without digits or underscore; compounds joined by hyphen, apostrophe or
# the German reading dot (Halte·stelle) stay one word.
_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>()\"'„“”]+[^\s<>()\"'„“”.,;:!?])"
    # The look-behind and possessive ``++`` keep this linear on long runs of
    # dots, dashes or letters without an ``@`` (no other start can succeed).
    r"|(?P<email>(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<number>\d+(?:[.,:]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:[-'’·\u00ad][^\W\d_]+)*)"
    r"|(?P<punct>[.,;:!?…\"'„“”‚‘’«»()\[\]{}–—-])"
    r"|(?P<symbol>[^\w\s])"
)
_KINDS = {
    "url": TokenKind.URL,
    "email": TokenKind.EMAIL,
    "number": TokenKind.NUMBER,
    "word": TokenKind.WORD,
    "punct": TokenKind.PUNCT,
    "symbol": TokenKind.SYMBOL,
}
# By group number: every alternative of _TOKEN_RE is one named group with no
# capturing group inside, so a match's lastindex names its kind.
_KIND_BY_GROUP = {_TOKEN_RE.groupindex[name]: kind for name, kind in _KINDS.items()}
assert _TOKEN_RE.groups == len(_KINDS)

# Candidate sentence ends: terminal punctuation, closing quotes/brackets, then
# whitespace or the end of the text.
# Possessive runs and the look-behind keep this linear on 50,000 dots or "!!!x":
# a run that is not followed by whitespace fails once, not once per character.
_END_RE = re.compile(r"(?<![.!?…])[.!?…]++[\"'»«“”’)\]]*+(?=\s|$)")
_PREV_WORD_RE = re.compile(r"(\S+)$")
_NEXT_RE = re.compile(r"\s*[\"'„“‚«»(\[]*(\S+)")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_DIGIT_RE = re.compile(r"\d")
# A run of word characters and hyphens: where number words are looked up.
_RUN_RE = re.compile(r"[\w-]+")


def _as_set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _as_tuple(values: Any) -> tuple[str, ...]:
    return tuple(str(v).lower() for v in values or ())


class BasePack:
    """Behaviour shared by all packs. Subclasses set data and override hooks."""

    code: str = ""
    name: str = ""
    #: words after which "12." is an ordinal even before a capital (German "am 3. Mai")
    ordinal_before_capital: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self._lemma_cached: Callable[[str], str] = functools.lru_cache(maxsize=200_000)(
            self._lemma_uncached
        )
        self._lemmatizer: Callable[[str], str] | None = None
        # Each sentence is tokenised when the document is loaded (segment) and
        # again when its units are built for the check: keep the last results.
        self._tokens: Callable[[str], tuple[tuple[int, int, TokenKind], ...]] = (
            functools.lru_cache(maxsize=2048)(self._tokens_uncached)
        )

    # ------------------------------------------------------------------ data
    def _data_file(self, name: str) -> str:
        ref = resources.files(f"easyread.lang.{self.code}").joinpath("data", name)
        return ref.read_text(encoding="utf-8")

    def _data_yaml(self, name: str) -> Any:
        try:
            return yaml.load(self._data_file(name), Loader=_YAML_LOADER) or {}
        except FileNotFoundError:
            logger.warning("language pack %s has no %s", self.code, name)
            return {}

    @functools.cached_property
    def words(self) -> WordLists:
        """Closed word classes from ``words.yaml``."""
        d = self._data_yaml("words.yaml")
        return WordLists(
            coordinating=_as_set(d.get("coordinating")),
            subordinating=_as_tuple(d.get("subordinating")),
            relative=_as_set(d.get("relative")),
            negation=_as_set(d.get("negation")),
            conditional=_as_set(d.get("conditional")),
            passive_aux=_as_set(d.get("passive_aux")),
            passive_participle_suffixes=_as_tuple(d.get("passive_participle_suffixes")),
            second_person_singular=_as_set(d.get("second_person_singular")),
            second_person_plural=_as_set(d.get("second_person_plural")),
            second_person_plural_cased=frozenset(
                str(v) for v in d.get("second_person_plural_cased") or ()
            ),
            impersonal=_as_set(d.get("impersonal")),
            number_words={
                str(k).lower(): int(v) for k, v in (d.get("number_words") or {}).items()
            },
            ordinal_words={
                str(k).lower(): int(v)
                for k, v in (d.get("ordinal_words") or {}).items()
            },
            idioms=_as_tuple(d.get("idioms")),
            nominal_suffixes=_as_tuple(d.get("nominal_suffixes")),
            synonym_sets=tuple(_as_tuple(s) for s in d.get("synonym_sets") or ()),
            weekdays=_as_tuple(d.get("weekdays")),
            months=_as_tuple(d.get("months")),
            months_genitive=_as_tuple(d.get("months_genitive")),
            foreign=_as_set(d.get("foreign")),
        )

    @functools.cached_property
    def abbreviations(self) -> Mapping[str, Abbreviation]:
        """Abbreviations by written form, from ``abbreviations.yaml``."""
        out: dict[str, Abbreviation] = {}
        for key, value in (self._data_yaml("abbreviations.yaml") or {}).items():
            spec = value if isinstance(value, dict) else {"expand": str(value)}
            out[str(key)] = Abbreviation(
                text=str(key),
                expand=str(spec.get("expand", "")),
                title=bool(spec.get("title", False)),
                can_end=bool(spec.get("can_end", False)),
            )
        return out

    @functools.cached_property
    def _abbrev_end_re(self) -> re.Pattern[str]:
        # Longest first, so "d. o. o." wins over "o."; also the capitalised form
        # of lower-case abbreviations (sentence start: "Npr.").
        forms: dict[str, str] = {}
        for key in self.abbreviations:
            forms[key] = key
            cap = key[:1].upper() + key[1:]
            forms.setdefault(cap, key)
        self._abbrev_forms = forms
        alts = "|".join(re.escape(k) for k in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?:^|(?<=[\s(„\"'«»\[/-]))(?:{alts})$")

    @functools.cached_property
    def _abbrev_find_re(self) -> re.Pattern[str]:
        self._abbrev_end_re  # noqa: B018 - fills _abbrev_forms
        alts = "|".join(
            re.escape(k) for k in sorted(self._abbrev_forms, key=len, reverse=True)
        )
        return re.compile(rf"(?<![\w.])(?:{alts})(?!\w)")

    def find_abbreviations(self, text: str) -> list[tuple[int, int, Abbreviation]]:
        """Find known abbreviations written with dots."""
        if not self.abbreviations:
            return []
        out = []
        for m in self._abbrev_find_re.finditer(text):
            key = self._abbrev_forms[m.group()]
            out.append((m.start(), m.end(), self.abbreviations[key]))
        return out

    @functools.cached_property
    def _acronym_data(self) -> dict[str, Any]:
        data = self._data_yaml("acronyms.yaml")
        return data if isinstance(data, dict) else {}

    @property
    def acronyms(self) -> Mapping[str, str]:
        """Acronym -> expansion, from ``acronyms.yaml``."""
        return {
            str(k): str(v) for k, v in (self._acronym_data.get("expand") or {}).items()
        }

    @property
    def known_acronyms(self) -> frozenset[str]:
        """Acronyms readers know without explanation."""
        return frozenset(str(v) for v in self._acronym_data.get("known") or ())

    @functools.cached_property
    def easy_words(self) -> frozenset[str]:
        """Common words and lemmas (``easy_words.txt``), lower case."""
        try:
            text = self._data_file("easy_words.txt")
        except FileNotFoundError:
            logger.warning("language pack %s has no easy-word list", self.code)
            return frozenset()
        return frozenset(
            line.strip().lower()
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )

    def is_easy_word(self, word: str) -> bool:
        """True when the word form or its lemma is a common word."""
        low = word.lower()
        easy = self.easy_words
        return low in easy or self.lemma(word) in easy

    @functools.cached_property
    def glossary(self) -> Sequence[GlossaryEntry]:
        """The starter glossary of the pack (``glossary.yaml``)."""
        from ..glossary import parse_entries

        raw = self._data_yaml("glossary.yaml")
        return parse_entries(
            raw if isinstance(raw, list) else [], source=f"{self.code}:glossary"
        )

    # ---------------------------------------------------------------- tokens
    def tokenize(self, text: str) -> list[tuple[int, int, TokenKind]]:
        """Return ``(start, end, kind)`` for every token in ``text``."""
        return list(self._tokens(text))

    def _tokens_uncached(self, text: str) -> tuple[tuple[int, int, TokenKind], ...]:
        kinds = _KIND_BY_GROUP
        return tuple(
            (m.start(), m.end(), kinds.get(m.lastindex or 0, TokenKind.SYMBOL))
            for m in _TOKEN_RE.finditer(text)
        )

    # ------------------------------------------------------------- sentences
    def split_sentences(self, text: str) -> list[tuple[int, int]]:
        """Return ``(start, end)`` of each sentence; whitespace is trimmed."""
        cuts: list[int] = []
        for m in _END_RE.finditer(text):
            if self._is_boundary(text, m.start(), m.end()):
                cuts.append(m.end())
        spans: list[tuple[int, int]] = []
        start = 0
        for cut in [*cuts, len(text)]:
            s, e = start, cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
            start = cut
        return spans

    def _next_word(self, text: str, pos: int) -> str:
        m = _NEXT_RE.match(text, pos)
        return m.group(1) if m else ""

    def _is_boundary(self, text: str, p_start: int, p_end: int) -> bool:
        punct = text[p_start:p_end]
        nxt = self._next_word(text, p_end)
        if not nxt:
            return True  # end of text
        first = nxt[0]
        if "!" in punct or "?" in punct or "…" in punct:
            return not first.islower()
        if punct.startswith(".."):
            return not first.islower()
        # A single dot: abbreviation, ordinal, initial, or sentence end?
        if self.abbreviations and self._inside_abbreviation(text, p_start):
            return False  # the first dot of "z. B." or "t. i."
        window = text[max(0, p_start - 24) : p_start + 1]
        am = self._abbrev_end_re.search(window) if self.abbreviations else None
        if am:
            abbr = self.abbreviations[self._abbrev_forms[am.group()]]
            if abbr.title:
                return False
            if abbr.can_end:
                return first.isupper()
            return False
        pm = _PREV_WORD_RE.search(text, max(0, p_start - 64), p_start)
        prev = pm.group(1) if pm else ""
        if prev and prev[-1].isdigit():
            return self._number_dot_is_boundary(
                text, pm.start() if pm else 0, prev, nxt
            )
        if len(prev) == 1 and prev.isupper():
            return False  # an initial: "J. Novak"
        # A dot before a lower-case word is an unknown abbreviation: "cca. pet".
        return not first.islower()

    def _inside_abbreviation(self, text: str, pos: int) -> bool:
        """True when the dot at ``pos`` is inside a multi-part abbreviation."""
        lo = max(0, pos - 12)
        for m in self._abbrev_find_re.finditer(text, lo, min(len(text), pos + 12)):
            if m.start() <= pos < m.end() - 1:
                return True
        return False

    def _number_dot_is_boundary(
        self, text: str, prev_start: int, prev: str, nxt: str
    ) -> bool:
        first = nxt[0]
        if first.islower() or first.isdigit():
            return False  # "10. maja", "ob 10. uri", "10. 5. 2024"
        digits = re.search(r"(\d+)$", prev)
        if digits is None or len(digits.group(1)) > 2:
            return True  # "... 01 234 56 78. Društvo" has 2 digits; years never are ordinals
        if nxt.rstrip(".,").lower() in self.words.months:
            return False
        end = prev_start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        before = _PREV_WORD_RE.search(text, max(0, end - 64), end)
        before_word = before.group(1).lower() if before else ""
        return before_word not in self.ordinal_before_capital

    # -------------------------------------------------------------- lemmas
    def _make_lemmatizer(self) -> Callable[[str], str]:
        # lemmagen3 first: better lemmas (Slovenian 40/41 against simplemma's
        # 35/41 in our measurements) and its models load in milliseconds, where
        # simplemma decodes a whole dictionary per process (German: 1-2 s).
        # simplemma is the pure-Python fallback where lemmagen3 has no wheel.
        try:
            from lemmagen3 import Lemmatizer
        except ImportError:
            pass
        else:
            lem = Lemmatizer(self.code)
            return lambda w: str(lem.lemmatize(w))
        try:
            import simplemma
        except ImportError:  # pragma: no cover - one of the two is always installed
            logger.warning("no lemmatiser installed; lemmas are lower-case words")
            return str.lower
        logger.info(
            "lemmagen3 is not installed; using simplemma for %s lemmas", self.code
        )
        code = self.code

        def lemmatize(word: str) -> str:
            return str(simplemma.lemmatize(word, lang=code))

        return lemmatize

    def _lemma_uncached(self, word: str) -> str:
        if self._lemmatizer is None:
            self._lemmatizer = self._make_lemmatizer()
        if not word or not word[0].isalpha():
            return word.lower()
        return self._lemmatizer(self._lemma_input(word)).lower()

    def _lemma_input(self, word: str) -> str:
        return word.lower()

    def lemma(self, word: str) -> str:
        """Return the dictionary form of ``word`` in lower case."""
        return self._lemma_cached(word)

    # ------------------------------------------------------------ syllables
    def syllables(self, word: str) -> int:  # pragma: no cover - every pack overrides
        """Return the number of syllables (at least 1 for a word with letters)."""
        raise NotImplementedError

    # -------------------------------------------------------------- numbers
    @functools.cached_property
    def _number_re(self) -> re.Pattern[str]:
        words = set(self.words.number_words or {}) | set(self.words.ordinal_words or {})
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        compound = self._compound_number_pattern()
        body = f"{compound}|{alts}" if compound else alts
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    @functools.cached_property
    def _number_runs(self) -> tuple[bool, re.Pattern[str] | None]:
        """Whether number words can be looked up run by run, and the compound pattern.

        A match of ``_number_re`` is bounded by characters outside ``[\\w-]``;
        when every number word (and every compound) is made of word characters
        and hyphens, a match is exactly one maximal ``[\\w-]+`` run, so a set
        lookup per run finds the same numbers as trying ~200 alternatives at
        every position.
        """
        words = set(self.words.number_words or {}) | set(self.words.ordinal_words or {})
        simple = all(_RUN_RE.fullmatch(w) for w in words)
        compound = self._compound_number_pattern()
        return simple, re.compile(compound, re.IGNORECASE) if compound else None

    def _compound_number_pattern(self) -> str:
        """A regex for compound number words; it must match letters and hyphens only."""
        return ""

    def _compound_number_value(self, text: str) -> int | None:
        return None

    def find_number_words(self, text: str) -> list[NumberMatch]:
        """Find numbers written as words ("pet", "twenty-five")."""
        if not self.words.number_words:
            return []
        out = []
        cardinals = self.words.number_words or {}
        ordinals = self.words.ordinal_words or {}
        simple, compound = self._number_runs
        if simple:
            for m in _RUN_RE.finditer(text):
                run = m.group()
                low = run.lower()
                if low in cardinals:
                    out.append(NumberMatch(m.start(), m.end(), cardinals[low]))
                elif low in ordinals:
                    out.append(
                        NumberMatch(m.start(), m.end(), ordinals[low], ordinal=True)
                    )
                elif compound is not None and compound.fullmatch(run):
                    value = self._compound_number_value(low)
                    if value is not None:
                        out.append(NumberMatch(m.start(), m.end(), value))
            return out
        for m in self._number_re.finditer(text):
            low = m.group().lower()
            if low in cardinals:
                out.append(NumberMatch(m.start(), m.end(), cardinals[low]))
            elif low in ordinals:
                out.append(NumberMatch(m.start(), m.end(), ordinals[low], ordinal=True))
            else:
                value = self._compound_number_value(low)
                if value is not None:
                    out.append(NumberMatch(m.start(), m.end(), value))
        return out

    # -------------------------------------------------------- dates, times
    def find_dates(self, text: str) -> list[DateMatch]:  # pragma: no cover
        """Find dates in running text."""
        raise NotImplementedError

    def find_times(self, text: str) -> list[TimeMatch]:  # pragma: no cover
        """Find clock times in running text."""
        raise NotImplementedError

    def format_date(
        self, value: date, *, weekday: bool = True, sentence: bool = True
    ) -> str:  # pragma: no cover
        """Write a date the easy-read way."""
        raise NotImplementedError

    def format_time(
        self, value: time, *, sentence: bool = True
    ) -> str:  # pragma: no cover
        """Write a clock time the easy-read way."""
        raise NotImplementedError

    def format_time_range(self, start: time, end: time) -> str:  # pragma: no cover
        """Write a time range in words."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<LanguagePack {self.code}>"


class PrefixedPattern:
    """A date or time pattern: an optional prefix, then a core that starts with a digit.

    ``v sredo, 13. maja``, ``ob 10. uri``, ``on Monday 3 May``: the regex
    engine tries the optional weekday or preposition at every position of a
    sentence, which made these patterns a visible share of a check.
    :meth:`matches` searches for the core instead (a digit must be there) and
    tries the whole pattern only where its prefix can start: in the run of
    letters, white space and ``prefix_chars`` just before the core. The
    result is exactly ``list(re.finditer(prefix + core, text, flags))``
    as long as the prefix matches nothing but such characters; the packs'
    tests compare the two on the corpus and on generated text.
    """

    __slots__ = ("_chars", "_core", "pattern")

    def __init__(
        self, prefix: str, core: str, flags: int = 0, *, prefix_chars: str = ""
    ) -> None:
        #: The whole pattern, as one regex (what :meth:`matches` finds).
        self.pattern = re.compile(prefix + core, flags)
        self._core = re.compile(core, flags)
        self._chars = prefix_chars

    def matches(self, text: str) -> list[re.Match[str]]:
        """``list(self.pattern.finditer(text))``, found from the cores."""
        pattern, core, chars = self.pattern, self._core, self._chars
        out: list[re.Match[str]] = []
        pos = scan = 0  # where the next match may start; where to look for a core
        while (found := core.search(text, scan)) is not None:
            at = found.start()
            if _DIGIT_RE.match(text, at) is None:
                # A core that does not start with a digit: the search below
                # would not be exact, so use the regex as it is.
                return list(pattern.finditer(text))
            start = at
            while start > pos:
                ch = text[start - 1]
                if not (ch.isalpha() or ch.isspace() or ch in chars):
                    break
                start -= 1
            # The leftmost match starting in [start, at]: the same one
            # finditer finds (no match can start before ``start``, since a
            # prefix holds no digit and no other character).
            match = None
            for begin in range(start, at + 1):
                match = pattern.match(text, begin)
                if match is not None:
                    break
            if match is None:
                scan = at + 1
                continue
            if match.end() <= match.start():  # pragma: no cover - cores hold a digit
                return list(pattern.finditer(text))
            out.append(match)
            pos = scan = match.end()
        return out


def drop_overlaps(matches: Sequence[Any]) -> list[Any]:
    """Keep the earliest, then longest, of overlapping matches (``start``/``end``)."""
    out: list[Any] = []
    last_end = -1
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def year_of(text: str | None) -> int | None:
    """Turn a 2- or 4-digit year into a full year (``26`` -> 2026)."""
    if not text:
        return None
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def has_digit(text: str) -> bool:
    """True when ``text`` has a digit (``\\d``).

    Every date and time pattern needs one; most sentences have none, and
    without this check each pattern is tried at every position of them.
    """
    return _DIGIT_RE.search(text) is not None


def is_roman(word: str) -> bool:
    """True for words made only of Roman numeral letters (``XIV``)."""
    return bool(_ROMAN_RE.match(word))
