"""Writing outputs: atomic, never over a source, usual permissions."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from easyread._files import same_file, write_atomic
from easyread.errors import EasyreadError, RenderError


@pytest.mark.parametrize(
    ("data", "expected"),
    [("Čaj ob 10. uri\n", "Čaj ob 10. uri\n".encode()), (b"%PDF-1.7", b"%PDF-1.7")],
)
def test_writes_text_as_utf8_and_bytes_as_they_are(
    tmp_path: Path, data: str | bytes, expected: bytes
) -> None:
    target = tmp_path / "new" / "out.txt"
    write_atomic(target, data)
    assert target.read_bytes() == expected
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_new_file_gets_the_umask_permissions_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


@pytest.mark.parametrize("error", [EasyreadError, RenderError])
def test_refuses_to_overwrite_a_source_even_through_a_link(
    tmp_path: Path, error: type[EasyreadError]
) -> None:
    source = tmp_path / "vabilo.md"
    source.write_text("# Vabilo\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(source)
    for target in (source, link, tmp_path / "x" / ".." / "vabilo.md"):
        with pytest.raises(error, match="refusing to overwrite"):
            write_atomic(target, "gone", protect=[None, source], error=error)
    assert source.read_text(encoding="utf-8") == "# Vabilo\n"


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_same_file(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_text("x", encoding="utf-8")
    assert same_file(a, tmp_path / "." / "a.md")
    assert not same_file(a, tmp_path / "b.md")
    assert not same_file(a, None)


def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    # `check -o /dev/null` as root once turned /dev/null into a plain file
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(timeout=10)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    write_atomic(os.devnull, "nothing")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EasyreadError, match="folder"):
        write_atomic(tmp_path, "x")
