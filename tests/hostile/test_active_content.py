"""The renderer's last look at a finished page (``easyread.render._active``).

A house template (or a future bug) must not put scripts, frames, event
handlers, script URLs or remote fetches into a saved page. In the HTML handed
to WeasyPrint, URLs are left to the safe fetcher, but scripts are still refused.
"""

from __future__ import annotations

import pytest

from easyread.render._active import active_content


@pytest.mark.parametrize(
    ("html", "page", "pdf"),
    [
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick= url(https://x)</p>", 0, 0),
        ('<img alt="x&#34; onerror=&#34;y" src="data:image/png;base64,AAAA">', 0, 0),
        ('<a href="https://www.knjiznica-ljutomer.si/">knjižnica</a>', 0, 0),
        ("<script>alert(1)</script>", 1, 1),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", 2, 1),
        ('<p onclick="alert(1)">x</p>', 1, 1),
        ("<svg onload=alert(1)></svg>", 1, 1),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', 1, 1),
        ("<iframe src=about:blank></iframe>", 1, 1),
        ("<object data=x.swf></object>", 1, 1),
        ('<meta http-equiv="Refresh" content="0;url=https://x">', 1, 1),
        ('<img src="https://example.com/t.gif" alt="">', 1, 0),
        ('<img src="file:///etc/passwd" alt="">', 1, 0),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', 1, 0),
        ("<style>@import 'https://evil.example/x.css';</style>", 1, 0),
        ('<style>body { background: url("//evil.example/b.png") }</style>', 1, 0),
        ('<div style="background:url(http://e.example/x)">x</div>', 1, 0),
        (
            '<style>@font-face { src: url("file:///usr/share/fonts/x.ttf") }</style>',
            1,
            0,
        ),
    ],
)
def test_active_content(html: str, page: int, pdf: int) -> None:
    assert len(active_content(html)) == page, active_content(html)
    assert len(active_content(html, fetches=False)) == pdf


def test_built_in_pages_are_clean() -> None:
    """Every built-in template renders a page without active content."""
    import easyread
    from easyread.loader import load_text

    for template in ("invitation", "activity", "announcement"):
        doc = load_text(
            f"---\nlang: sl\ntitle: Kava\ntemplate: {template}\n---\n# Kava\n\n"
            "Vabimo vas na [kavo](https://example.com/).\n\n- copate\n- pijačo\n",
            path="v.md",
        )
        html = easyread.render(doc, "html")
        text = html.decode() if isinstance(html, bytes) else html
        assert active_content(text) == []
