"""Date and time patterns searched from their digits find exactly what finditer finds."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.lang._base import PrefixedPattern

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("sl", "en", "de")


def _patterns(lang: str) -> list[tuple[str, PrefixedPattern]]:
    module = importlib.import_module(f"easyread.lang.{lang}")
    return [
        (name, value)
        for name, value in sorted(vars(module).items())
        if isinstance(value, PrefixedPattern)
    ]


def _spans(matches: list[re.Match[str]]) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in matches]


def _lines(lang: str) -> list[str]:
    out = []
    for folder in ("tests/corpus", "examples"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".txt") and (
                path.parent.name == lang or path.name.startswith(f"{lang}-")
            ):
                out.extend(path.read_text(encoding="utf-8").splitlines())
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_packs_use_prefixed_patterns(lang: str) -> None:
    assert len(_patterns(lang)) >= 4


@pytest.mark.parametrize("lang", LANGS)
def test_same_matches_on_the_corpus(lang: str) -> None:
    lines = _lines(lang)
    assert len(lines) > 50
    found = 0
    for _, pattern in _patterns(lang):
        for line in lines:
            expected = list(pattern.pattern.finditer(line))
            assert _spans(pattern.matches(line)) == _spans(expected), line
            found += len(expected)
    assert found > 20  # the corpus has dates and times to compare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pridite v sredo, 13. maja 2026 ob 10. uri.", ["v sredo, 13. maja 2026"]),
        ("xsredo, 13. maja in 14. junija", ["sredo, 13. maja", "14. junija"]),
        ("Telefon 02 584 12 34, 113. maja", []),  # 113 is no day
        ("v sredo,  \n 3. 5. 2026", []),  # words only: _DATE_WORDS
    ],
)
def test_sl_dates(text: str, expected: list[str]) -> None:
    sl = importlib.import_module("easyread.lang.sl")
    found = [m.group() for m in sl._DATE_WORDS.matches(text)]
    assert found == expected
    assert found == [m.group() for m in sl._DATE_WORDS_RE.finditer(text)]


_PIECES = [
    *("v ", "ob ", "od ", "do ", "on ", "the ", "am ", "den ", "um ", "at ", "-", "–"),
    *("sredo", "Sredo", "petek", "Monday", "Mon.", "Mo.", "Montag", ", ", " ", "\n"),
    *("13", "3", "2026", "10", "30", ".", ":", "/", "-", " maja", " May", " Mai"),
    *("May ", "Jan. ", "3rd", "th"),
    *(" uri", " ure", "h", " Uhr", " am", "p.m.", " o'clock", "x", "ſ", "\u212a"),
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(LANGS), st.lists(st.sampled_from(_PIECES), max_size=14))
def test_same_matches_on_generated_text(lang: str, pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, pattern in _patterns(lang):
        expected = _spans(list(pattern.pattern.finditer(text)))
        assert _spans(pattern.matches(text)) == expected, (name, text)


def test_core_without_a_digit_falls_back_to_the_regex() -> None:
    # A core that can start with a letter breaks the search's assumption;
    # the pattern is then searched as it is.
    pattern = PrefixedPattern(r"(?:on\s+)?", r"(?:May\s+)?\d+")
    text = "on May 3 and on 4"
    assert _spans(pattern.matches(text)) == _spans(list(pattern.pattern.finditer(text)))
