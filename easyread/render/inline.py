"""Block text with its marks to safe inline HTML, one sentence per line.

Everything here escapes: block text is plain text (the loader already turned
raw HTML into text), and the only tags produced are ``strong``, ``em``,
``code`` and ``a`` (for http(s), mailto and tel links only).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from ..lang import LanguagePack
from ..model import Mark

__all__ = ["clean_text", "inline_html", "link_href", "logical_lines", "sentence_lines"]

# Outer to inner nesting order of the tags we emit.
_ORDER = {"link": 0, "strong": 1, "em": 2, "code": 3}
_SAFE_LINK_RE = re.compile(r"^(?:https?://|mailto:|tel:)[^\s<>\"'`]+$", re.IGNORECASE)
_MEDIOPUNKT_RE = re.compile(r"(?<=\w)\u00b7(?=\w)")
_LINE_END_RE = re.compile(r"[.!?:;…]\s*$")
# A run of characters with no break opportunity costs WeasyPrint quadratic
# time to lay out (50,000 letters: 31 s). No word is this long, so such a run
# (pasted garbage, a very long link text) gets invisible break points.
_UNBREAKABLE_RE = re.compile(r"[^\s\u200b]{64,}")
_BREAK_EVERY = 32


def clean_text(text: str) -> str:
    """Text as it may be printed: no soft hyphens, no narrow no-break spaces.

    Soft hyphens would allow words to be split at line ends (easy-read says
    never); U+202F is missing from the bundled font, so it becomes U+00A0.
    A middle dot between letters (German ``Papier·stern``) gets a zero-width
    space after it, so a long word can wrap there instead of overflowing; so
    does every 32nd character of a run of 64 or more without a break.
    """
    text = text.replace("\u00ad", "").replace("\u202f", "\u00a0").replace("\u2009", " ")
    if "\u00b7" in text:
        # Leichte Sprache's Mediopunkt (Papier·stern) marks the parts of a long
        # word: allow a line break after it, never inside a part.
        text = _MEDIOPUNKT_RE.sub("\u00b7\u200b", text)
    if len(text) >= 64:
        text = _UNBREAKABLE_RE.sub(_with_breaks, text)
    return text


def _with_breaks(match: re.Match[str]) -> str:
    run = match.group()
    return "\u200b".join(
        run[i : i + _BREAK_EVERY] for i in range(0, len(run), _BREAK_EVERY)
    )


def link_href(target: str) -> str:
    """``target`` if it is a link we allow (http, https, mailto, tel), else ``""``."""
    target = target.strip()
    return target if _SAFE_LINK_RE.match(target) else ""


def _open(kind: str, target: str) -> str:
    if kind == "link":
        return f'<a href="{escape(target)}">'
    return f"<{kind}>"


def _close(kind: str) -> str:
    return "</a>" if kind == "link" else f"</{kind}>"


def inline_html(
    text: str, marks: Sequence[Mark], start: int = 0, end: int | None = None
) -> Markup:
    """Escaped HTML for ``text[start:end]`` with its strong/em/code/link marks.

    Overlapping marks are nested in a fixed order (link > strong > em > code),
    closing and reopening tags where needed, so the output is always well formed.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int, str, str]] = []
    for m in marks:
        if m.kind not in _ORDER or m.end <= start or m.start >= end or m.start >= m.end:
            continue
        target = ""
        if m.kind == "link":
            target = link_href(m.target)
            if not target:
                continue
        spans.append((max(m.start, start), min(m.end, end), m.kind, target))
    cuts = sorted(
        {start, end, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)}
    )
    # Sweep over the cuts, counting the open marks of each (kind, target):
    # looking at every mark for every piece was quadratic (66 s for a
    # paragraph of 20,000 pasted "*_").
    opening: dict[int, list[tuple[str, str]]] = {}
    closing: dict[int, list[tuple[str, str]]] = {}
    for s, e, kind, target in spans:
        opening.setdefault(s, []).append((kind, target))
        closing.setdefault(e, []).append((kind, target))
    open_count: dict[tuple[str, str], int] = {}
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    for a, b in itertools.pairwise(cuts):
        for key in closing.get(a, ()):
            open_count[key] -= 1
            if not open_count[key]:
                del open_count[key]
        for key in opening.get(a, ()):
            open_count[key] = open_count.get(key, 0) + 1
        active = sorted(open_count, key=lambda kt: (_ORDER[kt[0]], kt[1]))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] == active[keep]:
            keep += 1
        for kind, _ in reversed(stack[keep:]):
            out.append(_close(kind))
        for kind, target in active[keep:]:
            out.append(_open(kind, target))
        stack = active
        out.append(str(escape(clean_text(text[a:b]).replace("\n", " "))))
    for kind, _ in reversed(stack):
        out.append(_close(kind))
    return Markup("".join(out))


def logical_lines(text: str) -> list[tuple[int, int]]:
    """Split block text at line breaks the author meant as new lines.

    A break after ``.``/``!``/``?``/``:`` or before a capital letter or digit
    starts a new line; any other break is a soft wrap inside a sentence and is
    joined with a space.
    """
    pieces: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        pieces.append((pos, pos + len(line)))
        pos += len(line) + 1
    lines: list[tuple[int, int]] = []
    for s, e in pieces:
        if not text[s:e].strip():
            continue
        if lines:
            prev_s, prev_e = lines[-1]
            first = text[s:e].lstrip()[:1]
            if not _LINE_END_RE.search(text[prev_s:prev_e]) and not (
                first.isupper() or first.isdigit()
            ):
                lines[-1] = (prev_s, e)
                continue
        lines.append((s, e))
    return lines


def sentence_lines(
    text: str, marks: Sequence[Mark], pack: LanguagePack
) -> tuple[Markup, ...]:
    """One escaped HTML line per sentence of a block (easy-read: one sentence per line)."""
    out: list[Markup] = []
    for ls, le in logical_lines(text):
        spans = pack.split_sentences(text[ls:le]) or [(0, le - ls)]
        for s, e in spans:
            a, b = ls + s, ls + e
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(inline_html(text, marks, a, b))
    return tuple(out)
