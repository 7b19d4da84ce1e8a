"""Checks on a rendered PDF: PDF/UA-1 structure (pikepdf) and print layout (pdfplumber).

pikepdf reads the catalog, the XMP metadata, the structure tree and the font
dictionaries; pdfplumber reads every character with its size, colour and
position. Both are imported only when a PDF is checked.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import DocumentError, MissingDependency
from ...model import Finding
from ...profiles import Profile
from . import _messages as m
from ._color import RGBA, contrast_ratio
from ._report import Collector, message_lang

__all__ = ["PAPER_MM", "PdfFacts", "measure_pdf", "verify_pdf"]

PT_PER_MM = 72 / 25.4
# Sizes in millimetres, portrait (short side first).
PAPER_MM: dict[str, tuple[float, float]] = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "B5": (176.0, 250.0),
    "LETTER": (215.9, 279.4),
    "LEGAL": (215.9, 355.6),
}
A5 = PAPER_MM["A5"]
TOLERANCE_MM = 1.0
SIZE_EPSILON_PT = 0.05  # WeasyPrint writes 16 pt as 15.99976 pt
_HYPHENS = ("-", "\u2010", "\u00ad")
# PDF/UA-1 (ISO 32000-1 table 336; veraPDF 7.2-17..7.2-20): what lists may hold.
_LIST_CHILDREN = {"/L": {"L", "LI", "Caption"}, "/LI": {"Lbl", "LBody"}}
_XMP_PART = "{http://www.aiim.org/pdfua/ns/id/}part"
_XMP_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _require() -> tuple[Any, Any]:
    try:
        import pdfplumber
        import pikepdf
    except ImportError as exc:
        raise MissingDependency(
            f"checking PDF files needs pikepdf and pdfplumber ({exc.name} is missing)",
            hint='install them with: pip install "easyread[pdf]"',
        ) from None
    return pikepdf, pdfplumber


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading structure element in reading order."""

    level: int
    page: int


@dataclass(slots=True)
class _Tree:
    """What the structure tree tells us."""

    headings: list[Heading] = field(default_factory=list)
    figures_without_alt: list[int] = field(default_factory=list)  # page numbers
    figures: int = 0
    elements: int = 0
    # marked-content ids reachable from the tree, per page index (0-based)
    mcids: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    # (page, parent tag, child tags) for lists PDF/UA does not allow
    bad_lists: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PdfFacts:
    """Measurements of a PDF (used by the checks, and handy in tests and reports)."""

    pages: int
    page_sizes_mm: tuple[tuple[float, float], ...]
    min_font_size_pt: float | None  # None when the PDF has no text
    min_font_page: int
    min_font_text: str
    tagged: bool
    fonts: tuple[str, ...]


def _name(obj: Any) -> str:
    return (
        str(obj)[1:] if obj is not None and str(obj).startswith("/") else str(obj or "")
    )


