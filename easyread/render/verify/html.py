"""Checks on a rendered HTML page: document structure and the stylesheets it uses.

Parsing uses the standard library (:mod:`html.parser`) and easyread's small CSS
reader, so these checks need no extra package and never touch the network:
only local stylesheets next to the HTML file are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from ...errors import DocumentError
from ...model import Finding
from ...profiles import Profile
from .._active import URL_ATTRS
from . import _messages as m
from ._color import RGBA, contrast_ratio, find_color, parse_color
from ._css import (
    Declaration,
    Rule,
    is_screen_media,
    parse_declarations,
    parse_stylesheet,
    resolve_vars,
)
from ._report import Collector, Where, message_lang

__all__ = ["HtmlFacts", "parse_html", "verify_html", "verify_html_text"]

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_ITALIC_TAGS = ("i", "em", "cite", "var", "dfn", "address")
_HEADING = re.compile(r"^h([1-6])$")
_COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")
# Text-level selectors whose line-height matters (headings may be tighter).
_HEADING_TAGS = {f"h{i}" for i in range(1, 7)}
# Default sizes of headings in browsers (em of the parent) and their weight.
_UA_HEADING_EM = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h4": 1.0, "h5": 0.83, "h6": 0.67}
_KEYWORD_PX = {
    "xx-small": 9.0,
    "x-small": 10.0,
    "small": 13.0,
    "medium": 16.0,
    "large": 18.0,
    "x-large": 24.0,
    "xx-large": 32.0,
    "xxx-large": 48.0,
}
_ABS_UNITS_PX = {
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
    "q": 96 / 101.6,
}
# The text chain: the font size and line height of body text come from these.
_CHAIN = ("html", "body", "main", "p")


@dataclass(frozen=True, slots=True)
class _Tag:
    name: str
    attrs: dict[str, str | None]
    line: int
    column: int


@dataclass(slots=True)
class HtmlFacts:
    """What the HTML parser saw (positions are 1-based source lines and columns)."""

    html_tag: _Tag | None = None
    lang: str | None = None
    title: str | None = None
    title_line: int = 1
    mains: list[_Tag] = field(default_factory=list)
    headings: list[_Tag] = field(default_factory=list)
    images: list[_Tag] = field(default_factory=list)
    scripts: list[_Tag] = field(default_factory=list)
    handlers: list[tuple[_Tag, str]] = field(default_factory=list)
    js_urls: list[tuple[_Tag, str]] = field(default_factory=list)
    styles: list[tuple[str, int, int, str]] = field(
        default_factory=list
    )  # text, line, col, media
    links: list[tuple[str, str, int]] = field(default_factory=list)  # href, media, line
    inline_styles: list[_Tag] = field(default_factory=list)
    first_use: dict[str, _Tag] = field(default_factory=dict)
    soft_hyphens: list[tuple[int, int, str]] = field(default_factory=list)
    body: _Tag | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = HtmlFacts()
        self._in_title = False
        self._title_parts: list[str] = []
        self._style: list[str] | None = None
        self._style_pos = (1, 1)
        self._style_media = ""

    def _tag(self, name: str, attrs: list[tuple[str, str | None]]) -> _Tag:
        line, offset = self.getpos()
        return _Tag(name, {k.lower(): v for k, v in attrs}, line, offset + 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        t = self._tag(tag, attrs)
        f = self.facts
        f.first_use.setdefault(tag, t)
        if tag == "html" and f.html_tag is None:
            f.html_tag = t
            f.lang = t.attrs.get("lang")
        elif tag == "body" and f.body is None:
            f.body = t
        elif tag == "title" and f.title is None:
            self._in_title = True
            f.title_line = t.line
        elif tag == "main":
            f.mains.append(t)
        elif _HEADING.match(tag):
            f.headings.append(t)
        elif tag == "img":
            f.images.append(t)
        elif tag == "script":
            kind = (t.attrs.get("type") or "").strip().lower()
            if not kind.endswith("json"):  # JSON-LD event data is not a program
                f.scripts.append(t)
        elif tag == "style":
            self._style = []
            self._style_media = t.attrs.get("media") or ""
        elif tag == "link":
            rel = (t.attrs.get("rel") or "").lower().split()
            href = t.attrs.get("href")
            if "stylesheet" in rel and href:
                f.links.append((href, t.attrs.get("media") or "", t.line))
        for name, value in t.attrs.items():
            if name.startswith("on") and len(name) > 2:
                f.handlers.append((t, name))
            elif name in URL_ATTRS and value:
                cleaned = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if cleaned.startswith(("javascript:", "vbscript:")):
                    f.js_urls.append((t, name))
            elif name == "style" and value:
                f.inline_styles.append(t)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("title", "style"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.facts.title = " ".join("".join(self._title_parts).split())
        elif tag == "style" and self._style is not None:
            self.facts.styles.append(
                ("".join(self._style), *self._style_pos, self._style_media)
            )
            self._style = None

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            if not self._style:
                line, offset = self.getpos()
                self._style_pos = (line, offset + 1)
            self._style.append(data)
            return
        if self._in_title:
            self._title_parts.append(data)
        if "\u00ad" in data:
            line, offset = self.getpos()
            i = data.index("\u00ad")
            line += data.count("\n", 0, i)
            start = data.rfind("\n", 0, i) + 1
            word = re.findall(r"\S*\u00ad\S*", data)[0]
            self.facts.soft_hyphens.append(
                (line, (offset if start == 0 else 0) + i - start + 1, word)
            )


def parse_html(text: str) -> HtmlFacts:
    """Parse ``text`` and return what the checks need."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.facts


