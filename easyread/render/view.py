"""The view model: what a template needs from a document, and nothing else.

Templates never see the :class:`~easyread.model.Document`. They get a
:class:`View` of plain, already escaped pieces: picture-and-text rows (for the
invitation in the document's language: *Kaj? Kdaj? Kje? ...*), materials and
numbered steps (activity), the glossary entries the text really uses, the
typography from the profile and the words for page labels.

Pictures are resolved here, once: a pictogram name becomes a bundled file, an
author's photo is looked up in the document's folder only, and anything else
(``http://``, ``file:///etc/passwd``, ``../../secret``) is refused with a
logged warning and shown as a short text instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from markupsafe import Markup

from .._log import logger
from ..errors import ConfigError, DocumentError
from ..glossary import Glossary, parse_entries
from ..lang import GlossaryEntry
from ..model import Block, BlockKind, Document
from ..profiles import Profile
from .fetcher import FetchRefused, check_local_path
from .i18n import UiStrings, css_counter_content, ui_strings
from .inline import clean_text, inline_html, link_href, sentence_lines
from .pictograms import Pictogram, PictogramSet, load_pictograms

__all__ = [
    "CallToAction",
    "GlossaryItem",
    "ListItem",
    "Material",
    "Part",
    "Picture",
    "Row",
    "StepList",
    "Typography",
    "View",
    "build_view",
]

PAPERS = ("A4", "A5")
PHOTO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PICTOGRAM_PREFIX = "pictogram:"
# Front-matter ``images:`` keys (English, Slovenian, German) for each row.
_IMAGE_KEYS = {
    "title": ("title", "naslov", "titel"),
    "what": ("what", "kaj", "was"),
    "when": ("when", "kdaj", "wann"),
    "where": ("where", "kje", "wo"),
    "who": ("who", "kdo", "wer"),
    "bring": ("bring", "prinesem", "mitbringen"),
    "cost": ("cost", "price", "cena", "kosten"),
    "call": ("call", "contact", "pokličem", "kontakt", "anrufen"),
    "materials": ("materials", "material", "potrebujete"),
}
# Pictures the invitation rows use when the author named none (first that exists).
_DEFAULT_PICTURES = {
    "when": ("calendar", "clock"),
    "where": ("place", "map"),
    "who": ("group", "people", "friends"),
    "bring": ("bring", "bag"),
    "cost_free": ("free", "money"),
    "cost": ("money", "coin"),
    "call": ("phone", "mobile-phone"),
    "email": ("email", "letter"),
}


# --------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class Picture:
    """A picture to show: a bundled pictogram, an author's photo, or a refused one.

    ``kind`` is ``"pictogram"``, ``"photo"`` or ``"missing"``. ``path`` is the
    checked real file (``None`` when missing). ``alt`` is never empty.
    """

    kind: str
    alt: str
    path: Path | None = None
    name: str = ""

    @property
    def missing(self) -> bool:
        """True when the picture was refused or not found (shown as text)."""
        return self.kind == "missing"


@dataclass(frozen=True, slots=True)
class ListItem:
    """One list item: its sentence lines, nested items and an optional picture."""

    lines: tuple[Markup, ...]
    children: tuple[ListItem, ...] = ()
    number: int | None = None
    picture: Picture | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """A paragraph (``kind="p"``), quote (``"quote"``) or list (``"ul"``/``"ol"``)."""

    kind: str
    lines: tuple[Markup, ...] = ()
    items: tuple[ListItem, ...] = ()
    start: int = 1


@dataclass(frozen=True, slots=True)
class Row:
    """A picture on the left and short lines on the right, with an optional heading."""

    key: str
    heading: Markup | None
    level: int
    picture: Picture | None
    parts: tuple[Part, ...]
    kind: str = "row"


@dataclass(frozen=True, slots=True)
class StepList:
    """Numbered steps of an activity, each with its picture."""

    heading: Markup | None
    level: int
    steps: tuple[ListItem, ...]
    start: int = 1
    kind: str = "steps"


@dataclass(frozen=True, slots=True)
class Material:
    """One thing an activity needs: a tick box, a picture and its name."""

    text: Markup
    picture: Picture | None


@dataclass(frozen=True, slots=True)
class GlossaryItem:
    """A hard word that stays in the text, asked as a question and explained."""

    term: str
    question: str
    explanation: str


@dataclass(frozen=True, slots=True)
class CallToAction:
    """The box at the end of an invitation: whom to call or write to."""

    heading: str
    lines: tuple[Markup, ...]
    phone: str = ""
    phone_href: str = ""
    email: str = ""
    email_href: str = ""


@dataclass(frozen=True, slots=True)
class Typography:
    """Sizes, spacing and paper from the profile's ``render`` section (clamped).

    Print sizes are in points, screen sizes in pixels (written as rem in CSS).
    Nothing is ever smaller than the profile's minimum, line height is at
    least 1.5, and text is never justified or hyphenated (that is in the CSS).
    """

    paper: str = "A4"
    body_pt: float = 16.0
    small_pt: float = 14.0
    h1_pt: float = 28.0
    h2_pt: float = 22.0
    h3_pt: float = 18.0
    body_px: float = 20.0
    small_px: float = 19.2
    line_height: float = 1.5
    gap_factor: float = 1.5
    margin_mm: float = 20.0
    picture_mm: float = 30.0
    title_picture_mm: float = 45.0
    measure_ch: int = 60
    image_position: str = "left"

    @classmethod
    def from_profile(cls, render: Mapping[str, Any], paper: str = "") -> Typography:
        """Read a profile's ``render`` settings, enforcing the easy-read minimums.

        :raises ConfigError: for a paper size other than A4 or A5, or a
            setting that is not a number.
        """

        def num(key: str, default: float) -> float:
            value = render.get(key, default)
            try:
                return float(value)
            except (TypeError, ValueError):
                raise ConfigError(
                    f"render setting `{key}` must be a number, not {value!r}"
                ) from None

        paper_name = (paper or str(render.get("paper") or "A4")).strip().upper()
        if paper_name not in PAPERS:
            raise ConfigError(
                f"unknown paper size {paper_name!r}",
                hint="use A4 or A5 (A5 is the smallest for easy-read)",
            )
        min_pt = num("font_size_pt_min", 14)
        body_pt = max(num("font_size_pt", 16), min_pt)
        h2 = max(num("heading_size_pt", body_pt * 1.375), body_pt)
        line_height = num("line_height", 1.5)
        if line_height < 1.5:
            logger.warning(
                "line height %.2f is below 1.5; using 1.5 (easy-read minimum)",
                line_height,
            )
            line_height = 1.5
        min_px = num("font_size_px_min", 19.2)
        picture_mm = max(num("image_width_mm", 30), 20.0)
        position = str(render.get("image_position", "left")).strip().lower()
        if position not in ("left", "right"):
            raise ConfigError(
                f"render setting `image_position` must be left or right, not {position!r}"
            )
        return cls(
            paper=paper_name,
            body_pt=body_pt,
            small_pt=min_pt,
            h1_pt=round(h2 * 1.3, 1),
            h2_pt=h2,
            h3_pt=round(max(body_pt + 2, (body_pt + h2) / 2), 1),
            body_px=max(num("font_size_px", 20), min_px),
            small_px=min_px,
            line_height=line_height,
            gap_factor=max(num("paragraph_gap_factor", 1.5), 0.5),
            margin_mm=max(num("margin_mm", 20), 10.0),
            picture_mm=picture_mm,
            # On A5 a 45 mm title picture leaves too little room for the title.
            title_picture_mm=round(
                picture_mm * (1.5 if paper_name == "A4" else 1.2), 1
            ),
            measure_ch=int(num("line_length_chars_max", 60)),
            image_position=position,
        )


@dataclass(frozen=True, slots=True)
class View:
    """Everything a template prints, already in the document's language."""

    lang: str
    template: str
    title: str
    title_html: Markup
    title_picture: Picture | None
    organiser: str
    s: UiStrings
    typography: Typography
    page_label_css: str
    intro: tuple[Row, ...] = ()
    facts: tuple[Row, ...] = ()
    body: tuple[Row | StepList, ...] = ()
    call: Row | None = None
    cta: CallToAction | None = None
    materials: tuple[Material, ...] = ()
    materials_heading: str = ""
    glossary: tuple[GlossaryItem, ...] = ()
    glossary_heading: str = ""
    reviewed_by: str = ""
    attribution: str = ""
    attribution_lang: str = "en"
    write_in: tuple[str, ...] = ()
    pictures: tuple[Picture, ...] = field(default=(), repr=False)


