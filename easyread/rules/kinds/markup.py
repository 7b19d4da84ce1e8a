"""``markup``: formatting and structure (italics, capitals, bold, images, headings, lines).

``check`` names what to look at:

============================  ======================================================
``italics``                   emphasis written in italics (scope text)
``all_caps``                  ``min_words`` capitalised words in a row, or one of
                              ``min_letters`` letters, that are not known acronyms
``bold_share``                more than ``max_share`` (0..1) of the words in bold
                              (scope document)
``image_alt``                 an image without a text alternative (scope image)
``heading_levels``            a heading that skips a level (## -> ####)
``one_sentence_per_line``     a sentence that starts on the line where the last ended
``heading_frequency``         more than ``max_lines`` lines of body text without a
                              heading (scope document)
============================  ======================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ...model import BlockKind, TokenKind
from ..base import Context, Hit, ParamError, Unit, kind
from ..params import NUMBER, P, validate_params

CHECKS: dict[str, tuple[str, ...]] = {
    "italics": ("text",),
    "all_caps": ("sentence",),
    "bold_share": ("document",),
    "image_alt": ("image",),
    "heading_levels": ("document",),
    "one_sentence_per_line": ("block", "text"),
    "heading_frequency": ("document",),
}
_FIELDS: dict[str, frozenset[str]] = {
    "italics": frozenset(),
    "all_caps": frozenset(),
    "bold_share": frozenset({"value", "max"}),
    "image_alt": frozenset(),
    "heading_levels": frozenset({"level", "expected"}),
    "one_sentence_per_line": frozenset(),
    "heading_frequency": frozenset({"value", "max"}),
}

SCHEMA = {
    "check": P((str,), required=True, per_lang=False, choices=tuple(CHECKS)),
    "min_words": P((int,), 2, minimum=1),
    "min_letters": P((int,), 6, minimum=2),
    "max_share": P(NUMBER, 0.2, minimum=0),
    "max_lines": P((int,), 5, minimum=1),
}
_FILE_NAME_RE = re.compile(
    r"^\S+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)$", re.IGNORECASE
)


@kind("markup")
class Markup:
    """Report formatting that is hard to read."""

    name = "markup"

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        out = validate_params(params, SCHEMA, self.name)
        if out["check"] == "bold_share" and not 0 <= float(out["max_share"]) <= 1:
            raise ParamError(
                "max_share", "`max_share` is a share between 0 and 1 (0.2 = 20 %)"
            )
        return out

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        return _FIELDS.get(str(params.get("check")), frozenset())

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        method = ctx.compiled.get("markup")
        if method is None:  # once per rule: the check's method, or none for the scope
            check = str(ctx.params["check"])
            method = ctx.compiled["markup"] = (
                getattr(self, f"_{check}") if ctx.rule.scope in CHECKS[check] else ()
            )
        if method:
            yield from method(unit, ctx)

    # ------------------------------------------------------------ checks
    def _italics(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        assert unit.block is not None
        for m in unit.block.marks:
            if m.kind == "em" and m.end > m.start:
                yield Hit(m.start, m.end)

    def _all_caps(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        known = ctx.compiled.get("known")
        if known is None:  # once per rule and pack, not once per sentence
            known = ctx.compiled["known"] = ctx.known_acronyms | frozenset(ctx.acronyms)
        min_words = int(ctx.param("min_words"))
        min_letters = int(ctx.param("min_letters"))
        run: list[Any] = []

        def flush() -> Iterable[Hit]:
            if not run:
                return
            caps = [w for w in run if w.text not in known]
            if (len(run) >= min_words and len(caps) >= 1) or any(
                w.letters >= min_letters for w in caps
            ):
                yield Hit(run[0].start, run[-1].end)

        for w in unit.tokens:
            if w.kind is TokenKind.WORD and w.letters >= 2 and w.text.isupper():
                run.append(w)
                continue
            if not run:
                continue  # (most tokens: no generator for an empty run)
            if w.kind is TokenKind.PUNCT and w.text in ",-–":
                continue  # "POZOR, POZOR" is one shout
            yield from flush()
            run = []
        yield from flush()

    def _bold_share(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        total = bold = 0
        first: tuple[Unit, int, int] | None = None
        for block_unit in ctx.units.body:
            assert block_unit.block is not None
            strong = [
                (m.start, m.end) for m in block_unit.block.marks if m.kind == "strong"
            ]
            for w in block_unit.words:
                total += 1
                if any(a <= w.start and w.end <= b for a, b in strong):
                    bold += 1
            if strong and first is None:
                first = (block_unit, *strong[0])
        limit = float(ctx.param("max_share"))
        if total and first is not None and bold / total > limit:
            block_unit, a, b = first
            yield Hit(
                a,
                b,
                {"value": round(100 * bold / total), "max": round(100 * limit)},
                unit=block_unit,
            )

    def _image_alt(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        alt = unit.text.strip()
        if not alt or _FILE_NAME_RE.match(alt):
            yield Hit(0, len(unit.text))

    def _heading_levels(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        # The title (front matter) is rendered as the level-1 heading.
        previous = 1 if ctx.doc.meta.title else 0
        for heading in ctx.units.headings:
            assert heading.block is not None
            level = heading.block.level
            if level > previous + 1:
                yield Hit(
                    0,
                    len(heading.text),
                    {"level": level, "expected": previous + 1},
                    unit=heading,
                )
            previous = level

    def _one_sentence_per_line(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        for before, after in zip(unit.sentences, unit.sentences[1:], strict=False):
            gap = unit.text[before.offset + len(before.text) : after.offset]
            if "\n" not in gap:
                yield Hit(after.offset, after.offset + len(after.text))

    def _heading_frequency(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        limit = int(ctx.param("max_lines"))
        lines = 0
        reported = False
        for block_unit in ctx.units.blocks:
            block = block_unit.block
            assert block is not None
            if block.kind is BlockKind.HEADING:
                lines, reported = 0, False
                continue
            lines += sum(1 for line in block.text.split("\n") if line.strip())
            if lines > limit and not reported:
                reported = True
                yield Hit(
                    0, len(block.text), {"value": lines, "max": limit}, unit=block_unit
                )