def verify_html(
    path: str | Path, profile: Profile, *, lang: str | None = None
) -> tuple[Finding, ...]:
    """Check an HTML file (and the local stylesheets it links) against the profile."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("file not found", where=str(path)) from None
    except OSError as exc:
        raise DocumentError(
            f"cannot read the file ({exc.strerror})", where=str(path)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"the HTML is not UTF-8 (byte {exc.start})",
            where=str(path),
            hint="save the file as UTF-8",
        ) from None
    return verify_html_text(text, profile, path=str(path), lang=lang)


def verify_html_text(
    text: str, profile: Profile, *, path: str = "", lang: str | None = None
) -> tuple[Finding, ...]:
    """Check HTML given as a string; ``path`` names it and locates linked CSS."""
    facts = parse_html(text)
    out = Collector(path, profile, message_lang(lang, facts.lang))
    lines = text.splitlines()
    _check_document(facts, path, lines, out)
    rules, sheet_lines = _collect_rules(facts, path, lines)
    _check_styles(facts, rules, sheet_lines, profile, out)
    return out.result()


def _at(
    lines: Sequence[str], line: int, column: int = 1, stops: str = ">", path: str = ""
) -> Where:
    """Position and excerpt of a finding: the source line, with the part from
    ``column`` to the first of ``stops`` (a tag's ``>``, a declaration's ``;``)
    marked by ``excerpt_start``/``excerpt_end``."""
    raw = lines[line - 1] if 1 <= line <= len(lines) else ""
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = max(0, column - 1 - lead)
    stop_at = [i for i in (raw.find(c, column - 1) for c in stops) if i >= 0]
    end = (
        (min(stop_at) + (1 if raw[min(stop_at)] == ">" else 0) - lead)
        if stop_at
        else len(text)
    )
    if len(text) > 200:  # long (minified) lines: a window around the spot
        begin = max(0, start - 40)
        text = ("…" if begin else "") + text[begin : begin + 200]
        shift = begin - (1 if begin else 0)
        start, end = start - shift, end - shift
    while end > start + 1 and text[end - 1 : end].isspace():
        end -= 1
    end = min(max(end, start + 1), len(text))
    start = min(start, max(len(text) - 1, 0))
    return Where(
        line=line,
        column=column,
        path=path,
        excerpt=text,
        excerpt_start=start if text else 0,
        excerpt_end=end if text else 0,
    )


def _check_document(
    facts: HtmlFacts, path: str, lines: Sequence[str], out: Collector
) -> None:
    lang = out.lang
    html_tag = facts.html_tag
    html_at = _at(lines, html_tag.line, html_tag.column) if html_tag else _at(lines, 1)
    if not (facts.lang or "").strip():
        out.add("html.lang", **html_at)
    elif not _LANG_TAG.match((facts.lang or "").strip()):
        out.add(
            "html.lang", "invalid", value=m.quote(facts.lang or "", lang), **html_at
        )

    title = (facts.title or "").strip()
    stem = Path(path).stem.lower() if path else ""
    title_at = _at(lines, facts.title_line, 1, "")
    if not title:
        out.add("html.title", **title_at)
    elif stem and title.lower() in (stem, Path(path).name.lower()):
        out.add("html.title", "filename", value=m.quote(title, lang), **title_at)

    if not facts.mains:
        body = facts.body
        out.add(
            "html.main",
            "none",
            **(_at(lines, body.line, body.column) if body else _at(lines, 1)),
        )
    elif len(facts.mains) > 1:
        t = facts.mains[1]
        out.add(
            "html.main", "many", count=len(facts.mains), **_at(lines, t.line, t.column)
        )

    previous: _Tag | None = None
    for h in facts.headings:
        level = int(h.name[1])
        if previous is None and level != 1:
            out.add(
                "html.heading-levels",
                "first",
                tag=h.name,
                **_at(lines, h.line, h.column),
            )
        elif previous is not None and level > int(previous.name[1]) + 1:
            out.add(
                "html.heading-levels",
                tag=h.name,
                prev=previous.name,
                **_at(lines, h.line, h.column),
            )
        previous = h

    for img in facts.images:
        if not (img.attrs.get("alt") or "").strip():
            src = img.attrs.get("src") or ""
            if src.startswith("data:"):
                src = "data:…"
            out.add(
                "html.img-alt",
                src=m.quote(src, lang, 60),
                **_at(lines, img.line, img.column),
            )

    for t in facts.scripts:
        out.add("html.script", **_at(lines, t.line, t.column))
    for t, attr in facts.handlers:
        out.add(
            "html.script",
            "handler",
            tag=t.name,
            attr=attr,
            **_at(lines, t.line, t.column),
        )
    for t, attr in facts.js_urls:
        out.add(
            "html.script", "url", tag=t.name, attr=attr, **_at(lines, t.line, t.column)
        )

    for line, column, word in facts.soft_hyphens:
        out.add(
            "html.hyphens",
            "soft",
            text=m.quote(word.replace("\u00ad", "-"), lang),
            **_at(lines, line, column, " <"),
        )


def _collect_rules(
    facts: HtmlFacts, path: str, lines: Sequence[str]
) -> tuple[list[Rule], dict[str, list[str]]]:
    """All style rules in source order: linked sheets and <style> in document order
    (we keep them in the order they appear), then ``style`` attributes."""
    rules: list[Rule] = []
    sheet_lines: dict[str, list[str]] = {"": list(lines)}
    base = Path(path).parent if path else Path.cwd()
    # Linked sheets and <style> blocks interleave in the document: sort by line.
    items: list[
        tuple[int, str, str, int, int, str]
    ] = []  # line, kind, text/href, line, col, media
    for href, media, line in facts.links:
        items.append((line, "link", href, line, 1, media))
    for text, line, col, media in facts.styles:
        items.append((line, "style", text, line, col, media))
    items.sort(key=lambda item: item[0])
    for _, kind, value, line, col, media in items:
        wrap = (media,) if media else ()
        if kind == "style":
            parsed = parse_stylesheet(value, line, col)
            rules.extend(_with_media(parsed, wrap))
            continue
        local = _local_file(value, base)
        if local is None:
            continue
        try:
            css = local.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # a missing or unreadable sheet: the browser would ignore it too
        sheet_lines[str(local)] = css.splitlines()
        rules.extend(_with_media(parse_stylesheet(css, path=str(local)), wrap))
    for t in facts.inline_styles:
        decls = parse_declarations(t.attrs.get("style") or "", t.line, t.column)
        rules.append(Rule(f"<{t.name} style>", decls, (), t.line, t.column))
    return rules, sheet_lines


def _with_media(rules: Iterable[Rule], wrap: tuple[str, ...]) -> list[Rule]:
    if not wrap:
        return list(rules)
    return [
        Rule(r.selector, r.declarations, (*wrap, *r.media), r.line, r.column, r.path)
        for r in rules
    ]


def _local_file(href: str, base: Path) -> Path | None:
    parsed = urlparse(href)
    if parsed.scheme in ("http", "https", "data", "ftp") or parsed.netloc:
        return None
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    return (base / unquote(parsed.path)).resolve() if parsed.path else None


# ---------------------------------------------------------------- CSS values


def _last_compound(selector: str) -> str:
    parts = [p for p in _COMBINATOR.split(selector.strip()) if p]
    return parts[-1] if parts else ""


def _type_of(compound: str) -> str:
    """The element name in a compound selector (``p.note:hover`` -> ``p``)."""
    m_ = re.match(r"^([A-Za-z][\w-]*|\*)?", compound)
    return (m_.group(1) or "").lower() if m_ else ""


def _normalize(selector: str) -> str:
    return " ".join(p for p in _COMBINATOR.split(selector.strip()) if p)


def _targets(rule: Rule, names: Iterable[str]) -> bool:
    """True if one of the rule's selectors is exactly one of ``names`` (``:root`` counts as html)."""
    wanted = set(names)
    for sel in rule.selectors:
        s = sel.strip().lower()
        if s == ":root":
            s = "html"
        if s in wanted:
            return True
    return False