# -------------------------------------------------------------------- pictures
class _Pictures:
    """Resolves picture references for one document and remembers what it used."""

    def __init__(self, doc: Document, pictograms: PictogramSet, s: UiStrings) -> None:
        self.doc = doc
        self.lang = doc.lang
        self.pictograms = pictograms
        self.s = s
        self.folder = doc.path.resolve().parent if doc.path is not None else None
        self.used: list[Picture] = []

    def _keep(self, picture: Picture) -> Picture:
        self.used.append(picture)
        return picture

    def pictogram(self, pic: Pictogram, alt: str = "") -> Picture:
        return self._keep(
            Picture(
                "pictogram", alt.strip() or pic.alt_text(self.lang), pic.path, pic.name
            )
        )

    def named(self, names: Sequence[str]) -> Picture | None:
        """The first bundled pictogram of ``names`` that exists."""
        for name in names:
            pic = self.pictograms.get(name)
            if pic is not None:
                return self.pictogram(pic)
        return None

    def missing(self, alt: str, ref: str, reason: str) -> Picture:
        where = f"{self.doc.source.name}"
        logger.warning("%s: picture %r is not shown: %s", where, ref, reason)
        return self._keep(
            Picture("missing", alt.strip() or self.s("picture"), None, ref)
        )

    def resolve(
        self, ref: str, alt: str = "", *, fallback_words: Sequence[str] = ()
    ) -> Picture | None:
        """A picture for an author's reference: ``pictogram:name``, a bare name or a file.

        Unknown pictogram names fall back to a picture chosen from
        ``fallback_words`` (with a warning); refused files become a
        ``missing`` picture that shows ``alt`` as text.
        """
        ref = ref.strip()
        if not ref:
            return None
        name = (
            ref[len(_PICTOGRAM_PREFIX) :]
            if ref.lower().startswith(_PICTOGRAM_PREFIX)
            else ""
        )
        is_file = not name and (
            "/" in ref
            or "\\" in ref
            or Path(ref).suffix.lower() in PHOTO_SUFFIXES
            or _SCHEME_RE.match(ref)
        )
        if not is_file:
            name = name or ref
            pic = self.pictograms.get(name)
            if pic is not None:
                return self.pictogram(pic, alt)
            found = self.pictograms.find(name, "en")
            if found:
                logger.info(
                    "pictogram %r is not a name; using %r found by keyword",
                    name,
                    found[0].name,
                )
                return self.pictogram(found[0], alt)
            chosen = self.choose(fallback_words) if fallback_words else None
            logger.warning(
                "%s: there is no pictogram called %r%s",
                self.doc.source.name,
                name,
                f"; using {chosen.name!r} chosen from the words" if chosen else "",
            )
            if chosen is not None:
                return (
                    chosen
                    if not alt.strip()
                    else self._keep(
                        Picture(chosen.kind, alt.strip(), chosen.path, chosen.name)
                    )
                )
            return None
        return self.photo(ref, alt)

    def photo(self, ref: str, alt: str) -> Picture:
        """An author's own picture file, only from the document's folder."""
        if _SCHEME_RE.match(ref) and not re.match(r"^[a-zA-Z]:[\\/]", ref):
            return self.missing(
                alt, ref, "only files next to the document can be used, never URLs"
            )
        if self.folder is None:
            return self.missing(
                alt, ref, "a document read from standard input cannot use picture files"
            )
        rel = Path(ref)
        if rel.is_absolute() or rel.drive:
            return self.missing(
                alt, ref, "write the path relative to the document's folder"
            )
        if rel.suffix.lower() not in PHOTO_SUFFIXES:
            return self.missing(
                alt, ref, f"use a picture file ({', '.join(PHOTO_SUFFIXES)})"
            )
        try:
            real = check_local_path(self.folder / rel, [self.folder])
        except FetchRefused as exc:
            return self.missing(alt, ref, str(exc))
        if not alt.strip():
            logger.warning(
                "%s: picture %r has no alt text; add one: ![what it shows](%s)",
                self.doc.source.name,
                ref,
                ref,
            )
        return self._keep(Picture("photo", alt.strip() or self.s("picture"), real, ref))

    def choose(
        self,
        words: Sequence[str],
        avoid: Iterable[str] = (),
        prefer: Iterable[str] = (),
    ) -> Picture | None:
        pic = self.pictograms.choose(
            words, self.lang, self.doc.pack, avoid=avoid, prefer=prefer
        )
        return self.pictogram(pic) if pic is not None else None


