"""Split long sentences at safe clause boundaries, one sentence per line.

Safe boundaries, never inside quotes or brackets:

* a semicolon (always, also in short sentences);
* a colon followed by a whole clause ("Die Stadt informiert: Ab Montag ...");
* a comma + coordinating conjunction that joins two clauses (sl ``, ampak``,
  ``, zato``; en ``, and we``; de ``, und unsere ...``), and sl ``in`` between
  two clauses that each have their own verb (Slovenian drops subjects, so the
  second clause needs no repair);
* Slovenian second-position ``pa`` (``Izlet bo v četrtek, odpravili pa se
  bomo na Ptuj`` -> ``... v četrtek. Odpravili se bomo na Ptuj.``);
* a relative clause after which the verb follows at once: sl ``, ki bo v
  torek`` -> ``To bo v torek``, en ``, which is`` -> ``It is``; sl ``, kjer``
  -> ``Tam``.

The split repairs what it needs: a full stop, a capital letter and, for a
relative clause, a subject. A Slovenian clause that would start with a clitic
(``je``, ``bo``, ``se``) is never split off. Sentences that are still too long
are reported for a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..lang import LanguagePack
from ..model import BlockKind, TokenKind
from ._enum import find_enumeration, is_verb
from ._find import FactHit, find_facts
from ._lang import simplify_data
from ._text import SegText
from ._util import tidy
from .pipeline import Context, Recorder, State, transform

__all__ = ["Sentences", "word_count"]

_SL_CLITICS = frozenset(
    [
        "je",
        "so",
        "bo",
        "bodo",
        "bi",
        "se",
        "si",
        "mu",
        "ga",
        "jo",
        "jih",
        "jim",
        "ji",
        "mi",
        "ti",
        "nam",
        "vam",
        "sem",
        "smo",
        "ste",
        "sta",
        "bom",
        "bomo",
        "boste",
        "bova",
        "sva",
    ]
)
_SL_DROP = {"in", "ter", "pa", "a", "saj"}
_SL_KEEP = {"ampak", "vendar", "toda", "zato"}
_EN_DROP = {"and"}
_EN_KEEP = {"but", "so"}
_DE_DROP = {"und", "denn"}
_DE_KEEP = {"aber"}
_EN_SUBJECT = frozenset(
    [
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "there",
        "this",
        "these",
        "those",
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "my",
        "all",
        "everyone",
    ]
)
_EN_PRONOUNS = frozenset(
    ["i", "you", "we", "they", "he", "she", "it", "there", "our", "your", "their", "my"]
)
_EN_QUANTIFIERS = frozenset(
    [
        "many",
        "some",
        "most",
        "all",
        "people",
        "everyone",
        "each",
        "every",
        "this",
        "these",
        "those",
    ]
)
_EN_IMPERATIVES = frozenset(
    [
        "avoid",
        "bring",
        "call",
        "come",
        "take",
        "keep",
        "check",
        "ask",
        "tell",
        "use",
        "make",
        "go",
        "wear",
        "eat",
        "drink",
        "do",
        "please",
        "contact",
        "book",
        "visit",
        "read",
        "write",
        "send",
        "phone",
        "email",
    ]
)
_EN_SHARED_VERBS = frozenset(
    [
        "thank",
        "hope",
        "wish",
        "ask",
        "invite",
        "apologise",
        "apologize",
        "look",
        "will",
        "can",
        "are",
        "have",
        "need",
        "want",
        "would",
    ]
)
_EN_AUX = frozenset(
    [
        "can",
        "will",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "must",
        "should",
        "may",
        "might",
        "could",
        "would",
        "do",
        "does",
    ]
)
_EN_REPORT_RE = re.compile(
    r"\b(?:advise|inform|remind|notify|tell)\s+(?:[a-z]+\s+){0,3}?(?P<that>that),?\s+",
    re.IGNORECASE,
)
_DE_PRONOUNS = frozenset(["ich", "du", "er", "sie", "es", "wir", "ihr", "man"])
_DE_SUBJECT = frozenset(
    [
        "ich",
        "du",
        "er",
        "sie",
        "es",
        "wir",
        "ihr",
        "man",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "einen",
        "unser",
        "unsere",
        "ihr",
        "ihre",
        "dies",
        "diese",
        "dieser",
        "alle",
        "viele",
        "jeder",
        "jede",
    ]
)
_DE_NOT_VERB = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "und",
        "oder",
        "aber",
        "mit",
        "von",
        "zu",
        "zum",
        "zur",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "bis",
        "für",
        "nach",
        "über",
        "unter",
        "vor",
        "durch",
        "gegen",
        "ohne",
        "um",
        "nicht",
        "auch",
        "noch",
        "schon",
        "nur",
        "sehr",
        "bitte",
        "wir",
        "sie",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "unser",
        "unsere",
        "unseren",
        "es",
        "er",
        "man",
        "ab",
    ]
)
_SL_AFTER_AUX = frozenset(
    [
        "v",
        "na",
        "ob",
        "pri",
        "od",
        "do",
        "s",
        "z",
        "že",
        "tudi",
        "predvidoma",
        "vsak",
        "vsako",
        "vsako",
        "samo",
        "le",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")


def self_subject(ctx: Context) -> str:
    """The subject a relative clause gets ("To", "It"); its sentence stands alone."""
    return simplify_data(ctx.lang).relative_subject


def _en_subject(left: str) -> str:
    """A pronoun for the subject of the clause ``left`` ("Tickets ..." -> "They")."""
    words = _words(left)
    if not words:
        return ""
    head = (
        words[1]
        if words[0].lower() in ("the", "a", "an", "our", "your", "this", "these")
        and len(words) > 1
        else words[0]
    )
    if head.lower() in _EN_PRONOUNS or not head[:1].isalpha():
        return ""
    return (
        "They"
        if head.lower().endswith("s") and not head.lower().endswith("ss")
        else "It"
    )


def word_count(text: str, ctx: Context) -> int:
    """Words and numbers, counted as the checker counts them."""
    return sum(
        1
        for _, _, k in ctx.pack.tokenize(text)
        if k in (TokenKind.WORD, TokenKind.NUMBER)
    )


@dataclass(frozen=True, slots=True)
class _Cut:
    start: int  # text[start:end] is removed
    end: int
    insert: str  # put at the start of the right part ("To ")
    priority: int  # lower first
    reason: str
    move_clitics: bool = (
        False  # sl: "je dostopna z dvigalom" -> "Dostopna je z dvigalom"
    )


def _outside(text: str) -> list[bool]:
    """For each position: True when not inside brackets or quotes."""
    out, depth, quote = [], 0, False
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in '„»«“"':
            if ch in "„»":
                quote = True
            elif ch in "“«" and quote:
                quote = False
            elif ch == '"':
                quote = not quote
        out.append(depth == 0 and not quote)
    return out


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _has_verb(text: str, ctx: Context) -> bool:
    words = _words(text)
    if ctx.lang == "de":
        return any(
            w.islower()
            and w not in _DE_NOT_VERB
            and (w.endswith(("en", "t", "st", "et")) or is_verb(w, ctx.pack))
            for w in words
        )
    return any(is_verb(w, ctx.pack) for w in words)


def _sl_finite(text: str, ctx: Context) -> bool:
    """A Slovenian clause with its own finite verb (not only an l-participle)."""
    for w in _words(text):
        low = w.lower()
        if low in ctx.pack.words.passive_aux:
            return True
        if is_verb(w, ctx.pack) and not low.endswith(("l", "la", "lo", "li", "le")):
            return True
    return False


_SL_AUX = frozenset(
    [
        "je",
        "so",
        "bo",
        "bodo",
        "sem",
        "smo",
        "ste",
        "sta",
        "sva",
        "bom",
        "bomo",
        "boste",
        "bova",
    ]
)
_SL_PARTICIPLE_RE = re.compile(r"^[a-zčšž]{4,}(?:ljen|jen|en|an)(?:a|o|i|e)?$")
_SL_DATED_PP_RE = re.compile(
    r"^(?P<pp>(?:od|do|v|s|z) [^\W\d_]+, \d{1,2}\. [^\W\d_]+(?: \d{4})?,) "
)
_SL_REPORTING = frozenset(
    {
        "obveščati",
        "obvestiti",
        "sporočati",
        "sporočiti",
        "opozarjati",
        "opozoriti",
        "javljati",
        "javiti",
    }
)
_SL_PREPOSITIONS = frozenset(
    [
        "v",
        "na",
        "z",
        "s",
        "k",
        "h",
        "o",
        "ob",
        "po",
        "pri",
        "od",
        "do",
        "iz",
        "za",
        "pred",
        "med",
        "nad",
        "pod",
        "brez",
        "čez",
        "skozi",
        "proti",
        "zaradi",
        "kljub",
        "izpred",
    ]
)
_SL_FUNCTION = frozenset(
    [
        "v",
        "na",
        "z",
        "s",
        "k",
        "h",
        "o",
        "ob",
        "po",
        "pri",
        "od",
        "do",
        "iz",
        "za",
        "pred",
        "med",
        "nad",
        "pod",
        "brez",
        "čez",
        "skozi",
        "proti",
        "zaradi",
        "ta",
        "to",
        "te",
        "ti",
        "tisti",
        "tista",
        "tisto",
        "vsak",
        "vsaka",
        "vsako",
        "vsi",
        "vse",
        "ves",
        "noben",
        "nekaj",
        "njegov",
        "njen",
        "njihov",
        "moj",
        "vaš",
        "naš",
        "svoj",
        "ki",
        "kar",
        "kateri",
        "katera",
        "katero",
        "in",
        "ali",
        "pa",
        "ter",
        "a",
        "ne",
        "tudi",
        "že",
        "še",
        "le",
        "samo",
    ]
)
_SL_SUBORDINATE_START = frozenset(
    [
        "ki",
        "ker",
        "če",
        "da",
        "ko",
        "kjer",
        "kamor",
        "koder",
        "kateri",
        "katera",
        "katero",
        "katere",
        "katerega",
        "kdor",
        "kar",
        "čeprav",
        "dokler",
        "kadar",
        "preden",
        "medtem",
        "kot",
        "kakor",
        "kolikor",
        "naj",
    ]
)


def sl_move_clitics(text: str, pack: LanguagePack | None = None) -> str | None:
    """Put the Slovenian clitics of a clause back in second place; None when unsafe.

    A Slovenian clause cannot start with a clitic. When a split leaves one in
    front, what follows the clitics moves before them: one word (a participle,
    adjective or adverb: ``je dostopna z dvigalom`` -> ``dostopna je z
    dvigalom``) or, with ``pack``, a whole prepositional phrase (``bo zaradi
    del v torek zaprta`` -> ``zaradi del bo v torek zaprta``). Only clusters with
    an auxiliary (je, bo, so ...) are moved: a lone "se" belongs to a verb whose
    auxiliary stayed in the other clause.
    """
    words = text.split(" ")
    k = 0
    while k < len(words) and words[k].lower() in _SL_CLITICS:
        k += 1
    if k == 0 or k >= len(words):
        return None
    if not any(w.lower() in _SL_AUX for w in words[:k]):
        return None
    nxt = words[k]
    core = nxt.rstrip(",.;:")
    rest_text = " ".join(words[k:])
    dated = _SL_DATED_PP_RE.match(rest_text)
    if pack is not None and dated:
        # "bomo od srede, 1. aprila 2026, uvedli" -> "od srede, 1. aprila 2026, bomo uvedli"
        pp = dated.group("pp").rstrip(",")
        after = rest_text[dated.end() :]
        return " ".join([pp + ",", *words[:k]]) + " " + after
    if pack is not None and core.lower() in _SL_PREPOSITIONS and core == nxt:
        j = k + 1
        while j < len(words):
            w = words[j]
            bare = w.strip(",.;:")
            if (
                not bare
                or bare.lower() in _SL_PREPOSITIONS
                or bare.lower() in _SL_CLITICS
            ):
                break
            if bare.isalpha() and bare.islower() and is_verb(bare, pack):
                break
            j += 1
            if w != bare and not (bare.isdigit() and w == bare + "."):
                return None  # a comma or full stop ends the phrase (an ordinal "1." does not)
        if j == k + 1 or j >= len(words):
            return None
        return " ".join([*words[k:j], *words[:k], *words[j:]])
    if core != nxt or not core.isalpha() or not core.islower() or core in _SL_FUNCTION:
        return None
    return " ".join([nxt, *words[:k], *words[k + 1 :]])


def _segment_to_comma(text: str) -> str:
    """The text up to the next comma, semicolon or colon (outside brackets)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in ",;:" and depth == 0:
            return text[:i]
    return text


