"""Render documents to large-print HTML and accessible PDF (PDF/UA-1).

::

    from easyread import load
    from easyread.render import render_document

    doc = load("examples/sl-vabilo-ura-branja.md")
    html = render_document(doc, "html")                 # bytes, a page that works alone
    pdf = render_document(doc, "pdf", out="out/vabilo.pdf")

Renderers follow the :class:`Renderer` protocol and live in a registry:
``html`` and ``pdf`` are built in, others can come from the entry-point group
``easyread.renderers``. Typography comes from the profile
(``load_profile(...).render``). WeasyPrint is imported only by the PDF
renderer, and only files in the document's folder, the package data and
configured house-template folders are ever read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from .._callable import make_callable
from .._files import write_atomic as _write_atomic
from ..errors import RenderError
from ..glossary import Glossary
from ..lang import GlossaryEntry
from ..model import Document
from ..profiles import Profile, load_profile
from ._paths import render_root
from .html import render_html
from .view import View, build_view

__all__ = [
    "RENDERERS",
    "HtmlRenderer",
    "PdfRenderer",
    "PdfRequest",
    "RenderOptions",
    "Renderer",
    "get_renderer",
    "prepare",
    "render_document",
    "render_formats",
    "write_atomic",
]

ENTRY_POINT_GROUP = "easyread.renderers"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: the profile, house templates, glossary, paper, template."""

    profile: Profile
    templates: tuple[Path, ...] = ()
    glossary: Glossary | tuple[GlossaryEntry, ...] | None = None
    paper: str = ""
    template: str = ""


@runtime_checkable
class Renderer(Protocol):
    """Turns a document into the bytes of one output format."""

    name: ClassVar[str]
    suffix: ClassVar[str]

    def render(self, doc: Document, options: RenderOptions) -> bytes:
        """Render ``doc``; raise :class:`~easyread.errors.RenderError` on failure."""
        ...


def _view(doc: Document, options: RenderOptions) -> View:
    return build_view(
        doc,
        options.profile,
        template=options.template,
        paper=options.paper,
        glossary=options.glossary,
    )


def _roots(doc: Document, options: RenderOptions) -> list[Path]:
    roots = [render_root()]
    if doc.path is not None:
        roots.append(doc.path.resolve().parent)
    roots.extend(Path(t) for t in options.templates)
    return roots


class HtmlRenderer:
    """A self-contained large-print HTML page (fonts and pictures embedded)."""

    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"

    def render(self, doc: Document, options: RenderOptions) -> bytes:
        return self.render_view(_view(doc, options), doc, options)

    def render_view(self, view: View, doc: Document, options: RenderOptions) -> bytes:
        return render_html(view, template_dirs=options.templates, embed=True).encode(
            "utf-8"
        )


@dataclass(frozen=True, slots=True)
class PdfRequest:
    """Everything WeasyPrint needs for one PDF (plain data: it can go to another process)."""

    html: str
    roots: tuple[Path, ...]
    base_url: str
    pdf_variant: str
    where: str

    def render(self) -> bytes:
        """Make the PDF (imports WeasyPrint)."""
        from .pdf import html_to_pdf

        return html_to_pdf(
            self.html,
            roots=self.roots,
            base_url=self.base_url,
            pdf_variant=self.pdf_variant,
            where=self.where,
        )


class PdfRenderer:
    """A tagged PDF/UA-1 file made by WeasyPrint from the same template."""

    name: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"

    def render(self, doc: Document, options: RenderOptions) -> bytes:
        return self.render_view(_view(doc, options), doc, options)

    def render_view(self, view: View, doc: Document, options: RenderOptions) -> bytes:
        return self.request(view, doc, options).render()

    def request(self, view: View, doc: Document, options: RenderOptions) -> PdfRequest:
        """The HTML and settings for WeasyPrint, without rendering yet."""
        html = render_html(view, template_dirs=options.templates, embed=False)
        folder = doc.path.resolve().parent if doc.path is not None else render_root()
        return PdfRequest(
            html=html,
            roots=tuple(_roots(doc, options)),
            base_url=folder.as_uri() + "/",
            pdf_variant=str(options.profile.render.get("pdf_variant") or "pdf/ua-1"),
            where=doc.source.name,
        )


RENDERERS: dict[str, Renderer] = {"html": HtmlRenderer(), "pdf": PdfRenderer()}


