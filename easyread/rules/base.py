"""What rule kinds work with: units of text, hits, the run context, the protocol.

A *unit* is a piece of a document a rule looks at (a sentence, a block, the
whole document). Its ``words`` carry positions **inside the unit's text**, so a
kind reports a :class:`Hit` as ``[start, end)`` of ``unit.text`` and never
touches source offsets: the engine maps hits to file positions through
``block.source_span``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..errors import RuleDefinitionError
from ..model import Block, BlockKind, Severity, TokenKind

if TYPE_CHECKING:
    from ..glossary import Glossary
    from ..lang import LanguagePack
    from ..model import Document
    from .spec import RuleSpec

__all__ = [
    "LANGS",
    "SCOPES",
    "Context",
    "DocUnits",
    "Hit",
    "ParamError",
    "RuleKind",
    "Unit",
    "Word",
    "for_lang",
    "get_kind",
    "is_per_lang",
    "kind",
]

#: Languages rules are written for.
LANGS: tuple[str, ...] = ("sl", "en", "de")

#: Scopes a rule can declare (see ``DocUnits.for_scope``).
SCOPES: tuple[str, ...] = (
    "sentence",  # every sentence of headings, paragraphs, list items, quotes
    "word",  # same units as "sentence"; the kind looks at single words
    "block",  # paragraphs, list items and quotes (body text)
    "heading",  # headings
    "text",  # every block with text (body and headings)
    "image",  # images (their text is the alt text)
    "document",  # the whole document once
)


class ParamError(ValueError):
    """A rule parameter is wrong. ``key`` names it so the loader can show its line."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


class _WordFields(NamedTuple):
    start: int
    end: int
    text: str
    kind: TokenKind
    lemma: str
    syllables: int
    lower: str
    letters: int


