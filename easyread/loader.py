"""Load a source into a :class:`~easyread.model.Document`.

Markdown is parsed with markdown-it-py, whose tokens know their source lines.
Inside a line range, the plain text of each inline token is aligned with the
source character by character, so ``**bold**``, escapes and entities never shift
a position. Raw HTML in Markdown is kept as plain text: it is shown escaped,
never passed through.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken

from ._log import logger
from .errors import DocumentError, LanguageNotSupported
from .frontmatter import parse_front_matter, split_front_matter
from .lang import LanguagePack, get_pack
from .model import Block, BlockKind, Document, Mark, Meta, SourceText, Span
from .segment import segment_block
from .sources import normalise_newlines, read_source

__all__ = ["load", "load_text", "parse_markdown"]

_MAX_NESTING = 40  # token levels: about 20 levels of lists or quotes
_ALIGN_WINDOW = 64
_COMMENT_RE = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)
_PARAGRAPH_RE = re.compile(r"^(?:[^\n]*\S[^\n]*(?:\n|$))+", re.MULTILINE)


class _TooDeep(Exception):
    """markdown-it reached ``maxNesting`` at a body line (0-based)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


# One parser per process: building MarkdownIt (its rule chains) cost about
# 0.2 ms per document; parse() keeps no state between calls.
@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html=True only so that HTML is *recognised* and turned into literal text
    # below; the renderer escapes everything, markdown-it's renderer is unused.
    md = MarkdownIt(
        "commonmark", {"html": True, "linkify": False, "typographer": False}
    )
    md.options["maxNesting"] = _MAX_NESTING
    # At maxNesting markdown-it silently skips the rest of the container, so
    # text would be lost without a word. Stop with the line instead.
    block_tokenize = md.block.tokenize

    def tokenize(state: Any, start_line: int, end_line: int) -> None:
        if state.level >= _MAX_NESTING:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                raise _TooDeep(line)
        block_tokenize(state, start_line, end_line)

    md.block.tokenize = tokenize  # type: ignore[method-assign,assignment]
    return md


@dataclass
class _Builder:
    """Collects text, offsets and marks for one block while walking inline tokens."""

    src: str
    cursor: int
    limit: int
    chars: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    def add(self, text: str) -> None:
        src, limit = self.src, self.limit
        if src.startswith(text, self.cursor):
            self.chars.extend(text)
            self.offsets.extend(range(self.cursor, self.cursor + len(text)))
            self.cursor += len(text)
            return
        for ch in text:
            j = src.find(ch, self.cursor, min(limit, self.cursor + _ALIGN_WINDOW))
            if j == -1:
                j = min(self.cursor, max(limit - 1, 0))
            else:
                self.cursor = j + 1
            self.chars.append(ch)
            self.offsets.append(j)

    @property
    def pos(self) -> int:
        return len(self.chars)


def _line_offset(source: SourceText, body_line: int, first_body_line: int) -> int:
    return source.offset(first_body_line + body_line)


def parse_markdown(source: SourceText, body_start: int) -> list[Block]:
    """Turn the Markdown body of ``source`` into blocks without sentences."""
    body = source.text[body_start:]
    first_line = source.location(body_start).line
    try:
        tokens = _parser().parse(body)
    except _TooDeep as exc:
        raise DocumentError(
            "lists or quotes are nested too deeply to read (more than "
            f"{_MAX_NESTING // 2} levels)",
            where=f"{source.name}:{first_line + exc.line}",
            hint="easy-read lists have one level; move deeper items up",
        ) from None
    except RecursionError:
        raise DocumentError(
            "the Markdown is nested too deeply to read", where=source.name
        ) from None
    blocks: list[Block] = []
    list_stack: list[dict[str, Any]] = []
    quote_depth = 0
    list_counter = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_counter += 1
            start = (
                int(tok.attrs.get("start", 1) or 1) if t == "ordered_list_open" else 1
            )
            list_stack.append(
                {
                    "ordered": t == "ordered_list_open",
                    "id": list_counter,
                    "n": start - 1,
                }
            )
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif t == "list_item_open" and list_stack:
            current = list_stack[-1]
            current["n"] = int(tok.info) if tok.info.isdigit() else current["n"] + 1
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "inline" and tok.map is not None:
            opener = tokens[i - 1] if i else tok
            if opener.type == "heading_open":
                kind, level = BlockKind.HEADING, int(opener.tag[1:])
            elif list_stack:
                kind, level = BlockKind.LIST_ITEM, len(list_stack)
            elif quote_depth:
                kind, level = BlockKind.QUOTE, quote_depth
            else:
                kind, level = BlockKind.PARAGRAPH, 0
            top = list_stack[-1] if list_stack else None
            blocks.extend(_inline_blocks(source, tok, first_line, kind, level, top))
        elif t in ("fence", "code_block") and tok.map is not None:
            blocks.append(_literal_block(source, tok, first_line, BlockKind.CODE))
        elif t == "html_block" and tok.map is not None:
            # Comments carry easyread-disable directives; they are not text.
            if not _COMMENT_RE.match(tok.content):
                blocks.append(
                    _literal_block(
                        source, tok, first_line, BlockKind.PARAGRAPH, mark="html"
                    )
                )
        elif t == "hr" and tok.map is not None:
            off = _line_offset(source, tok.map[0], first_line)
            blocks.append(
                Block(BlockKind.RULE, "", _span(off, off), source.location(off), ())
            )
        i += 1
    return blocks


