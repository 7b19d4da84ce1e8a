"""The simplifier's pipeline: named, ordered transforms over a draft.

A transform is a small registered unit (``@transform``) with a ``name``, a
``description`` and ``run(state, ctx) -> state``. The profile lists the order
(``transforms:`` in ``easyread/profiles/strict.yaml``); users switch single
transforms off with ``--disable NAME``. Code that uses easyread as a library
adds its own transform with the same ``@transform`` decorator and names it in
a profile (or ``transforms=[...]``).

The draft is a tuple of :class:`DraftBlock` whose sentences are
:class:`~easyread.simplify._text.SegText`: every character remembers its source
offset, so each :class:`~easyread.model.Edit` is located in the SOURCE.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from .._log import logger
from ..errors import ConfigError
from ..model import BlockKind, Document, Edit, Span
from ._text import SegText

if TYPE_CHECKING:
    from ..glossary import Glossary
    from ..lang import LanguagePack
    from ..profiles import Profile
    from .facts import Facts

__all__ = [
    "DEFAULT_ORDER",
    "Context",
    "DraftBlock",
    "Note",
    "Recorder",
    "State",
    "Transform",
    "available",
    "get_transform",
    "resolve_order",
    "run_pipeline",
    "transform",
]

#: Order used when a profile lists no transforms.
DEFAULT_ORDER = (
    "abbreviations",
    "numbers",
    "dates",
    "times",
    "lists",
    "insertions",
    "sentences",
    "lists",
    "glossary",
    "addresses",
    "compounds",
    "structure",
)


@dataclass(frozen=True, slots=True)
class DraftBlock:
    """One block of the draft: a heading, a paragraph or a list item.

    ``role`` is the question the block answers in an invitation ("when",
    "where", ...); ``structure`` fills it, "" means not known.
    """

    kind: BlockKind
    sentences: tuple[SegText, ...]
    level: int = 0
    ordered: bool = False
    list_id: int = 0
    role: str = ""
    origin: int = -1  # index of the source block it came from (-1 = new)
    lead: bool = False  # a paragraph that introduces the list after it ("Prinesite:")
    lines: bool = (
        False  # an address or contact block: one line each, never merged or cut
    )
    src: str = ""  # image source

    @property
    def text(self) -> str:
        """The sentences joined by spaces (for tests and heuristics)."""
        return " ".join(s.text for s in self.sentences)

    @property
    def anchor(self) -> int:
        """Source offset of the block's first character."""
        return self.sentences[0].anchor if self.sentences else 0


