"""The only way rendering reads a file: a URL fetcher that refuses almost everything.

Rendering never touches the network and never reads outside a short list of
allowed folders (the document's folder, the package data and, when a library
configured them, its house-template folders). Symlinks are resolved before the
check, so a link inside the document folder that points at ``/etc`` is refused.
``data:`` URLs are accepted for images and fonts only.

:func:`check_local_path` is shared with the view model, which refuses bad
picture sources before they ever reach WeasyPrint; the fetcher is the second
line of defence (for house templates and CSS).
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .._log import logger

__all__ = [
    "MAX_FILE_BYTES",
    "FetchRefused",
    "check_local_path",
    "is_inside",
    "make_fetcher",
    "media_type",
]

#: Pictures and fonts bigger than this are refused (a sign of a wrong file).
MAX_FILE_BYTES = 20 * 1024 * 1024
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_DATA_TYPES = ("image/", "font/", "application/font-", "application/x-font-")
_EXTRA_TYPES = {
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".webp": "image/webp",
    ".css": "text/css",
}


class FetchRefused(ValueError):
    """A URL or path the renderer will not read (the message says why)."""


def media_type(path: Path | str) -> str:
    """The MIME type for a file name (``image/svg+xml`` for ``.svg``)."""
    suffix = Path(path).suffix.lower()
    return (
        _EXTRA_TYPES.get(suffix)
        or mimetypes.guess_type(f"x{suffix}")[0]
        or "application/octet-stream"
    )


def is_inside(path: Path, roots: Iterable[Path]) -> bool:
    """True when ``path`` (already resolved) lies in one of the resolved ``roots``."""
    return any(path == root or root in path.parents for root in roots)


def check_local_path(path: Path, roots: Iterable[Path]) -> Path:
    """Resolve ``path`` (following symlinks) and check it is a readable file in ``roots``.

    :raises FetchRefused: when the real file is outside every root, missing,
        not a regular file or too big.
    """
    real_roots = [Path(os.path.realpath(r)) for r in roots]
    real = Path(os.path.realpath(path))
    if not is_inside(real, real_roots):
        raise FetchRefused(f"{path} is outside the document's folder")
    if not real.is_file():
        raise FetchRefused(f"{path} does not exist or is not a file")
    if real.stat().st_size > MAX_FILE_BYTES:
        raise FetchRefused(
            f"{path} is bigger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        )
    return real


def _decode_data_url(url: str) -> tuple[bytes, str]:
    head, sep, payload = url[len("data:") :].partition(",")
    if not sep:
        raise FetchRefused("a data: URL without data")
    params = head.split(";")
    mime = (params[0] or "text/plain").strip().lower()
    if not mime.startswith(_DATA_TYPES):
        raise FetchRefused(
            f"data: URLs are allowed for images and fonts only, not {mime}"
        )
    if "base64" in (p.strip().lower() for p in params[1:]):
        try:
            body = base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            raise FetchRefused("a data: URL with broken base64") from None
    else:
        body = unquote(payload).encode("utf-8")
    return body, mime


def make_fetcher(roots: Iterable[Path]) -> Any:
    """A WeasyPrint URL fetcher that reads only files inside ``roots``.

    Imported lazily because it subclasses WeasyPrint's ``URLFetcher``.
    Refusals are logged as warnings and reported to WeasyPrint as errors, so
    the picture is left out and nothing is fetched.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = tuple(Path(os.path.realpath(r)) for r in roots)

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        """Reads ``file:`` URLs inside the allowed folders and ``data:`` images."""

        roots = allowed

        def __init__(self) -> None:
            super().__init__(
                timeout=1, allowed_protocols=("file", "data"), allow_redirects=False
            )

        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                return self._fetch(url)
            except FetchRefused as exc:
                logger.warning("not loading %s: %s", _short(url), exc)
                raise

        def _fetch(self, url: str) -> Any:
            m = _SCHEME_RE.match(url)
            scheme = m.group(1).lower() if m else ""
            if scheme == "data":
                body, mime = _decode_data_url(url)
                return URLFetcherResponse(url, body, {"Content-Type": mime})
            if scheme != "file":
                raise FetchRefused(f"{scheme or 'relative'} URLs are never fetched")
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise FetchRefused("file URLs on another host are never fetched")
            path = Path(url2pathname(unquote(parts.path)))
            real = check_local_path(path, self.roots)
            body = real.read_bytes()
            return URLFetcherResponse(
                real.as_uri(), body, {"Content-Type": media_type(real)}
            )

    return SafeFetcher()


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."
