"""easyread: easy-read documents for people who need them.

Public API (everything else may change)::

    import easyread
    doc = easyread.load("examples/sl-vabilo-ura-branja.md")
    findings = easyread.check(doc, profile="strict")
    result = easyread.simplify(doc)           # result.document, result.edits
    pdf = easyread.render(doc, "pdf")          # bytes

The heavy parts (WeasyPrint) load only when rendering.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigError,
    DocumentError,
    EasyreadError,
    LanguageNotSupported,
    MissingDependency,
    RenderError,
    RuleDefinitionError,
)
from .model import (
    Block,
    BlockKind,
    Document,
    Edit,
    Finding,
    Location,
    Meta,
    Sentence,
    Severity,
    Span,
    Token,
)

if TYPE_CHECKING:
    from pathlib import Path

    from .lang import LanguagePack, get_pack
    from .loader import load, load_text

# The loader pulls in markdown-it and YAML; load them on first use so that
# `import easyread` (and the pytest plugin, which loads in every pytest run) stays cheap.
_LAZY = {
    "load": "loader",
    "load_text": "loader",
    "get_pack": "lang",
    "LanguagePack": "lang",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'easyread' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "Block",
    "BlockKind",
    "ConfigError",
    "Document",
    "DocumentError",
    "EasyreadError",
    "Edit",
    "Finding",
    "LanguageNotSupported",
    "LanguagePack",
    "Location",
    "Meta",
    "MissingDependency",
    "RenderError",
    "RuleDefinitionError",
    "Sentence",
    "Severity",
    "Span",
    "Token",
    "__version__",
    "check",
    "get_pack",
    "load",
    "load_text",
    "render",
    "simplify",
]


def check(
    doc: Document, profile: str | None = None, **options: Any
) -> tuple[Finding, ...]:
    """Check a document against a profile's rules and return the findings.

    :param profile: ``"strict"``, ``"plain"`` or a path to a profile YAML; by
        default the document's ``profile`` front-matter field, else ``strict``.
    :param options: ``select``/``ignore`` (rule ids or prefixes), ``settings``.
    """
    from .rules.engine import check_document

    return check_document(doc, profile, **options)  # type: ignore[no-any-return]


def simplify(doc: Document, profile: str | None = None, **options: Any) -> Any:
    """Turn a document into an easy-read draft.

    Returns a result with ``document`` (the draft), ``edits`` (every change, with
    its source span and reason), ``facts`` and ``problems`` (fact-guard findings).
    """
    from .simplify import simplify_document

    return simplify_document(doc, profile, **options)


def render(
    doc: Document, fmt: str = "html", *, out: Path | str | None = None, **options: Any
) -> bytes:
    """Render a document to ``"html"`` or ``"pdf"`` bytes (and write ``out`` if given)."""
    from .render import render_document

    return render_document(doc, fmt, out=out, **options)  # type: ignore[no-any-return]
