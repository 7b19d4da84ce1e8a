"""Glossaries: hard words with easier replacements and explanations.

Lookup is by lemma, so "knjižnico", "knjižnici" and "knjižnica" all find the
entry for "knjižnica". The pack ships a starter glossary; users add their own
YAML files (``glossary = [...]`` in the config, or ``glossary:`` in front matter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .lang import GlossaryEntry, LanguagePack

__all__ = ["Glossary", "load_glossary_file", "parse_entries"]


def parse_entries(raw: Sequence[Any], *, source: str) -> tuple[GlossaryEntry, ...]:
    """Turn a YAML list of glossary entries into :class:`GlossaryEntry` records.

    Accepts ``lemma`` or ``term`` as the key of the hard word.

    :raises ConfigError: for an entry without a word or without any help.
    """
    entries = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise ConfigError(f"glossary entry {i + 1} must be a mapping", where=source)
        word = str(item.get("lemma") or item.get("term") or "").strip()
        if not word:
            raise ConfigError(f"glossary entry {i + 1} has no `lemma`", where=source)
        forms = item.get("forms")
        if forms is not None and not isinstance(forms, Mapping):
            raise ConfigError(
                f"glossary entry {word!r}: `forms` must be a mapping", where=source
            )
        entry = GlossaryEntry(
            lemma=word.lower(),
            replacement=str(item.get("replacement") or "").strip(),
            forms={str(k).lower(): str(v) for k, v in (forms or {}).items()} or None,
            explanation=str(item.get("explanation") or "").strip(),
            source=source,
        )
        if not entry.replacement and not entry.explanation:
            raise ConfigError(
                f"glossary entry {word!r} needs a `replacement` or an `explanation`",
                where=source,
            )
        entries.append(entry)
    return tuple(entries)


def load_glossary_file(path: Path) -> tuple[GlossaryEntry, ...]:
    """Read a user glossary (a YAML list of entries).

    :raises ConfigError: when the file is missing or malformed.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("glossary file not found", where=str(path)) from None
    except yaml.YAMLError as exc:
        raise ConfigError(
            f"glossary is not valid YAML: {exc}", where=str(path)
        ) from None
    if raw is None:
        return ()
    if isinstance(raw, Mapping) and "entries" in raw:
        raw = raw["entries"]
    if not isinstance(raw, list):
        raise ConfigError("a glossary file must be a list of entries", where=str(path))
    return parse_entries(raw, source=str(path))


class Glossary:
    """Lemma-indexed glossary. Later entries override earlier ones."""

    def __init__(self, pack: LanguagePack, entries: Iterable[GlossaryEntry]) -> None:
        self.pack = pack
        self._by_lemma: dict[str, GlossaryEntry] = {}
        self._by_form: dict[str, GlossaryEntry] = {}
        for entry in entries:
            self._by_lemma[entry.lemma] = entry
            self._by_lemma.setdefault(pack.lemma(entry.lemma), entry)
            for form in entry.forms or {}:
                self._by_form[form] = entry

    @classmethod
    def for_pack(
        cls, pack: LanguagePack, extra: Iterable[GlossaryEntry] = ()
    ) -> Glossary:
        """The pack's starter glossary plus ``extra`` entries (which win)."""
        return cls(pack, [*pack.glossary, *extra])

    def lookup(self, word: str) -> GlossaryEntry | None:
        """Find the entry for a word form, by exact form first, then by lemma."""
        low = word.lower()
        return (
            self._by_form.get(low)
            or self._by_lemma.get(low)
            or self._by_lemma.get(self.pack.lemma(word))
        )

    def __len__(self) -> int:
        return len(self._by_lemma)

    def __iter__(self) -> Iterable[GlossaryEntry]:  # type: ignore[override]
        # by identity: entries with ``forms`` hold a dict and are not hashable
        return iter({id(e): e for e in self._by_lemma.values()}.values())
