"""The document model: immutable records that remember where every word came from.

Offsets (``Span``) always point into ``SourceText.text``, the decoded user file
with line ends normalised to ``\\n``. Lines and columns are 1-based and count
characters (not bytes), so they match what an editor shows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .lang import LanguagePack

__all__ = [
    "Block",
    "BlockKind",
    "Contact",
    "Document",
    "Edit",
    "Finding",
    "Location",
    "Mark",
    "Meta",
    "Sentence",
    "Severity",
    "SourceText",
    "Span",
    "Token",
    "TokenKind",
]


class Severity(enum.IntEnum):
    """How serious a finding is. Ordered, so ``>=`` works for ``--fail-on``."""

    SUGGESTION = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read ``"error"``, ``"warning"`` or ``"suggestion"`` (any case)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.name.lower() for s in cls)
            raise ValueError(
                f"unknown severity {value!r}; use one of {allowed}"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A 1-based line and column in the source file."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` in the source text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Return True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class SourceText:
    """The decoded text of one input, with a line index for offset lookups."""

    text: str
    path: Path | None = None
    encoding: str = "utf-8"
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    @property
    def name(self) -> str:
        """The file name shown in reports (``<stdin>`` for standard input)."""
        return str(self.path) if self.path is not None else "<stdin>"

    def location(self, offset: int) -> Location:
        """Return the line and column of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return Location(line + 1, offset - self._line_starts[line] + 1)

    @property
    def line_starts(self) -> tuple[int, ...]:
        """The offset where each line starts (``line_starts[0]`` is line 1)."""
        return self._line_starts

    def offset(self, line: int, column: int = 1) -> int:
        """Return the character offset of a 1-based line and column."""
        line = max(1, min(line, len(self._line_starts)))
        return self._line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """Return the text of one 1-based line, without its line end."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    @property
    def line_count(self) -> int:
        """Number of lines."""
        return len(self._line_starts)


class TokenKind(enum.Enum):
    """What a token is."""

    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    SYMBOL = "symbol"
    URL = "url"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark with its source position.

    ``lemma`` and ``syllables`` are filled for words only.
    """

    text: str
    kind: TokenKind
    span: Span
    location: Location
    lemma: str = ""
    syllables: int = 0

    @property
    def is_word(self) -> bool:
        """True for words and numbers (what readers count as words)."""
        return self.kind in (TokenKind.WORD, TokenKind.NUMBER)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a block, with its tokens and position."""

    text: str
    span: Span
    location: Location
    end: Location
    tokens: tuple[Token, ...]

    @property
    def words(self) -> tuple[Token, ...]:
        """The words and numbers of the sentence (no punctuation)."""
        return tuple(t for t in self.tokens if t.is_word)

    def __str__(self) -> str:
        return f"{self.location.line}:{self.location.column}: {self.text}"


class BlockKind(enum.Enum):
    """The kinds of block an announcement has (the checker's scopes)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    IMAGE = "image"
    CODE = "code"
    RULE = "rule"  # thematic break; has no text


@dataclass(frozen=True, slots=True)
class Mark:
    """Inline markup over ``[start, end)`` of a block's plain text."""

    kind: str  # "em", "strong", "code", "link", "image", "html"
    start: int
    end: int
    target: str = ""  # link href or image src


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list item, quote or image.

    ``text`` is plain text without markup. ``offsets[i]`` is the source offset of
    ``text[i]``, so anything found in ``text`` maps back to the file exactly.
    """

    kind: BlockKind
    text: str
    span: Span
    location: Location
    offsets: tuple[int, ...]
    sentences: tuple[Sentence, ...] = ()
    marks: tuple[Mark, ...] = ()
    level: int = 0  # heading level, or list nesting depth (1 = top level)
    ordered: bool = False  # list item of a numbered list
    number: int | None = None  # item number in a numbered list
    list_id: int = 0  # list items with the same list_id belong to one list
    src: str = ""  # image source

    def source_span(self, start: int, end: int) -> Span:
        """Map ``[start, end)`` of ``text`` to a span in the source."""
        if not self.offsets:
            return Span(self.span.start, self.span.start)
        start = max(0, min(start, len(self.offsets) - 1))
        last = max(start, min(end, len(self.offsets)) - 1)
        return Span(self.offsets[start], self.offsets[last] + 1)

    @property
    def words(self) -> tuple[Token, ...]:
        """All words and numbers of the block."""
        return tuple(t for s in self.sentences for t in s.tokens if t.is_word)


@dataclass(frozen=True, slots=True)
class Contact:
    """Who to ask about an event."""

    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Meta:
    """Front matter: the typed fields templates need plus everything else.

    Unknown keys are kept in ``extra`` (never dropped) and written back by the
    simplifier.
    """

    title: str = ""
    lang: str = ""
    template: str = "announcement"
    profile: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    address: str = ""
    organiser: str = ""
    contact: Contact = field(default_factory=Contact)
    price: str = ""  # "" = not given, "0" = free, else as written
    bring: tuple[str, ...] = ()
    audience: str = ""
    images: Mapping[str, str] = field(default_factory=dict)
    reviewed_by: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0  # line of the closing front-matter fence (0 = no front matter)
    field_lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def is_free(self) -> bool:
        """True when the price says the event costs nothing."""
        return self.price.strip() in {"0", "0.0", "0,00", "0.00"}


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded source: metadata, blocks and the language pack that read it."""

    source: SourceText
    meta: Meta
    blocks: tuple[Block, ...]
    lang: str
    pack: LanguagePack = field(repr=False, compare=False)
    body_start: int = 0  # offset of the first character after the front matter

    @property
    def path(self) -> Path | None:
        """The file the document came from, if any."""
        return self.source.path

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """All sentences of all blocks in reading order."""
        return tuple(s for b in self.blocks for s in b.sentences)

    @property
    def words(self) -> tuple[Token, ...]:
        """All words and numbers in reading order."""
        return tuple(t for b in self.blocks for t in b.words)

    def location(self, offset: int) -> Location:
        """Line and column of a source offset."""
        return self.source.location(offset)


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem found in a document. Findings are data, never exceptions."""

    location: Location
    end: Location
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""
    excerpt: str = ""  # the sentence or line the finding is in
    excerpt_start: int = 0  # where the problem starts inside ``excerpt``
    excerpt_end: int = 0
    path: str = ""
    link: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The finding in the ``easyread.check/1`` JSON schema."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "line": self.location.line,
            "column": self.location.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "message": self.message,
            "suggestion": self.suggestion,
            "excerpt": self.excerpt,
            "link": self.link,
        }


@dataclass(frozen=True, slots=True)
class Edit:
    """One automatic change made by the simplifier, for review and audit."""

    transform: str
    span: Span
    location: Location
    before: str
    after: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The edit as plain data for JSON reports."""
        return {
            "transform": self.transform,
            "line": self.location.line,
            "column": self.location.column,
            "start": self.span.start,
            "end": self.span.end,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }
