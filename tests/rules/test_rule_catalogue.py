"""The rule catalogue as a whole: size, ids, messages, examples, links, profiles."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import pytest

from easyread.profiles import load_profile
from easyread.rules import get_kind, load_rules
from easyread.rules.base import LANGS
from easyread.rules.engine import active_rules
from easyread.rules.spec import placeholders

RULES = load_rules()
IDS = [r.id for r in RULES]


def test_at_least_35_rules() -> None:
    assert len(RULES) >= 35


def test_each_language_has_at_least_35_rules() -> None:
    for lang in LANGS:
        assert len(RULES.for_language(lang)) >= 35, lang


def test_ids_are_unique_and_match_the_file_path() -> None:
    assert len(IDS) == len(set(IDS))
    for rule in RULES:
        path = Path(rule.path)
        assert rule.id == f"{rule.namespace}.{path.stem}"
        if rule.namespace == "core":
            assert path.parent.name == "core"
        else:
            assert (
                path.parent.parent.name == rule.namespace
            )  # easyread/lang/<code>/rules


def test_language_rules_apply_to_their_language_only() -> None:
    for rule in RULES:
        if rule.namespace in LANGS:
            assert rule.languages == (rule.namespace,), rule.id
        else:
            assert rule.namespace == "core"
            assert set(rule.languages) <= set(LANGS) and len(rule.languages) >= 2, (
                rule.id
            )


def test_every_kind_is_used() -> None:
    used = Counter(r.kind for r in RULES)
    for kind in ("existence", "substitution", "limit", "metric", "markup", "python"):
        assert used[kind] >= 1, kind


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_messages_in_all_three_languages(rule) -> None:
    assert set(rule.message) == set(LANGS)
    for lang, text in rule.message.items():
        assert text.strip() and text == text.strip(), (rule.id, lang)
    assert rule.describe("en")


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_examples_for_every_language_it_applies_to(rule) -> None:
    assert set(rule.examples) == set(rule.languages)
    for lang in rule.languages:
        assert rule.examples[lang].fail, (rule.id, lang)
        assert rule.examples[lang].passing, (rule.id, lang)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_link_is_a_well_formed_url(rule) -> None:
    url = urlparse(rule.link)
    assert url.scheme in ("http", "https") and "." in url.netloc, rule.link
    assert " " not in rule.link
    assert rule.source, f"{rule.id} names no source"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_placeholders_are_fields_the_rule_provides(rule) -> None:
    known = get_kind(rule.kind).fields(rule.params) | set(rule.params) | {"match"}
    for texts in (rule.message, rule.suggestion):
        for lang, template in texts.items():
            unknown = placeholders(template) - known
            assert not unknown, (rule.id, lang, unknown)


# Slovenian numbers agree with the noun (1 beseda, 2 besedi, 3 besede, 5
# besed): a number placeholder must not be followed by a counted noun.
_SL_COUNTED = re.compile(
    r"\{(value|max|min_items|count|level|expected|letters|syllables)\}\s+"
    r"(besed|povedi|vrstic|zlog|črk|stvari|odstav|naslov)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_slovenian_messages_avoid_number_agreement(rule) -> None:
    for template in (rule.message["sl"], rule.suggestion.get("sl", "")):
        assert not _SL_COUNTED.search(template), (rule.id, template)


def test_catalogue_topics_are_covered() -> None:
    # The list of topics, each with at least one rule.
    topics = [
        "core.sentence-length", "core.sentence-length-avg", "core.one-idea",
        "core.subordinate-clauses", "core.passive-voice", "core.negation",
        "core.conditional", "core.common-words", "core.long-words",
        "core.explain-hard-words", "core.abbreviations", "core.acronyms",
        "core.brackets", "core.semicolons", "core.special-characters",
        "core.numbers-as-digits", "core.big-numbers", "core.percentages",
        "core.roman-numerals", "core.date-format", "sl.time-format",
        "core.leading-zeros", "core.all-caps", "core.italics",
        "core.one-sentence-per-line", "core.paragraph-sentences",
        "core.inline-lists", "core.heading-length", "core.image-alt",
        "core.formal-address", "de.compound-words", "en.contractions",
        "sl.month-case",
    ]  # fmt: skip
    missing = [t for t in topics if t not in RULES]
    assert not missing


def test_rule_files_are_package_data() -> None:
    # The YAML folders are packages, so the wheel ships them.
    assert (
        resources.files("easyread.rules.core")
        .joinpath("sentence-length.yaml")
        .is_file()
    )
    for lang in LANGS:
        files = [
            p.name for p in resources.files(f"easyread.lang.{lang}.rules").iterdir()
        ]
        assert any(f.endswith(".yaml") for f in files), lang


@pytest.mark.parametrize("name", ["strict", "plain"])
@pytest.mark.parametrize("lang", LANGS)
def test_profiles_name_real_rules_and_valid_settings(name: str, lang: str) -> None:
    profile = load_profile(name)
    assert profile.rules, f"{name} has no rule settings"
    for key in profile.rules:
        assert key in RULES, f"{name} sets unknown rule {key}"
    active = active_rules(RULES, profile, lang)  # validates every override
    assert len(active) >= 25


def test_plain_is_looser_than_strict() -> None:
    strict, plain = load_profile("strict"), load_profile("plain")
    for rule_id in (
        "core.sentence-length",
        "core.paragraph-sentences",
        "core.paragraph-words",
    ):
        assert (
            plain.rule_settings(rule_id)["max"] > strict.rule_settings(rule_id)["max"]
        )
    assert strict.rule_settings("core.sentence-length") == {"max": 10, "error_max": 15}
    assert plain.rule_settings("core.sentence-length") == {"max": 20, "error_max": 25}
    assert strict.rule_settings("core.paragraph-words")["max"] == 40
    assert plain.rule_settings("core.paragraph-words")["max"] == 50
    assert strict.rule_settings("core.inline-lists")["min_items"] == 3
    assert plain.rule_settings("core.inline-lists")["min_items"] == 4
    off_in_plain = {r.spec.id for r in active_rules(RULES, strict, "sl")} - {
        r.spec.id for r in active_rules(RULES, plain, "sl")
    }
    assert {
        "core.one-sentence-per-line",
        "core.italics",
        "core.conditional",
    } <= off_in_plain