_NEVER = re.compile(r"(?!)")
# "<subject> <copula> <when> <where>": a short capitalised subject and a copula
_COPULA_RE = {
    "sl": re.compile(
        r"(?P<subj>[A-ZČŠŽ][^\W\d_]*(?: [^\W\d_]+){0,3} )(?P<aux>bo|bodo|je|so)\s+"
    ),
    "en": re.compile(
        r"(?P<subj>[A-Z][^\W\d_]*(?: [^\W\d_]+){0,3} )(?P<aux>is|are|will be|was)\s+"
    ),
    "de": re.compile(
        r"(?P<subj>[A-ZÄÖÜ][^\W\d_]*(?: [^\W\d_]+){0,3} )(?P<aux>ist|sind|wird)\s+"
    ),
}
_PLACE_COPULA = {"sl": "To bo", "en": "It is", "de": "Das ist"}
_WHERE_RE = {
    "sl": re.compile(r"[\s,]*(?P<prep>(?:v|na|pri|pred) )"),
    "en": re.compile(r"[\s,]*(?P<prep>(?:in|at) (?:the |our |St )?[A-Za-z])"),
    "de": re.compile(r"[\s,]*(?P<prep>(?:im|in der|in den|auf dem|vor dem) )"),
}


# "If you are unable to come, please call us." -> "Are you unable to come? Please call us."
_CONDITION_RE = {
    "en": re.compile(
        r"^If you (?P<verb>are|can|have|need|want|would like|think|feel|live|use)\b(?P<rest>[^,;]+),\s+(?P<main>\S.*)$"
    ),
    "sl": re.compile(
        r"^Če (?P<verb>želite|potrebujete|imate|ste|boste|morate|ne morete|ne želite|ne potrebujete)\b"
        r"(?P<rest>[^,;]+),\s+(?P<main>\S.*)$"
    ),
    "de": re.compile(
        r"^Wenn Sie (?P<rest>[^,;]+?) (?P<verb>haben|sind|möchten|brauchen|wollen|können),\s+(?P<main>\S.*)$"
    ),
}
_EN_WHEN_RE = re.compile(
    r"^When (?P<sub>[^,;]+),\s+(?P<main>(?:it|they|you|we|he|she|there|this)\b.*)$"
)
_EN_QUESTION = {
    "are": "Are you",
    "can": "Can you",
    "have": "Do you have",
    "need": "Do you need",
    "want": "Do you want",
    "would like": "Would you like",
    "think": "Do you think",
    "feel": "Do you feel",
    "live": "Do you live",
    "use": "Do you use",
}