def _walk_tree(pikepdf: Any, pdf: Any) -> _Tree:
    tree = _Tree()
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return tree
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    role_map = {}
    raw_map = root.get("/RoleMap")
    if isinstance(raw_map, pikepdf.Dictionary):
        role_map = {str(k): str(v) for k, v in raw_map.items()}

    def standard(tag: str) -> str:
        seen = set()
        while tag in role_map and tag not in seen:
            seen.add(tag)
            tag = role_map[tag]
        return tag

    visited: set[tuple[int, int]] = set()
    # Iterative walk (deep trees must not hit the recursion limit); children are
    # pushed in reverse so they are visited in reading order.
    stack: list[tuple[Any, int | None]] = [(root.get("/K"), None)]
    while stack:
        node, page = stack.pop()
        if node is None:
            continue
        if isinstance(node, pikepdf.Array):
            stack.extend((child, page) for child in reversed(list(node)))
            continue
        if isinstance(node, int):  # pikepdf unboxes integers: a marked-content id
            if page is not None:
                tree.mcids[page].add(int(node))
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            if node.objgen in visited:
                continue
            visited.add(node.objgen)
        pg = node.get("/Pg")
        if pg is not None:
            page = page_index.get(pg.objgen, page)
        kind = _name(node.get("/Type"))
        if kind == "MCR":
            if page is not None and "/MCID" in node:
                tree.mcids[page].add(int(node.MCID))
            continue
        if kind == "OBJR":
            continue
        tag = standard(str(node.get("/S", "")))
        if tag:
            tree.elements += 1
        page_no = (page or 0) + 1
        if re.fullmatch(r"/H[1-6]", tag):
            tree.headings.append(Heading(int(tag[2]), page_no))
        elif tag == "/Figure":
            tree.figures += 1
            alt = str(node.get("/Alt", "") or "").strip()
            actual = str(node.get("/ActualText", "") or "").strip()
            if not alt and not actual:
                tree.figures_without_alt.append(page_no)
        elif tag in _LIST_CHILDREN:
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            child_tags = tuple(
                standard(str(k.get("/S")))[1:]
                for k in items
                if isinstance(k, pikepdf.Dictionary) and "/S" in k
            )
            if any(t not in _LIST_CHILDREN[tag] for t in child_tags):
                tree.bad_lists.append((page_no, tag[1:], child_tags))
        stack.append((node.get("/K"), page))
    return tree


def _fonts(pikepdf: Any, pdf: Any) -> Iterable[tuple[str, bool, int]]:
    """(base font name, embedded?, first page) for every font the pages use."""
    seen: set[tuple[int, int]] = set()
    seen_forms: set[tuple[int, int]] = set()

    def from_resources(
        res: Any, page_no: int, depth: int = 0
    ) -> Iterable[tuple[str, bool, int]]:
        if not isinstance(res, pikepdf.Dictionary) or depth > 8:
            return
        fonts = res.get("/Font")
        if isinstance(fonts, pikepdf.Dictionary):
            for _, font in fonts.items():
                if font.is_indirect:
                    if font.objgen in seen:
                        continue
                    seen.add(font.objgen)
                subtype = _name(font.get("/Subtype"))
                if subtype == "Type3":  # glyphs are drawn by the PDF itself
                    continue
                target = font
                if subtype == "Type0":
                    descendants = font.get("/DescendantFonts")
                    if descendants is not None and len(descendants):
                        target = descendants[0]
                descriptor = target.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                yield _name(font.get("/BaseFont")) or "?", embedded, page_no
        xobjects = res.get("/XObject")
        if isinstance(xobjects, pikepdf.Dictionary):
            for _, xobj in xobjects.items():
                if _name(xobj.get("/Subtype")) == "Form":
                    if xobj.is_indirect:
                        if xobj.objgen in seen_forms:
                            continue
                        seen_forms.add(xobj.objgen)
                    yield from from_resources(
                        xobj.get("/Resources"), page_no, depth + 1
                    )

    for i, page in enumerate(pdf.pages):
        yield from from_resources(page.obj.get("/Resources"), i + 1)


def _paper(value: object) -> tuple[str, tuple[float, float]] | None:
    """``"A4"`` / ``"a5 landscape"`` -> ("A4", (210, 297)); unknown -> None."""
    if not isinstance(value, str) or not value.strip():
        return None
    name = value.strip().split()[0].upper()
    size = PAPER_MM.get(name)
    return (name, size) if size else None


def _margins(value: object) -> dict[str, float] | None:
    """``margin_mm`` as a number, a [top, right, bottom, left] list or a mapping."""
    sides = ("top", "right", "bottom", "left")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return dict.fromkeys(sides, float(value))
    if isinstance(value, list | tuple) and len(value) in (1, 2, 4):
        vals = [float(v) for v in value]
        if len(vals) == 1:
            vals *= 4
        elif len(vals) == 2:
            vals = [vals[0], vals[1], vals[0], vals[1]]
        return dict(zip(sides, vals, strict=True))
    if isinstance(value, Mapping):
        return {s: float(value[s]) for s in sides if s in value}
    return None


