"""Reading source bytes: size limits, encodings, line ends.

Slovenian office text still arrives in Windows-1250, so that is decoded too.
Anything else (binary data, UTF-16 without a BOM) fails with a message that
says what to do.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from .errors import DocumentError

__all__ = ["MAX_BYTES", "decode", "normalise_newlines", "read_source"]

#: Inputs larger than this are refused. An announcement is a few kilobytes and
#: a long easy-read booklet about 100 kB; checking a megabyte of text already
#: takes tens of seconds, and every input must be done within a minute in CI.
MAX_BYTES = 1024 * 1024

# Bytes that never occur in text files, in any of the encodings we accept.
_BINARY_BYTES = frozenset(range(0, 9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
    127,
}
_NOT_BINARY = bytes(b for b in range(256) if b not in _BINARY_BYTES)


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF (lines and columns stay the same)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, where: str = "<input>") -> tuple[str, str]:
    """Decode source bytes and return ``(text, encoding)``.

    Accepts UTF-8 (with or without BOM), UTF-16/32 with a BOM and Windows-1250.

    :raises DocumentError: for binary data or text in another encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", where), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return _strict(data, enc, where), enc
    sample = data[:65536]
    # Counted by bytes.translate (C) rather than byte by byte in Python: this
    # ran for every file of a batch and cost ~2% of checking it.
    binary = len(sample.translate(None, _NOT_BINARY))
    if b"\x00" in sample or binary > 2:
        raise DocumentError(
            "this looks like a binary file, not text",
            where=where,
            hint="easyread reads .md and .txt files saved as UTF-8 or Windows-1250",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1250")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise DocumentError(
            f"the text is neither UTF-8 nor Windows-1250 (bad byte 0x{data[utf8_error.start]:02x})",
            where=f"{where}:{line}",
            hint="save the file as UTF-8 in your editor (File > Save as > Encoding: UTF-8)",
        ) from None
    return text, "cp1250"


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"the file says it is {encoding} but byte {exc.start} is not valid {encoding}",
            where=where,
            hint="save the file again as UTF-8",
        ) from None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def read_source(path: Path | str | None) -> tuple[str, str, Path | None]:
    """Read a file (or standard input for ``None``/``"-"``): ``(text, encoding, path)``.

    :raises DocumentError: when the file is missing, too big, binary or undecodable.
    """
    if path is None or str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        where, resolved = "<stdin>", None
    else:
        resolved = Path(path)
        where = str(resolved)
        try:
            if resolved.is_dir():
                raise DocumentError("this is a folder, not a file", where=where)
            size = resolved.stat().st_size
            if size > MAX_BYTES:
                raise DocumentError(
                    f"the file is too big ({_megabytes(size)}; the limit is "
                    f"{_megabytes(MAX_BYTES)})",
                    where=where,
                    hint="split it into smaller documents",
                )
            with resolved.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise DocumentError("file not found", where=where) from None
        except PermissionError:
            raise DocumentError(
                "no permission to read this file", where=where
            ) from None
        except OSError as exc:
            raise DocumentError(
                f"cannot read the file: {exc.strerror}", where=where
            ) from None
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"the input is too big (the limit is {_megabytes(MAX_BYTES)})",
            where=where,
            hint="split it into smaller documents",
        )
    text, encoding = decode(data, where)
    return normalise_newlines(text), encoding, resolved