# Frames that only wrap the message: "We recommend that you store water" -> "Please store water".
_FRAMES = {
    "en": (
        (
            re.compile(
                r"^(?:We|I) (?:would )?(?:recommend|suggest|advise|ask)(?: that)? you (?=[a-z])"
            ),
            "Please ",
        ),
        (re.compile(r"^Please note that (?=\S)"), ""),
    ),
    "de": (),
    "sl": (),
}
_DE_ADVICE_RE = re.compile(
    r"^Wir (?:empfehlen|bitten) Ihnen,? (?P<rest>(?:sich )?[^,;]+?) zu (?P<verb>[a-zäöüß]+)(?P<end>[.!]?)$"
)
_DE_ASK_RE = re.compile(
    r"^Wir bitten Sie,? (?P<rest>(?:sich )?[^,;]+?) zu (?P<verb>[a-zäöüß]+)(?P<end>[.!]?)$"
)


def _drop_frame(seg: SegText, ctx: Context, rec: Recorder) -> SegText | None:
    """Rewrite a wrapping frame into a direct request (the words after it are kept)."""
    text = seg.text
    for rx, repl in _FRAMES.get(ctx.lang, ()):
        m = rx.match(text)
        if m:
            new = seg.replace(0, m.end(), repl).capitalise()
            rec.record(
                seg.span(0, m.end()),
                text[: m.end()],
                repl,
                "frame around the message made a direct request",
            )
            return new
    if ctx.lang == "de":
        m = _DE_ADVICE_RE.match(text) or _DE_ASK_RE.match(text)
        if m and len(_words(m.group("rest"))) <= 12:
            rest = m.group("rest")
            new_text = f"Bitte {m.group('verb')} Sie {rest}{m.group('end') or '.'}"
            new = seg.replace(0, len(text), new_text)
            rec.record(
                seg.span(),
                text,
                new_text,
                "frame around the message made a direct request",
            )
            return new
    return None


_EN_MIDDLE_WHICH_RE = re.compile(
    r"^(?P<subj>(?:The|Our|This|These|Your|All) [^,]{1,50}), which (?P<rel>(?:is|are|was|were|will) [^,]+), "
    r"(?P<main>(?:will|is|are|can|has|have|was|were|must|should) \S.*)$"
)


def _middle_relative(
    seg: SegText, ctx: Context, rec: Recorder
) -> tuple[SegText, SegText] | None:
    """ "The works, which start in June, will include X." -> "The works will include X." + "They start in June."."""
    if ctx.lang != "en":
        return None
    m = _EN_MIDDLE_WHICH_RE.match(seg.text)
    if m is None:
        return None
    head = _words(m.group("subj"))[-1]
    pronoun = (
        "They"
        if head.lower().endswith("s") and not head.lower().endswith("ss")
        else "It"
    )
    main = seg.slice(m.start("subj"), m.end("subj")) + SegText.synthetic(
        " ", seg.offset_at(m.end("subj"))
    )
    main = main + seg.slice(m.start("main"))
    rel = SegText.synthetic(pronoun + " ", seg.offset_at(m.start("rel"))) + seg.slice(
        m.start("rel"), m.end("rel")
    )
    rec.record(seg.span(m.end("subj"), m.start("main")), seg.text[m.end("subj") : m.start("main")], " ",
               "relative clause moved into its own sentence")  # fmt: skip
    return tidy(main).ensure_stop(), tidy(rel).ensure_stop()


_EN_CAUSE_RE = re.compile(
    r"^(?:Owing to|Due to|Because of) (?P<cause>[^,;]{3,80}), (?P<main>\S.*)$"
)


def _cause_after(
    seg: SegText, ctx: Context, rec: Recorder
) -> tuple[SegText, SegText] | None:
    """ "Owing to X, Y." -> "Y." + "This is because of X." (the message first)."""
    if ctx.lang != "en":
        return None
    m = _EN_CAUSE_RE.match(seg.text)
    if m is None:
        return None
    main = tidy(seg.slice(m.start("main"))).capitalise().ensure_stop()
    cause = SegText.synthetic("This is because of ", seg.anchor) + seg.slice(
        m.start("cause"), m.end("cause")
    )
    rec.record(seg.span(0, m.start("main")), seg.text[: m.start("main")], "",
               "the message first, the reason in its own sentence")  # fmt: skip
    return main, tidy(cause).ensure_stop()


def _condition_as_question(
    seg: SegText, ctx: Context, rec: Recorder
) -> tuple[SegText, SegText] | None:
    """A leading condition becomes a question, the rest the answer (easy-read style)."""
    if ctx.lang == "en":
        w = _EN_WHEN_RE.match(seg.text)
        if w and len(_words(w.group("sub"))) <= 8 and len(_words(w.group("main"))) >= 3:
            # "When the water comes back on, it may look cloudy." -> "The water comes back on. Then it may ..."
            first = (
                tidy(seg.slice(w.start("sub"), w.end("sub"))).capitalise().ensure_stop()
            )
            main = SegText.synthetic("Then ", seg.offset_at(w.start("main"))) + tidy(
                seg.slice(w.start("main"))
            )
            rec.record(seg.span(0, w.start("main")), seg.text[: w.start("main")], first.text + " Then ",
                       "time clause made its own sentence")  # fmt: skip
            return first, main
    rx = _CONDITION_RE.get(ctx.lang)
    m = rx.match(seg.text) if rx else None
    if m is None or m.group("rest").count(" ") > 8:
        return None
    verb, rest = m.group("verb"), m.group("rest").rstrip()
    if ctx.lang == "en":
        question_text = f"{_EN_QUESTION[verb]}{rest}?"
    elif ctx.lang == "sl":
        question_text = f"Ali {verb}{rest}?"
    else:
        question_text = f"{verb.capitalize()} Sie {rest}?"
    question = SegText.synthetic(question_text, seg.anchor)
    main = tidy(seg.slice(m.start("main"))).capitalise()
    rec.record(seg.span(0, m.start("main")), seg.text[: m.start("main")], question_text + " ",
               "condition made a question; the answer follows")  # fmt: skip
    return question, main


_DE_DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "einen",
        "unser",
        "unsere",
        "unseren",
        "ihr",
        "ihre",
        "mein",
        "meine",
        "sein",
        "seine",
        "euer",
        "jeder",
        "jede",
        "alle",
    ]
)