def _front_image(images: Mapping[str, str], key: str) -> str:
    for alias in _IMAGE_KEYS.get(key, (key,)):
        for k, v in images.items():
            if k.strip().lower() == alias and str(v).strip():
                return str(v)
    return ""


def _words(text: str, doc: Document) -> list[str]:
    return [text[s:e] for s, e, kind in doc.pack.tokenize(text) if kind.value == "word"]


def _block_words(blocks: Iterable[Block]) -> list[str]:
    return [t.text for b in blocks for t in b.words if t.kind.value == "word"]


# ---------------------------------------------------------------------- body
@dataclass
class _Unit:
    """A paragraph or a whole list from the body, before it becomes a row."""

    kind: str  # "p", "quote", "ul", "ol"
    blocks: list[Block]
    pictures: dict[int, Picture] = field(default_factory=dict)  # block index -> picture
    picture: Picture | None = None
    heading: Block | None = None


def _same_paragraph(doc: Document, text_block: Block, image: Block) -> bool:
    """True when ``image`` was written inside ``text_block`` (same Markdown paragraph)."""
    end_line = doc.source.location(
        max(text_block.span.end - 1, text_block.span.start)
    ).line
    return text_block.location.line <= image.location.line <= end_line


class _BodyBuilder:
    def __init__(
        self, doc: Document, pics: _Pictures, *, steps: bool, prefer: Sequence[str] = ()
    ) -> None:
        self.doc = doc
        self.pics = pics
        self.steps = steps
        self.prefer = tuple(prefer)
        self.s = pics.s
        self.title_picture = ""

    # -- grouping
    def units(self, blocks: Sequence[Block]) -> list[_Unit | Block]:
        """Group blocks into headings and units; attach pictures to their text."""
        out: list[_Unit | Block] = []
        pending: Picture | None = None
        last_text: tuple[_Unit, int, Block] | None = None
        for block in blocks:
            kind = block.kind
            if kind is BlockKind.RULE:
                continue
            if kind is BlockKind.IMAGE:
                picture = self.pics.resolve(block.src, block.text)
                if picture is None:
                    continue
                if last_text is not None and _same_paragraph(
                    self.doc, last_text[2], block
                ):
                    unit, index, text_block = last_text
                    if text_block.kind is BlockKind.HEADING:
                        # a picture on a heading line belongs to the row the heading starts
                        pending = pending or picture
                    elif unit.kind in ("ul", "ol"):
                        unit.pictures.setdefault(index, picture)
                    elif unit.picture is None:
                        unit.picture = picture
                    else:
                        logger.info(
                            "%s: only the first picture of a paragraph is shown",
                            self.doc.source.name,
                        )
                    continue
                pending = pending or picture
                continue
            if kind is BlockKind.HEADING:
                out.append(block)
                last_text = (_Unit("heading", [block]), 0, block)
                continue
            list_kind = "ol" if block.ordered else "ul"
            prev = out[-1] if out else None
            if (
                kind is BlockKind.LIST_ITEM
                and isinstance(prev, _Unit)
                and prev.kind in ("ul", "ol")
                and (prev.blocks[0].list_id == block.list_id or block.level > 1)
            ):
                prev.blocks.append(block)
                last_text = (prev, len(prev.blocks) - 1, block)
                continue
            if kind is BlockKind.LIST_ITEM:
                unit = _Unit(list_kind, [block])
            elif kind is BlockKind.QUOTE:
                unit = _Unit("quote", [block])
            else:
                unit = _Unit("p", [block])
            if pending is not None:
                unit.picture, pending = pending, None
            out.append(unit)
            last_text = (unit, 0, block)
        if pending is not None:
            out.append(_Unit("p", [], picture=pending))
        return out

    # -- parts
    def lines(self, block: Block) -> tuple[Markup, ...]:
        if block.kind is BlockKind.CODE:
            return tuple(
                Markup.escape(clean_text(line))
                for line in block.text.splitlines()
                if line.strip()
            )
        return sentence_lines(block.text, block.marks, self.doc.pack)

    def list_items(self, unit: _Unit) -> tuple[ListItem, ...]:
        """Nested list items from flat blocks (``level`` is the nesting depth)."""
        base = min(b.level for b in unit.blocks)

        def build(i: int, level: int) -> tuple[list[ListItem], int]:
            items: list[ListItem] = []
            while i < len(unit.blocks):
                b = unit.blocks[i]
                if b.level < level:
                    break
                if b.level > level:
                    children, i = build(i, b.level)
                    if items:
                        last = items[-1]
                        items[-1] = ListItem(
                            last.lines,
                            (*last.children, *children),
                            last.number,
                            last.picture,
                        )
                    else:
                        items.extend(children)
                    continue
                items.append(
                    ListItem(self.lines(b), (), b.number, unit.pictures.get(i))
                )
                i += 1
            return items, i

        items, _ = build(0, base)
        return tuple(items)

    def part(self, unit: _Unit) -> Part | None:
        if not unit.blocks:
            return None
        if unit.kind in ("ul", "ol"):
            first = unit.blocks[0]
            return Part(unit.kind, items=self.list_items(unit), start=first.number or 1)
        lines: list[Markup] = []
        for b in unit.blocks:
            lines.extend(self.lines(b))
        return Part(unit.kind, lines=tuple(lines))

    def unit_words(self, unit: _Unit, heading: Block | None) -> list[str]:
        return _block_words([*([heading] if heading else []), *unit.blocks])

    def build(
        self, blocks: Sequence[Block], levels: Mapping[int, int], avoid: list[str]
    ) -> list[Row | StepList]:
        """Rows (and, for activities, step lists) from body blocks."""
        out: list[Row | StepList] = []
        heading: Block | None = None
        items = self.units(blocks)
        for item in items:
            if isinstance(item, Block):
                if heading is not None:
                    out.append(self._heading_row(heading, levels))
                heading = item
                continue
            unit = item
            level = levels.get(id(heading), 2) if heading is not None else 2
            head_html = self._heading_html(heading) if heading is not None else None
            if self.steps and unit.kind == "ol":
                steps = []
                for i, li in enumerate(self.list_items(unit)):
                    picture = (
                        li.picture
                        or (unit.picture if i == 0 else None)
                        or self._step_picture(unit, i)
                    )
                    steps.append(ListItem(li.lines, li.children, li.number, picture))
                out.append(
                    StepList(
                        head_html or Markup.escape(self.s("steps")),
                        level,
                        tuple(steps),
                        unit.blocks[0].number or 1,
                    )
                )
                heading = None
                continue
            picture = unit.picture
            has_item_pictures = bool(unit.pictures)
            if picture is None and not has_item_pictures:
                # not the title's picture, and not the picture of the row just above
                recent = [self.title_picture, *avoid[-1:]]
                picture = self.pics.choose(self.unit_words(unit, heading), avoid=recent)
            if picture is not None:
                avoid.append(picture.name)
            part = self.part(unit)
            out.append(Row("body", head_html, level, picture, (part,) if part else ()))
            heading = None
        if heading is not None:
            out.append(self._heading_row(heading, levels))
        return out

    def _step_picture(self, unit: _Unit, index: int) -> Picture | None:
        # Steps may repeat a picture (scissors in two cutting steps): no avoid list.
        block_index = [
            i
            for i, b in enumerate(unit.blocks)
            if b.level == min(x.level for x in unit.blocks)
        ][index]
        blocks = [unit.blocks[block_index]]
        for b in unit.blocks[block_index + 1 :]:
            if b.level <= blocks[0].level:
                break
            blocks.append(b)
        return self.pics.choose(_block_words(blocks), prefer=self.prefer)

    def _heading_html(self, heading: Block) -> Markup:
        return inline_html(heading.text, heading.marks)

    def _heading_row(self, heading: Block, levels: Mapping[int, int]) -> Row:
        return Row(
            "body", self._heading_html(heading), levels.get(id(heading), 2), None, ()
        )


