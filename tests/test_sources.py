"""Decoding: UTF-8 with/without BOM, UTF-16 with BOM, Windows-1250, binary data."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from easyread.errors import DocumentError
from easyread.sources import MAX_BYTES, decode, read_source

TEXT = "Čaj in kava v knjižnici. Šivanje, žoga."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1250"), "cp1250"),
    ],
)
def test_decodes(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00", bytes(range(256)) * 4])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(data, "x.md")


def test_undecodable_names_line_and_fix() -> None:
    data = b"vrstica ena\n" + b"\x81\x98 bad\n"
    with pytest.raises(DocumentError) as info:
        decode(data, "x.txt")
    assert "x.txt:2" in str(info.value) and "UTF-8" in str(info.value)


def test_newlines_normalised(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"a\r\nb\rc\n")
    assert read_source(p)[0] == "a\nb\nc\n"


def test_too_big_and_missing(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError, match="too big"):
        read_source(big)
    with pytest.raises(DocumentError, match="not found"):
        read_source(tmp_path / "missing.md")
    with pytest.raises(DocumentError, match="folder"):
        read_source(tmp_path)