def _rgb(color: Any) -> RGBA | None:
    """A pdfplumber colour (gray, RGB or CMYK tuple) as RGBA; None for patterns."""
    if color is None:
        return (0.0, 0.0, 0.0, 1.0)  # the PDF default fill colour is black
    if isinstance(color, int | float):
        color = (color,)
    if not isinstance(color, list | tuple) or not all(
        isinstance(c, int | float) for c in color
    ):
        return None
    if len(color) == 1:
        return (float(color[0]),) * 3 + (1.0,)  # type: ignore[return-value]
    if len(color) == 3:
        return (float(color[0]), float(color[1]), float(color[2]), 1.0)
    if len(color) == 4:
        c, mm, y, k = (float(v) for v in color)
        return ((1 - c) * (1 - k), (1 - mm) * (1 - k), (1 - y) * (1 - k), 1.0)
    return None


def _line_text(chars: list[dict[str, Any]], anchor: dict[str, Any]) -> str:
    """The text of the line ``anchor`` is on."""
    mid = (anchor["top"] + anchor["bottom"]) / 2
    same = [c for c in chars if c["top"] <= mid <= c["bottom"]]
    same.sort(key=lambda c: c["x0"])
    out: list[str] = []
    last_x1: float | None = None
    for c in same:
        if (
            last_x1 is not None
            and c["x0"] - last_x1 > c["size"] * 0.2
            and out
            and out[-1] != " "
        ):
            out.append(" ")
        out.append(c["text"])
        last_x1 = c["x1"]
    return " ".join("".join(out).split())


def _background(point: tuple[float, float], rects: list[dict[str, Any]]) -> RGBA | None:
    """Fill colour of the last filled rectangle under ``point`` (white page if none)."""
    x, y = point
    color: RGBA | None = (1.0, 1.0, 1.0, 1.0)
    for rect in rects:
        if (
            rect.get("fill")
            and rect["x0"] <= x <= rect["x1"]
            and rect["top"] <= y <= rect["bottom"]
        ):
            color = _rgb(rect.get("non_stroking_color"))
    return color


def _open(path: Path) -> tuple[Any, Any, Any, Any]:
    pikepdf, pdfplumber = _require()
    try:
        pdf = pikepdf.open(path)
    except FileNotFoundError:
        raise DocumentError("file not found", where=str(path)) from None
    except pikepdf.PdfError as exc:
        raise DocumentError(
            f"not a readable PDF ({exc})",
            where=str(path),
            hint="check that the file is a complete PDF (render it again)",
        ) from None
    try:
        plumber = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds of errors on bad files
        pdf.close()
        raise DocumentError(
            f"cannot read the PDF's text ({exc})", where=str(path)
        ) from None
    return pikepdf, pdf, pdfplumber, plumber


def _visible_chars(page: Any) -> list[dict[str, Any]]:
    return [c for c in page.chars if c["text"].strip()]


def measure_pdf(path: str | Path) -> PdfFacts:
    """Page count and sizes, the smallest text (size, page, line) and the fonts of a PDF."""
    path = Path(path)
    pikepdf, pdf, _, plumber = _open(path)
    try:
        sizes: list[tuple[float, float]] = []
        smallest: tuple[float, int, str] | None = None
        for i, page in enumerate(plumber.pages):
            sizes.append(
                (
                    round(float(page.width) / PT_PER_MM, 1),
                    round(float(page.height) / PT_PER_MM, 1),
                )
            )
            chars = _visible_chars(page)
            if chars:
                low = min(chars, key=lambda c: c["size"])
                if smallest is None or low["size"] < smallest[0]:
                    smallest = (float(low["size"]), i + 1, _line_text(chars, low))
        tagged = "/StructTreeRoot" in pdf.Root
        fonts = tuple(sorted({name for name, _, _ in _fonts(pikepdf, pdf)}))
        return PdfFacts(
            pages=len(sizes),
            page_sizes_mm=tuple(sizes),
            min_font_size_pt=round(smallest[0], 2) if smallest else None,
            min_font_page=smallest[1] if smallest else 0,
            min_font_text=smallest[2] if smallest else "",
            tagged=tagged,
            fonts=fonts,
        )
    finally:
        plumber.close()
        pdf.close()


