"""Safety: no network, no files outside the allowed folders, escaped HTML, a sandbox."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import easyread
from easyread.errors import RenderError
from easyread.render import render_document

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    """A document folder with one good photo, and a secret file outside it."""
    doc_dir = tmp_path / "doc"
    doc_dir.mkdir()
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    (doc_dir / "vhod.png").write_bytes(PNG)
    (doc_dir / "link.png").symlink_to(secret)
    return {"dir": doc_dir, "secret": secret, "root": tmp_path}


BAD_SOURCES = [
    ("file", "file://{secret}"),
    ("passwd", "file:///etc/passwd"),
    ("parent", "../secret.png"),
    ("absolute", "{secret}"),
    ("http", "http://example.com/a.png"),
    ("https", "https://example.com/a.png"),
    ("protocol-relative", "//example.com/a.png"),
    ("data", "data:image/png;base64,iVBORw0KGgo="),
    ("symlink", "link.png"),
]


def _doc(site: dict[str, Path], body: str) -> Path:
    path = site["dir"] / "vabilo.md"
    path.write_text(f"---\ntitle: Vabilo\nlang: sl\n---\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("label", "src"), BAD_SOURCES, ids=[b[0] for b in BAD_SOURCES])
def test_bad_picture_sources_are_never_used(
    label: str, src: str, site: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    src = src.format(secret=site["secret"])
    path = _doc(site, f"![Skrivna slika]({src}) Beremo.")
    with caplog.at_level("WARNING", logger="easyread"):
        html = render_document(easyread.load(path), "html").decode()
    images = [tag for tag in html.split("<img")[1:]]
    assert not any("Skrivna slika" in tag.split(">", 1)[0] for tag in images)
    assert (
        'src="file:' not in html and 'src="http' not in html and 'src="//' not in html
    )
    assert (
        base64.b64encode(PNG).decode() not in html
    )  # the secret's bytes were not embedded
    if label in ("file", "passwd"):
        # markdown-it does not make file: URLs into images at all: the text stays text
        assert "![Skrivna slika](" in html
    else:
        assert "Tukaj ni slike: Skrivna slika" in html
        assert "is not shown" in caplog.text


def test_a_photo_next_to_the_document_is_embedded(site: dict[str, Path]) -> None:
    path = _doc(site, "![Vhod v knjižnico](vhod.png) Vhod je ob cesti.")
    html = render_document(easyread.load(path), "html").decode()
    assert 'alt="Vhod v knjižnico"' in html
    assert "data:image/png;base64," + base64.b64encode(PNG).decode() in html


def test_raw_html_in_markdown_is_escaped(site: dict[str, Path]) -> None:
    path = _doc(
        site, '<script>alert(1)</script>\n\nText <img src=x onerror="alert(2)"> more.'
    )
    html = render_document(easyread.load(path), "html").decode()
    assert "<script" not in html
    assert "onerror" not in html.replace("onerror=&#34;alert(2)&#34;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html


def test_front_matter_text_is_escaped(site: dict[str, Path]) -> None:
    path = site["dir"] / "x.md"
    path.write_text(
        '---\ntitle: "<b>Naslov</b>"\nlang: sl\ntemplate: invitation\nplace: "<i>soba</i>"\n---\n\nBesedilo.\n',
        encoding="utf-8",
    )
    html = render_document(easyread.load(path), "html").decode()
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;Naslov&lt;/b&gt;" in html


def test_refuses_to_overwrite_the_source(site: dict[str, Path]) -> None:
    path = _doc(site, "Beremo.")
    before = path.read_bytes()
    with pytest.raises(RenderError, match="overwrite the source"):
        render_document(easyread.load(path), "html", out=path)
    assert path.read_bytes() == before


def test_atomic_write_leaves_no_temporary_files(site: dict[str, Path]) -> None:
    path = _doc(site, "Beremo.")
    out = site["root"] / "out" / "vabilo.html"
    data = render_document(easyread.load(path), "html", out=out)
    assert out.read_bytes() == data
    assert [p.name for p in out.parent.iterdir()] == ["vabilo.html"]


# ------------------------------------------------------------------ sandbox
@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ view.__class__.__init__.__globals__ }}",
        "{{ picture_src.__globals__['os'] }}",
        "{% set x = view.facts.append(1) %}",
        "{{ view.no_such_field }}",
    ],
)
def test_house_templates_run_in_a_sandbox(
    body: str, tmp_path: Path, site: dict[str, Path]
) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "announcement.html.j2").write_text(
        '{% extends "easyread/announcement.html.j2" %}{% block content %}'
        + body
        + "{% endblock %}",
        encoding="utf-8",
    )
    doc = easyread.load(_doc(site, "Beremo."))
    with pytest.raises(RenderError):
        render_document(doc, "html", templates=[folder])


def test_house_template_overrides_a_block(
    tmp_path: Path, site: dict[str, Path]
) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "announcement.html.j2").write_text(
        '{% extends "easyread/announcement.html.j2" %}'
        '{% block house_header %}<p class="house">Knjižnica {{ view.title }}</p>{% endblock %}',
        encoding="utf-8",
    )
    html = render_document(
        easyread.load(_doc(site, "Beremo.")), "html", templates=[folder]
    ).decode()
    assert '<p class="house">Knjižnica Vabilo</p>' in html
    assert "Beremo." in html  # the rest comes from the built-in template


def test_missing_template_folder_is_a_config_error(site: dict[str, Path]) -> None:
    from easyread.errors import ConfigError

    with pytest.raises(ConfigError, match="template folder not found"):
        render_document(
            easyread.load(_doc(site, "Beremo.")),
            "html",
            templates=[site["root"] / "nope"],
        )


# ------------------------------------------------------------------ fetcher
@pytest.mark.pdf
def test_fetcher_refuses_everything_outside(
    site: dict[str, Path], weasyprint_available: bool
) -> None:
    from easyread.render.fetcher import FetchRefused, make_fetcher

    fetch = make_fetcher([site["dir"]])
    ok = fetch.fetch((site["dir"] / "vhod.png").as_uri())
    assert ok.read() == PNG
    ok.close()
    assert (
        fetch.fetch("data:image/png;base64," + base64.b64encode(PNG).decode()).read()
        == PNG
    )
    for url in [
        site["secret"].as_uri(),
        (site["dir"] / "link.png").as_uri(),
        (site["dir"] / ".." / "secret.png").as_uri(),
        "file://otherhost/etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.com/x.png",
        "ftp://example.com/x.png",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:application/javascript,alert(1)",
    ]:
        with pytest.raises(FetchRefused):
            fetch.fetch(url)


@pytest.mark.pdf
def test_pdf_render_never_opens_outside_files_or_the_network(
    site: dict[str, Path], weasyprint_available: bool
) -> None:
    """Audit hooks see every open() and socket: the secret is never opened, no socket is made."""
    house = site["root"] / "house"
    house.mkdir()
    (house / "announcement.html.j2").write_text(
        '{% extends "easyread/announcement.html.j2" %}'
        "{% block extra_css %}<style>.x { background: url("
        + site["secret"].as_uri()
        + ") }"
        " .y { background: url(http://example.com/b.png) }</style>{% endblock %}"
        '{% block house_header %}<img src="' + site["secret"].as_uri() + '" alt="a">'
        '<img src="http://example.com/c.png" alt="b"><img src="../secret.png" alt="c">'
        '<p class="x y">x</p>{% endblock %}',
        encoding="utf-8",
    )
    path = _doc(
        site,
        "![Skrivnost](../secret.png) Ena.\n\n![Splet](http://example.com/a.png) Dve.\n\n"
        f"![Datoteka](file://{site['secret']}) Tri.\n\n![Povezava](link.png) Štiri.",
    )
    script = textwrap.dedent(
        """
        import sys
        secret, doc, house, out = sys.argv[1:5]
        seen = []
        def hook(event, args):
            if event == "open" and args and secret in str(args[0]):
                seen.append(("open", str(args[0])))
            elif event.startswith("socket.") or event == "urllib.Request":
                seen.append((event, str(args)[:80]))
        sys.addaudithook(hook)
        import logging
        logging.basicConfig(level=logging.WARNING)
        import easyread
        from easyread.render import render_document
        data = render_document(easyread.load(doc), "pdf", templates=[house])
        open(out, "wb").write(data)
        print(len(data), seen)
        """
    )
    out = site["root"] / "out.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(site["secret"]),
            str(path),
            str(house),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 0, done.stderr
    size, seen = done.stdout.strip().split(" ", 1)
    assert int(size) > 1000 and out.read_bytes().startswith(b"%PDF")
    assert seen == "[]", f"opened or connected: {seen}"
    assert "not loading" in done.stderr  # refusals are logged as warnings