def _span(start: int, end: int) -> Span:
    return Span(start, max(start, end))


def _region(source: SourceText, tok: MdToken, first_line: int) -> tuple[int, int]:
    assert tok.map is not None
    start = _line_offset(source, tok.map[0], first_line)
    end_line = first_line + tok.map[1]
    end = source.offset(end_line) if end_line <= source.line_count else len(source.text)
    return start, end


def _literal_block(
    source: SourceText, tok: MdToken, first_line: int, kind: BlockKind, mark: str = ""
) -> Block:
    start, end = _region(source, tok, first_line)
    b = _Builder(source.text, start, end)
    b.add(tok.content.rstrip("\n"))
    marks = (Mark(mark, 0, b.pos),) if mark else ()
    return _finish(source, b, kind, 0, None, marks_extra=marks)


def _finish(
    source: SourceText,
    b: _Builder,
    kind: BlockKind,
    level: int,
    list_info: dict[str, Any] | None,
    *,
    marks_extra: Sequence[Mark] = (),
    src: str = "",
) -> Block:
    text = "".join(b.chars)
    offsets = tuple(b.offsets)
    start = offsets[0] if offsets else b.cursor
    end = offsets[-1] + 1 if offsets else b.cursor
    return Block(
        kind=kind,
        text=text,
        span=_span(start, end),
        location=source.location(start),
        offsets=offsets,
        marks=(*b.marks, *marks_extra),
        level=level,
        ordered=bool(list_info and list_info["ordered"]),
        number=list_info["n"] if list_info and list_info["ordered"] else None,
        list_id=list_info["id"] if list_info else 0,
        src=src,
    )


def _inline_blocks(
    source: SourceText,
    tok: MdToken,
    first_line: int,
    kind: BlockKind,
    level: int,
    list_info: dict[str, Any] | None,
) -> Iterator[Block]:
    start, end = _region(source, tok, first_line)
    b = _Builder(source.text, start, end)
    images: list[Block] = []
    open_marks: dict[str, list[tuple[int, str]]] = {}
    for child in tok.children or ():
        ct = child.type
        if ct in ("text", "code_inline", "html_inline"):
            pos = b.pos
            b.add(child.content)
            if ct == "code_inline":
                b.marks.append(Mark("code", pos, b.pos))
            elif ct == "html_inline":
                b.marks.append(Mark("html", pos, b.pos))
        elif ct in ("softbreak", "hardbreak"):
            b.add("\n")
        elif ct.endswith("_open"):
            name = ct[: -len("_open")]
            open_marks.setdefault(name, []).append(
                (b.pos, str(child.attrs.get("href", "")))
            )
        elif ct.endswith("_close"):
            name = ct[: -len("_close")]
            if open_marks.get(name):
                pos, href = open_marks[name].pop()
                b.marks.append(Mark(name, pos, b.pos, href))
        elif ct == "image":
            ib = _Builder(source.text, b.cursor, end)
            ib.add(child.content)
            b.cursor = max(b.cursor, ib.cursor)
            images.append(
                _finish(
                    source,
                    ib,
                    BlockKind.IMAGE,
                    level,
                    None,
                    src=str(child.attrs.get("src", "")),
                )
            )
    text = "".join(b.chars)
    if text.strip() or (list_info is not None and not images):
        yield _finish(source, b, kind, level, list_info)
    yield from images


def _text_blocks(source: SourceText, body_start: int) -> list[Block]:
    """Plain text: paragraphs are separated by blank lines; a short first line is the title."""
    blocks: list[Block] = []
    text = source.text
    # ``^`` (multi-line) keeps this linear: without it, a line of 50,000
    # spaces is tried from every one of its positions.
    for m in _PARAGRAPH_RE.finditer(text[body_start:]):
        start = body_start + m.start()
        chunk = m.group().rstrip("\n")
        end = start + len(chunk)
        b = _Builder(text, start, end)
        b.add(chunk)
        kind = BlockKind.PARAGRAPH
        if not blocks and "\n" not in chunk.strip() and _looks_like_title(chunk):
            kind = BlockKind.HEADING
        blocks.append(
            _finish(source, b, kind, 1 if kind is BlockKind.HEADING else 0, None)
        )
    return blocks


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 14 and not line.rstrip().endswith((".", ",", ";"))


