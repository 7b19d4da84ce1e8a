"""A rule as data: what one rule YAML file declares, after validation."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Severity

__all__ = ["Examples", "RuleSpec", "placeholders"]


@dataclass(frozen=True, slots=True)
class Examples:
    """Texts that must (``fail``) and must not (``passing``) trigger the rule."""

    fail: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule. ``id`` comes from the file path (``core.sentence-length``).

    ``params`` are the kind-specific keys after the kind validated them; a
    profile may override them (and ``severity``/``enabled``) per document.
    """

    id: str
    kind: str
    scope: str
    severity: Severity
    message: Mapping[str, str]
    description: Mapping[str, str]
    link: str
    source: str = ""
    suggestion: Mapping[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)
    examples: Mapping[str, Examples] = field(default_factory=dict)
    enabled: bool = True
    path: str = ""
    line: int = 1

    @property
    def namespace(self) -> str:
        """``core``, ``sl``, ``en`` or ``de`` (the part before the first dot)."""
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The id without its namespace (``sentence-length``)."""
        return self.id.split(".", 1)[-1]

    def applies_to(self, lang: str) -> bool:
        """True when the rule checks documents in ``lang``."""
        return lang in self.languages

    def message_for(self, lang: str) -> str:
        """The message template in ``lang`` (English, then any, as fallbacks)."""
        return (
            self.message.get(lang)
            or self.message.get("en")
            or next(iter(self.message.values()), "")
        )

    def suggestion_for(self, lang: str) -> str:
        """The suggestion template in ``lang``, or ``""``."""
        return self.suggestion.get(lang) or ""

    def describe(self, lang: str = "en") -> str:
        """The description in ``lang`` (English as a fallback)."""
        return (
            self.description.get(lang)
            or self.description.get("en")
            or next(iter(self.description.values()), "")
        )

    @property
    def where(self) -> str:
        """``file:line`` of the rule's definition."""
        return f"{self.path}:{self.line}"


def placeholders(template: str) -> set[str]:
    """Named fields a ``str.format`` template uses (``{value}`` -> ``value``).

    :raises ValueError: when the template is malformed (an unmatched brace).
    """
    names: set[str] = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if not name or not name.isidentifier():
            raise ValueError(f"use named fields such as {{value}}, not {{{name}}}")
        names.add(name)
    return names
