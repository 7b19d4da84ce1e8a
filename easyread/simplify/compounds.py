"""German compounds: a reading dot between the parts (``Straßen·sperrung``).

Leichte Sprache splits long compound nouns so readers see the parts (NLS uses
the Mediopunkt, BITV the hyphen). A noun longer than ``compound_letters``
letters is split where both parts are common words; names (street names,
towns) are never split. The other languages have no such rule: the transform
leaves them alone.
"""

from __future__ import annotations

import re

from ..lang import LanguagePack
from ._names import find_names
from ._text import SegText
from ._util import map_sentences
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Compounds", "split_compound"]

_WORD_RE = re.compile(r"(?<![\w·-])[A-ZÄÖÜ][a-zäöüß]+(?![\w·-])")
_LINKS = ("s", "n", "en", "e", "es", "er")
_STREET_RE = re.compile(r"(?:straße|strasse|weg|platz|gasse|allee|ring|damm)$")
_NOT_PARTS = frozenset({"innen", "chen", "lein", "ung", "heit", "keit"})


def _easy(pack: LanguagePack, word: str) -> bool:
    return pack.is_easy_word(word) or pack.is_easy_word(word.capitalize())


def split_compound(
    word: str, pack: LanguagePack, min_part: int = 3
) -> list[str] | None:
    """Split a compound into common words (see :func:`_split`); a feminine
    ``-innen`` ending stays on the last part (``Verkehrs·teilnehmerinnen``)."""
    parts = _split(word, pack, min_part)
    if parts is None and word.endswith("innen") and len(word) > 9:
        parts = _split(word[:-5], pack, min_part)
        if parts is not None:
            parts[-1] += "innen"
    return parts


def _split(word: str, pack: LanguagePack, min_part: int = 3) -> list[str] | None:
    """Split a compound into common words, longest right part first; None if impossible.

    ``Straßensperrung`` -> ``["Straßen", "sperrung"]``; a part may end in a
    linking element (``Bewohner-s-fonds``) that stays with the left part.
    """
    for i in range(min_part, len(word) - 3):
        left, right = word[:i], word[i:]
        if len(right) < 4 or right.lower() in _NOT_PARTS or not _easy(pack, right):
            continue
        stems = [left] + [
            left[: -len(x)]
            for x in _LINKS
            if left.lower().endswith(x) and len(left) - len(x) >= min_part
        ]
        if any(_easy(pack, st) for st in stems):
            return [left, right]
        inner = _split(left, pack, min_part)
        if inner is not None:
            return [*inner, right]
    return None


@transform
class Compounds:
    """Split long German compound nouns with a reading dot."""

    name = "compounds"
    description = (
        "German: long compound nouns split with a reading dot (Straßen·sperrung)"
    )

    def run(self, state: State, ctx: Context) -> State:
        if ctx.lang != "de":
            return state
        rec = Recorder(self.name, ctx)
        limit = int(ctx.param("compound_letters", 12))
        joiner = str(ctx.param("compound_joiner", "·"))
        # street names are split like other compounds ("Bahnhof·straße"); towns and people are not
        names = {
            h.text for h in find_names(ctx.doc) if not _STREET_RE.search(h.text.lower())
        }

        def fix(seg: SegText, block: DraftBlock) -> SegText:
            edits = []
            for m in _WORD_RE.finditer(seg.text):
                word = m.group()
                if len(word) <= limit or word in names or ctx.pack.is_easy_word(word):
                    continue
                parts = split_compound(word, ctx.pack)
                if parts is None or len(parts) < 2:
                    continue
                new = joiner.join(parts)
                edits.append(
                    (m.start(), m.end(), new, "long compound split with a reading dot")
                )
            # one pass over the sentence, not a copy per compound (quadratic)
            return rec.edit_many(seg, edits)

        return map_sentences(state, rec, fix, title=False)