def _heading_levels(blocks: Sequence[Block], first: int = 2) -> dict[int, int]:
    """Map body headings to levels that start at ``first`` and never skip one."""
    levels: dict[int, int] = {}
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    if not headings:
        return levels
    base = min(h.level for h in headings)
    prev = first - 1
    for h in headings:
        level = min(max(first, h.level - base + first), prev + 1, 6)
        levels[id(h)] = level
        prev = level
    return levels


# ---------------------------------------------------------------- invitation
def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _line(text: str) -> Markup:
    return Markup.escape(clean_text(text))


def _phone_href(phone: str) -> str:
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}" if len(digits) >= 3 else ""


def _email_href(email: str) -> str:
    return link_href(f"mailto:{email.strip()}") if "@" in email else ""


def _link_line(label: str, text: str, href: str) -> Markup:
    if not href:
        return _line(label)
    shown = Markup('<a href="{}">{}</a>').format(href, clean_text(text))
    prefix, sep, _ = label.partition(text)
    return Markup.escape(clean_text(prefix)) + shown if sep else shown


def _fact_picture(
    pics: _Pictures, images: Mapping[str, str], key: str, default: str
) -> Picture | None:
    ref = _front_image(images, key)
    if ref:
        return pics.resolve(ref)
    return pics.named(_DEFAULT_PICTURES[default])


