"""Write the draft as Markdown with front matter that ``easyread build`` renders.

One sentence per line; a blank line between blocks; list items as ``- item``;
question headings as ``## Kdaj?``. Text is escaped so that a sentence starting
with ``1.`` or ``-`` never turns into a list. The writer remembers on which
line each sentence went, so notes can point into the draft.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import BlockKind, Document
from ._text import SegText
from .abbreviations import expand_text
from .facts import Facts
from .pipeline import Context, State

__all__ = ["Written", "front_matter", "to_markdown"]

_LINE_START_RE = re.compile(r"^(?:[#>+=|]|[-*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")
_INLINE_RE = re.compile(r"([\\`*_\[\]<&])")


class _Quoted(str):
    """A string always written in double quotes (times: YAML 1.1 reads 10:30 as a number)."""


@dataclass
class Written:
    """The Markdown text and where each sentence went (1-based lines)."""

    text: str = ""
    lines: list[tuple[int, SegText]] = field(default_factory=list)


def escape_line(text: str) -> str:
    """Escape Markdown syntax in one line of plain text."""
    text = _INLINE_RE.sub(r"\\\1", text)
    m = _LINE_START_RE.match(text)
    if m:
        if m.group()[0].isdigit():
            end = m.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = "\\" + text
    return text


def _clean(value: Any) -> Any:
    if isinstance(value, Mapping):
        out = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in ("", None, [], {})}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value if v not in ("", None)]
    return value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def front_matter(
    doc: Document, facts: Facts, state: State, ctx: Context, price: str
) -> dict[str, Any]:
    """The draft's front matter: the source's own fields, then the extracted facts."""
    meta = doc.meta
    title = state.title.text if state.title is not None else facts.what
    fm: dict[str, Any] = {
        "title": title,
        "lang": doc.lang,
        "template": ctx.template,
        "profile": ctx.profile.name
        if ctx.profile.name in ("strict", "plain")
        else meta.profile,
        "date": facts.date,
        "time": _Quoted(facts.time.strftime("%H:%M")) if facts.time else None,
        "end_time": _Quoted(facts.end_time.strftime("%H:%M"))
        if facts.end_time
        else None,
        "place": _capital(expand_text(facts.place, ctx)),
        "address": facts.address,
        "organiser": expand_text(facts.organiser, ctx),
        "contact": {
            "name": meta.contact.name or facts.contact_name,
            "phone": _Quoted(
                meta.contact.phone or (facts.phones[0] if facts.phones else "")
            ),
            "email": meta.contact.email or (facts.emails[0] if facts.emails else ""),
        },
        "price": 0 if price == "0" else price,
        "bring": list(facts.bring),
        "audience": expand_text(facts.audience, ctx),
        "images": dict(meta.images),
        "reviewed_by": list(meta.reviewed_by),
    }
    extra = dict(meta.extra)
    glossary = [{"term": t, "explanation": e} for t, e in state.glossary]
    if isinstance(extra.get("glossary"), list):
        glossary = [*extra.pop("glossary"), *glossary]
    if glossary:
        extra["glossary"] = glossary
    if ctx.template == "activity" and facts.bring and "materials" not in extra:
        extra["materials"] = list(facts.bring)
    fm.update(extra)
    cleaned: dict[str, Any] = _clean(fm)
    return cleaned


def _yaml(fm: Mapping[str, Any]) -> str:
    def represent_date(dumper: yaml.SafeDumper, value: dt.date) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())

    def represent_quoted(dumper: yaml.SafeDumper, value: _Quoted) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')

    class _Dumper(yaml.SafeDumper):
        pass

    _Dumper.add_representer(dt.date, represent_date)
    _Dumper.add_representer(_Quoted, represent_quoted)
    return yaml.dump(
        dict(fm), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000
    )


def to_markdown(fm: Mapping[str, Any], state: State) -> Written:
    """The whole draft: front matter, then the blocks."""
    out = Written()
    lines: list[str] = ["---", *_yaml(fm).rstrip("\n").split("\n"), "---", ""]
    prev_list = None
    numbers: dict[int, int] = {}
    for block in state.blocks:
        is_item = block.kind is BlockKind.LIST_ITEM
        if lines[-1] != "" and not (is_item and prev_list == block.list_id):
            lines.append("")
        prev_list = block.list_id if is_item else None
        if block.kind is BlockKind.HEADING:
            text = " ".join(s.text for s in block.sentences)
            out.lines.append((len(lines) + 1, block.sentences[0]))
            lines.append(
                "#" * max(2, min(block.level or 2, 6)) + " " + escape_line(text)
            )
        elif block.kind is BlockKind.IMAGE:
            alt = block.sentences[0].text if block.sentences else ""
            lines.append(f"![{escape_line(alt)}]({block.src})")
        elif block.kind is BlockKind.CODE:
            body = block.sentences[0].text if block.sentences else ""
            lines.extend(["```", *body.split("\n"), "```"])
        elif is_item:
            numbers[block.list_id] = numbers.get(block.list_id, 0) + 1
            marker = f"{numbers[block.list_id]}." if block.ordered else "-"
            indent = " " * (len(marker) + 1)
            for k, s in enumerate(block.sentences):
                out.lines.append((len(lines) + 1, s))
                lines.append((marker + " " if k == 0 else indent) + escape_line(s.text))
        else:
            prefix = "> " if block.kind is BlockKind.QUOTE else ""
            for s in block.sentences:
                out.lines.append((len(lines) + 1, s))
                lines.append(prefix + escape_line(s.text))
    while lines and lines[-1] == "":
        lines.pop()
    out.text = "\n".join(lines) + "\n"
    return out