def _length_px(value: str, base_px: float, root_px: float) -> float | None:
    """A font-size/line-height length in CSS px (``em``/``%`` of ``base_px``)."""
    v = value.strip().lower()
    if v in _KEYWORD_PX:
        return _KEYWORD_PX[v]
    if v == "smaller":
        return base_px / 1.2
    if v == "larger":
        return base_px * 1.2
    fn = re.fullmatch(r"(clamp|min|max)\((.*)\)", v)
    if fn:
        args = [_length_px(a, base_px, root_px) for a in _split_args(fn.group(2))]
        known = [a for a in args if a is not None]
        if not known:
            return None
        if fn.group(1) == "clamp":
            return args[0] if args[0] is not None else None
        return min(known) if fn.group(1) == "min" else max(known)
    mm = re.fullmatch(r"(-?\d*\.?\d+)(px|pt|pc|in|cm|mm|q|em|rem|%|ex|ch)?", v)
    if not mm:
        return None
    number = float(mm.group(1))
    unit = mm.group(2) or ""
    if unit in _ABS_UNITS_PX:
        return number * _ABS_UNITS_PX[unit]
    if unit == "em":
        return number * base_px
    if unit == "rem":
        return number * root_px
    if unit == "%":
        return number * base_px / 100
    if unit in ("ex", "ch"):
        return number * base_px / 2
    if unit == "" and number == 0:
        return 0.0
    return None


