"""The browser harness finds what it should on pages made to fail (and passes a good one)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

GOOD = """<!doctype html>
<html lang="sl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vabilo</title>
<style>
html { font-size: 125%; }
body { font-family: "DejaVu Sans", sans-serif; line-height: 1.5; color: #111; background: #fff;
       margin: 0 auto; max-width: 40rem; padding: 1rem; }
{extra_css}
</style></head>
<body><main>
<h1>Vabilo na uro branja</h1>
<p>Pridite k nam v knjižnico.</p>
{extra_body}
</main></body></html>
"""


def write(tmp_path: Path, name: str, extra_css: str = "", extra_body: str = "") -> Path:
    path = tmp_path / name
    path.write_text(
        GOOD.replace("{extra_css}", extra_css).replace("{extra_body}", extra_body),
        encoding="utf-8",
    )
    return path


def test_good_page_passes_everything(browser, tmp_path):
    page = write(tmp_path, "good.html")
    axe = browser.axe(page, extra_rules=["color-contrast-enhanced"])
    assert axe.violations == ()
    assert axe.axe_version.startswith("4.")
    assert browser.reflow(page).ok
    assert browser.zoom(page).ok
    assert browser.text_spacing(page).ok


@pytest.mark.parametrize(
    ("extra_css", "extra_body", "rule"),
    [
        (
            "",
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">',
            "image-alt",
        ),
        (
            ".grey { color: #aaa }",
            '<p class="grey">Sivo besedilo.</p>',
            "color-contrast",
        ),
        ("", '<p><a href="x.html"></a></p>', "link-name"),
    ],
)
def test_axe_violations_are_reported(browser, tmp_path, extra_css, extra_body, rule):
    result = browser.axe(write(tmp_path, f"{rule}.html", extra_css, extra_body))
    assert [v.id for v in result.violations] == [rule]
    assert result.violations[0].targets


def test_enhanced_contrast_is_opt_in(browser, tmp_path):
    # #666 on white is 5.7:1: AA passes, AAA (7:1, the strict profile) does not.
    page = write(
        tmp_path, "aa.html", ".mid { color: #666 }", '<p class="mid">Srednje sivo.</p>'
    )
    assert browser.axe(page).violations == ()
    assert [
        v.id
        for v in browser.axe(page, extra_rules=["color-contrast-enhanced"]).violations
    ] == ["color-contrast-enhanced"]


def test_fixed_width_scrolls_at_320_px(browser, tmp_path):
    page = write(
        tmp_path,
        "wide.html",
        ".wide { width: 600px }",
        '<p class="wide">Široka vrstica.</p>',
    )
    result = browser.reflow(page, width=320)
    assert result.scroll_width > 320
    assert not result.ok


def test_clipped_text_is_found_at_200_percent(browser, tmp_path):
    page = write(
        tmp_path,
        "clip.html",
        ".box { width: 12rem; height: 1.6em; overflow: hidden }",
        '<div class="box">To besedilo je predolgo za svoje majhno polje in se odreže.</div>',
    )
    result = browser.zoom(page, factor=2.0)
    assert any("cut off" in p for p in result.problems)


def test_text_spacing_breaks_a_fixed_height_box(browser, tmp_path):
    # Two lines at line-height 1.2 fill the box exactly; WCAG 1.4.12 spacing needs more room.
    page = write(
        tmp_path,
        "spacing.html",
        ".box { height: 2.4em; line-height: 1.2; overflow: hidden; width: 20rem }",
        '<div class="box">Vrstica ena je kar dolga, vrstica dve je tudi tu.</div>',
    )
    assert browser.zoom(page).ok  # fine at 200 % without the spacing override
    result = browser.text_spacing(page)
    assert any("cut off" in p for p in result.problems), result