def verify_pdf(
    path: str | Path, profile: Profile, *, lang: str | None = None
) -> tuple[Finding, ...]:
    """Check a PDF against PDF/UA-1 basics and the profile's print layout.

    Findings carry the page number as their line (column 1); findings about the
    whole document are on line 1.
    """
    path = Path(path)
    pikepdf, pdf, _, plumber = _open(path)
    try:
        doc_lang = str(pdf.Root.get("/Lang", "") or "").strip()
        out = Collector(str(path), profile, message_lang(lang, doc_lang))
        tree = _check_catalog(pikepdf, pdf, out, doc_lang)
        _check_pages(plumber, profile, tree, "/StructTreeRoot" in pdf.Root, out)
        return out.result()
    finally:
        plumber.close()
        pdf.close()


def _check_catalog(pikepdf: Any, pdf: Any, out: Collector, doc_lang: str) -> _Tree:
    root = pdf.Root
    tree = _walk_tree(pikepdf, pdf)
    if "/StructTreeRoot" not in root:
        out.add("pdf.struct-tree")
    elif tree.elements == 0:
        out.add("pdf.struct-tree", "empty")
    reported: set[tuple[str, tuple[str, ...]]] = set()
    for page_no, parent, children in tree.bad_lists:
        if (parent, children) in reported:
            continue  # the same mistake in every item: say it once
        reported.add((parent, children))
        allowed = "Lbl, LBody" if parent == "LI" else "L, LI, Caption"
        out.add(
            "pdf.struct-tree",
            "list",
            line=page_no,
            page=page_no,
            parent=parent,
            children=", ".join(children),
            allowed=allowed,
        )
    if not doc_lang:
        out.add("pdf.lang")
    mark_info = root.get("/MarkInfo")
    if not (
        isinstance(mark_info, pikepdf.Dictionary)
        and bool(mark_info.get("/Marked", False))
    ):
        out.add("pdf.mark-info")
    prefs = root.get("/ViewerPreferences")
    if not (
        isinstance(prefs, pikepdf.Dictionary)
        and bool(prefs.get("/DisplayDocTitle", False))
    ):
        out.add("pdf.display-doc-title")

    part = title = ""
    if "/Metadata" in root:
        try:
            with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                part = str(meta.get(_XMP_PART, "") or "").strip()
                title = str(meta.get(_XMP_TITLE, "") or "").strip()
        except Exception:  # broken XMP counts as missing XMP
            part = title = ""
    if not part:
        out.add("pdf.ua-id")
    elif part != "1":
        out.add("pdf.ua-id", "part", part=part)
    if not title:
        out.add("pdf.title")

    for page_no in tree.figures_without_alt:
        out.add("pdf.figure-alt", line=page_no, page=page_no)
    for name, embedded, page_no in _fonts(pikepdf, pdf):
        if not embedded:
            out.add("pdf.fonts-embedded", line=page_no, font=name, page=page_no)

    previous: Heading | None = None
    for heading in tree.headings:
        if previous is None and heading.level != 1:
            out.add(
                "pdf.heading-levels",
                "first",
                line=heading.page,
                level=f"H{heading.level}",
            )
        elif previous is not None and heading.level > previous.level + 1:
            out.add(
                "pdf.heading-levels",
                line=heading.page,
                level=f"H{heading.level}",
                prev=f"H{previous.level}",
            )
        previous = heading
    return tree


