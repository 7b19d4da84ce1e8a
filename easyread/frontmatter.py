"""YAML front matter: split it off, load it safely, check the fields.

Loaded with PyYAML's safe loader. Aliases are refused outright: they are never
needed in front matter and are the way "billion laughs" documents explode.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml

from .errors import DocumentError
from .model import Contact, Meta

__all__ = ["KNOWN_KEYS", "TEMPLATES", "parse_front_matter", "split_front_matter"]

TEMPLATES = ("invitation", "activity", "announcement")
KNOWN_KEYS = frozenset(
    ["title", "lang", "template", "profile", "date", "time", "end_time", "place", "address", "organiser", "organizer", "contact", "price", "bring", "audience", "images", "reviewed_by"]
)  # fmt: skip
_FENCE_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def split_front_matter(text: str, where: str) -> tuple[str, int, int]:
    """Return ``(yaml_text, yaml_start, body_start)`` offsets; empty when absent.

    :raises DocumentError: when the opening ``---`` is never closed.
    """
    m = _FENCE_RE.match(text)
    if not m:
        return "", 0, 0
    close = _CLOSE_RE.search(text, m.end())
    if close is None:
        raise DocumentError(
            "the front matter starts with --- on line 1 but is never closed",
            where=f"{where}:1:1",
            hint="add a line with only --- after the last front-matter field",
        )
    body = close.end() + 1 if close.end() < len(text) else close.end()
    return text[m.end() : close.start()], m.end(), body


class _NoAliasLoader(yaml.SafeLoader):
    """Safe loader that refuses aliases (``*name``) and keeps no Python tags."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            mark = event.start_mark
            raise yaml.MarkedYAMLError(
                problem="YAML aliases (*name) are not allowed in front matter",
                problem_mark=mark,
            )
        return super().compose_node(parent, index)


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError for 2024-02-30; keep the text so the field
    # check can say which field is wrong and where.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _load_yaml(
    text: str, where: str, line_offset: int
) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        loader = _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or "invalid YAML"
        raise DocumentError(
            f"front matter is not valid YAML: {problem}",
            where=f"{where}:{line}:{col}",
            hint="check indentation and quote values that contain ':' or '#'",
        ) from None
    except RecursionError:
        raise DocumentError(
            "front matter is nested too deeply to read",
            where=f"{where}:{line_offset + 1}",
            hint="front matter holds simple `key: value` lines",
        ) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise DocumentError(
            f"front matter is not valid YAML: {exc}", where=f"{where}:{line_offset + 1}"
        ) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise DocumentError(
            "front matter must be a list of `key: value` lines",
            where=f"{where}:{line_offset + 1}",
        )
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1 + line_offset
    return {str(k): v for k, v in data.items()}, lines


def _text(value: Any, key: str, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    raise DocumentError(
        f"`{key}` must be text, not {type(value).__name__}", where=where
    )


def _texts(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(_text(v, key, where) for v in value if v is not None)
    raise DocumentError(f"`{key}` must be a list of texts", where=where)


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise DocumentError(
                f"`date` {value!r} is not a real date",
                where=where,
                hint="write it as YYYY-MM-DD, for example 2026-05-15",
            ) from None
    raise DocumentError(
        f"`date` must be a date like 2026-05-15, not {type(value).__name__}",
        where=where,
    )


def _time(value: Any, key: str, where: str) -> dt.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 10:30 as the sexagesimal number 630.
        hours, minutes = divmod(value, 60)
        if 0 <= hours <= 23:
            return dt.time(hours, minutes)
    if isinstance(value, str):
        m = _TIME_RE.match(value.strip())
        if m and int(m.group(1)) <= 23 and int(m.group(2)) <= 59:
            return dt.time(int(m.group(1)), int(m.group(2)))
    raise DocumentError(
        f"`{key}` {value!r} is not a clock time",
        where=where,
        hint=f'write it in quotes as HH:MM, for example {key}: "10:00"',
    )


def _contact(value: Any, where: str) -> Contact:
    if value is None:
        return Contact()
    if isinstance(value, str):
        return Contact(name=value.strip())
    if not isinstance(value, Mapping):
        raise DocumentError(
            "`contact` must have name, phone and e-mail lines", where=where
        )
    return Contact(
        name=_text(value.get("name"), "contact.name", where),
        phone=_text(value.get("phone"), "contact.phone", where),
        email=_text(value.get("email", value.get("e-mail")), "contact.email", where),
    )


def parse_front_matter(
    text: str, where: str, line_offset: int
) -> tuple[Meta, dict[str, Any]]:
    """Load front matter text and return the typed ``Meta`` and the raw mapping.

    :param line_offset: lines before the YAML text in the file (the ``---`` line).
    :raises DocumentError: on invalid YAML or a field of the wrong type.
    """
    data, lines = _load_yaml(text, where, line_offset)

    def at(key: str) -> str:
        return f"{where}:{lines.get(key, line_offset + 1)}"

    template = _text(data.get("template"), "template", at("template")) or "announcement"
    if template not in TEMPLATES:
        raise DocumentError(
            f"unknown template {template!r}; use one of: {', '.join(TEMPLATES)}",
            where=at("template"),
        )
    images_raw = data.get("images") or {}
    if isinstance(images_raw, list):
        images_raw = {str(i): v for i, v in enumerate(images_raw)}
    if not isinstance(images_raw, Mapping):
        raise DocumentError(
            "`images` must map a place (title, when, ...) to a picture",
            where=at("images"),
        )
    price = data.get("price")
    meta = Meta(
        title=_text(data.get("title"), "title", at("title")),
        lang=_text(data.get("lang"), "lang", at("lang")),
        template=template,
        profile=_text(data.get("profile"), "profile", at("profile")),
        date=_date(data.get("date"), at("date")),
        time=_time(data.get("time"), "time", at("time")),
        end_time=_time(data.get("end_time"), "end_time", at("end_time")),
        place=_text(data.get("place"), "place", at("place")),
        address=_text(data.get("address"), "address", at("address")),
        organiser=_text(
            data.get("organiser", data.get("organizer")), "organiser", at("organiser")
        ),
        contact=_contact(data.get("contact"), at("contact")),
        price="" if price is None else _text(price, "price", at("price")),
        bring=_texts(data.get("bring"), "bring", at("bring")),
        audience=_text(data.get("audience"), "audience", at("audience")),
        images={
            str(k): _text(v, "images", at("images")) for k, v in images_raw.items()
        },
        reviewed_by=_texts(data.get("reviewed_by"), "reviewed_by", at("reviewed_by")),
        extra={k: v for k, v in data.items() if k not in KNOWN_KEYS},
        field_lines=lines,
    )
    return meta, data
