"""Browser checks of rendered HTML in headless Chromium: axe-core, reflow, zoom.

Needs ``playwright`` and ``axe-playwright-python`` (the ``dev`` extra) and a
Chromium binary (Debian: ``apt-get install chromium``). No ``playwright
install`` is needed and nothing goes to the network: Chromium is started with
the flags that keep it offline.

    with Browser() as b:
        result = b.axe("out/vabilo.html")           # AxeResult(violations=...)
        b.reflow("out/vabilo.html", width=320)      # LayoutResult(scroll_width=..., problems=...)
        b.zoom("out/vabilo.html", factor=2.0)
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from ...errors import MissingDependency

__all__ = [
    "AXE_TAGS",
    "CHROMIUM_ARGS",
    "AxeResult",
    "AxeViolation",
    "Browser",
    "LayoutResult",
    "find_chromium",
]

# WCAG 2.0/2.1/2.2 level A and AA rules (colour contrast is a wcag2aa rule).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
# Without these Chromium tries to reach Google services and hangs or fails
# where the network is closed (CI runs as root, so it needs --no-sandbox too).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)

# WCAG 1.4.12 text spacing: users may set these; nothing may be cut off.
_TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Every text that is cut off, pushed out of the viewport or hidden by an
# ancestor with overflow hidden/clip. Visually hidden (screen-reader-only)
# content is skipped: it is meant to be invisible.
_VISIBILITY_JS = """
() => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  const tiny = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const r = a.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || tiny(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -1 || r.right > vw + 1) {
        out.push(`outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of ${vw} px): ${text.slice(0, 60)}`);
        break;
      }
    }
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      const clips = /(hidden|clip)/.test(s.overflowX + ' ' + s.overflowY);
      if (clips && (a.scrollWidth > a.clientWidth + 1 || a.scrollHeight > a.clientHeight + 1)) {
        out.push(`cut off by <${a.tagName.toLowerCase()}> (overflow ${s.overflowX}/${s.overflowY}): ${text.slice(0, 60)}`);
        break;
      }
    }
  }
  return out;
}
"""


def find_chromium() -> str | None:
    """The Chromium binary: ``$EASYREAD_CHROMIUM``, ``/usr/bin/chromium`` or one on PATH."""
    candidates = [os.environ.get("EASYREAD_CHROMIUM", ""), "/usr/bin/chromium"]
    candidates += [shutil.which(n) or "" for n in ("chromium", "chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class AxeViolation:
    """One failed axe-core rule with the elements it failed on."""

    id: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{self.id} ({self.impact}): {self.help} at {', '.join(self.targets[:5])}"
        )


@dataclass(frozen=True, slots=True)
class AxeResult:
    """What axe-core found on one page."""

    url: str
    violations: tuple[AxeViolation, ...]
    passes: int
    axe_version: str


@dataclass(frozen=True, slots=True)
class LayoutResult:
    """Reflow or zoom: widths in CSS px and the texts that are not fully visible."""

    viewport_width: int
    scroll_width: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """No horizontal scrolling and every text visible."""
        return self.scroll_width <= self.viewport_width and not self.problems


class Browser:
    """Headless Chromium through Playwright; use it as a context manager."""

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or find_chromium()
        self._pw: Any = None
        self._browser: Any = None

    def __enter__(self) -> Browser:
        if not self.executable:
            raise MissingDependency(
                "browser checks need Chromium, and none was found",
                hint="apt-get install chromium (or set EASYREAD_CHROMIUM to its path)",
            )
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            raise MissingDependency(
                "browser checks need playwright",
                hint='pip install "easyread[dev]" (no "playwright install" is needed)',
            ) from None
        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(
                executable_path=self.executable, args=list(CHROMIUM_ARGS)
            )
        except Exception:
            self._pw.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._pw is not None:
            self._pw.stop()

    def _page(
        self, path: str | Path, width: int, height: int, scale: float = 1.0
    ) -> Any:
        context = self._browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            java_script_enabled=True,  # axe and our measurements run as scripts
        )
        # Nothing may be loaded from the network: only file: and data: URLs.
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        page = context.new_page()
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        return page

    def axe(
        self,
        path: str | Path,
        tags: Sequence[str] = AXE_TAGS,
        *,
        extra_rules: Sequence[str] = (),
        width: int = 1280,
        height: int = 900,
    ) -> AxeResult:
        """Run axe-core with the WCAG ``tags`` (plus ``extra_rules``, e.g.
        ``color-contrast-enhanced`` for 7:1) on a page."""
        try:
            from axe_playwright_python.sync_playwright import Axe
        except ImportError:
            raise MissingDependency(
                "axe checks need axe-playwright-python",
                hint='pip install "easyread[dev]"',
            ) from None
        page = self._page(path, width, height)
        try:
            options: dict[str, Any] = {"runOnly": {"type": "tag", "values": list(tags)}}
            if extra_rules:
                options["rules"] = {rule: {"enabled": True} for rule in extra_rules}
            response = Axe().run(page, options=options).response
        finally:
            page.context.close()
        violations = tuple(
            AxeViolation(
                v["id"],
                str(v.get("impact") or ""),
                str(v.get("help") or ""),
                tuple(
                    " ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])
                ),
            )
            for v in response.get("violations", [])
        )
        return AxeResult(
            url=str(response.get("url", "")),
            violations=violations,
            passes=len(response.get("passes", [])),
            axe_version=str(response.get("testEngine", {}).get("version", "")),
        )

    def reflow(
        self, path: str | Path, width: int = 320, height: int = 640
    ) -> LayoutResult:
        """WCAG 1.4.10: at ``width`` CSS px nothing scrolls sideways or is cut off."""
        return self._layout(path, width, height)

    def zoom(
        self,
        path: str | Path,
        factor: float = 2.0,
        width: int = 1280,
        height: int = 800,
    ) -> LayoutResult:
        """WCAG 1.4.4: browser zoom to ``factor`` on a ``width`` px window.

        Zooming a 1280 px window to 200 % gives a 640 CSS px viewport at device
        scale 2, which is exactly what Chromium's page zoom does to layout.
        """
        return self._layout(path, round(width / factor), round(height / factor), factor)

    def text_spacing(
        self, path: str | Path, width: int = 1280, height: int = 800
    ) -> LayoutResult:
        """WCAG 1.4.12: with more line, letter, word and paragraph spacing no text is lost."""
        return self._layout(path, width, height, css=_TEXT_SPACING_CSS)

    def _layout(
        self,
        path: str | Path,
        width: int,
        height: int,
        scale: float = 1.0,
        css: str = "",
    ) -> LayoutResult:
        page = self._page(path, width, height, scale)
        try:
            if css:
                page.add_style_tag(content=css)
            scroll_width = int(page.evaluate("document.documentElement.scrollWidth"))
            viewport = int(page.evaluate("document.documentElement.clientWidth"))
            problems = tuple(page.evaluate(_VISIBILITY_JS))
        finally:
            page.context.close()
        return LayoutResult(viewport, scroll_width, problems)