def _split_args(text: str) -> list[str]:
    out: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        out.append(current.strip())
    return out


def _line_height_ratio(value: str, font_px: float, root_px: float) -> float | None:
    v = value.strip().lower()
    if v == "normal":
        return 1.2
    if re.fullmatch(r"\d*\.?\d+", v):
        return float(v)
    px = _length_px(v, font_px, root_px)
    return px / font_px if px is not None and font_px > 0 else None


@dataclass(slots=True)
class _Styles:
    """Resolved values from the stylesheets."""

    rules: list[Rule]
    props: dict[str, str]
    source_lines: Sequence[str] = ()

    def value(self, decl: Declaration) -> str:
        return resolve_vars(decl.value, self.props).strip()

    def last(
        self, names: Iterable[str], prop: str, screen: bool = True
    ) -> tuple[Rule, Declaration] | None:
        """The winning declaration of ``prop`` among rules exactly targeting ``names``."""
        found = None
        important = None
        for rule in self.rules:
            if screen and not is_screen_media(rule):
                continue
            if not _targets(rule, names):
                continue
            decl = rule.get(prop)
            if decl is not None:
                if decl.important:
                    important = (rule, decl)
                found = (rule, decl)
        return important or found


def _check_styles(
    facts: HtmlFacts,
    rules: list[Rule],
    sheet_lines: dict[str, list[str]],
    profile: Profile,
    out: Collector,
) -> None:
    # Custom properties as a screen sees them: print-only values (pt sizes for
    # WeasyPrint) must not replace the screen ones.
    props: dict[str, str] = {}
    for rule in rules:
        if not is_screen_media(rule):
            continue
        for decl in rule.declarations:
            if decl.name.startswith("--"):
                props[decl.name] = decl.value
    styles = _Styles(rules, props, sheet_lines.get("", []))
    lang = out.lang

    def where(rule: Rule, decl: Declaration) -> Where:
        lines = sheet_lines.get(rule.path, [])
        return _at(lines, decl.line, decl.column, ';}"', rule.path)

    def sel(rule: Rule) -> str:
        return m.quote(rule.selector, lang, 60)

    # Text styling, in every medium (print counts too).
    for rule in rules:
        for decl in rule.declarations:
            value = styles.value(decl).lower()
            if decl.name in ("text-align", "text-align-last") and value.startswith(
                "justify"
            ):
                out.add("html.justify", selector=sel(rule), **where(rule, decl))
            elif (
                decl.name
                in ("hyphens", "-webkit-hyphens", "-ms-hyphens", "-moz-hyphens")
                and value == "auto"
            ):
                out.add("html.hyphens", selector=sel(rule), **where(rule, decl))
            elif decl.name == "font-style" and value.split()[:1] in (
                ["italic"],
                ["oblique"],
            ):
                out.add(
                    "html.italic",
                    selector=sel(rule),
                    value=value.split()[0],
                    **where(rule, decl),
                )
            elif decl.name == "font" and re.search(r"\b(italic|oblique)\b", value):
                style = re.search(r"\b(italic|oblique)\b", value).group(1)  # type: ignore[union-attr]
                out.add(
                    "html.italic", selector=sel(rule), value=style, **where(rule, decl)
                )
            elif decl.name == "text-transform" and value == "uppercase":
                out.add("html.uppercase", selector=sel(rule), **where(rule, decl))

    # Elements browsers show in italics unless the stylesheet says otherwise.
    for tag in _ITALIC_TAGS:
        t = facts.first_use.get(tag)
        if t is None:
            continue
        reset = any(
            _type_of(_last_compound(s)) == tag
            and (d := r.get("font-style")) is not None
            and styles.value(d).lower() == "normal"
            for r in rules
            for s in r.selectors
        )
        if not reset:
            out.add(
                "html.italic",
                "element",
                tag=tag,
                **_at(sheet_lines[""], t.line, t.column),
            )

    _check_sizes(facts, styles, profile, out, where, sel)
    _check_contrast(styles, profile, out, where, sel)


