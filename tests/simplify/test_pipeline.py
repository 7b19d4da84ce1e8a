"""The pipeline: registered transforms, order from the profile, edits in the source."""

from __future__ import annotations

import pytest

from easyread.errors import ConfigError
from easyread.loader import load_text
from easyread.profiles import load_profile
from easyread.simplify import simplify_document
from easyread.simplify._text import SegText
from easyread.simplify.pipeline import (
    Context,
    State,
    Transform,
    available,
    resolve_order,
    transform,
)

TEXT = """Obvestilo

Srečanje bo v četrtek, 21. 5. 2026, ob 10.00 v čitalnici (Glavni trg 2, 9240 Ljutomer). Prinesite npr. očala.
"""


def test_profiles_list_only_registered_transforms() -> None:
    known = set(available())
    for name in ("strict", "plain"):
        order = load_profile(name).transforms
        assert order, name
        assert set(order) <= known, set(order) - known
    assert "insertions" in load_profile("strict").transforms
    assert (
        "insertions" not in load_profile("plain").transforms
    )  # plain language allows brackets


def test_every_transform_follows_the_protocol() -> None:
    for name, t in available().items():
        assert isinstance(t, Transform)
        assert t.name == name
        assert t.description


def test_disable_and_only() -> None:
    order = resolve_order(
        load_profile("strict").transforms, disable=["dates", "structure"]
    )
    assert "dates" not in order and "structure" not in order and "times" in order
    assert resolve_order(
        load_profile("strict").transforms, only=["times", "dates"]
    ) == ("dates", "times")
    with pytest.raises(ConfigError, match="unknown transform"):
        resolve_order(("dates",), disable=["no-such"])


def test_disabled_transform_changes_nothing_it_owns() -> None:
    doc = load_text(TEXT, lang="sl", fmt="txt")
    result = simplify_document(doc, disable=["dates"], check_draft=False)
    assert "21. 5. 2026" in result.markdown
    assert not any(e.transform == "dates" for e in result.edits)
    full = simplify_document(doc, check_draft=False)
    assert "21. maja 2026" in full.markdown


def test_edits_point_into_the_source() -> None:
    doc = load_text(TEXT, lang="sl", fmt="txt")
    result = simplify_document(doc, check_draft=False)
    source = doc.source.text
    by_before = {e.before: e for e in result.edits}
    for before in ("npr.", "v četrtek, 21. 5. 2026", "ob 10.00", "čitalnici"):
        edit = by_before[before]
        assert source[edit.span.start : edit.span.end] == before
        assert edit.location == doc.source.location(edit.span.start)
        assert edit.reason


def test_notes_point_into_the_draft() -> None:
    text = "Naslov\n\nPo cesti se vsak dan pelje 8.000 avtomobilov, ki so zelo glasni in hitri.\n"
    result = simplify_document(load_text(text, lang="sl", fmt="txt"), check_draft=False)
    notes = [f for f in result.unresolved if f.rule == "simplify.numbers"]
    assert len(notes) == 1
    assert "8.000" in result.document.source.line_text(notes[0].location.line)


def test_third_party_transform_registers_and_runs() -> None:
    @transform
    class Shout:
        name = "test-shout"
        description = "upper-case the title (test only)"

        def run(self, state: State, ctx: Context) -> State:
            title = state.title
            assert title is not None
            return State(
                state.blocks, SegText(title.text.upper(), title.offsets), state.edits
            )

    try:
        doc = load_text(TEXT, lang="sl", fmt="txt")
        result = simplify_document(doc, transforms=["test-shout"], check_draft=False)
        assert result.document.meta.title == "OBVESTILO"
        with pytest.raises(ConfigError, match="two transforms"):
            transform(Shout)
    finally:
        from easyread.simplify import pipeline

        pipeline._REGISTRY.pop("test-shout", None)


@pytest.mark.parametrize(
    ("start", "end", "new", "text", "span"),
    [
        (0, 4, "na primer", "na primer očala", (0, 4)),
        (5, 5, "vsa ", "npr. vsa očala", (5, 5)),
        (5, 10, "", "npr. ", (5, 10)),
    ],
)
def test_segtext_replace_keeps_offsets(
    start: int, end: int, new: str, text: str, span: tuple[int, int]
) -> None:
    seg = SegText("npr. očala", tuple(range(100, 110)))
    out = seg.replace(start, end, new)
    assert out.text == text
    assert len(out.offsets) == len(out.text)
    assert seg.span(start, end).start - 100 == span[0]
    # characters that did not change keep their own offsets
    if start > 0:
        assert out.offsets[:start] == seg.offsets[:start]
