"""Fact extraction against the hand-written sidecars of the announcement corpus.

Exact fields (the event date, phones, e-mails, URLs, people's names, and every
number the sidecar lists) must all be right for every document. Fields that
need judgement (time, end, place, address, organiser, price, what to bring)
are measured over the corpus and must reach the accuracy stated below; the
figures are printed with ``-s``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from easyread.loader import load
from easyread.simplify._find import find_facts
from easyread.simplify._names import forms_match
from easyread.simplify.facts import extract_facts

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "announcements"
DOCS = sorted(CORPUS.glob("*/*.txt"))


def _load(path: Path):  # type: ignore[no-untyped-def]
    doc = load(path, lang=path.parent.name)
    side = yaml.safe_load(path.with_suffix(".facts.yaml").read_text(encoding="utf-8"))
    return doc, side


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def _overlap(got: str, want: str) -> float:
    """Share of the expected words (by stem) that the extracted text has."""
    g = re.findall(r"[^\W_]+", got.lower())
    w = re.findall(r"[^\W_]+", want.lower())
    if not w:
        return 1.0 if not g else 0.0
    return sum(1 for x in w if any(forms_match(x, y) for y in g)) / len(w)


def test_the_corpus_is_complete() -> None:
    langs = {p.parent.name: 0 for p in DOCS}
    for p in DOCS:
        langs[p.parent.name] += 1
        assert p.with_suffix(".facts.yaml").is_file(), p
    assert langs == {"sl": 12, "en": 5, "de": 5}


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCS])
def test_exact_facts(path: Path) -> None:
    doc, side = _load(path)
    facts = extract_facts(doc)
    assert facts.date is not None and facts.date.isoformat() == str(side["date"])
    assert sorted(facts.phones) == sorted(side.get("phone") or [])
    assert sorted(facts.emails) == sorted(side.get("email") or [])
    assert sorted(facts.urls) == sorted(side.get("url") or [])
    for name in side.get("names") or []:
        parts = name.split()
        assert any(
            len(p.split()) == len(parts)
            and all(forms_match(a, b) for a, b in zip(parts, p.split(), strict=True))
            for p in facts.names
        ), (name, facts.names)


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCS])
def test_every_listed_number_is_a_fact_of_the_source(path: Path) -> None:
    doc, side = _load(path)
    hits = [
        h for b in doc.blocks for h in find_facts(" ".join(b.text.split()), doc.pack)
    ]
    parts = {p for h in hits for p in h.parts} | {
        p.lstrip("0") or "0" for h in hits for p in h.parts
    }
    times = {h.key for h in hits if h.kind == "time"}
    for number in side.get("numbers") or []:
        text = str(number)
        m = re.fullmatch(r"(\d{1,2})[.:](\d{2})", text)
        if (
            m
            and int(m.group(2)) < 60
            and f"time:{int(m.group(1)):02d}:{m.group(2)}" in times
        ):
            continue
        pieces = re.findall(r"\d+", text)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
            pieces = [text.replace(".", "")]
        elif re.fullmatch(r"\d+,\d+", text):
            pieces = [text.replace(",", ".").rstrip("0").rstrip(".")]
        assert all(p in parts or p.lstrip("0") in parts for p in pieces), (
            number,
            sorted(parts),
        )


def _field_scores() -> dict[str, list[float]]:
    scores: dict[str, list[float]] = {
        k: []
        for k in ("time", "end_time", "place", "address", "organiser", "price", "bring")
    }
    for path in DOCS:
        doc, side = _load(path)
        f = extract_facts(doc).to_dict()
        for key in ("time", "end_time"):
            scores[key].append(float(str(f[key] or "") == str(side.get(key) or "")))
        for key in ("place", "address", "organiser"):
            want = side.get(key) or ""
            scores[key].append(
                _overlap(f[key] or "", want)
                if want
                else float(not f[key] or key == "place")
            )
        want_price = _norm(side.get("price"))
        free = bool(re.search(r"brezpla|kostenlos|free", want_price))
        got_price = _norm(f["price"])
        if not want_price:
            scores["price"].append(1.0)
        elif free:
            scores["price"].append(float(got_price == "0"))
        else:
            scores["price"].append(
                float(re.sub(r"\D", "", got_price) == re.sub(r"\D", "", want_price))
            )
        want_bring = [_norm(x) for x in side.get("bring") or []]
        got_bring = [_norm(x) for x in f["bring"]]
        scores["bring"].append(float(got_bring == want_bring))
    return scores


# Measured on the 22 corpus documents when these thresholds were set; a
# regression below them fails the test.
THRESHOLDS = {
    "time": 0.90,
    "end_time": 0.90,
    "place": 0.35,  # word overlap with the sidecar; places are phrased in many ways
    "address": 0.95,
    "organiser": 0.55,
    "price": 0.95,
    "bring": 0.90,
}


def test_judgement_fields_reach_their_accuracy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = _field_scores()
    report = {k: round(sum(v) / len(v), 2) for k, v in scores.items()}
    with capsys.disabled():
        print(f"\nfact extraction accuracy over {len(DOCS)} documents: {report}")
    for key, minimum in THRESHOLDS.items():
        assert report[key] >= minimum, (key, report[key], minimum)


def test_template_follows_the_facts() -> None:
    kinds = {}
    for path in DOCS:
        doc, _ = _load(path)
        kinds[f"{path.parent.name}/{path.stem}"] = extract_facts(doc).template
    # invitations: an event with an invitation word or something to bring
    assert kinds["sl/izlet-ptuj"] == "invitation"
    assert kinds["en/library-poetry-evening"] == "invitation"
    assert kinds["de/pflegeheim-sommerfest"] == "invitation"
    # notices: no invitation
    assert kinds["de/strassensperrung-bahnhofstrasse"] == "announcement"
    assert kinds["en/council-bin-collection-changes"] == "announcement"
