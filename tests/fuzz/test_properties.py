"""Property-based tests (Hypothesis) over loader, splitter, checker, simplifier
and HTML renderer with random and mutated documents.

Properties: no unexpected exception (only ``EasyreadError`` with the file
name, exit code 2); every span and finding lies inside the text; nothing
visible is lost by the sentence splitter, the tokenizer or the plain-text
loader; simplify never raises on a loadable document; HTML carries no active
content. Example counts are modest so the module stays well under a minute;
``benchmarks/fuzz_long.py`` runs the same properties for much longer.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_HERE = Path(__file__).parent


def _load(name: str, folder: Path) -> object:
    qualified = f"_easyread_fuzz_{folder.name}_{name}"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, folder / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]


S = _load("strategies", _HERE)
P = _load("properties", _HERE)
H = _load("harness", _HERE.parent / "hostile")

CI = settings(
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@settings(CI, max_examples=150)
@given(S.any_document)
def test_loader_accepts_or_refuses_cleanly(text: str) -> None:
    P.load_or_refuse(text)


@settings(CI, max_examples=60)
@given(st.one_of(S.plain_text, S.documents()))
def test_plain_text_loader_keeps_every_character(text: str) -> None:
    P.txt_keeps_every_character(text)


@settings(CI, max_examples=200)
@given(st.one_of(S.plain_text, S.lines()), st.sampled_from(P.LANGS))
def test_sentence_splitter_covers_the_text(text: str, lang: str) -> None:
    P.splitter_covers_text(text, lang)


@settings(CI, max_examples=150)
@given(st.one_of(S.plain_text, S.lines()), st.sampled_from(P.LANGS))
def test_tokens_and_finders_stay_inside(text: str, lang: str) -> None:
    P.tokens_are_sane(text, lang)


@settings(CI, max_examples=50)
@given(S.loadable_document)
def test_checker_findings_lie_inside_the_text(text: str) -> None:
    doc = P.valid_document(text)
    if doc is not None:
        P.check_findings_inside(doc)


@settings(CI, max_examples=30)
@given(S.loadable_document)
def test_simplify_never_raises_on_valid_input(text: str) -> None:
    doc = P.valid_document(text)
    if doc is not None:
        P.simplify_never_raises(doc)


@settings(CI, max_examples=30)
@given(S.loadable_document)
def test_html_has_no_active_content(text: str) -> None:
    doc = P.valid_document(text)
    if doc is not None:
        P.render_html_is_safe(doc, H.html_problems, H.remote_references)


@pytest.mark.parametrize("lang", P.LANGS)
def test_examples_survive_the_whole_chain(lang: str) -> None:
    """The mutation seeds themselves load, check, simplify and render."""
    seeds = [t for t in S.EXAMPLES if f"lang: {lang}" in t]
    assert seeds, f"no {lang} examples to mutate"
    for text in seeds[:2]:
        doc = P.load_or_refuse(text)
        assert doc is not None
        P.check_findings_inside(doc)
        P.simplify_never_raises(doc)
        P.render_html_is_safe(doc, H.html_problems, H.remote_references)


@pytest.mark.parametrize(
    "text",
    [
        # found by benchmarks/fuzz_long.py: "ﬁ".upper() is two letters, and the
        # sentence splitter capitalised it inside an offset-mapped text
        "---\nlang: de\n---\nvabilo vabilo ; ﬁ \nHeute basteln Sie einen Stern aus Papier.\n",
        "---\nlang: de\n---\nvabilo vabilo ; ß \nHeute basteln Sie einen Stern aus Papier.\n",
    ],
)
def test_found_by_fuzzing(text: str) -> None:
    doc = P.valid_document(text)
    assert doc is not None
    P.simplify_never_raises(doc)
