"""Helpers the subcommands share: input paths, output streams, progress."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .._log import logger
from ..errors import DocumentError

__all__ = ["SOURCE_SUFFIXES", "Progress", "expand_paths"]

#: Files a folder is searched for.
SOURCE_SUFFIXES = (".md", ".markdown", ".txt")
_SKIP_DIRS = {".git", ".venv", "node_modules", "__pycache__", "out"}


def expand_paths(
    items: Iterable[str], suffixes: tuple[str, ...] = SOURCE_SUFFIXES
) -> list[Path | None]:
    """Expand files, folders and globs; ``-`` stands for standard input (``None``).

    Files named explicitly are taken whatever their suffix; folders and globs
    contribute files with one of ``suffixes``. The order is stable (sorted per
    argument) and duplicates are removed.

    :raises DocumentError: for a path that does not exist or a glob that matches nothing.
    """
    out: list[Path | None] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for item in items:
        if item == "-":
            out.append(None)
            continue
        path = Path(item)
        if path.is_dir():
            for found in _walk(path, suffixes):
                add(found)
        elif path.exists():
            add(path)
        elif glob.has_magic(item):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in suffixes]
            if not files:
                raise DocumentError("no documents match this pattern", where=item)
            for found in files:
                add(found)
        else:
            raise DocumentError("no such file or folder", where=item)
    return out


def _walk(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    # A link inside the folder to a file outside it is skipped: CI checks
    # whatever is committed, and a committed link to ~/.ssh/... must not end up
    # in the report's excerpts. (os.walk does not enter linked folders.)
    real_root = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")
        )
        for name in sorted(files):
            if Path(name).suffix.lower() in suffixes:
                path = Path(root) / name
                real = os.path.realpath(path)
                if real != real_root and not real.startswith(
                    real_root.rstrip(os.sep) + os.sep
                ):
                    logger.warning(
                        "%s: skipped: it links to a file outside %s", path, folder
                    )
                    continue
                if not os.path.isfile(real):
                    # a pipe or device would block the read or never end
                    logger.warning("%s: skipped: not a regular file", path)
                    continue
                yield path


class Progress:
    """A one-line progress bar on a terminal; silent when not a TTY."""

    def __init__(
        self,
        total: int,
        label: str,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.stream = stream or sys.stderr
        is_tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = (is_tty if enabled is None else enabled) and total > 1

    def step(self, name: str = "") -> None:
        """Count one item as done and redraw the bar."""
        self.done += 1
        if not self.enabled:
            return
        width = 24
        filled = int(width * self.done / max(self.total, 1))
        bar = "#" * filled + "-" * (width - filled)
        tail = name[-40:]
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {tail:<40}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar line."""
        if self.enabled:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
