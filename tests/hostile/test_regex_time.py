"""Regular-expression safety: adversarial text never makes a splitter or rule slow.

Each language pack function, the loader and the full check must finish within
2 seconds on 50,000 characters built to trigger catastrophic backtracking: no
punctuation, only dots, only digits, only spaces, ``1. 1. 1.``, ``a.a.a.``,
``(((((``, and a few more. A quadratic regex takes minutes on these (the
e-mail pattern of the tokenizer took 10 s on 50,000 dots before it was fixed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from easyread.lang import get_pack
from easyread.loader import load_text

LIMIT = 2.0  # seconds
N = 50_000

ADVERSARIAL: dict[str, str] = {
    "no-punctuation": ("beseda " * N)[:N],
    "one-long-word": "a" * N,
    "dots": "." * N,
    "dots-then-letter": "." * N + "x",
    "digits": "1" * N,
    "spaces": "x" + " " * N + "y",
    "tabs-and-nbsp": "x" + "\t\u00a0" * (N // 2) + "y",
    "ordinals": "1. " * (N // 3),
    "a.a.a": "a." * (N // 2),
    "A. A. A.": "A. " * (N // 3),
    "parentheses": "(" * N,
    "exclamations": "!" * N + "a",
    "ellipses": "…" * N + "a",
    "dashes": "-" * N,
    "quotes": '"' * N,
    "digit-dot-runs": "12.5." * (N // 5),
    "digit-space-runs": "1 " * (N // 2),
    "times": "10:" * (N // 3),
    "e-mail-like": "a." * (N // 2) + "@",
    "url-like": "http://" + "." * N,
    "weekday-prepositions": "v sredo, " * (N // 9),
}

PACK_FUNCTIONS = (
    "split_sentences",
    "tokenize",
    "find_dates",
    "find_times",
    "find_number_words",
    "find_abbreviations",
)


def _timed(fn: Callable[[], Any]) -> float:
    """Seconds for ``fn``; the best of three runs when the first is over the limit
    (a busy CI machine should not fail a linear function; a quadratic one stays
    far over the limit every time)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
        if best <= LIMIT:
            break
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # Word lists and compiled patterns load once; that is not what is measured.
    for code in ("sl", "en", "de"):
        pack = get_pack(code)
        for name in PACK_FUNCTIONS:
            getattr(pack, name)("Dr. Novak pride 5. 5. 2026 ob 10. uri, pet ljudi.")


@pytest.mark.parametrize("text_name", ADVERSARIAL)
@pytest.mark.parametrize("function", PACK_FUNCTIONS)
@pytest.mark.parametrize("code", ["sl", "en", "de"])
def test_pack_function_is_fast(code: str, function: str, text_name: str) -> None:
    pack = get_pack(code)
    text = ADVERSARIAL[text_name]
    result: list[Any] = []
    seconds = _timed(lambda: result.append(getattr(pack, function)(text)))
    assert seconds < LIMIT, f"{code}.{function} took {seconds:.2f} s on {text_name}"
    # and the answer is sane: spans lie inside the text
    for item in result[0]:
        start, end = (
            (item[0], item[1]) if isinstance(item, tuple) else (item.start, item.end)
        )
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("text_name", ADVERSARIAL)
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_loader_is_fast(fmt: str, text_name: str) -> None:
    text = ADVERSARIAL[text_name] + "\n"
    outcome: list[Any] = []

    def load() -> None:
        try:
            outcome.append(load_text(text, lang="sl", fmt=fmt))
        except Exception as exc:  # a clear DocumentError is fine, see below
            outcome.append(exc)

    seconds = _timed(load)
    assert seconds < LIMIT, f"loading {text_name} as {fmt} took {seconds:.2f} s"
    from easyread.errors import DocumentError

    result = outcome[0]
    if isinstance(result, Exception):
        # only "1. 1. 1." as Markdown: 16,000 nested lists, refused with the line
        assert isinstance(result, DocumentError) and "nested" in result.message
        assert fmt == "md" and text_name == "ordinals"


CHECK_TEXTS = (
    "no-punctuation",
    "one-long-word",
    "dots",
    "digits",
    "spaces",
    "a.a.a",
    "parentheses",
    "ordinals",
    "exclamations",
)


# Known bugs in the checker (reported; strict: a fix turns these into XPASS,
# which fails the run until the mark is removed). None at the moment: "1. 1. 1."
# (16,000 dates in one sentence) was quadratic in limit.py links() and
# big-numbers, 15 s; fixed with rules/_spans.py.
_KNOWN: dict[tuple[str, str], str] = {}


def _check_params() -> list[Any]:
    return [
        pytest.param(
            code,
            name,
            id=f"{code}-{name}",
            marks=[pytest.mark.xfail(strict=True, reason=_KNOWN[(name, code)])]
            if (name, code) in _KNOWN
            else [],
        )
        for code in ("sl", "en", "de")
        for name in CHECK_TEXTS
    ]


@pytest.mark.parametrize(("code", "text_name"), _check_params())
def test_full_check_is_fast(code: str, text_name: str) -> None:
    from easyread.rules.engine import check_document

    check_document(load_text("Kava.\n", lang=code, fmt="txt"))  # warm up the rules
    doc = load_text(ADVERSARIAL[text_name] + "\n", lang=code, fmt="txt")
    findings: list[Any] = []
    seconds = _timed(lambda: findings.append(check_document(doc)))
    assert seconds < LIMIT, f"check ({code}) took {seconds:.2f} s on {text_name}"
    size = len(doc.source.text)
    for f in findings[0]:
        assert f.location.line >= 1 and f.excerpt_start <= f.excerpt_end
        assert f.excerpt_end <= len(f.excerpt) <= size


def test_text_report_excerpts_are_linear() -> None:
    """30,000 findings in one 50,000-character sentence: the text report cuts each
    excerpt to the terminal width without touching the rest (it was quadratic)."""
    from easyread.report.text import MAX_WIDTH, underline

    sentence = "[" * N
    seconds = _timed(lambda: [underline(sentence, i, i + 1) for i in range(0, N, 2)])
    assert seconds < LIMIT, f"underline took {seconds:.2f} s"
    text, marks = underline(sentence, N // 2, N // 2 + 1)
    assert len(text) <= MAX_WIDTH + 2 and text.startswith("…") and text.endswith("…")
    assert text[len(marks) - 1] == "[" and marks.strip() == "^"


def test_inline_html_is_linear_in_marks() -> None:
    """A paragraph of 20,000 pasted ``*_`` has ~13,000 marks; rendering it took 66 s."""
    from easyread.model import Mark
    from easyread.render.inline import inline_html

    text = "x" * N
    marks = [Mark("em", i, i + 2) for i in range(0, N, 3)]
    marks += [Mark("strong", 0, N), Mark("link", 10, 20, "https://example.com/")]
    seconds = _timed(lambda: inline_html(text, marks))
    assert seconds < LIMIT, f"inline_html took {seconds:.2f} s"
    html = inline_html(text, marks)
    # every emphasis is there (the link splits one into two); tags stay balanced
    assert html.count("<em>") >= len(marks) - 2 and html.startswith("<strong>")
    assert html.count("<em>") == html.count("</em>") and html.count("<a ") == 1
