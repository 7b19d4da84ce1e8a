"""``easyread rules``: list, filter, explain."""

from __future__ import annotations

import json

import pytest

from easyread.rules import load_rules


@pytest.fixture
def ruleset():
    return load_rules()


def test_list_shows_every_rule(cli, ruleset) -> None:
    run = cli("rules", "--ui-lang", "en")
    assert run.code == 0
    listed = [line.split()[0] for line in run.out.splitlines()]
    assert listed == list(ruleset.ids)


@pytest.mark.parametrize("lang", ["sl", "en", "de"])
def test_list_filtered_by_language(cli, ruleset, lang: str) -> None:
    data = json.loads(cli("rules", "--lang", lang, "--format", "json").out)
    assert [r["id"] for r in data] == [r.id for r in ruleset if lang in r.languages]
    assert all(lang in r["languages"] for r in data)


def test_profile_switches_rules_off_and_changes_severity(
    cli, ruleset, tmp_path
) -> None:
    rule = next(iter(ruleset)).id
    other = list(ruleset.ids)[1]
    profile = tmp_path / "mine.yaml"
    profile.write_text(
        f"extends: strict\nrules:\n  {rule}: {{enabled: false}}\n  {other}: {{severity: suggestion}}\n",
        encoding="utf-8",
    )
    data = json.loads(cli("rules", "--profile", str(profile), "--format", "json").out)
    ids = [r["id"] for r in data]
    assert rule not in ids
    assert next(r for r in data if r["id"] == other)["severity"] == "suggestion"


def test_explain_shows_examples_and_source(cli, ruleset) -> None:
    spec = ruleset.get("core.sentence-length")
    run = cli("rules", "core.sentence-length", "--ui-lang", "en")
    assert run.code == 0
    assert run.out.startswith("core.sentence-length\n")
    assert "defined in: easyread/rules/core/sentence-length.yaml:1" in run.out
    assert f"source: {spec.source}" in run.out
    for lang, examples in spec.examples.items():
        assert f"examples ({lang}):" in run.out
        for text in examples.fail:
            assert f"✗ {text}" in run.out
        for text in examples.passing:
            assert f"✓ {text}" in run.out


def test_explain_in_slovenian_for_one_language(cli, ruleset) -> None:
    run = cli("rules", "core.sentence-length", "--lang", "sl")
    assert "primeri (sl):" in run.out
    assert "examples (en)" not in run.out and "primeri (en)" not in run.out
    assert ruleset.get("core.sentence-length").message["sl"] in run.out


def test_explain_json(cli) -> None:
    data = json.loads(cli("rules", "core.sentence-length", "--format", "json").out)
    assert data["id"] == "core.sentence-length"
    assert data["examples"]["sl"]["fail"] and data["examples"]["sl"]["pass"]


def test_prefix_lists_matching_rules(cli, ruleset) -> None:
    listed = [line.split()[0] for line in cli("rules", "core").out.splitlines()]
    assert listed == [r for r in ruleset.ids if r.startswith("core.")]


def test_unknown_rule_exits_2_with_a_suggestion(cli) -> None:
    run = cli("rules", "core.sentence-lenght")
    assert run.code == 2
    assert "did you mean core.sentence-length" in run.err
