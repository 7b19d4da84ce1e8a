"""HTML through Jinja2: sandboxed, autoescaped, strict about undefined names.

Templates are found first in the package under the prefix ``easyread/`` (so a
house template can ``{% extends "easyread/invitation.html.j2" %}`` and change
one block), then in the library's own template folders, then in the package.
The environment is an :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`:
a house template cannot reach Python internals or change the view.

Two kinds of HTML come out of the same template:

* ``embed=True`` (the ``.html`` file): fonts and pictures are ``data:`` URLs,
  so the page works alone, offline, and never depends on the reader's fonts;
* ``embed=False`` (handed to WeasyPrint): ``file:`` URLs to the checked files,
  read by the safe fetcher.
"""

from __future__ import annotations

import base64
import functools
import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from .. import __version__
from ..errors import ConfigError, RenderError
from ._active import active_content
from ._paths import asset
from .fetcher import FetchRefused, check_local_path, media_type
from .view import Picture, Typography, View

__all__ = ["FONT_FAMILY", "environment", "render_html"]

FONT_FAMILY = '"Atkinson Hyperlegible", "DejaVu Sans"'
_FONTS = (
    ("AtkinsonHyperlegible-Regular.ttf", 400),
    ("AtkinsonHyperlegible-Bold.ttf", 700),
)


@functools.lru_cache(maxsize=16)
def environment(template_dirs: tuple[str, ...] = ()) -> ImmutableSandboxedEnvironment:
    """The Jinja2 environment for a tuple of house-template folders (cached).

    :raises ConfigError: when a template folder does not exist.
    """
    for folder in template_dirs:
        if not Path(folder).is_dir():
            raise ConfigError(
                "template folder not found",
                where=folder,
                hint="check `templates` in easyread.toml or --templates",
            )
    package = PackageLoader("easyread.render", "templates")
    loader = ChoiceLoader(
        [
            PrefixLoader({"easyread": package}),
            *(FileSystemLoader(folder) for folder in template_dirs),
            package,
        ]
    )
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


@functools.cache
def _static_css() -> str:
    return (
        resources.files(__package__)
        .joinpath("static", "easyread.css")
        .read_text(encoding="utf-8")
    )


@functools.lru_cache(maxsize=256)
def _data_url(path: str, mtime_ns: int, size: int) -> str:
    data = Path(path).read_bytes()
    return f"data:{media_type(path)};base64,{base64.b64encode(data).decode('ascii')}"


def file_data_url(path: Path) -> str:
    """A ``data:`` URL with the contents of ``path`` (cached while the file is unchanged)."""
    st = path.stat()
    return _data_url(str(path), st.st_mtime_ns, st.st_size)


def _url_maker(embed: bool) -> Callable[[Path], str]:
    return file_data_url if embed else Path.as_uri


def fonts_css(embed: bool) -> str:
    """``@font-face`` rules for the bundled complete TTF files (regular and bold)."""
    url = _url_maker(embed)
    rules = []
    for name, weight in _FONTS:
        path = asset("assets", "fonts", name)
        rules.append(
            '@font-face { font-family: "Atkinson Hyperlegible"; '
            f'src: url("{url(path)}") format("truetype"); '
            f"font-weight: {weight}; font-style: normal; }}"
        )
    return "\n".join(rules) + "\n"


def _num(value: float, unit: str) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{text}{unit}"