class Word(_WordFields):
    """A token with its position inside a unit's text.

    ``lower`` (the word in lower case; rules compare it a lot) and ``letters``
    (letters only: hyphens, soft hyphens and reading dots left out) are filled
    in when not given.

    An immutable named tuple rather than a frozen dataclass: the units of
    every sentence of every document are made of Words, and making a frozen
    dataclass (one ``object.__setattr__`` per field) was most of the time
    spent building units.
    """

    __slots__ = ()

    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        kind: TokenKind,
        lemma: str = "",
        syllables: int = 0,
        lower: str = "",
        letters: int = -1,
    ) -> Word:
        if not lower:
            lower = text.lower()
        if letters < 0:
            # Most words are letters only: skip counting them one by one.
            letters = (
                len(text) if text.isalpha() else sum(1 for c in text if c.isalpha())
            )
        return tuple.__new__(
            cls, (start, end, text, kind, lemma, syllables, lower, letters)
        )

    @property
    def is_word(self) -> bool:
        """Words and numbers (what readers count as words)."""
        return self.kind in (TokenKind.WORD, TokenKind.NUMBER)


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence, block or the document, as rules see it.

    ``offset`` is where ``text`` starts inside ``block.text``; it is 0 for block
    units. Document units have no block and no text.
    """

    scope: str
    text: str
    block: Block | None
    offset: int = 0
    tokens: tuple[Word, ...] = ()
    sentences: tuple[Unit, ...] = ()
    index: int = 0  # position among the units of the same scope
    block_index: int = -1  # position of ``block`` in ``doc.blocks``

    #: Words and numbers only (filled in from ``tokens``).
    words: tuple[Word, ...] = field(default=(), compare=False)
    #: Letter words only: no numbers, punctuation, URLs (filled in from ``tokens``).
    letter_words: tuple[Word, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        # Word.is_word, spelled out: a property call per token was a visible
        # share of building the units.
        word, number = TokenKind.WORD, TokenKind.NUMBER
        words = tuple(t for t in self.tokens if t.kind is word or t.kind is number)
        object.__setattr__(self, "words", words)
        object.__setattr__(
            self, "letter_words", tuple(t for t in words if t.kind is word)
        )

    @property
    def is_heading(self) -> bool:
        """True when the unit belongs to a heading."""
        return self.block is not None and self.block.kind is BlockKind.HEADING


@dataclass(frozen=True, slots=True)
class DocUnits:
    """All units of one document, built once per check."""

    sentences: tuple[Unit, ...]
    blocks: tuple[Unit, ...]  # every block with text, in reading order
    images: tuple[Unit, ...]
    document: Unit

    @property
    def body(self) -> tuple[Unit, ...]:
        """Paragraphs, list items and quotes."""
        return tuple(u for u in self.blocks if not u.is_heading)

    @property
    def headings(self) -> tuple[Unit, ...]:
        """Headings."""
        return tuple(u for u in self.blocks if u.is_heading)

    def for_scope(self, scope: str) -> tuple[Unit, ...]:
        """The units a rule of ``scope`` runs on."""
        if scope in ("sentence", "word"):
            return self.sentences
        if scope == "block":
            return self.body
        if scope == "heading":
            return self.headings
        if scope == "text":
            return self.blocks
        if scope == "image":
            return self.images
        return (self.document,)

    def block_unit(self, block_index: int) -> Unit | None:
        """The block unit of ``doc.blocks[block_index]``."""
        for u in self.blocks:
            if u.block_index == block_index:
                return u
        return None


@dataclass(frozen=True, slots=True)
class Hit:
    """A problem inside a unit: ``[start, end)`` of ``unit.text``.

    ``fields`` fill the rule's message (``{value}``, ``{max}`` ...); ``match``
    (the hit text) is added by the engine. ``severity`` raises the rule's
    severity for this hit (a limit's ``error_max``). ``unit`` lets a
    document-scope rule point at a sentence or block it found the problem in.
    """

    start: int
    end: int
    fields: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str = ""
    severity: Severity | None = None
    unit: Unit | None = None


#: ``Context.compiled`` key of the parameters resolved for the language.
_RESOLVED = "_resolved"


@dataclass(frozen=True, slots=True)
class Context:
    """What a kind may look at while it runs one rule on one document."""

    doc: Document
    pack: LanguagePack
    lang: str
    rule: RuleSpec
    params: Mapping[str, Any]
    units: DocUnits
    glossary: Glossary
    cache: dict[str, Any] = field(default_factory=dict)
    #: Shared by all rules of one check (dates and times found per sentence ...).
    shared: dict[Any, Any] = field(default_factory=dict)
    #: Kept for this rule across documents of the same language and pack (the
    #: engine passes the same dict for every document). Only for what follows
    #: from the parameters and the pack: phrase tables, word sets, regexes.
    compiled: dict[str, Any] = field(default_factory=dict, repr=False)
    _resolved: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        resolved = self.compiled.get(_RESOLVED)
        if resolved is None:
            resolved = {k: for_lang(v, self.lang) for k, v in self.params.items()}
            self.compiled[_RESOLVED] = resolved
        object.__setattr__(self, "_resolved", resolved)

    def param(self, key: str, default: Any = None) -> Any:
        """A parameter, resolved for the document's language."""
        value = self._resolved.get(key)
        return default if value is None else value

    @property
    def acronyms(self) -> Mapping[str, str]:
        """The pack's acronyms with their expansions (read once per check)."""
        if "acronyms" not in self.shared:
            self.shared["acronyms"] = dict(self.pack.acronyms)
        return self.shared["acronyms"]  # type: ignore[no-any-return]

    @property
    def known_acronyms(self) -> frozenset[str]:
        """Acronyms readers know (read once per check)."""
        if "known_acronyms" not in self.shared:
            self.shared["known_acronyms"] = frozenset(self.pack.known_acronyms)
        return self.shared["known_acronyms"]  # type: ignore[no-any-return]

    def dates(self, unit: Unit) -> list[Any]:
        """``pack.find_dates(unit.text)``, computed once per check."""
        key = ("dates", unit.text)
        if key not in self.shared:
            self.shared[key] = self.pack.find_dates(unit.text)
        return self.shared[key]  # type: ignore[no-any-return]

    def times(self, unit: Unit) -> list[Any]:
        """``pack.find_times(unit.text)``, computed once per check."""
        key = ("times", unit.text)
        if key not in self.shared:
            self.shared[key] = self.pack.find_times(unit.text)
        return self.shared[key]  # type: ignore[no-any-return]


class RuleKind(Protocol):
    """One way of checking text, configured by a rule's parameters."""

    name: str

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """Check the kind-specific parameters and fill defaults.

        :raises ParamError: naming the bad key.
        """
        ...

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        """Message fields every hit of this kind provides (besides ``match``)."""
        ...

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        """Find problems in one unit."""
        ...


_KINDS: dict[str, RuleKind] = {}


def kind(name: str) -> Callable[[type[Any]], type[Any]]:
    """Class decorator: register a kind under ``name`` (an instance is stored)."""

    def register(cls: type[Any]) -> type[Any]:
        if name in _KINDS:
            raise RuleDefinitionError(f"rule kind {name!r} is registered twice")
        instance = cls()
        instance.name = name
        _KINDS[name] = instance
        return cls

    return register


def get_kind(name: str) -> RuleKind:
    """The registered kind called ``name``.

    :raises KeyError: for an unknown kind.
    """
    found = _KINDS.get(name)
    if found is not None:  # the engine asks once per rule and document
        return found
    from . import kinds  # noqa: F401 - registers the built-in kinds

    return _KINDS[name]


def kind_names() -> tuple[str, ...]:
    """Names of all registered kinds."""
    from . import kinds  # noqa: F401

    return tuple(sorted(_KINDS))


def is_per_lang(value: Any) -> bool:
    """True for a mapping keyed by language codes (``{sl: ..., en: ...}``)."""
    return isinstance(value, Mapping) and bool(value) and all(k in LANGS for k in value)


def for_lang(value: Any, lang: str, default: Any = None) -> Any:
    """Pick the value for ``lang`` from a per-language mapping, else return it."""
    if is_per_lang(value):
        return value.get(lang, default)
    return value
