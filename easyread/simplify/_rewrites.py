"""Whole-sentence rewrites of the sentence splitter.

A condition becomes a question and its answer ("If you are unable to come,
please call" -> "Are you unable to come? Please call"), a wrapping frame a
direct request ("We recommend that you store water" -> "Please store water"),
a relative clause or a cause in the middle its own sentence.
"""

from __future__ import annotations

import re

from ._clauses import _words
from ._text import SegText
from ._util import tidy
from .pipeline import Context, Recorder

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


def drop_frame(seg: SegText, ctx: Context, rec: Recorder) -> SegText | None:
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


def middle_relative(
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


def cause_after(
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


def condition_as_question(
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
