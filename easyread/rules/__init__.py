"""Rules as data: YAML files built on a small set of kinds.

* :func:`load_rules` -> :class:`RuleSet` (``.get(id)``, ``.for_language(code)``, iteration)
* :func:`check_document` runs the rules a profile switches on (lazy import of the engine)
* kinds: ``existence``, ``substitution``, ``limit``, ``metric``, ``markup``, ``python``

A rule's id comes from its path: ``easyread/rules/core/sentence-length.yaml``
is ``core.sentence-length``, ``easyread/lang/sl/rules/time-format.yaml`` is
``sl.time-format``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base import Context, Hit, RuleKind, Unit, Word, get_kind, kind
from .loader import RuleSet, load_rules, matches
from .spec import Examples, RuleSpec

if TYPE_CHECKING:
    from ..model import Document, Finding

__all__ = [
    "Context",
    "Examples",
    "Hit",
    "RuleKind",
    "RuleSet",
    "RuleSpec",
    "Unit",
    "Word",
    "check_document",
    "get_kind",
    "kind",
    "load_rules",
    "matches",
]


def check_document(
    doc: Document, profile: Any = None, **options: Any
) -> tuple[Finding, ...]:
    """See :func:`easyread.rules.engine.check_document`."""
    from .engine import check_document as run

    return run(doc, profile, **options)