def _inside_folder(value: str, path: Path | None) -> bool:
    """True when the relative file name ``value`` stays in the document's folder."""
    if Path(value).is_absolute():
        return False
    folder = path.parent if path is not None else Path.cwd()
    real_folder = os.path.realpath(folder)
    real = os.path.realpath(folder / value)
    return real == real_folder or real.startswith(real_folder.rstrip(os.sep) + os.sep)


def _check_front_matter_files(meta: Meta, path: Path | None, where: str) -> None:
    """A document may name files (a profile, glossaries) only inside its own folder.

    Documents arrive from anywhere (CI runs on whatever is committed), so
    ``profile: ../../home/me/.ssh/x.yaml`` or ``glossary: /etc/passwd`` must
    not make easyread read them (nor quote them in an error message).
    """

    def refuse(what: str, value: str, key: str, hint: str) -> None:
        line = meta.field_lines.get(key)
        raise DocumentError(
            f"the {what} file {value!r} is outside the document's folder",
            where=f"{where}:{line}" if line else where,
            hint=hint,
        )

    profile = meta.profile
    # a profile name (strict, plain) is not a file; the profile loader checks it
    if Path(profile).suffix.lower() in (".yaml", ".yml") and not _inside_folder(
        profile, path
    ):
        refuse(
            "profile",
            profile,
            "profile",
            "put the profile next to the document, or pass --profile",
        )
    glossary = meta.extra.get("glossary") if meta.extra else None
    items = [glossary] if isinstance(glossary, str) else glossary
    for item in items if isinstance(items, list) else ():
        if isinstance(item, str) and not _inside_folder(item, path):
            refuse(
                "glossary", item, "glossary", "put the glossary next to the document"
            )


def load_text(
    text: str,
    *,
    path: Path | str | None = None,
    lang: str | None = None,
    fmt: str | None = None,
    encoding: str = "utf-8",
) -> Document:
    """Build a document from text already in memory.

    :param lang: overrides the front matter's ``lang``.
    :param fmt: ``"md"`` or ``"txt"``; by default from the file suffix (Markdown otherwise).
    :raises DocumentError: for bad front matter.
    :raises LanguageNotSupported: when no language is given or it is unknown.
    """
    text = normalise_newlines(text)
    p = Path(path) if path is not None else None
    where = str(p) if p is not None else "<stdin>"
    source = SourceText(text=text, path=p, encoding=encoding)
    if fmt is None:
        fmt = "txt" if p is not None and p.suffix.lower() == ".txt" else "md"
    meta = Meta()
    body_start = 0
    yaml_text, yaml_start, body = split_front_matter(text, where)
    if body:
        meta, _ = parse_front_matter(
            yaml_text, where, source.location(yaml_start).line - 1
        )
        meta = replace(meta, line=source.location(body - 1).line)
        body_start = body
        _check_front_matter_files(meta, p, where)
    code = lang or meta.lang
    if not code:
        raise LanguageNotSupported(
            "the document does not say which language it is in",
            where=where,
            hint="add `lang: sl` (or en, de) to the front matter, or pass --lang",
        )
    try:
        pack: LanguagePack = get_pack(code)
    except LanguageNotSupported as exc:
        if exc.where:
            raise
        line = meta.field_lines.get("lang") if not lang else None
        raise LanguageNotSupported(
            exc.message, where=f"{where}:{line}" if line else where, hint=exc.hint
        ) from None
    raw_blocks = (
        _text_blocks(source, body_start)
        if fmt == "txt"
        else parse_markdown(source, body_start)
    )
    blocks = tuple(segment_block(source, b, pack) for b in raw_blocks)
    if not meta.title:
        title = next(
            (b.text.strip() for b in blocks if b.kind is BlockKind.HEADING), ""
        )
        meta = replace(meta, title=title)
    logger.debug("loaded %s: %d blocks, lang %s", where, len(blocks), pack.code)
    return Document(
        source=source,
        meta=meta,
        blocks=blocks,
        lang=pack.code,
        pack=pack,
        body_start=body_start,
    )


def load(path: Path | str | None, *, lang: str | None = None) -> Document:
    """Load a ``.md`` or ``.txt`` file, or standard input for ``None`` / ``"-"``.

    :raises DocumentError: when the file cannot be read or parsed.
    :raises LanguageNotSupported: when the language is missing or unknown.
    """
    text, encoding, resolved = read_source(path)
    return load_text(text, path=resolved, lang=lang, encoding=encoding)
