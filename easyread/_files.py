"""Writing output files safely: atomically, and never over a source.

Every file easyread writes (HTML, PDF, reports, drafts, baselines) goes
through :func:`write_atomic`: readers never see a half-written file, an
interrupted run leaves the old file in place, and a path that names one of the
user's sources is refused instead of overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ._log import logger
from .errors import EasyreadError

__all__ = ["same_file", "write_atomic"]


def same_file(a: Path | str, b: Path | str | None) -> bool:
    """True when ``a`` and ``b`` name the same file (links and ``..`` resolved)."""
    if b is None:
        return False
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def write_atomic(
    path: Path | str,
    data: bytes | str,
    *,
    protect: Iterable[Path | str | None] = (),
    error: type[EasyreadError] = EasyreadError,
) -> None:
    """Write ``data`` (text is written as UTF-8 with ``\\n`` line ends) to ``path``.

    The data goes to a temporary file in the same folder, which then replaces
    ``path`` in one step. The new file gets the usual permissions (0666 minus
    the umask), not mkstemp's 0600.

    :raises error: (an :class:`~easyread.errors.EasyreadError`, exit code 2)
        when ``path`` is one of the ``protect`` files, so a source is never
        overwritten.
    """
    target = Path(os.path.abspath(path))
    for source in protect:
        if source is not None and same_file(target, source):
            raise error(
                "refusing to overwrite the source document",
                where=str(path),
                hint="choose another output file or folder (-o)",
            )
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.exists() and not target.is_file():
        # /dev/null, /dev/stdout, a named pipe: write into it. Renaming a
        # temporary file over it would replace the device (as root, /dev/null
        # became a plain file).
        if target.is_dir():
            raise error(
                "the output is a folder, not a file",
                where=str(path),
                hint="give a file name, e.g. -o report.json",
            )
        with open(target, "wb") as fh:
            fh.write(payload)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    logger.info("wrote %s (%d bytes)", path, len(payload))