@dataclass(frozen=True, slots=True)
class Note:
    """Something the simplifier could not decide: a person must look at it."""

    transform: str
    span: Span  # in the source
    message: str
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class State:
    """The draft between two transforms."""

    blocks: tuple[DraftBlock, ...]
    title: SegText | None = None
    edits: tuple[Edit, ...] = ()
    notes: tuple[Note, ...] = ()
    glossary: tuple[tuple[str, str], ...] = ()  # (term, explanation) for the box
    # anchors of sentences that belong with the sentence before them (a moved
    # insertion, the second half of a split): structure keeps them together
    attached: frozenset[int] = frozenset()
    # anchors of sentences that cannot stand without the one before them (a
    # clause without its own subject): no heading goes between them
    bound: frozenset[int] = frozenset()

    def with_blocks(
        self, blocks: Iterable[DraftBlock], rec: Recorder | None = None
    ) -> State:
        """A new state with these blocks and the recorder's edits and notes added."""
        state = replace(self, blocks=tuple(blocks))
        return rec.apply(state) if rec is not None else state


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a transform may read; transforms never change it."""

    doc: Document
    pack: LanguagePack
    profile: Profile
    template: str
    glossary: Glossary
    facts: Facts
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        """The language code (``sl``, ``en``, ``de``)."""
        return self.pack.code

    @property
    def strict(self) -> bool:
        """True for the strict (easy-read) profile and profiles extending it."""
        return bool(self.params.get("level", "strict") == "strict")

    def param(self, key: str, default: Any) -> Any:
        """A simplifier setting (from the profile's rules, else ``default``)."""
        return self.params.get(key, default)


class Recorder:
    """Collects the edits and notes of one transform run."""

    def __init__(self, name: str, ctx: Context) -> None:
        self.name = name
        self.ctx = ctx
        self.edits: list[Edit] = []
        self.notes: list[Note] = []
        self.glossary: list[tuple[str, str]] = []
        self.attached: set[int] = set()
        self.bound: set[int] = set()

    def edit(
        self, seg: SegText, start: int, end: int, new: str, reason: str
    ) -> SegText:
        """Replace ``seg.text[start:end]`` with ``new`` and record the edit."""
        before = seg.text[start:end]
        if before == new:
            return seg
        self.record(seg.span(start, end), before, new, reason)
        return seg.replace(start, end, new)

    def edit_many(
        self, seg: SegText, edits: Iterable[tuple[int, int, str, str]]
    ) -> SegText:
        """:meth:`edit` for each ``(start, end, new, reason)``, from the last to
        the first, recorded in that order, with one copy of the text.

        Edits that overlap are made one by one, exactly as :meth:`edit` would.
        """
        ordered = sorted(edits, reverse=True)
        for (s1, _, _, _), (s0, e0, _, _) in itertools.pairwise(ordered):
            if not (e0 <= s1 and s0 < s1):
                for start, end, new, reason in ordered:
                    seg = self.edit(seg, start, end, new, reason)
                return seg
        changes = []
        for start, end, new, reason in ordered:
            before = seg.text[start:end]
            if before != new:  # each reads the text up to its end only: unchanged
                self.record(seg.span(start, end), before, new, reason)
                changes.append((start, end, new))
        return seg.replace_many(changes[::-1])

    def record(self, span: Span, before: str, after: str, reason: str) -> None:
        """Record an edit made by other means (a split, a move)."""
        loc = self.ctx.doc.source.location(span.start)
        self.edits.append(Edit(self.name, span, loc, before, after, reason))

    def note(self, span: Span, message: str, excerpt: str = "") -> None:
        """Record something a person must decide."""
        self.notes.append(Note(self.name, span, message, excerpt))

    def attach(self, seg: SegText) -> None:
        """Mark a new sentence as belonging with the sentence before it."""
        self.attached.add(seg.anchor)

    def bind(self, seg: SegText) -> None:
        """Mark a new sentence as unable to stand without the sentence before it."""
        self.attached.add(seg.anchor)
        self.bound.add(seg.anchor)

    def explain(self, term: str, explanation: str) -> None:
        """Add a term to the glossary box."""
        self.glossary.append((term, explanation))

    def apply(self, state: State) -> State:
        """Add what was recorded to ``state``."""
        known = {t.lower() for t, _ in state.glossary}
        extra = []
        for term, text in self.glossary:
            if term.lower() not in known:
                known.add(term.lower())
                extra.append((term, text))
        return replace(
            state,
            edits=state.edits + tuple(self.edits),
            notes=state.notes + tuple(self.notes),
            glossary=state.glossary + tuple(extra),
            attached=state.attached | frozenset(self.attached),
            bound=state.bound | frozenset(self.bound),
        )


@runtime_checkable
class Transform(Protocol):
    """A named step of the simplifier."""

    name: str
    description: str

    def run(self, state: State, ctx: Context) -> State:
        """Return the new state (record edits with a :class:`Recorder`)."""
        ...


_REGISTRY: dict[str, Transform] = {}
T = TypeVar("T")


def transform(cls: type[T]) -> type[T]:
    """Class decorator: instantiate and register a transform under its ``name``.

    :raises ConfigError: when the name is already taken.
    """
    inst = cls()
    name = getattr(inst, "name", "")
    if not name or not isinstance(inst, Transform):
        raise ConfigError(
            f"transform {cls.__name__} needs `name`, `description` and `run`"
        )
    if name in _REGISTRY:
        raise ConfigError(f"two transforms are called {name!r}")
    _REGISTRY[name] = inst
    return cls


@functools.lru_cache(maxsize=1)
def _load_builtin() -> None:
    # Importing the modules runs their @transform decorators.
    from . import (  # noqa: F401
        abbreviations,
        addresses,
        compounds,
        dates,
        glossary,
        insertions,
        lists,
        numbers,
        sentences,
        structure,
    )


def available() -> Mapping[str, Transform]:
    """All registered transforms by name."""
    _load_builtin()
    return dict(_REGISTRY)


def get_transform(name: str) -> Transform:
    """The transform called ``name``.

    :raises ConfigError: for an unknown name (the message lists the known ones).
    """
    known = available()
    if name not in known:
        raise ConfigError(
            f"unknown transform {name!r}",
            hint=f"known transforms: {', '.join(sorted(known))}",
        )
    return known[name]


def resolve_order(
    profile_order: Sequence[str],
    only: Sequence[str] | None = None,
    disable: Iterable[str] = (),
) -> tuple[str, ...]:
    """The transform names to run: the profile's order, filtered.

    :param only: run just these (still in the profile's order when they are in it).
    :param disable: names to skip.
    :raises ConfigError: for unknown names anywhere.
    """
    order = tuple(profile_order) or DEFAULT_ORDER
    skip = set(disable)
    for name in (*order, *(only or ()), *skip):
        get_transform(name)
    if only is not None:
        wanted = list(only)
        order = tuple(n for n in order if n in wanted) + tuple(
            n for n in wanted if n not in order
        )
    return tuple(n for n in order if n not in skip)


def run_pipeline(
    state: State,
    ctx: Context,
    order: Sequence[str],
    hook: Callable[[str, State], None] | None = None,
) -> State:
    """Run the transforms in ``order`` and return the final state."""
    for name in order:
        before = len(state.edits)
        state = get_transform(name).run(state, ctx)
        logger.info("simplify: %s made %d edits", name, len(state.edits) - before)
        if hook is not None:
            hook(name, state)
    return state
