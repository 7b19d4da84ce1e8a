"""A sentence's edits made from the last to the first, with one copy of the text.

Dates, times and the glossary edit a sentence from its end to its start, and
the test for each edit reads the text just after it, which the edit to its
right has already changed (``_SPACE_WORD_RE.match(text, m.end)``). Making each
edit at once copies the whole sentence per edit: quadratic when a hostile
sentence has thousands of dates.

:class:`RightToLeft` keeps the edits made so far in a list and the text they
apply to (``base``). Each edit starts left of the ones before it, so the text
before the leftmost edit (:attr:`RightToLeft.left`) is the same in ``base`` and
in the edited text; what lies after it is read piece by piece
(:meth:`RightToLeft.peek`, :meth:`RightToLeft.slice`) without building the
text. :meth:`RightToLeft.seg` makes all edits in one pass
(:meth:`SegText.replace_many`). An edit that is not left of the ones before it
first makes the edits so far, so the result is always what one
:meth:`Recorder.edit` per edit gave.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._text import SegText
from .pipeline import Recorder

__all__ = ["RightToLeft"]


class RightToLeft:
    """Edits of one sentence, made from the last to the first."""

    __slots__ = ("_made", "_rec", "_seg", "_text")

    def __init__(self, seg: SegText, rec: Recorder) -> None:
        self._seg = seg
        self._rec = rec
        # (start, end, new) in offsets of ``_seg``, from right to left
        self._made: list[tuple[int, int, str]] = []
        self._text: str | None = None  # the edited text, once it was asked for

    @property
    def base(self) -> SegText:
        """The text the edits not yet made apply to; before :attr:`left` it is
        the edited text."""
        return self._seg

    @property
    def left(self) -> int:
        """Where the leftmost edit starts (after the text when there is none)."""
        return self._made[-1][0] if self._made else len(self._seg.text) + 1

    def seg(self) -> SegText:
        """The edited text (all edits so far made, in one pass)."""
        if self._made:
            self._seg = self._seg.replace_many(self._made[::-1])
            self._made = []
            self._text = None
        return self._seg

    def text(self) -> str:
        """The edited text as a string (kept until the next edit)."""
        if not self._made:
            return self._seg.text
        if self._text is None:
            self._text = "".join(t[a:b] for t, a, b in self._pieces_from(0))
        return self._text

    def edit(self, start: int, end: int, new: str, reason: str) -> None:
        """:meth:`Recorder.edit` on the edited text: positions up to
        :attr:`left` are the same in both; others make the edits so far first."""
        if not (end <= self.left and start < self.left):
            self.seg()
        before = self._seg.text[start:end]
        if before == new:
            return
        self._rec.record(self._seg.span(start, end), before, new, reason)
        self._made.append((start, end, new))
        self._text = None

    def slice(self, start: int, end: int) -> str:
        """``edited_text[start:end]``, reading only those characters."""
        if end <= self.left:
            return self._seg.text[start:end]
        if start > self.left:
            return self.seg().text[start:end]
        out: list[str] = []
        need = end - start
        for t, a, b in self._pieces_from(start):
            if need <= 0:
                break
            out.append(t[a : min(b, a + need)])
            need -= len(out[-1])
        return "".join(out)

    def peek(self, pos: int, n: int) -> str:
        """The edited text from ``pos``: its white space, then ``n`` characters
        (fewer at the end of the text).

        Enough for a pattern anchored at ``pos`` that reads white space
        (``\\s+``) and then at most ``n`` characters: it matches the window
        where it matches the whole text.
        """
        if pos > self.left:
            self.seg()
        out: list[str] = []
        spaces = True
        for t, a, b in self._pieces_from(pos):
            i = a
            if spaces:
                while i < b and t[i].isspace():  # str.isspace is what \s matches
                    i += 1
                if i == b:
                    out.append(t[a:b])
                    continue
                spaces = False
            stop = min(b, i + n)
            out.append(t[a:stop])
            n -= stop - i
            if n <= 0:
                break
        return "".join(out)

    def _pieces_from(self, pos: int) -> Iterator[tuple[str, int, int]]:
        """The edited text from ``pos`` (``pos <= left``) as ``(text, a, b)``
        pieces, ``text[a:b]`` each, left to right; a long piece of the base
        text is not copied."""
        base = self._seg.text
        at = pos
        for k in range(len(self._made) - 1, -1, -1):  # left to right
            start, end, new = self._made[k]
            yield base, at, start
            yield new, 0, len(new)
            at = end
        yield base, at, len(base)
