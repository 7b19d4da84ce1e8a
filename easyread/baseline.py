"""Baseline files: adopt the checker on old documents and fail only on new findings.

``easyread check --write-baseline .easyread-baseline.json docs/`` records every
current finding; later runs with ``--baseline .easyread-baseline.json`` (or the
config key ``baseline``) hide the findings it lists and report only new ones.

A finding is matched by **path + rule + fingerprint**, where the fingerprint is
a hash of the sentence (excerpt) and of the flagged words in it, with runs of
white space collapsed. Line numbers are not part of the match, so adding or
removing text above a finding, or re-wrapping its lines, keeps it matched;
changing the sentence itself makes it new, which is what a reviewer wants.
Counts are kept per key, so a third copy of a sentence that was listed twice
is reported.

The file (schema ``easyread.baseline/1``) is sorted JSON, so it diffs well::

    {
      "schema": "easyread.baseline/1",
      "findings": [
        {"path": "docs/vabilo.md", "rule": "core.sentence-length",
         "fingerprint": "3f1c…", "count": 1, "message": "…"}
      ]
    }

Paths are stored relative to the folder of the baseline file, with ``/``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._files import write_atomic
from .errors import ConfigError
from .model import Finding

__all__ = ["SCHEMA", "Baseline", "fingerprint", "load_baseline", "write_baseline"]

SCHEMA = "easyread.baseline/1"
_SPACE_RE = re.compile(r"\s+")

Key = tuple[str, str, str]  # (path, rule, fingerprint)


@functools.lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    # Cached: a sentence with several findings is normalised once.
    return _SPACE_RE.sub(" ", text).strip()


def fingerprint(finding: Finding) -> str:
    """A short hash of the finding's sentence and flagged words (not of its position)."""
    excerpt = finding.excerpt
    flagged = excerpt[finding.excerpt_start : finding.excerpt_end] if excerpt else ""
    data = f"{finding.rule}\0{_norm(excerpt)}\0{_norm(flagged)}"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _rel(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with ``/``; ``<stdin>`` stays as it is."""
    if path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(Path(path).resolve(), root.resolve())
    except ValueError:  # another drive on Windows
        rel = str(Path(path).resolve())
    return Path(rel).as_posix()


@dataclass(slots=True)
class Baseline:
    """The recorded findings, as a multiset of (path, rule, fingerprint)."""

    root: Path
    counts: Counter[Key] = field(default_factory=Counter)
    source: Path | None = None

    def key(self, path: str, finding: Finding) -> Key:
        """The match key of a finding in a file."""
        return (_rel(path, self.root), finding.rule, fingerprint(finding))

    def filter(
        self, path: str, findings: Iterable[Finding]
    ) -> tuple[tuple[Finding, ...], int]:
        """Split findings into new ones and the number the baseline hides.

        Findings are consumed in order, so when a key is listed ``n`` times the
        first ``n`` matching findings are hidden and later ones are new.
        """
        left: Counter[Key] = Counter()
        kept: list[Finding] = []
        hidden = 0
        for f in findings:
            key = self.key(path, f)
            if left[key] < self.counts.get(key, 0):
                left[key] += 1
                hidden += 1
            else:
                kept.append(f)
        return tuple(kept), hidden

    def __len__(self) -> int:
        return sum(self.counts.values())


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file.

    :raises ConfigError: when the file is missing, not JSON or not a baseline.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            "the baseline file does not exist",
            where=str(path),
            hint=f"create it with `easyread check --write-baseline {path} PATH...`",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"cannot read the baseline file: {exc}", where=str(path)
        ) from None
    if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
        raise ConfigError(
            f'not an easyread baseline (expected "schema": "{SCHEMA}")',
            where=str(path),
            hint="write a new one with --write-baseline",
        )
    counts: Counter[Key] = Counter()
    for i, item in enumerate(data.get("findings") or ()):
        try:
            key = (str(item["path"]), str(item["rule"]), str(item["fingerprint"]))
            counts[key] += int(item.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise ConfigError(
                f"entry {i + 1} needs path, rule and fingerprint", where=str(path)
            ) from None
    return Baseline(root=path.parent, counts=counts, source=path)


def write_baseline(path: Path, results: Iterable[tuple[str, Iterable[Finding]]]) -> int:
    """Write every finding of ``(path, findings)`` pairs to a baseline file.

    :returns: the number of findings written.
    """
    base = Baseline(root=path.parent)
    messages: dict[Key, str] = {}
    for file_path, findings in results:
        for f in findings:
            key = base.key(file_path, f)
            base.counts[key] += 1
            messages.setdefault(key, f.message)
    entries: list[dict[str, Any]] = [
        {
            "path": k[0],
            "rule": k[1],
            "fingerprint": k[2],
            "count": n,
            "message": messages[k],
        }
        for k, n in sorted(base.counts.items())
    ]
    text = json.dumps(
        {"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=2
    )
    write_atomic(path, text + "\n")
    return len(base)
