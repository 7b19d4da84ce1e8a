"""Where the renderer's package data lives on disk.

WeasyPrint needs real files (``file://`` URLs) for fonts and pictures, so the
package folder is resolved once with :mod:`importlib.resources`. From a zip
import the files are extracted for the life of the process.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib import resources
from pathlib import Path

__all__ = ["asset", "render_root"]

_stack = contextlib.ExitStack()
atexit.register(_stack.close)


@functools.cache
def render_root() -> Path:
    """The folder of the ``easyread.render`` package (templates, static, assets)."""
    ref = resources.files(__package__)
    if isinstance(ref, Path):
        return ref.resolve()
    return Path(_stack.enter_context(resources.as_file(ref))).resolve()


def asset(*parts: str) -> Path:
    """A file under ``easyread/render/``, for example ``asset("assets", "fonts", "x.ttf")``."""
    return render_root().joinpath(*parts)
