"""The bundled pictograms (curated OpenMoji, CC BY-SA 4.0) and how to find one.

Authors name a pictogram (``![Škarje](pictogram:scissors)``, ``images: {title:
book}``, ``materials: [{text: Škarje, picture: scissors}]``). When they give
none, the renderer picks one from the words of a row: every word is reduced to
its lemma by the document's language pack, so "knjižnico" and "knjižnici" both
find the library picture through the keyword lemma "knjižnica".

The index (``assets/pictograms/index.yaml``) maps a name to its file, its
OpenMoji code, alt text per language and keyword lemmas per language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .._log import logger
from ..errors import ConfigError
from ._paths import asset

if TYPE_CHECKING:
    from ..lang import LanguagePack

__all__ = ["Pictogram", "PictogramSet", "load_pictograms"]

_FOLDER = ("assets", "pictograms")
# libyaml's loader reads the 1,300-line index ten times faster than pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Pictogram:
    """One pictogram: its file and its words in each language."""

    name: str
    path: Path
    openmoji: str
    alt: Mapping[str, str]
    keywords: Mapping[str, tuple[str, ...]]

    def alt_text(self, lang: str) -> str:
        """Alt text in ``lang`` (English, then the name, when missing)."""
        return self.alt.get(lang) or self.alt.get("en") or self.name.replace("-", " ")


@dataclass(frozen=True, slots=True)
class _Match:
    name: str
    score: float
    first: int


@dataclass
class PictogramSet:
    """A set of pictograms with name and keyword lookup.

    Keyword indexes are built per language on first use, with the lemma of
    every keyword as well as the keyword itself, so the lookup does not depend
    on the keyword list and the lemmatiser agreeing on every form.
    """

    entries: Mapping[str, Pictogram]
    attribution: str = ""
    _indexes: dict[str, dict[str, tuple[str, ...]]] = field(
        default_factory=dict, repr=False
    )
    _heads: dict[str, dict[str, set[str]]] = field(default_factory=dict, repr=False)
    _stems: dict[str, dict[str, tuple[str, ...]]] = field(
        default_factory=dict, repr=False
    )

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __iter__(self) -> Iterator[Pictogram]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, name: str) -> Pictogram | None:
        """The pictogram called ``name`` (case and spaces ignored), or None."""
        key = name.strip().lower().replace(" ", "-").replace("_", "-")
        return self.entries.get(key)

    def _index(
        self, lang: str, pack: LanguagePack | None
    ) -> dict[str, tuple[str, ...]]:
        cache_key = _cache_key(lang, pack)
        index = self._indexes.get(cache_key)
        if index is not None:
            return index
        found: dict[str, list[str]] = {}
        heads: dict[str, set[str]] = {}
        for pic in self.entries.values():
            for kw in pic.keywords.get(lang, ()):
                keys = {kw.lower()}
                if pack is not None:
                    keys.add(pack.lemma(kw))
                for key in keys:
                    names = found.setdefault(key, [])
                    if pic.name not in names:
                        names.append(pic.name)
            # The pictogram's own words: its alt text and its first keyword.
            words = [w.lower() for w in re.findall(r"\w+", pic.alt.get(lang, ""))]
            words += list(pic.keywords.get(lang, ())[:1])
            head = set(words)
            if pack is not None:
                head |= {pack.lemma(w) for w in words}
            heads[pic.name] = head
        stems: dict[str, list[str]] = {}
        for key in found:
            if len(key) >= 5 and " " not in key:
                stems.setdefault(key[:-1], []).append(key)
        index = {k: tuple(v) for k, v in found.items()}
        self._indexes[cache_key] = index
        self._heads[cache_key] = heads
        self._stems[cache_key] = {k: tuple(v) for k, v in stems.items()}
        return index

    def _lookup(
        self, word: str, lang: str, pack: LanguagePack | None
    ) -> list[tuple[str, str, float]]:
        """``(name, key, weight)`` for each pictogram a word matches.

        Exact matches (the word or its lemma is a keyword) weigh 1. When there
        is none, an inflected form the lemmatiser missed ("barvicami") matches
        a keyword that is its stem plus one letter ("barvica"), with weight 0.75.
        """
        index = self._index(lang, pack)
        keys = _keys(word, pack)
        out: list[tuple[str, str, float]] = []
        for key in keys:
            for name in index.get(key, ()):
                out.append((name, key, 1.0))
        if out:
            return out
        stems = self._stems[_cache_key(lang, pack)]
        low = keys[0] if keys else ""
        for length in range(4, len(low) + 1):
            for key in stems.get(low[:length], ()):
                if -1 <= len(low) - len(key) <= 3:
                    out.extend((name, key, 0.75) for name in index[key])
        return out

    def find(
        self, word: str, lang: str, pack: LanguagePack | None = None
    ) -> tuple[Pictogram, ...]:
        """Pictograms whose keywords (as lemmas) match ``word`` in ``lang``.

        ``find("knjižnici", "sl", get_pack("sl"))`` finds the library picture.
        """
        names = dict.fromkeys(name for name, _, _ in self._lookup(word, lang, pack))
        return tuple(self.entries[n] for n in names)

    def choose(
        self,
        words: Iterable[str],
        lang: str,
        pack: LanguagePack | None = None,
        *,
        avoid: Iterable[str] = (),
        prefer: Iterable[str] = (),
    ) -> Pictogram | None:
        """The pictogram that best fits a row of words, or None.

        Each word that matches a keyword counts one point for that pictogram;
        a word that is the pictogram's own name ("papir" for "List papirja",
        or its first keyword) counts half a point more, so "Vzemite trd papir"
        shows paper rather than "take". Pictograms in ``prefer`` (an activity's
        materials) get one point more when they match at all, so a step shows
        the same picture as its material. Ties go to the pictogram whose word
        comes first, so the choice is stable for the same text.
        """
        self._index(lang, pack)
        heads = self._heads[_cache_key(lang, pack)]
        skip = set(avoid)
        preferred = set(prefer)
        scores: dict[str, _Match] = {}
        for pos, word in enumerate(words):
            best_here: dict[str, float] = {}
            for name, key, weight in self._lookup(word, lang, pack):
                if name in skip:
                    continue
                points = weight + (0.5 if key in heads.get(name, ()) else 0.0)
                best_here[name] = max(best_here.get(name, 0.0), points)
            for name, points in best_here.items():
                old = scores.get(name)
                if old is None:
                    bonus = 1.0 if name in preferred else 0.0
                    scores[name] = _Match(name, points + bonus, pos)
                else:
                    scores[name] = _Match(name, old.score + points, old.first)
        if not scores:
            return None
        order = {name: i for i, name in enumerate(self.entries)}
        best = min(scores.values(), key=lambda m: (-m.score, m.first, order[m.name]))
        return self.entries[best.name]


def _cache_key(lang: str, pack: LanguagePack | None) -> str:
    return f"{lang}:{id(pack) if pack is not None else 0}"


def _keys(word: str, pack: LanguagePack | None) -> tuple[str, ...]:
    low = word.strip().lower()
    if not low:
        return ()
    if pack is None:
        return (low,)
    lemma = pack.lemma(word)
    return (low,) if lemma == low else (low, lemma)


def _parse_index(data: Any, folder: Path, where: str) -> dict[str, Pictogram]:
    if isinstance(data, Mapping) and isinstance(data.get("pictograms"), Mapping):
        data = data["pictograms"]
    if not isinstance(data, Mapping):
        raise ConfigError("the pictogram index must map names to entries", where=where)
    entries: dict[str, Pictogram] = {}
    for raw_name, item in data.items():
        name = str(raw_name)
        if not isinstance(item, Mapping) or not item.get("file"):
            raise ConfigError(f"pictogram {name!r} has no `file`", where=where)
        path = (folder / str(item["file"])).resolve()
        if folder.resolve() not in path.parents:
            raise ConfigError(
                f"pictogram {name!r} points outside its folder", where=where
            )
        keywords_raw = item.get("keywords") or {}
        entries[name] = Pictogram(
            name=name,
            path=path,
            openmoji=str(item.get("openmoji", "")),
            alt={str(k): str(v) for k, v in (item.get("alt") or {}).items()},
            keywords={
                str(lang): tuple(str(w).lower() for w in words or ())
                for lang, words in keywords_raw.items()
            },
        )
    return entries


@functools.cache
def load_pictograms() -> PictogramSet:
    """The bundled pictogram set (read once per process)."""
    folder = asset(*_FOLDER)
    index_path = folder / "index.yaml"
    try:
        data = yaml.load(index_path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except FileNotFoundError:
        logger.warning(
            "no pictogram index at %s; documents get no automatic pictures", index_path
        )
        return PictogramSet(entries={})
    entries = _parse_index(data, folder, str(index_path))
    missing = [p.name for p in entries.values() if not p.path.is_file()]
    for name in missing:
        logger.warning("pictogram %r is in the index but its file is missing", name)
        del entries[name]
    attribution = ""
    attribution_path = folder / "ATTRIBUTION.txt"
    if attribution_path.is_file():
        attribution = " ".join(attribution_path.read_text(encoding="utf-8").split())
    logger.debug("loaded %d pictograms", len(entries))
    return PictogramSet(entries=entries, attribution=attribution)