def _de_verb_position(
    clause: list[str], is_verb_word: Callable[[str], bool]
) -> int | None:
    """Where the finite verb of a German main clause is (after its subject), or None.

    The subject before it may be a pronoun, or capitalised nouns and names with
    determiners ("unsere Ergotherapeutin Frau Sabine Wolf bietet").
    """
    for k, w in enumerate(clause[:7]):
        if is_verb_word(w):
            return k
        if k and not (w[:1].isupper() or w.lower() in _DE_DETERMINERS):
            return None
    return None


def _first_word(text: str) -> str:
    m = _WORD_RE.search(text)
    return m.group() if m else ""


class _Finder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.data = simplify_data(ctx.lang)

    def cuts(self, text: str) -> list[_Cut]:
        ok = _outside(text)
        out: list[_Cut] = []
        lang = self.ctx.lang
        for m in re.finditer(r";\s*", text):
            if ok[m.start()]:
                out.append(_Cut(m.start(), m.end(), "", 0, "split at a semicolon"))
        for m in re.finditer(r":\s+", text):
            if ok[m.start()] and self._clause_after_colon(
                text[: m.start()], text[m.end() :]
            ):
                out.append(
                    _Cut(
                        m.start(),
                        m.end(),
                        "",
                        1,
                        "split at a colon before a whole clause",
                    )
                )
        out.extend(self._when_where(text))
        if lang == "sl":
            out.extend(self._sl(text, ok))
        elif lang == "en":
            out.extend(self._en(text, ok))
        elif lang == "de":
            out.extend(self._de(text, ok))
        return out

    def _when_where(self, text: str) -> list[_Cut]:
        """ "Delavnica bo v ponedeljek, 7. 12., od 9.30 do 11.30 v ustvarjalnici."
        -> "Delavnica bo v ponedeljek, ... do 11.30." + "Delavnica bo v ustvarjalnici."
        """
        m = _COPULA_RE.get(self.ctx.lang, _NEVER).match(text)
        hits = sorted(
            (h for h in find_facts(text, self.ctx.pack) if h.kind in ("date", "time")),
            key=lambda h: h.start,
        )
        if m is None:
            return self._where_after_when(text, hits)
        pos = m.end()
        found = False
        for h in hits:
            gap = text[pos : h.start]
            if h.start < pos:
                continue
            if gap.strip(" ,") and not re.fullmatch(
                r"[\s,]*(?:ob|od|do|at|from|to|um|von|bis|on|am|in)?\s*", gap
            ):
                break
            pos, found = h.end, True
        if not found:
            return self._where_after_when(text, hits)
        rest = text[pos:]
        where = _WHERE_RE.get(self.ctx.lang, _NEVER).match(rest)
        if where is None or len(_words(rest)) < 2:
            return self._where_after_when(text, hits)
        cut_end = pos + where.start("prep")
        subject = m.group("subj") + m.group("aux") + " "
        return [_Cut(pos, cut_end, subject, 1, "when and where in two sentences")]

    def _where_after_when(self, text: str, hits: list[FactHit]) -> list[_Cut]:
        """Split a place after the last date or time: "... ob 18. uri. To bo v prostoru."."""
        if not hits:
            return []
        last = hits[-1]
        rest = text[last.end :]
        where = _WHERE_RE.get(self.ctx.lang, _NEVER).match(rest)
        copula = _PLACE_COPULA.get(self.ctx.lang)
        if (
            where is None
            or copula is None
            or len(_words(rest)) < 2
            or len(_words(text[: last.start])) < 4
        ):
            return []
        if any(
            h.kind in ("phone", "email", "url") for h in find_facts(rest, self.ctx.pack)
        ):
            return []
        cut_end = last.end + where.start("prep")
        place_words = _words(rest)[1:4]
        if not any(
            self.data.word_is("place", w) or w[:1].isupper() for w in place_words
        ):
            return []  # "pri strežnem osebju" is not a place
        return [
            _Cut(last.end, cut_end, copula + " ", 2, "when and where in two sentences")
        ]

    def _clause_after_colon(self, left: str, right: str) -> bool:
        if len(_words(left)) < 2 or len(_words(right)) < 5:
            return False
        if find_enumeration(right, self.ctx.pack) is not None or (
            right.count(",") >= 2 and len(_words(right)) < 10
        ):
            return False
        return _has_verb(left, self.ctx) and _has_verb(right, self.ctx)

    def _sl(self, text: str, ok: list[bool]) -> list[_Cut]:
        ctx, out = self.ctx, []
        for m in re.finditer(r",\s+(\w+)\s+", text):
            if not ok[m.start()]:
                continue
            word = m.group(1).lower()
            left, right = text[: m.start()], text[m.end() :]
            left_clause = re.split(r"[,;:]", left)[-1]
            if word in _SL_DROP | _SL_KEEP:
                right_clause = _segment_to_comma(right)
                if not (_sl_finite(right_clause, ctx) and _has_verb(left, ctx)):
                    continue
                starts_clitic = _first_word(right).lower() in _SL_CLITICS
                if (
                    starts_clitic
                    and word not in _SL_KEEP
                    and sl_move_clitics(right, ctx.pack) is None
                ):
                    continue
                insert = word.capitalize() + " " if word in _SL_KEEP else ""
                out.append(_Cut(m.start(), m.end(), insert, 2, f"split before “{word}”",
                                move_clitics=starts_clitic and word not in _SL_KEEP))  # fmt: skip
            elif word == "ki":
                out.extend(self._sl_relative(text, m, right))
            elif (
                word == "kjer"
                and _sl_finite(right, ctx)
                and _first_word(right).lower() not in _SL_CLITICS
            ):
                out.append(
                    _Cut(
                        m.start(), m.end(), "Tam ", 3, "relative clause made a sentence"
                    )
                )
        # a comma between two main clauses: "Na izlet gre 20 ljudi, spremljali jih bodo 4 zaposleni."
        for m in re.finditer(r",\s+", text):
            if not ok[m.start()]:
                continue
            left, right = text[: m.start()], text[m.end() :]
            first = _first_word(right).lower()
            if (
                not first
                or first in _SL_SUBORDINATE_START
                or first in _SL_DROP | _SL_KEEP
                or first.isdigit()
            ):
                continue
            if re.match(
                r"(?:in sicer|prav tako|to je|na primer|tj\.|npr\.)\b",
                right,
                re.IGNORECASE,
            ):
                continue
            left_clause = re.split(r"[,;:]", left)[-1]
            left_first = _first_word(left).lower()
            if (
                left_first in _SL_SUBORDINATE_START
                or _first_word(left_clause).lower() in _SL_SUBORDINATE_START
            ):
                continue
            right_clause = _segment_to_comma(right)
            if len(_words(right_clause)) < 3 or len(_words(left_clause)) < 2:
                continue
            if not (_sl_finite(right_clause, ctx) and _sl_finite(left, ctx)):
                continue
            starts_clitic = first in _SL_CLITICS
            if starts_clitic and sl_move_clitics(right, ctx.pack) is None:
                continue
            out.append(
                _Cut(
                    m.start(),
                    m.end(),
                    "",
                    3,
                    "split between two main clauses",
                    move_clitics=starts_clitic,
                )
            )
        # a reporting frame: "X obvešča uporabnike, da bo ..." -> "X obvešča uporabnike. ... bo ..."
        fm = re.search(r",\s+da\s+", text)
        if fm and ok[fm.start()] and len(_words(text[: fm.start()])) <= 10:
            frame = _words(text[: fm.start()])
            if any(ctx.pack.lemma(w) in _SL_REPORTING for w in frame):
                right = text[fm.end() :]
                if (
                    _first_word(right).lower() in _SL_CLITICS
                    and sl_move_clitics(right, ctx.pack) is not None
                ):
                    out.append(
                        _Cut(
                            fm.start(),
                            fm.end(),
                            "",
                            1,
                            "split after the reporting verb",
                            move_clitics=True,
                        )
                    )
        # "nov jedilnik, pripravljen na podlagi ankete" -> "... jedilnik. Pripravljen je na podlagi ankete"
        for m in re.finditer(r",\s+([a-zčšž]+)\s+", text):
            word = m.group(1)
            if (
                not ok[m.start()]
                or not _SL_PARTICIPLE_RE.match(word)
                or ctx.pack.lemma(word) != word
            ):
                continue
            right = text[m.end() :]
            if len(_words(right)) >= 3 and not _sl_finite(
                _segment_to_comma(right), ctx
            ):
                aux = "so" if word.endswith("i") else "je"
                out.append(
                    _Cut(
                        m.start(),
                        m.end(),
                        f"{word} {aux} ",
                        3,
                        "description made a sentence",
                    )
                )
        # ", in sicer 7. oktobra, ..." -> ". To bo 7. oktobra, ..."
        for m in re.finditer(r",\s+in sicer\s+", text):
            rest_facts = [
                h
                for h in find_facts(text[m.end() :], ctx.pack)
                if h.kind in ("date", "time")
            ]
            if ok[m.start()] and rest_facts and rest_facts[0].start == 0:
                out.append(
                    _Cut(
                        m.start(),
                        m.end(),
                        (self.data.relative_subject or "To") + " bo ",
                        3,
                        "split before “in sicer”",
                    )
                )
        # second-position "pa": ", odpravili pa se bomo" -> ". Odpravili se bomo"
        for m in re.finditer(r",\s+((?:[^\W\d_]+\s+){1,4}?)pa\s+", text):
            if ok[m.start()] and "," not in m.group(1):
                right = m.group(1) + text[m.end() :]
                if _sl_finite(right, ctx) and _has_verb(text[: m.start()], ctx):
                    out.append(
                        _Cut(
                            m.start(),
                            m.end(),
                            m.group(1),
                            2,
                            "split before a clause with “pa”",
                        )
                    )
        # "in" between two clauses with their own verbs (no comma in Slovenian)
        for m in re.finditer(r"\s+(in|ter)\s+", text):
            if not ok[m.start()]:
                continue
            left, right = text[: m.start()], text[m.end() :]
            right_clause = _segment_to_comma(right)
            if len(_words(left)) < 4 or len(_words(right)) < 3:
                continue
            left_clause = re.split(r"[,;:]", left)[-1]
            if not (_sl_finite(right_clause, ctx) and _sl_finite(left_clause, ctx)):
                continue
            first = _first_word(right)
            if first.lower() in _SL_CLITICS:
                if sl_move_clitics(right, ctx.pack) is None:
                    continue
                out.append(
                    _Cut(
                        m.start(),
                        m.end(),
                        "",
                        4,
                        f"split before “{m.group(1)}” + verb",
                        move_clitics=True,
                    )
                )
            elif (
                is_verb(first, ctx.pack)
                and _words(left_clause)[0].lower() not in _SL_SUBORDINATE_START
            ):
                out.append(
                    _Cut(
                        m.start(), m.end(), "", 4, f"split before “{m.group(1)}” + verb"
                    )
                )
        return out

    def _sl_relative(self, text: str, m: re.Match[str], right: str) -> list[_Cut]:
        """ ", ki bo v torek" -> "To bo v torek"; ", ki je namenjen X" -> "Namenjen je X"."""
        words = _words(right)
        if not words:
            return []
        aux = words[0].lower()
        after = words[1:2]
        if (
            aux in self.data.relative_aux
            and after
            and (after[0].lower() in _SL_AFTER_AUX or after[0].isdigit())
        ):
            subject = self.data.relative_subject or "To"
            return [
                _Cut(
                    m.start(),
                    m.end(),
                    subject + " ",
                    3,
                    "relative clause made a sentence",
                )
            ]
        if aux in _SL_CLITICS and sl_move_clitics(right, self.ctx.pack) is not None:
            return [
                _Cut(
                    m.start(),
                    m.end(),
                    "",
                    3,
                    "relative clause made a sentence",
                    move_clitics=True,
                )
            ]
        antecedent = _words(text[: m.start()])[-1:]
        if (
            antecedent
            and antecedent[0][:1].isupper()
            and aux not in _SL_CLITICS
            and is_verb(words[0], self.ctx.pack)
            and not words[0].lower().endswith(("l", "la", "lo", "li", "le"))
        ):
            return [
                _Cut(
                    m.start(),
                    m.end(),
                    "",
                    3,
                    "relative clause about a person made a sentence",
                )
            ]
        return []

    def _en(self, text: str, ok: list[bool]) -> list[_Cut]:
        out = []
        for m in re.finditer(r",\s+(and|but|so|as|yet)\s+(\w+)", text):
            if not ok[m.start()]:
                continue
            word, nxt = m.group(1).lower(), m.group(2)
            right_clause = _words(_segment_to_comma(text[m.end(1) :]))
            has_aux = any(w.lower() in _EN_AUX for w in right_clause)
            aux_at = next(
                (k for k, w in enumerate(right_clause[:6]) if w.lower() in _EN_AUX),
                None,
            )
            np_then_aux = (
                aux_at is not None
                and aux_at >= 2
                and word == "and"
                and len(right_clause) >= 4
            )
            if (
                nxt.lower() in _EN_PRONOUNS
                or (nxt.lower() in _EN_QUANTIFIERS and has_aux)
                or (word in ("so", "but") and has_aux and len(right_clause) >= 3)
                or np_then_aux
            ):
                if word in ("and", "as"):
                    out.append(
                        _Cut(m.start(), m.start(2), "", 2, f"split before “{word}”")
                    )
                else:
                    out.append(
                        _Cut(m.start(), m.start(1), "", 2, f"split before “{word}”")
                    )
            elif word == "and" and nxt.lower() in _EN_AUX:
                # "Tickets cost £3, and can be booked" -> "They can be booked"
                subject = _en_subject(text[: m.start()])
                if subject:
                    out.append(
                        _Cut(
                            m.start(),
                            m.start(2),
                            subject + " ",
                            3,
                            "split; the subject repeated",
                        )
                    )
        for m in re.finditer(
            r",\s+which\s+(?:(also|now|still|usually|often)\s+)?(\w+)", text
        ):
            if ok[m.start()] and (
                m.group(2).lower() in self.data.relative_aux
                or m.group(2).lower() in _EN_AUX
            ):
                insert = (
                    (self.data.relative_subject or "It")
                    + " "
                    + (m.group(1) + " " if m.group(1) else "")
                )
                out.append(
                    _Cut(
                        m.start(),
                        m.start(2),
                        insert,
                        3,
                        "relative clause made a sentence",
                    )
                )
        # "We apologise for X and thank you for Y" -> "We apologise for X. We thank you for Y."
        sm = re.match(r"^(We|I|You|They) ", text)
        if sm:
            for m in re.finditer(
                r"\s+and\s+(" + "|".join(sorted(_EN_SHARED_VERBS)) + r")\b", text
            ):
                if (
                    ok[m.start()]
                    and len(_words(text[: m.start()])) >= 4
                    and len(_words(text[m.end(1) :])) >= 2
                ):
                    out.append(
                        _Cut(
                            m.start(),
                            m.start(1),
                            sm.group(1) + " ",
                            3,
                            "split; the subject repeated",
                        )
                    )
        # "... in order to reduce ..." -> "... . This is to reduce ..."
        for m in re.finditer(r"\s+in order to\s+", text):
            if ok[m.start()] and len(_words(text[: m.start()])) >= 4:
                out.append(
                    _Cut(
                        m.start(), m.end(), "This is to ", 3, "purpose made a sentence"
                    )
                )
        # "..., or by calling the team" -> "... . You can also call the team"
        for m in re.finditer(r",?\s+or by ([a-z]+ing)\s+", text):
            verb = self.ctx.pack.lemma(m.group(1))
            if (
                ok[m.start()]
                and verb != m.group(1).lower()
                and re.search(r"\bby [a-z]+ing\b", text[: m.start()])
            ):
                out.append(
                    _Cut(
                        m.start(),
                        m.end(),
                        f"You can also {verb} ",
                        3,
                        "second way made a sentence",
                    )
                )
        # "..., and, if possible, avoid caffeine" -> "... If possible, avoid caffeine"
        for m in re.finditer(r",\s+and,\s+([^,]{2,30}),\s+(\w+)", text):
            if ok[m.start()] and m.group(2).lower() in _EN_IMPERATIVES:
                out.append(_Cut(m.start(), m.start(1), "", 2, "split before “and”"))
        for m in re.finditer(r",\s+at which\s+", text):
            if ok[m.start()] and len(_words(text[m.end() :])) >= 3:
                out.append(
                    _Cut(
                        m.start(),
                        m.end(),
                        "There ",
                        3,
                        "relative clause made a sentence",
                    )
                )
        for m in re.finditer(r",\s+where\s+(you|we|they|people)\b", text):
            if ok[m.start()]:
                out.append(
                    _Cut(
                        m.start(),
                        m.start(1),
                        "There ",
                        3,
                        "relative clause made a sentence",
                    )
                )
        for m in _EN_REPORT_RE.finditer(text):
            if ok[m.start("that")] and len(_words(text[m.end() :])) >= 4:
                out.append(
                    _Cut(
                        m.start("that") - 1,
                        m.end(),
                        "",
                        1,
                        "split after the reporting verb",
                    )
                )
        return out

    def _de(self, text: str, ok: list[bool]) -> list[_Cut]:
        out = []
        for m in re.finditer(r",\s+(\w+)\s+(\w+)", text):
            if not ok[m.start()]:
                continue
            word, nxt = m.group(1).lower(), m.group(2)
            clause = _words(_segment_to_comma(text[m.end(1) :]))
            at = _de_verb_position(clause, self._de_verb)
            verb_second = at is not None and at > 0 and at < len(clause) - 1
            if word in _DE_DROP and (
                nxt.lower() in _DE_PRONOUNS or (nxt in ("Sie",)) or verb_second
            ):
                out.append(_Cut(m.start(), m.start(2), "", 2, f"split before “{word}”"))
            elif word in _DE_KEEP:
                out.append(_Cut(m.start(), m.start(1), "", 2, f"split before “{word}”"))
        subordinate = set(self.ctx.pack.words.subordinating) | {
            "der",
            "die",
            "das",
            "dem",
            "den",
            "zu",
            "um",
        }
        for m in re.finditer(r",\s+", text):
            if not ok[m.start()]:
                continue
            left, right = text[: m.start()], text[m.end() :]
            clause = _words(_segment_to_comma(right))
            left_clause = _words(re.split(r"[,;:]", left)[-1])
            if (
                len(clause) < 3
                or len(left_clause) < 3
                or clause[0].lower() in subordinate - {"der", "die", "das"}
            ):
                continue
            if clause[0].lower() in _DE_DROP | _DE_KEEP or _first_word(
                left
            ).lower() in set(self.ctx.pack.words.subordinating):
                continue
            # verb second: the finite verb is the 2nd or 3rd word and not the last one
            verb_at = _de_verb_position(clause, self._de_verb)
            if verb_at is None or verb_at == 0 or verb_at == len(clause) - 1:
                continue
            if (
                clause[0].lower() in ("der", "die", "das")
                and not clause[1][:1].isupper()
            ):
                continue  # "die ... ist" is a relative clause
            if not any(self._de_verb(w) for w in left_clause):
                continue
            out.append(
                _Cut(m.start(), m.end(), "", 3, "split between two main clauses")
            )
        return out

    @staticmethod
    def _de_verb(word: str) -> bool:
        return (
            word.islower()
            and word not in _DE_NOT_VERB
            and word.endswith(("t", "en", "st"))
            and len(word) > 2
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
        finder = _Finder(ctx)
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
        finder: _Finder,
        limit: int,
        ctx: Context,
        rec: Recorder,
        item: bool,
        depth: int = 0,
    ) -> list[SegText]:
        text = seg.text
        long = word_count(text, ctx) > limit
        if depth == 0:
            framed = _drop_frame(seg, ctx, rec)
            if framed is not None:
                seg, text = framed, framed.text
                long = word_count(text, ctx) > limit
        if depth == 0:
            moved = _middle_relative(seg, ctx, rec) or _cause_after(seg, ctx, rec)
            if moved is not None:
                main, rel = moved
                rec.attach(rel)
                return [
                    *self._split(main, finder, limit, ctx, rec, item, depth + 1),
                    rel,
                ]
        if depth == 0:
            asked = _condition_as_question(seg, ctx, rec)
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
        for cut in sorted(cuts, key=lambda c: (c.priority, abs(c.start - middle))):
            left = seg.slice(0, cut.start)
            right = seg.slice(cut.end)
            if word_count(left.text, ctx) < 2 or word_count(right.text, ctx) < 2:
                continue
            if cut.priority > 1 and (
                word_count(left.text, ctx) < 3 or word_count(right.text, ctx) < 3
            ):
                continue
            left = tidy(left).ensure_stop()
            right = tidy(right)
            if cut.move_clitics:
                moved = sl_move_clitics(right.text, ctx.pack)
                if moved is None:
                    continue
                right = right.replace(0, len(right.text), moved)
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
            return self._split(
                left, finder, limit, ctx, rec, item, depth + 1
            ) + self._split(right, finder, limit, ctx, rec, item, depth + 1)
        return [seg]