def _check_pages(
    plumber: Any, profile: Profile, tree: _Tree, tagged: bool, out: Collector
) -> None:
    render = profile.render
    lang = out.lang
    min_pt = float(render.get("font_size_pt_min", 14))
    contrast_min = float(render.get("contrast_min", 4.5))
    contrast_large = float(render.get("contrast_large_min", 3.0))
    paper = _paper(render.get("paper"))
    margins = _margins(render.get("margin_mm"))
    bad_sizes: set[tuple[float, float]] = set()
    worst_margin: dict[str, tuple[float, int]] = {}

    for index, page in enumerate(plumber.pages):
        page_no = index + 1
        width_mm = float(page.width) / PT_PER_MM
        height_mm = float(page.height) / PT_PER_MM
        short, long_ = sorted((width_mm, height_mm))
        size_key = (round(width_mm), round(height_mm))
        width = m.fmt_number(width_mm, lang, 0)
        height = m.fmt_number(height_mm, lang, 0)
        if size_key not in bad_sizes:
            if short < A5[0] - TOLERANCE_MM or long_ < A5[1] - TOLERANCE_MM:
                bad_sizes.add(size_key)
                out.add(
                    "pdf.page-size",
                    line=page_no,
                    page=page_no,
                    width=width,
                    height=height,
                )
            elif paper and (
                abs(short - paper[1][0]) > TOLERANCE_MM
                or abs(long_ - paper[1][1]) > TOLERANCE_MM
            ):
                bad_sizes.add(size_key)
                out.add(
                    "pdf.page-size",
                    "paper",
                    line=page_no,
                    paper=paper[0],
                    page=page_no,
                    width=width,
                    height=height,
                )

        chars = _visible_chars(page)
        # Font size: one finding per page, showing the line with the smallest text.
        small = [c for c in chars if c["size"] < min_pt - SIZE_EPSILON_PT]
        if small:
            low = min(small, key=lambda c: c["size"])
            line_text = _line_text(chars, low)
            out.add(
                "pdf.font-size",
                line=page_no,
                excerpt=line_text,
                page=page_no,
                size=m.fmt_number(float(low["size"]), lang),
                min=m.fmt_number(min_pt, lang),
                text=m.quote(line_text, lang),
            )

        _check_contrast(page, chars, page_no, contrast_min, contrast_large, out)
        _check_hyphens(page, page_no, out)

        if margins:
            in_tree = tree.mcids.get(index, set())
            boxes = [
                c
                for c in chars
                # Running headers and footers (WeasyPrint's @page margin boxes) are
                # marked content outside the structure tree: they may sit in the margin.
                if not tagged or c.get("mcid") is None or c["mcid"] in in_tree
            ]
            boxes += [
                im
                for im in page.images
                if not tagged or im.get("mcid") is None or im["mcid"] in in_tree
            ]
            if boxes:
                left = min(b["x0"] for b in boxes) / PT_PER_MM
                right = (float(page.width) - max(b["x1"] for b in boxes)) / PT_PER_MM
                top = min(b["top"] for b in boxes) / PT_PER_MM
                bottom = (
                    float(page.height) - max(b["bottom"] for b in boxes)
                ) / PT_PER_MM
                for side, value in (
                    ("left", left),
                    ("right", right),
                    ("top", top),
                    ("bottom", bottom),
                ):
                    need = margins.get(side)
                    too_small = need is not None and value < need - TOLERANCE_MM
                    if too_small and value < worst_margin.get(side, (1e9, 0))[0]:
                        worst_margin[side] = (value, page_no)

    for side in ("top", "right", "bottom", "left"):
        if side in worst_margin and margins:
            value, page_no = worst_margin[side]
            out.add(
                "pdf.margins",
                side,
                line=page_no,
                page=page_no,
                mm=m.fmt_number(max(value, 0.0), lang),
                min=m.fmt_number(margins[side], lang),
            )