def get_renderer(fmt: str) -> Renderer:
    """The renderer for ``fmt`` (built-in, or from the ``easyread.renderers`` entry points).

    :raises RenderError: for an unknown format.
    """
    key = fmt.strip().lower().lstrip(".")
    renderer = RENDERERS.get(key)
    if renderer is not None:
        return renderer
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == key:
            loaded = ep.load()
            renderer = loaded() if isinstance(loaded, type) else loaded
            if not isinstance(renderer, Renderer):
                raise RenderError(
                    f"renderer {key!r} from {ep.value} does not follow the Renderer protocol"
                )
            RENDERERS[key] = renderer
            return renderer
    raise RenderError(
        f"unknown output format {fmt!r}",
        hint=f"use one of: {', '.join(sorted(RENDERERS))}",
    )


def _options(
    doc: Document,
    profile: str | Path | Profile | None,
    templates: Iterable[str | Path],
    glossary: Glossary | Iterable[GlossaryEntry] | None,
    paper: str,
    template: str,
) -> RenderOptions:
    prof = (
        profile
        if isinstance(profile, Profile)
        else load_profile(profile or doc.meta.profile or "strict")
    )
    gl = (
        glossary
        if glossary is None or isinstance(glossary, Glossary)
        else tuple(glossary)
    )
    return RenderOptions(
        profile=prof,
        templates=tuple(Path(t) for t in templates),
        glossary=gl,
        paper=paper,
        template=template,
    )


def prepare(
    doc: Document,
    *,
    profile: str | Path | Profile | None = None,
    templates: Iterable[str | Path] = (),
    glossary: Glossary | Iterable[GlossaryEntry] | None = None,
    paper: str = "",
    template: str = "",
) -> tuple[View, RenderOptions]:
    """The view model and options once, for callers that render in steps."""
    options = _options(doc, profile, templates, glossary, paper, template)
    return _view(doc, options), options


def render_formats(
    doc: Document,
    formats: Sequence[str],
    *,
    profile: str | Path | Profile | None = None,
    templates: Iterable[str | Path] = (),
    glossary: Glossary | Iterable[GlossaryEntry] | None = None,
    paper: str = "",
    template: str = "",
) -> dict[str, bytes]:
    """Render several formats from one view model; returns ``{fmt: bytes}``."""
    options = _options(doc, profile, templates, glossary, paper, template)
    renderers = [get_renderer(f) for f in formats]
    view = (
        _view(doc, options)
        if any(hasattr(r, "render_view") for r in renderers)
        else None
    )
    out: dict[str, bytes] = {}
    for renderer in renderers:
        render_view = getattr(renderer, "render_view", None)
        if render_view is not None and view is not None:
            out[renderer.name] = render_view(view, doc, options)
        else:
            out[renderer.name] = renderer.render(doc, options)
    return out


def render_document(
    doc: Document,
    fmt: str = "html",
    *,
    out: str | Path | None = None,
    profile: str | Path | Profile | None = None,
    templates: Iterable[str | Path] = (),
    glossary: Glossary | Iterable[GlossaryEntry] | None = None,
    paper: str = "",
    template: str = "",
) -> bytes:
    """Render ``doc`` to ``"html"`` or ``"pdf"`` bytes; also write ``out`` if given.

    :param profile: profile name, path or :class:`Profile`; by default the
        document's ``profile`` field, else ``strict``.
    :param templates: house-template folders that override the built-in ones.
    :param glossary: a :class:`~easyread.glossary.Glossary` or extra entries;
        hard words the text keeps are explained in a box.
    :param paper: ``A4`` or ``A5`` (default: the profile's).
    :param template: ``invitation``, ``activity`` or ``announcement`` (default:
        the document's ``template`` field).
    :raises RenderError: on template or PDF engine errors, or when ``out``
        would overwrite the source document.
    :raises MissingDependency: for PDF without WeasyPrint.
    """
    data = render_formats(
        doc,
        [fmt],
        profile=profile,
        templates=templates,
        glossary=glossary,
        paper=paper,
        template=template,
    )
    result = next(iter(data.values()))
    if out is not None:
        write_atomic(Path(out), result, protect=[doc.path] if doc.path else [])
    return result


def write_atomic(
    path: Path, data: bytes, *, protect: Iterable[Path | None] = ()
) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`easyread._files.write_atomic`).

    :raises RenderError: when ``path`` is one of the ``protect`` files (a source).
    """
    _write_atomic(path, data, protect=protect, error=RenderError)


# easyread.render(doc, "pdf") keeps working after this subpackage replaced the
# function of that name on the easyread package (see easyread/_callable.py).
make_callable(__name__, render_document)
