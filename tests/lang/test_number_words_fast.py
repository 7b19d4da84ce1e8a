"""find_number_words looks number words up run by run; it must find what the regex finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.lang import LanguagePack, NumberMatch, get_pack

LANGS = ("sl", "en", "de")


def _by_regex(pack: LanguagePack, text: str) -> list[NumberMatch]:
    """The reference: every match of the pack's number regex, valued the same way."""
    base: object = pack
    cardinals = pack.words.number_words or {}
    ordinals = pack.words.ordinal_words or {}
    out = []
    for m in base._number_re.finditer(text):  # type: ignore[attr-defined]
        low = m.group().lower()
        if low in cardinals:
            out.append(NumberMatch(m.start(), m.end(), cardinals[low]))
        elif low in ordinals:
            out.append(NumberMatch(m.start(), m.end(), ordinals[low], ordinal=True))
        else:
            value = base._compound_number_value(low)  # type: ignore[attr-defined]
            if value is not None:
                out.append(NumberMatch(m.start(), m.end(), value))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_pack_uses_the_fast_path(lang: str) -> None:
    simple, _ = get_pack(lang)._number_runs  # type: ignore[attr-defined]
    assert simple


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("sl", "Pridite ob pet, prinesite petindvajset stolov.", [5, 25]),
        ("sl", "petindeset ni število", []),  # 'deset' is not a compound tens word
        ("en", "Twenty-One guests and seven-ish cakes", [21]),
        ("de", "Einundzwanzig Gäste, drei-fach", [21]),
    ],
)
def test_examples(lang: str, text: str, values: list[int]) -> None:
    found = get_pack(lang).find_number_words(text)
    assert [m.value for m in found] == values
    assert found == _by_regex(get_pack(lang), text)


_PIECES = [
    *("pet", "Pet", "PET", "petindvajset", "dvainštirideset", "petindeset", "prvi"),
    *("seven", "Twenty-one", "twenty-", "first", "drei", "Einundzwanzig", "erste"),
    *(" ", "-", "_", ".", ",", "x", "5", "ſ", "\u212a", "\u0130", "–", "\n", "in"),
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(LANGS), st.lists(st.sampled_from(_PIECES), max_size=12))
def test_same_as_regex(lang: str, pieces: list[str]) -> None:
    text = "".join(pieces)
    pack = get_pack(lang)
    assert pack.find_number_words(text) == _by_regex(pack, text)
