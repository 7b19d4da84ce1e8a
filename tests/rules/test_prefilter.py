"""The regex pre-test (rules.kinds._prefilter) never skips a text a pattern matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.rules.base import LANGS, for_lang
from easyread.rules.kinds._prefilter import may_match, required_chars
from easyread.rules.loader import load_rules


def _sets(pattern: str, flags: int = 0) -> list[str]:
    return sorted(
        "".join(sorted(s)) for s in required_chars(re.compile(pattern, flags))
    )


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\d\s?%", 0, ["%"]),
        (r"[!?]{2,}", 0, ["!?"]),
        (r"\bEUR\b", 0, ["E", "R", "U"]),
        (r"(?:ab|cd)x", 0, ["ac", "x"]),  # one set per alternative, joined
        (r"a?b", 0, ["b"]),  # optional parts need nothing
        (r"(?:a|\d)b", 0, ["b"]),  # \d is a category: that branch needs nothing
        (r"[^a]b", 0, ["b"]),  # negated sets need nothing
        (r"(?<=/)x(?=%)", 0, ["x"]),  # look-arounds need nothing
        (r"\d+", 0, []),
        (r"k%", re.IGNORECASE, ["%"]),  # k also matches K and the Kelvin sign
        (r"(?i:k)/", 0, ["/"]),
        (r"(?i)x(?-i:y)", 0, ["y"]),
        (r"[a-c]-", 0, ["-", "abc"]),
        (r"[a-z]-", 0, ["-"]),  # a big range is not worth a test
        (r"(?>ab)+", 0, ["a", "b"]),
    ],
)
def test_required_chars(pattern: str, flags: int, expected: list[str]) -> None:
    assert _sets(pattern, flags) == expected


@pytest.mark.parametrize(
    ("needs_of", "text", "may"),
    [
        (r"\d\s?%", "5 %", True),
        (r"\d\s?%", "pet odstotkov", False),
        (r"(?:ab|cd)x", "cx", True),  # may match: the test is necessary, not sufficient
        (r"(?:ab|cd)x", "bd", False),
    ],
)
def test_may_match(needs_of: str, text: str, may: bool) -> None:
    assert may_match(required_chars(re.compile(needs_of)), text) is may


def _rule_patterns() -> list[re.Pattern[str]]:
    out = []
    for spec in load_rules():
        if spec.kind != "existence":
            continue
        for lang in LANGS:
            flags = (
                re.IGNORECASE if for_lang(spec.params.get("ignore_case"), lang) else 0
            )
            for pattern in for_lang(spec.params.get("patterns"), lang) or ():
                out.append(re.compile(pattern, flags))
    return out


RULE_PATTERNS = _rule_patterns()
TRICKY = [
    re.compile(p, f)
    for p, f in [
        (r"k%", re.IGNORECASE),
        (r"(?i)straße/", 0),
        (r"(?:ab|cd)x", 0),
        (r"[a-c]-", 0),
        (r"\bEUR\b", 0),
    ]
]
# Letters with tricky case folding, the characters the patterns look for, digits.
ALPHABET = st.sampled_from(
    [
        *"abcdkKsſßẞEURinx/%;!?()[]^*:_-–—…. \n\u00ad0123456789\u212a",
        *("mon", "Pon", "EUR", "in", "nen", "it is necessary", "one must"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_never_skips_a_match(text: str) -> None:
    for rx in [*RULE_PATTERNS, *TRICKY]:
        if rx.search(text):
            assert may_match(required_chars(rx), text), (rx.pattern, text)


def test_rule_patterns_found() -> None:
    # The property test above is only worth something if it sees the patterns.
    assert len(RULE_PATTERNS) >= 20
    assert sum(1 for rx in RULE_PATTERNS if required_chars(rx)) >= 15
