"""Words the templates print ("Kdaj?", "Stran 1 od 2"), per document language.

The strings live in ``i18n.yaml`` next to this module so that a translator can
edit them without reading Python. A language without its own entry falls back
to English, key by key, and says so in the log once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import yaml

from .._log import logger

__all__ = ["UiStrings", "css_counter_content", "ui_strings"]

_FALLBACK = "en"
_FIELD_RE = re.compile(r"\{(\w+)\}")


@functools.cache
def _table() -> Mapping[str, Mapping[str, str]]:
    text = (
        resources.files(__package__).joinpath("i18n.yaml").read_text(encoding="utf-8")
    )
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {
        str(lang): {str(k): str(v) for k, v in table.items()}
        for lang, table in data.items()
    }


@dataclass(frozen=True, slots=True)
class UiStrings:
    """The UI strings of one language; ``s("page", page=1, pages=2)``."""

    lang: str
    table: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        """The string for ``key`` with ``{placeholders}`` filled in."""
        text = self.raw(key)
        return text.format(**values) if values else text

    def raw(self, key: str) -> str:
        """The string for ``key`` with its placeholders left in."""
        try:
            return self.table[key]
        except KeyError:
            raise KeyError(f"no UI string {key!r} for language {self.lang!r}") from None


@functools.cache
def ui_strings(lang: str) -> UiStrings:
    """UI strings for a language code (``sl``, ``en``, ``de``); English fills gaps."""
    table = _table()
    base = dict(table.get(_FALLBACK, {}))
    own = table.get(lang)
    if own is None:
        logger.warning(
            "no UI strings for language %r; the templates use English words", lang
        )
    else:
        missing = sorted(set(base) - set(own))
        if missing:
            logger.warning(
                "UI strings for %r lack %s; using English", lang, ", ".join(missing)
            )
        base.update(own)
    return UiStrings(lang=lang, table=base)


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def css_counter_content(template: str) -> str:
    """Turn ``"Stran {page} od {pages}"`` into a CSS ``content`` value.

    >>> css_counter_content("Stran {page} od {pages}")
    '"Stran " counter(page) " od " counter(pages)'
    """
    parts: list[str] = []
    pos = 0
    for m in _FIELD_RE.finditer(template):
        if m.start() > pos:
            parts.append(_css_string(template[pos : m.start()]))
        name = m.group(1)
        if name not in ("page", "pages"):
            raise ValueError(f"unknown counter {{{name}}} in page label {template!r}")
        parts.append(f"counter({name})")
        pos = m.end()
    if pos < len(template):
        parts.append(_css_string(template[pos:]))
    return " ".join(parts)
