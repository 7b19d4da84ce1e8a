"""Text that remembers where each character came from in the source.

Transforms rewrite sentences many times; every :class:`SegText` keeps, for each
character, the source offset it was derived from. Inserted characters take the
offset of the text they replaced (or of their left neighbour), so an edit made
by the last transform can still be reported at the right line of the original.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Block, Span

__all__ = ["SegText"]

_SPACE_RUN_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SegText:
    """A string plus one source offset per character."""

    text: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.offsets):
            raise ValueError("SegText needs one offset per character")

    # ------------------------------------------------------------ building
    @classmethod
    def from_block(
        cls, block: Block, start: int = 0, end: int | None = None
    ) -> SegText:
        """The text of ``block`` between ``start`` and ``end`` (block-text offsets)."""
        end = len(block.text) if end is None else end
        offsets = block.offsets[start:end]
        if len(offsets) < end - start:  # blocks built without offsets
            base = block.span.start
            offsets = tuple(base + i for i in range(start, end))
        return cls(block.text[start:end], tuple(offsets))

    @classmethod
    def synthetic(cls, text: str, at: int) -> SegText:
        """New text that has no source of its own; it is reported at ``at``."""
        return cls(text, (at,) * len(text))

    # ------------------------------------------------------------ queries
    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def anchor(self) -> int:
        """The source offset of the first character (or 0 for empty text)."""
        return self.offsets[0] if self.offsets else 0

    def offset_at(self, index: int) -> int:
        """Source offset for a position (the end maps just after the last char)."""
        if not self.offsets:
            return 0
        if index < len(self.offsets):
            return self.offsets[max(index, 0)]
        return self.offsets[-1] + 1

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The source span covered by ``text[start:end]``."""
        end = len(self.text) if end is None else end
        if start >= end or not self.offsets:
            at = self.offset_at(start)
            return Span(at, at)
        chunk = self.offsets[start:end]
        return Span(min(chunk), max(chunk) + 1)

    # ------------------------------------------------------------ editing
    def slice(self, start: int, end: int | None = None) -> SegText:
        """A part of the text, offsets kept."""
        return SegText(self.text[start:end], self.offsets[start:end])

    def replace(self, start: int, end: int, new: str) -> SegText:
        """Replace ``text[start:end]`` with ``new``; new characters inherit offsets.

        A replacement that keeps a common prefix or suffix with the old text keeps
        those characters' own offsets, so small rewrites stay precise.
        """
        return SegText(
            self.text[:start] + new + self.text[end:],
            self.offsets[:start]
            + self._new_offsets(start, end, new)
            + self.offsets[end:],
        )

    def replace_many(self, edits: Sequence[tuple[int, int, str]]) -> SegText:
        """Several :meth:`replace` calls at once, in one pass over the text.

        ``edits`` are ``(start, end, new)`` in offsets of this text, sorted by
        start, not overlapping. The result is the same as calling
        :meth:`replace` for each, from the last to the first; one call per edit
        copies the whole text each time, which is quadratic when a hostile
        sentence has thousands of edits.
        """
        if len(edits) < 2:
            return self.replace(*edits[0]) if edits else self
        for (s0, e0, _), (s1, _, _) in itertools.pairwise(edits):
            if not (e0 <= s1 and s0 < s1):  # not the simple case: one by one
                out = self
                for start, end, new in reversed(edits):
                    out = out.replace(start, end, new)
                return out
        texts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for start, end, new in edits:
            # _new_offsets reads this text up to ``end`` only, which the edits
            # after this one (further right) would not have changed
            texts += (self.text[pos:start], new)
            offsets += self.offsets[pos:start]
            offsets += self._new_offsets(start, end, new)
            pos = end
        texts.append(self.text[pos:])
        offsets += self.offsets[pos:]
        return SegText("".join(texts), tuple(offsets))

    def _new_offsets(self, start: int, end: int, new: str) -> tuple[int, ...]:
        """The offsets of ``new`` when it replaces ``text[start:end]``."""
        old = self.text[start:end]
        old_offs = self.offsets[start:end]
        # keep the offsets of a shared prefix and suffix
        p = 0
        while p < len(old) and p < len(new) and old[p] == new[p]:
            p += 1
        s = 0
        while s < len(old) - p and s < len(new) - p and old[-1 - s] == new[-1 - s]:
            s += 1
        at = (
            old_offs[p]
            if p < len(old_offs)
            else self.offset_at(start + p - 1 if p else start)
        )
        if not old_offs and start > 0:
            at = self.offsets[start - 1]
        middle = (at,) * (len(new) - p - s)
        return old_offs[:p] + middle + (old_offs[len(old_offs) - s :] if s else ())

    def __add__(self, other: SegText) -> SegText:
        return SegText(self.text + other.text, self.offsets + other.offsets)

    def strip(self, chars: str | None = None) -> SegText:
        """Strip both ends, offsets kept."""
        text = self.text
        left = len(text) - len(text.lstrip(chars))
        right = len(text.rstrip(chars))
        if right <= left:
            return SegText("", ())
        return self.slice(left, right)

    def collapse_space(self) -> SegText:
        """Turn every run of white space (line breaks too) into one space."""
        out = self
        for m in reversed(list(_SPACE_RUN_RE.finditer(self.text))):
            if m.group() != " ":
                out = out.replace(m.start(), m.end(), " ")
        return out.strip()

    def capitalise(self) -> SegText:
        """Upper-case the first letter (after leading quotes or brackets)."""
        for i, ch in enumerate(self.text):
            if ch.isalpha():
                # "ß" and "ﬁ" have two-letter capitals; one offset per
                # character must hold, so they stay as they are.
                if ch.islower() and len(ch.upper()) == 1:
                    return SegText(
                        self.text[:i] + ch.upper() + self.text[i + 1 :], self.offsets
                    )
                return self
            if ch.isdigit():
                return self
        return self

    def ensure_stop(self, stop: str = ".") -> SegText:
        """End with terminal punctuation, replacing a trailing comma or semicolon."""
        t = self.text.rstrip()
        base = self.slice(0, len(t))
        if not t:
            return base
        if t[-1] in ",;:–-":
            return base.replace(len(t) - 1, len(t), stop).strip().ensure_stop(stop)
        if t[-1] in ".!?…":
            return base
        if t[-1] in "\"'»«“”’)":
            # "...« -> closing quote after a full sentence: add the stop after it
            return base + SegText.synthetic(stop, base.offset_at(len(t)))
        return base + SegText.synthetic(stop, base.offset_at(len(t)))