class _Backdrop:
    """The colour behind text: sampled from the rendered page (pdfium, which
    pdfplumber ships with), else the last filled rectangle under the text.

    Rendering is what makes this right for rounded boxes, borders drawn as
    even-odd frames and pictures behind text, which rectangles alone get wrong.
    """

    RESOLUTION = 96

    def __init__(self, page: Any) -> None:
        self._rects = [r for r in page.rects if r.get("fill")]
        self._image: Any = None
        try:
            self._image = page.to_image(resolution=self.RESOLUTION).original.convert(
                "RGB"
            )
        except Exception:  # no pdfium for this platform, or a page it cannot draw
            self._image = None
        self._scale = self.RESOLUTION / 72

    def behind(self, char: dict[str, Any], fg: RGBA) -> RGBA | None:
        if self._image is None:
            center = ((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
            return _background(center, self._rects)
        s = self._scale
        box = (
            int(char["x0"] * s),
            int(char["top"] * s),
            max(int(char["x1"] * s), int(char["x0"] * s) + 1),
            max(int(char["bottom"] * s), int(char["top"] * s) + 1),
        )
        crop = self._image.crop(box)
        colors = crop.getcolors(crop.width * crop.height) or []
        text = tuple(round(c * 255) for c in fg[:3])
        # The most frequent colour that is not the text's own colour is the
        # background (anti-aliased edge pixels are many different colours).
        for _, rgb in sorted(colors, key=lambda item: -item[0]):
            if max(abs(a - b) for a, b in zip(rgb, text, strict=True)) > 24:
                return (rgb[0] / 255, rgb[1] / 255, rgb[2] / 255, 1.0)
        return None


def _check_contrast(
    page: Any,
    chars: list[dict[str, Any]],
    page_no: int,
    normal_min: float,
    large_min: float,
    out: Collector,
) -> None:
    if not out.enabled("pdf.contrast") or not chars:
        return
    backdrop = _Backdrop(page)
    worst: tuple[float, float, dict[str, Any]] | None = None
    for c in chars:
        fg = _rgb(c.get("non_stroking_color"))
        if fg is None:
            continue
        bg = backdrop.behind(c, fg)
        if bg is None:
            continue
        ratio = contrast_ratio(fg, bg)
        bold = "bold" in str(c.get("fontname", "")).lower()
        size = float(c["size"])
        large = size >= 18 - SIZE_EPSILON_PT or (bold and size >= 14 - SIZE_EPSILON_PT)
        need = large_min if large else normal_min
        if ratio < need - 0.005 and (worst is None or ratio < worst[0]):
            worst = (ratio, need, c)
    if worst is not None:
        ratio, need, c = worst
        line_text = _line_text(chars, c)
        out.add(
            "pdf.contrast",
            line=page_no,
            excerpt=line_text,
            page=page_no,
            ratio=m.fmt_number(ratio, out.lang),
            min=m.fmt_number(need, out.lang),
            text=m.quote(line_text, out.lang),
        )


def _check_hyphens(page: Any, page_no: int, out: Collector) -> None:
    if not out.enabled("pdf.hyphens"):
        return
    lines = page.extract_text_lines(return_chars=False)
    for current, following in itertools.pairwise(lines):
        text = current["text"].rstrip()
        nxt = following["text"].lstrip()
        if (
            len(text) >= 3
            and text.endswith(_HYPHENS)
            and text[-2].isalpha()
            and nxt[:1].isalpha()
            and nxt[:1].islower()
        ):
            words = text.split()
            sample = f"{words[-1]} {nxt.split()[0]}"
            out.add(
                "pdf.hyphens",
                line=page_no,
                excerpt=f"{text} / {nxt}",
                page=page_no,
                text=m.quote(sample, out.lang),
            )
            return  # one per page is enough
