"""A small CSS reader for the rendered-output checks.

It is not a full CSS engine: it reads rules and declarations with their source
positions, skips comments and strings correctly, descends into ``@media``,
``@supports`` and ``@layer`` blocks, and resolves custom properties
(``var(--x, fallback)``). That is enough to check the stylesheets easyread
writes and simple hand-written ones, without a dependency.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = [
    "Declaration",
    "Rule",
    "is_screen_media",
    "parse_declarations",
    "parse_stylesheet",
    "resolve_vars",
]

# At-rules whose block holds more rules (we descend into them).
_CONTAINER_AT_RULES = ("media", "supports", "layer", "container", "document", "scope")


@dataclass(frozen=True, slots=True)
class Declaration:
    """One ``name: value`` pair with its 1-based position in the file."""

    name: str  # lower case; custom properties keep their case
    value: str
    important: bool
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A style rule: selector text, declarations, and the ``@media`` queries around it."""

    selector: str
    declarations: tuple[Declaration, ...]
    media: tuple[str, ...]  # conditions of the enclosing @media blocks, outermost first
    line: int
    column: int
    path: str = ""  # the file it came from ("" = the HTML file itself)

    def get(self, name: str) -> Declaration | None:
        """The last declaration of ``name`` (the one that wins), if any."""
        found = None
        for decl in self.declarations:
            if decl.name == name:
                found = decl
        return found

    @property
    def selectors(self) -> tuple[str, ...]:
        """The comma-separated selectors, stripped."""
        return tuple(s.strip() for s in _split_top(self.selector, ",") if s.strip())


class _Positions:
    """Turn offsets in a text into 1-based (line, column) pairs."""

    def __init__(self, text: str, line: int, column: int) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._line = line
        self._column = column

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        col = offset - self._starts[index] + 1
        if index == 0:
            col += self._column - 1
        return self._line + index, col


def _blank_comments(text: str) -> str:
    """Replace comments by spaces (newlines kept) so offsets stay valid."""
    out: list[str] = []
    i = 0
    n = len(text)
    quote = ""
    while i < n:
        ch = text[i]
        if quote:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == quote or ch == "\n":
                quote = ""
            i += 1
            continue
        if ch in "\"'":
            quote = ch
            out.append(ch)
            i += 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("".join(c if c == "\n" else " " for c in text[i:end]))
            i = end
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _scan(text: str, start: int, end: int, stops: str) -> int:
    """Offset of the first character in ``stops`` at nesting depth 0, or ``end``.

    Strings, parentheses and brackets are skipped over.
    """
    depth = 0
    quote = ""
    i = start
    while i < end:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
            i += 1
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops:
            return i
        i += 1
    return end


def _matching_brace(text: str, start: int, end: int) -> int:
    """Offset of the ``}`` closing the ``{`` at ``start`` (or ``end``)."""
    depth = 0
    i = start
    while i < end:
        i = _scan(text, i, end, "{}")
        if i >= end:
            return end
        depth += 1 if text[i] == "{" else -1
        if depth == 0:
            return i
        i += 1
    return end


def _split_top(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    i = 0
    while True:
        j = _scan(text, i, len(text), sep)
        parts.append(text[i:j])
        if j >= len(text):
            return parts
        i = j + 1


def _declarations(
    text: str, start: int, end: int, pos: _Positions
) -> tuple[Declaration, ...]:
    decls: list[Declaration] = []
    i = start
    while i < end:
        j = _scan(text, i, end, ";{")
        if j < end and text[j] == "{":  # nested rule (CSS nesting): skip it
            j = _matching_brace(text, j, end) + 1
            i = j
            continue
        chunk = text[i:j]
        colon = chunk.find(":")
        if colon > 0:
            raw_name = chunk[:colon]
            name = raw_name.strip()
            value = chunk[colon + 1 :].strip()
            important = False
            m = re.search(r"!\s*important\s*$", value, re.IGNORECASE)
            if m:
                important = True
                value = value[: m.start()].strip()
            if name and re.fullmatch(r"-?-?[A-Za-z_][\w-]*", name):
                lead = len(raw_name) - len(raw_name.lstrip())
                line, col = pos.at(i + lead)
                decls.append(
                    Declaration(
                        name if name.startswith("--") else name.lower(),
                        value,
                        important,
                        line,
                        col,
                    )
                )
        i = j + 1
    return tuple(decls)


def parse_declarations(
    text: str, line: int = 1, column: int = 1
) -> tuple[Declaration, ...]:
    """Read a declaration list such as the value of a ``style`` attribute."""
    clean = _blank_comments(text)
    return _declarations(clean, 0, len(clean), _Positions(clean, line, column))


def parse_stylesheet(
    text: str, line: int = 1, column: int = 1, *, path: str = ""
) -> tuple[Rule, ...]:
    """Read the style rules of a stylesheet, with positions.

    :param line: the line where ``text`` starts in its file (for ``<style>``).
    :param column: the column where ``text`` starts on that line.
    :param path: stored on each rule, for findings in linked files.
    """
    clean = _blank_comments(text)
    pos = _Positions(clean, line, column)
    return tuple(_rules(clean, 0, len(clean), (), pos, path))


def _rules(
    text: str, start: int, end: int, media: tuple[str, ...], pos: _Positions, path: str
) -> Iterator[Rule]:
    i = start
    while i < end:
        j = _scan(text, i, end, "{;}")
        prelude = text[i:j].strip()
        if j >= end:
            return
        if text[j] in ";}":  # @import, @charset, stray tokens
            i = j + 1
            continue
        close = _matching_brace(text, j, end)
        lead = len(text[i:j]) - len(text[i:j].lstrip())
        line, col = pos.at(i + lead)
        if prelude.startswith("@"):
            m = re.match(r"@([\w-]+)\s*(.*)", prelude, re.DOTALL)
            keyword = m.group(1).lower() if m else ""
            condition = m.group(2).strip() if m else ""
            if keyword in _CONTAINER_AT_RULES:
                inner_media = (*media, condition) if keyword == "media" else media
                yield from _rules(text, j + 1, close, inner_media, pos, path)
            # @page, @font-face, @keyframes, @counter-style: not text styles
        elif prelude:
            decls = _declarations(text, j + 1, close, pos)
            yield Rule(" ".join(prelude.split()), decls, media, line, col, path)
        i = close + 1


def is_screen_media(rule: Rule) -> bool:
    """True if the rule can apply on a screen (not only in ``@media print``)."""
    for query in rule.media:
        parts = [q.strip().lower() for q in _split_top(query, ",")]
        if parts and all(re.match(r"^(only\s+)?print\b", p) for p in parts):
            return False
        if parts and all(re.match(r"^not\s+(screen|all)\b", p) for p in parts):
            return False
    return True


_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)")


def resolve_vars(value: str, props: Mapping[str, str], _depth: int = 0) -> str:
    """Replace ``var(--x, fallback)`` by the custom property values (recursively)."""
    if _depth > 10 or "var(" not in value:
        return value

    def repl(m: re.Match[str]) -> str:
        name, fallback = m.group(1), m.group(2)
        if name in props:
            return resolve_vars(props[name], props, _depth + 1)
        return resolve_vars(fallback or "", props, _depth + 1)

    return _VAR.sub(repl, value)