def _invitation_facts(
    doc: Document, pics: _Pictures, s: UiStrings, intro: list[Row], avoid: list[str]
) -> list[Row]:
    meta = doc.meta
    pack = doc.pack
    images = meta.images
    rows: list[Row] = []
    if intro:
        parts = tuple(p for r in intro for p in r.parts)
        ref = _front_image(images, "what")
        picture = (
            pics.resolve(ref)
            if ref
            else next((r.picture for r in intro if r.picture), None)
        )
        rows.append(Row("what", _line(s("what")), 2, picture, parts))
    if meta.date or meta.time:
        lines = []
        if meta.date:
            lines.append(
                _line(
                    _capital(pack.format_date(meta.date, weekday=True, sentence=True))
                )
            )
        if meta.time and meta.end_time:
            lines.append(
                _line(_capital(pack.format_time_range(meta.time, meta.end_time)))
            )
        elif meta.time:
            lines.append(_line(_capital(pack.format_time(meta.time, sentence=True))))
        rows.append(
            Row(
                "when",
                _line(s("when")),
                2,
                _fact_picture(pics, images, "when", "when"),
                (Part("p", tuple(lines)),),
            )
        )
    if meta.place or meta.address:
        lines = [_line(x) for x in (meta.place, meta.address) if x]
        rows.append(
            Row(
                "where",
                _line(s("where")),
                2,
                _fact_picture(pics, images, "where", "where"),
                (Part("p", tuple(lines)),),
            )
        )
    if meta.audience:
        rows.append(
            Row(
                "who",
                _line(s("who")),
                2,
                _fact_picture(pics, images, "who", "who"),
                (Part("p", (_line(meta.audience),)),),
            )
        )
    if meta.bring:
        items = tuple(ListItem((_line(x),)) for x in meta.bring)
        rows.append(
            Row(
                "bring",
                _line(s("bring")),
                2,
                _fact_picture(pics, images, "bring", "bring"),
                (Part("ul", items=items),),
            )
        )
    if meta.price:
        text = s("free") if meta.is_free else s("price", price=meta.price)
        default = "cost_free" if meta.is_free else "cost"
        rows.append(
            Row(
                "cost",
                _line(s("cost")),
                2,
                _fact_picture(pics, images, "cost", default),
                (Part("p", (_line(text),)),),
            )
        )
    avoid.extend(r.picture.name for r in rows if r.picture is not None)
    return rows