def _chain_font(styles: _Styles) -> tuple[float, float, list[tuple[Rule, Declaration]]]:
    """Root px, body text px and the declarations that set them (html -> body -> main -> p)."""
    root_px = 16.0
    found = styles.last(["html"], "font-size")
    decls: list[tuple[Rule, Declaration]] = []
    if found:
        px = _length_px(styles.value(found[1]), 16.0, 16.0)
        if px:
            root_px = px
        decls.append(found)
    size = root_px
    for name in _CHAIN[1:]:
        found = styles.last([name], "font-size")
        if found:
            px = _length_px(styles.value(found[1]), size, root_px)
            if px:
                size = px
            decls.append(found)
    return root_px, size, decls


_WhereFn = Callable[[Rule, Declaration], Where]
_SelFn = Callable[[Rule], str]
_Pair = tuple[str, RGBA | None]


def _check_sizes(
    facts: HtmlFacts,
    styles: _Styles,
    profile: Profile,
    out: Collector,
    where: _WhereFn,
    sel: _SelFn,
) -> None:
    lang = out.lang
    min_px = float(profile.render.get("font_size_px_min", 16))
    min_lh = float(profile.render.get("line_height_min", 1.5))
    root_px, body_px, chain_decls = _chain_font(styles)
    chain_ids = {id(d) for _, d in chain_decls}

    if body_px < min_px - 0.05:
        if chain_decls:
            rule, decl = chain_decls[-1]
            loc = where(rule, decl)
        else:
            line = facts.body.line if facts.body else 1
            loc = _at(styles.source_lines, line, facts.body.column if facts.body else 1)
        out.add(
            "html.font-size",
            px=m.fmt_number(body_px, lang),
            min=m.fmt_number(min_px, lang),
            **loc,
        )

    for rule in styles.rules:
        if not is_screen_media(rule) or _targets(rule, ["html"]):
            continue
        size_decl = rule.get("font-size")
        if size_decl is None or id(size_decl) in chain_ids:
            continue
        value = styles.value(size_decl)
        px = _length_px(value, body_px, root_px)
        if px is not None and 0 < px < min_px - 0.05:
            out.add(
                "html.font-size",
                "rule",
                selector=sel(rule),
                value=m.quote(value, lang),
                px=m.fmt_number(px, lang),
                min=m.fmt_number(min_px, lang),
                **where(rule, size_decl),
            )

    # Line height of body text: inherited down the chain; the last one set wins.
    chain_lh = None
    for name in _CHAIN:
        found = styles.last([name], "line-height")
        if found:
            chain_lh = found
    if chain_lh is None:
        line = facts.body.line if facts.body else 1
        out.add(
            "html.line-height",
            "missing",
            min=m.fmt_number(min_lh, lang, 2),
            **_at(styles.source_lines, line, facts.body.column if facts.body else 1),
        )
    for rule in styles.rules:
        if not is_screen_media(rule):
            continue
        lh_decl = rule.get("line-height")
        if lh_decl is None:
            continue
        if rule.selectors and all(
            _type_of(_last_compound(s)) in _HEADING_TAGS for s in rule.selectors
        ):
            continue  # headings may be set tighter
        own = rule.get("font-size")
        font_px = body_px
        if own is not None:
            font_px = _length_px(styles.value(own), body_px, root_px) or body_px
        value = styles.value(lh_decl)
        ratio = _line_height_ratio(value, font_px, root_px)
        if ratio is not None and ratio < min_lh - 0.005:
            out.add(
                "html.line-height",
                selector=sel(rule),
                value=m.quote(value, lang),
                min=m.fmt_number(min_lh, lang, 2),
                **where(rule, lh_decl),
            )