def profile_css(t: Typography, page_label_css: str) -> str:
    """CSS custom properties and ``@page`` rules filled from the profile.

    Print values are points and millimetres; the ``@media screen`` block
    switches to rem so that browser zoom and the reader's own text size work.
    """
    px = t.body_px / t.body_pt  # screen px per print pt, keeps proportions
    rem = 16.0
    mm_px = 96 / 25.4
    return f"""\
:root {{
  --er-body: {_num(t.body_pt, "pt")};
  --er-small: {_num(t.small_pt, "pt")};
  --er-h1: {_num(t.h1_pt, "pt")};
  --er-h2: {_num(t.h2_pt, "pt")};
  --er-h3: {_num(t.h3_pt, "pt")};
  --er-line: {_num(t.line_height, "")};
  --er-gap: {_num(t.gap_factor * t.line_height, "em")};
  --er-row-gap: {_num(t.line_height * 0.8, "em")};
  --er-pic: {_num(t.picture_mm, "mm")};
  --er-pic-title: {_num(t.title_picture_mm, "mm")};
  --er-col-gap: {_num(max(6.0, t.picture_mm / 5), "mm")};
  --er-measure: {t.measure_ch}ch;
  --er-font: {FONT_FAMILY};
}}
@media screen {{
  :root {{
    --er-body: {_num(t.body_px / rem, "rem")};
    --er-small: {_num(t.small_px / rem, "rem")};
    --er-h1: {_num(t.h1_pt * px / rem, "rem")};
    --er-h2: {_num(t.h2_pt * px / rem, "rem")};
    --er-h3: {_num(t.h3_pt * px / rem, "rem")};
    --er-pic-screen: {_num(t.picture_mm * mm_px / rem, "rem")};
    --er-pic-title-screen: {_num(t.title_picture_mm * mm_px / rem, "rem")};
    --er-col-gap-screen: {_num(max(6.0, t.picture_mm / 5) * mm_px / rem, "rem")};
  }}
}}
@page {{
  size: {t.paper} portrait;
  margin: {_num(t.margin_mm, "mm")};
  @bottom-center {{
    content: {page_label_css};
    font-family: {FONT_FAMILY};
    font-size: {_num(t.small_pt, "pt")};
    line-height: {_num(t.line_height, "")};
    color: #111111;
  }}
}}
"""


class _Assets:
    """``picture_src`` and ``template_asset`` for one render."""

    def __init__(self, embed: bool, template_dirs: Sequence[str]) -> None:
        self.url = _url_maker(embed)
        self.template_dirs = [Path(os.path.realpath(d)) for d in template_dirs]

    def picture_src(self, picture: Picture) -> str:
        if picture.path is None:
            raise RenderError(
                f"picture {picture.name!r} has no file; test `picture.missing` first"
            )
        return self.url(picture.path)

    def template_asset(self, name: str) -> str:
        """A file from a house-template folder (a logo), checked like any picture."""
        for folder in self.template_dirs:
            candidate = folder / name
            if candidate.exists():
                try:
                    return self.url(check_local_path(candidate, [folder]))
                except FetchRefused as exc:
                    raise RenderError(f"house template file refused: {exc}") from None
        raise RenderError(
            f"house template file {name!r} not found",
            hint="put it next to the house templates",
        )


def render_html(
    view: View, *, template_dirs: Sequence[str | Path] = (), embed: bool = True
) -> str:
    """Render a view with its template; returns the HTML text.

    :raises RenderError: for a missing template, a template error or a
        template that tried something the sandbox forbids.
    """
    dirs = tuple(str(Path(d)) for d in template_dirs)
    env = environment(dirs)
    name = f"{view.template}.html.j2"
    assets = _Assets(embed, dirs)
    css = Markup(
        fonts_css(embed)
        + profile_css(view.typography, view.page_label_css)
        + _static_css()
    )
    context: dict[str, Any] = {
        "view": view,
        "s": view.s,
        "css": css,
        "picture_src": assets.picture_src,
        "template_asset": assets.template_asset,
        "generator": f"easyread {__version__}",
    }
    try:
        template = env.get_template(name)
        html = template.render(context)
    except TemplateNotFound as exc:
        raise RenderError(
            f"template {exc.name!r} not found",
            where=_template_place(exc, ""),
            hint="templates: invitation, activity, announcement",
        ) from None
    except TemplateSyntaxError as exc:
        raise RenderError(
            f"template error: {exc.message}",
            where=f"{exc.filename or exc.name}:{exc.lineno}",
        ) from None
    except SecurityError as exc:
        raise RenderError(
            f"the template tried something that is not allowed: {exc}",
            where=_template_place(exc, name),
        ) from None
    except TemplateError as exc:
        raise RenderError(
            f"template error: {exc}",
            where=_template_place(exc, name),
            hint="check the names the template uses",
        ) from None
    found = active_content(html, fetches=embed)
    if found:
        raise RenderError(
            f"the page would carry {found[0]}; easyread pages have no scripts "
            "and load nothing from elsewhere",
            where=template.filename or name,
            hint="remove it from the house template (put pictures and fonts next to it)",
        )
    return html


def _template_place(exc: BaseException, default: str) -> str:
    """``file:line`` of the innermost template frame (Jinja2 puts template files in tracebacks)."""
    place = default
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return place