def _contact_row(
    doc: Document, pics: _Pictures, s: UiStrings
) -> tuple[Row | None, CallToAction | None]:
    c = doc.meta.contact
    if not (c.name or c.phone or c.email):
        return None, None
    phone_href, email_href = _phone_href(c.phone), _email_href(c.email)
    lines: list[Markup] = []
    if c.name:
        lines.append(_line(c.name))
    if c.phone:
        lines.append(_link_line(s("phone", phone=c.phone), c.phone, phone_href))
    if c.email:
        lines.append(_link_line(s("email", email=c.email), c.email, email_href))
    default = "call" if c.phone or not c.email else "email"
    picture = _fact_picture(pics, doc.meta.images, "call", default)
    row = Row("call", _line(s("call")), 2, picture, (Part("p", tuple(lines)),))
    cta = None
    if c.phone or c.email:
        cta_lines = [
            _line(s("cta_tell")),
            _line(s("cta_phone") if c.phone else s("cta_email")),
        ]
        cta = CallToAction(
            s("cta_heading"),
            tuple(cta_lines),
            phone=clean_text(c.phone),
            phone_href=phone_href,
            email=clean_text(c.email) if not c.phone else "",
            email_href=email_href if not c.phone else "",
        )
    return row, cta


# ------------------------------------------------------------------ activity
def _materials(doc: Document, pics: _Pictures) -> tuple[Material, ...]:
    raw = doc.meta.extra.get("materials")
    if raw is None:
        return ()
    where = f"{doc.source.name}:{doc.meta.field_lines.get('materials', 1)}"
    if not isinstance(raw, list):
        raise DocumentError(
            "`materials` must be a list",
            where=where,
            hint="write one `- {text: Škarje, picture: scissors}` per line",
        )
    out: list[Material] = []
    for item in raw:
        if isinstance(item, str):
            text, ref = item, ""
        elif isinstance(item, Mapping) and item.get("text"):
            text, ref = (
                str(item["text"]),
                str(item.get("picture") or item.get("image") or ""),
            )
        else:
            raise DocumentError(
                "each material needs a `text`",
                where=where,
                hint="for example `- {text: Škarje, picture: scissors}`",
            )
        words = _words(text, doc)
        picture = (
            pics.resolve(ref, text, fallback_words=words) if ref else pics.choose(words)
        )
        out.append(Material(_line(text.strip()), picture))
    return tuple(out)