def _colored_inside(rule: Rule, fg_table: dict[str, _Pair]) -> bool:
    """True if a rule for something inside ``rule``'s elements sets a text colour."""
    for s in rule.selectors:
        prefix = _normalize(s) + " "
        if any(key.startswith(prefix) for key in fg_table):
            return True
    return False


def _background_of(styles: _Styles, rule: Rule) -> tuple[str, RGBA | None] | None:
    for prop in ("background-color", "background"):
        decl = rule.get(prop)
        if decl is not None:
            value = styles.value(decl)
            color = find_color(value) if prop == "background" else parse_color(value)
            return value, color
    return None


def _check_contrast(
    styles: _Styles, profile: Profile, out: Collector, where: _WhereFn, sel: _SelFn
) -> None:
    lang = out.lang
    normal_min = float(profile.render.get("contrast_min", 4.5))
    large_min = float(profile.render.get("contrast_large_min", 3.0))
    screen = [r for r in styles.rules if is_screen_media(r)]
    root_px, body_px, _ = _chain_font(styles)

    def root_color(prop: str, default: RGBA) -> tuple[str, RGBA | None]:
        for names in (["body"], ["html"]):
            for rule in reversed(screen):
                if not _targets(rule, names):
                    continue
                if prop == "color":
                    decl = rule.get("color")
                    if decl is not None:
                        value = styles.value(decl)
                        return value, parse_color(value)
                else:
                    found = _background_of(styles, rule)
                    if found is not None:
                        return found
        return ("#000" if prop == "color" else "#fff"), default

    root_fg = root_color("color", (0.0, 0.0, 0.0, 1.0))
    root_bg = root_color("background", (1.0, 1.0, 1.0, 1.0))

    by_selector_bg: dict[str, tuple[str, RGBA | None]] = {}
    by_selector_fg: dict[str, tuple[str, RGBA | None]] = {}
    for rule in screen:
        bg = _background_of(styles, rule)
        decl = rule.get("color")
        for s in rule.selectors:
            key = _normalize(s)
            if bg is not None:
                by_selector_bg[key] = bg
            if decl is not None:
                value = styles.value(decl)
                by_selector_fg[key] = (value, parse_color(value))

    def inherited(rule: Rule, table: dict[str, _Pair], default: _Pair) -> _Pair:
        for s in rule.selectors:
            parts = _normalize(s).split(" ")
            for k in range(len(parts) - 1, 0, -1):
                prefix = " ".join(parts[:k])
                if prefix in table:
                    return table[prefix]
        return default

    def is_large(rule: Rule) -> bool:
        decl = rule.get("font-size")
        px: float | None = None
        if decl is not None:
            px = _length_px(styles.value(decl), body_px, root_px)
        weight_decl = rule.get("font-weight")
        weight = styles.value(weight_decl).lower() if weight_decl else ""
        tags = {_type_of(_last_compound(s)) for s in rule.selectors}
        heading = bool(tags) and tags <= set(_UA_HEADING_EM)
        if px is None and heading:
            px = min(_UA_HEADING_EM[t] for t in tags) * body_px
        bold = (
            weight in ("bold", "bolder")
            or (weight.isdigit() and int(weight) >= 700)
            or (heading and not weight)
        )
        if px is None:
            return False
        return px >= 24 - 0.05 or (bold and px >= 18.66 - 0.05)

    for rule in screen:
        fg_decl = rule.get("color")
        bg_found = _background_of(styles, rule)
        if fg_decl is None and bg_found is None:
            continue
        if fg_decl is None and _colored_inside(rule, by_selector_fg):
            continue  # ".box {background}" with ".box p {color}": that pair is checked
        anchor: Declaration | None
        if fg_decl is not None:
            fg_value = styles.value(fg_decl)
            fg: _Pair = (fg_value, parse_color(fg_value))
            anchor = fg_decl
        else:
            fg = inherited(rule, by_selector_fg, root_fg)
            anchor = rule.get("background-color") or rule.get("background")
        bg = (
            bg_found
            if bg_found is not None
            else inherited(rule, by_selector_bg, root_bg)
        )
        if fg[1] is None or bg[1] is None or fg[1][3] == 0:
            continue  # currentColor, inherit, images, gradients: not decidable here
        ratio = contrast_ratio(fg[1], bg[1])
        need = large_min if is_large(rule) else normal_min
        if ratio < need - 0.005 and anchor is not None:
            out.add(
                "html.contrast",
                selector=sel(rule),
                fg=fg[0],
                bg=bg[0],
                ratio=m.fmt_number(ratio, lang, 2),
                min=m.fmt_number(need, lang, 1),
                **where(rule, anchor),
            )
