"""Active content that an easyread page never carries.

A page is read offline, often with assistive technology, by people who should
never meet a script or be tracked: no ``<script>``, frames or plug-ins, no
event-handler attributes, no ``javascript:`` URLs, and nothing the browser
would fetch from elsewhere (remote pictures, style sheets, ``@import``).
Document text is escaped by construction; this last look at the finished HTML
stops a house template, or a future bug, from putting such things in.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["URL_ATTRS", "active_content"]

_ACTIVE_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "form",
    }
)
#: Attributes that hold a URL (checked for script URLs here and in verify/html.py).
URL_ATTRS = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
    }
)
_FETCHED_ATTRS = frozenset({"src", "srcset", "poster", "background", "data"})
_SCRIPT_URL_RE = re.compile(
    r"^\s*(?:javascript|vbscript|livescript)\s*:", re.IGNORECASE
)
_REMOTE_URL_RE = re.compile(r"^\s*(?:(?:https?|ftp):|//)", re.IGNORECASE)
_FILE_URL_RE = re.compile(r"^\s*file:", re.IGNORECASE)
_CSS_URL_RE = re.compile(
    r"(?:url\(\s*[\"']?|@import\s+[\"'])\s*((?:https?|ftp|file):|//)", re.IGNORECASE
)


class _Scanner(HTMLParser):
    def __init__(self, fetches: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches = fetches
        self.found: list[str] = []
        self._in_style = False

    def _remote(self, url: str) -> bool:
        return self.fetches and bool(
            _REMOTE_URL_RE.match(url) or _FILE_URL_RE.match(url)
        )

    def _css(self, css: str, where: str) -> None:
        if not self.fetches:
            return
        for m in _CSS_URL_RE.finditer(css):
            self.found.append(
                f"a {m.group(1).lower().rstrip(':/') or 'remote'} URL in {where}"
            )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_TAGS:
            self.found.append(f"a <{tag}> element")
        self._in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"an event handler ({name}=) on <{tag}>")
            elif name in URL_ATTRS and _SCRIPT_URL_RE.match(value):
                self.found.append(f"a script URL in <{tag} {name}>")
            elif name in _FETCHED_ATTRS and self._remote(value):
                self.found.append(f"a remote {name} on <{tag}>")
            elif tag == "link" and name == "href" and self._remote(value):
                self.found.append("a remote <link>")
            elif tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                self.found.append("a <meta http-equiv=refresh>")
            elif name == "style":
                self._css(value, f"the style of <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data, "a <style> element")


def active_content(html: str, *, fetches: bool = True) -> list[str]:
    """What in ``html`` would run or fetch something (empty when the page is clean).

    :param fetches: also report URLs a browser would fetch by itself (remote or
        ``file:`` pictures, style sheets, ``@import``). Off for the HTML handed
        to WeasyPrint, where the safe fetcher decides about every URL.
    """
    scanner = _Scanner(fetches)
    scanner.feed(html)
    scanner.close()
    return scanner.found