# ------------------------------------------------------------------ glossary
def _front_glossary(doc: Document) -> tuple[GlossaryEntry, ...]:
    raw = doc.meta.extra.get("glossary")
    if raw is None:
        return ()
    where = f"{doc.source.name}:{doc.meta.field_lines.get('glossary', 1)}"
    if not isinstance(raw, list):
        raise DocumentError(
            "`glossary` must be a list of {term, explanation}", where=where
        )
    try:
        return parse_entries(raw, source=where)
    except ConfigError as exc:
        raise DocumentError(
            exc.message,
            where=where,
            hint="write `- {term: čitalnica, explanation: ...}`",
        ) from None


def _glossary_items(
    doc: Document, glossary: Glossary | Iterable[GlossaryEntry] | None, s: UiStrings
) -> tuple[GlossaryItem, ...]:
    """The hard words the text keeps, in order of first use, with their explanation.

    The document's own entries (front matter ``glossary``) come before the
    pack's and the configured ones; an entry is shown only when its word is
    in the text (any form: lookup is by lemma).
    """
    own = _front_glossary(doc)
    own_glossary = Glossary(doc.pack, own)
    base = (
        glossary
        if isinstance(glossary, Glossary)
        else Glossary.for_pack(doc.pack, tuple(glossary or ()))
    )
    shown_as = {e.lemma: t for e, t in zip(own, _front_terms(doc), strict=False)}
    found: dict[str, tuple[int, GlossaryEntry, str]] = {}
    for token in doc.words:
        entry = own_glossary.lookup(token.text) or base.lookup(token.text)
        if entry is not None and entry.explanation and entry.lemma not in found:
            found[entry.lemma] = (token.span.start, entry, token.text)
    body = doc.source.text[doc.body_start :].lower()
    for entry in (*own, *cast(Iterable[GlossaryEntry], base)):
        if " " in entry.lemma and entry.explanation and entry.lemma not in found:
            pos = body.find(entry.lemma)
            if pos >= 0:
                found[entry.lemma] = (doc.body_start + pos, entry, entry.lemma)
    for entry in own:
        if entry.lemma not in found:
            logger.info(
                "%s: glossary word %r is not in the text; it is not shown",
                doc.source.name,
                entry.lemma,
            )
    items = []
    for _, entry, form in sorted(found.values(), key=lambda x: x[0]):
        term = shown_as.get(entry.lemma) or entry.lemma
        if doc.lang == "de" and form[:1].isupper() and term == entry.lemma:
            term = term[:1].upper() + term[1:]  # German nouns keep their capital
        items.append(
            GlossaryItem(
                term, s("glossary_question", term=term), clean_text(entry.explanation)
            )
        )
    return tuple(items)


