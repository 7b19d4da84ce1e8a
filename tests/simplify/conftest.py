"""Fixtures of the simplifier tests.

Transform fixtures are plain text files, one per transform and language, in
``tests/simplify/fixtures/<lang>/<transform>.txt`` (the markdown-it format, so
easy-read editors can add cases without Python)::

    a title for the case
    .
    the input text (a .txt document: blank lines between paragraphs)
    .
    the expected Markdown body of the draft
    .

Cases are separated by the closing ``.`` line; blank lines between cases are
ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
CORPUS = HERE.parent / "corpus" / "announcements"


@dataclass(frozen=True)
class Case:
    """One input/expected pair of a fixture file."""

    file: str
    line: int
    title: str
    input: str
    expected: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.title}"


def parse_cases(path: Path) -> list[Case]:
    """Read the cases of one fixture file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    name = f"{path.parent.name}/{path.name}"
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start = i + 1
        title = lines[i].strip()
        if i + 1 >= len(lines) or lines[i + 1] != ".":
            raise ValueError(
                f"{name}:{i + 2}: a case title must be followed by a line with only '.'"
            )
        parts: list[list[str]] = [[], []]
        i += 2
        for part in parts:
            while i < len(lines) and lines[i] != ".":
                part.append(lines[i])
                i += 1
            if i >= len(lines):
                raise ValueError(
                    f"{name}:{start}: case {title!r} is not closed with '.'"
                )
            i += 1
        cases.append(Case(name, start, title, "\n".join(parts[0]), "\n".join(parts[1])))
    return cases


def all_cases() -> list[Case]:
    """Every case of every fixture file (for parametrisation)."""
    out: list[Case] = []
    for path in sorted(FIXTURES.glob("*/*.txt")):
        out.extend(parse_cases(path))
    return out


def draft_body(markdown: str) -> str:
    """The Markdown body of a draft (after the front matter), stripped."""
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4)
        markdown = markdown[end + 5 :]
    return markdown.strip()


@pytest.fixture
def simplify_text() -> Callable[..., object]:
    """Simplify a plain-text document: ``simplify_text(text, lang, transforms=None)``."""
    from easyread.loader import load_text
    from easyread.simplify import simplify_document

    def run(
        text: str, lang: str, transforms: Sequence[str] | None = None, **kw: object
    ) -> object:
        doc = load_text(text, lang=lang, fmt="txt")
        return simplify_document(doc, transforms=transforms, check_draft=False, **kw)  # type: ignore[arg-type]

    return run


@pytest.fixture
def corpus_docs() -> list[Path]:
    """The announcement corpus (text files with sidecar facts)."""
    return sorted(CORPUS.glob("*/*.txt"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``case`` with every fixture case and ``corpus_path`` with the corpus."""
    if "case" in metafunc.fixturenames:
        cases = all_cases()
        metafunc.parametrize("case", cases, ids=[c.id for c in cases])
    if "corpus_path" in metafunc.fixturenames:
        paths = sorted(CORPUS.glob("*/*.txt"))
        metafunc.parametrize(
            "corpus_path", paths, ids=[f"{p.parent.name}/{p.stem}" for p in paths]
        )


@pytest.fixture
def body() -> Callable[[str], str]:
    """Turn a draft into its Markdown body."""
    return draft_body
