"""Characters a regular expression cannot match without: a cheap test before the search.

Most rule patterns look for a rare character (``%``, ``/``, ``;``, a dash, a
soft hyphen) but the regex engine still tries the pattern at every position of
every sentence. :func:`required_chars` reads the parsed pattern once and
returns sets of characters such that every match contains at least one
character of each set; a text without one cannot match, and the search is
skipped (:func:`may_match`).

The analysis is deliberately small and conservative: it only looks at parts
every match must go through (the top-level sequence, repeats of at least one,
groups, alternatives that all need something) and only at plain characters.
Anything it does not understand (categories such as ``\\d``, negated sets,
look-arounds, back-references, letters under ``IGNORECASE``) adds no
requirement, so the answer can be "no test", never a wrong one.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["Needs", "may_match", "required_chars"]

#: One set per requirement: a match holds at least one character of each.
Needs = tuple[frozenset[str], ...]

# Sets larger than this are not worth testing character by character.
_MAX_SET = 16

# CPython's own parser of regular expressions (re._parser since 3.11); not in
# typeshed, hence the import by name.
_c: Any
_p: Any
try:
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Pythons: no pre-test
    _c = _p = None


def required_chars(pattern: re.Pattern[str]) -> Needs:
    """Sets of characters every match of ``pattern`` holds one of (``()``: no test)."""
    if _p is None or not isinstance(pattern.pattern, str):
        return ()
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        ignore_case = bool(parsed.state.flags & re.IGNORECASE)
        needs = _needs(parsed, ignore_case)
    except Exception:  # an unknown construct: no pre-test
        return ()
    # The smallest sets first: they fail fastest on texts without them.
    return tuple(sorted(set(needs), key=len))[:3]


def may_match(needs: Needs, text: str) -> bool:
    """False when ``text`` lacks every character of one of the ``needs`` sets."""
    for chars in needs:
        for ch in chars:
            if ch in text:
                break
        else:
            return False
    return True


def _needs(items: Iterable[tuple[Any, Any]], ignore_case: bool) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars = _plain((av,), ignore_case)
            if chars:
                out.append(chars)
        elif op is _c.IN:
            chars = _char_set(av, ignore_case)
            if chars:
                out.append(chars)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:  # at least one repetition: it needs what its body needs
                out.extend(_needs(sub, ignore_case))
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = ignore_case
            if add_flags & re.IGNORECASE:
                inner = True
            if del_flags & re.IGNORECASE:
                inner = False
            out.extend(_needs(sub, inner))
        elif op is _c.ATOMIC_GROUP:
            out.extend(_needs(av, ignore_case))
        elif op is _c.BRANCH:
            # A match takes one alternative: each must need something, and
            # the union of one set per alternative is needed.
            union: set[str] = set()
            for alternative in av[1]:
                found = _needs(alternative, ignore_case)
                if not found:
                    union = set()
                    break
                union |= min(found, key=len)
            if union and len(union) <= _MAX_SET:
                out.append(frozenset(union))
        # Everything else (AT, ASSERT, ASSERT_NOT, CATEGORY, NOT_LITERAL, ANY,
        # GROUPREF, GROUPREF_EXISTS ...) adds no requirement.
    return out


def _char_set(items: Iterable[tuple[Any, Any]], ignore_case: bool) -> frozenset[str]:
    """The characters of ``[...]``, or empty when it is more than plain characters."""
    codes: list[int] = []
    for op, av in items:
        if op is _c.LITERAL:
            codes.append(av)
        elif op is _c.RANGE and not ignore_case and av[1] - av[0] < _MAX_SET:
            codes.extend(range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, big ranges: not a plain set
            return frozenset()
    if len(codes) > _MAX_SET:
        return frozenset()
    return _plain(codes, ignore_case)


def _plain(codes: Iterable[int], ignore_case: bool) -> frozenset[str]:
    chars = frozenset(chr(c) for c in codes)
    # Under IGNORECASE a character may match other characters (k, K, the
    # Kelvin sign): only characters without case are safe to test for.
    if ignore_case and any(
        ch.isalpha() or not ch.lower() == ch == ch.upper() for ch in chars
    ):
        return frozenset()
    return chars