def _front_terms(doc: Document) -> list[str]:
    raw = doc.meta.extra.get("glossary")
    if not isinstance(raw, list):
        return []
    return [
        str(i.get("term") or i.get("lemma") or "").strip()
        if isinstance(i, Mapping)
        else ""
        for i in raw
    ]


# --------------------------------------------------------------------- build
def build_view(
    doc: Document,
    profile: Profile,
    *,
    template: str = "",
    paper: str = "",
    glossary: Glossary | Iterable[GlossaryEntry] | None = None,
    pictograms: PictogramSet | None = None,
) -> View:
    """Build the view model of ``doc`` for its template (or ``template``)."""
    template = template or doc.meta.template or "announcement"
    s = ui_strings(doc.lang)
    pics = _Pictures(doc, pictograms or load_pictograms(), s)
    typography = Typography.from_profile(profile.render, paper)
    meta = doc.meta
    title = clean_text(meta.title or (doc.path.stem if doc.path else "")).strip()

    blocks = list(doc.blocks)
    # A leading "# Title" that repeats the front-matter title is the title, not body.
    first_text = next((b for b in blocks if b.kind is not BlockKind.IMAGE), None)
    if (
        first_text is not None
        and first_text.kind is BlockKind.HEADING
        and first_text.level == 1
    ) and (not meta.title or first_text.text.strip() == meta.title.strip()):
        blocks.remove(first_text)
    levels = _heading_levels(blocks)
    first_heading = next(
        (i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING), len(blocks)
    )
    intro_blocks, rest_blocks = blocks[:first_heading], blocks[first_heading:]

    avoid: list[str] = []
    title_ref = _front_image(meta.images, "title")
    title_words = _words(title, doc) + _block_words(intro_blocks)
    title_picture = (
        pics.resolve(title_ref, fallback_words=title_words)
        if title_ref
        else pics.choose(title_words)
    )
    if title_picture is not None:
        avoid.append(title_picture.name)

    materials: tuple[Material, ...] = ()
    if template == "activity":
        materials = _materials(doc, pics)
    prefer = [
        m.picture.name
        for m in materials
        if m.picture is not None and m.picture.kind == "pictogram"
    ]
    builder = _BodyBuilder(doc, pics, steps=template == "activity", prefer=prefer)
    builder.title_picture = title_picture.name if title_picture is not None else ""
    intro_rows = [
        r for r in builder.build(intro_blocks, levels, avoid) if isinstance(r, Row)
    ]
    facts: list[Row] = []
    call: Row | None = None
    cta: CallToAction | None = None
    write_in: tuple[str, ...] = ()
    if template == "invitation":
        facts = _invitation_facts(doc, pics, s, intro_rows, avoid)
        intro_rows = []
        body = builder.build(rest_blocks, levels, avoid)
        call, cta = _contact_row(doc, pics, s)
    else:
        body = builder.build(rest_blocks, levels, avoid)
        if template == "activity":
            write_in = (s("write_name"), s("write_date"))
    glossary_items = _glossary_items(doc, glossary, s)
    used_pictograms = any(p.kind == "pictogram" for p in pics.used)
    attribution = pics.pictograms.attribution if used_pictograms else ""
    return View(
        lang=doc.lang,
        template=template,
        title=title,
        title_html=_line(title),
        title_picture=title_picture,
        organiser=clean_text(meta.organiser),
        s=s,
        typography=typography,
        page_label_css=css_counter_content(s.raw("page")),
        intro=tuple(intro_rows),
        facts=tuple(facts),
        body=tuple(body),
        call=call,
        cta=cta,
        materials=materials,
        materials_heading=s("materials") if materials else "",
        glossary=glossary_items,
        glossary_heading=s("glossary_heading") if glossary_items else "",
        reviewed_by=f"{s('reviewed_by')} {', '.join(meta.reviewed_by)}"
        if meta.reviewed_by
        else "",
        attribution=attribution,
        attribution_lang="en",
        write_in=write_in,
        pictures=tuple(pics.used),
    )
