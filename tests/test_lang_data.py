"""Checks of the data files of the language packs (easyread/lang/<code>/data/).

These tests read the files directly; they do not import easyread code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

LANG_ROOT = Path(__file__).parents[1] / "easyread" / "lang"
LANGS = ["sl", "en", "de"]

MIN_ABBREVIATIONS = {"sl": 60, "en": 40, "de": 50}
MIN_ACRONYMS = {"sl": 25, "en": 15, "de": 15}
MIN_GLOSSARY = {"sl": 60, "en": 30, "de": 30}
MIN_IDIOMS = 15
MIN_SYNONYM_SETS = 5
MIN_EASY_WORDS = 5000

REQUIRED_WORD_KEYS = {
    "coordinating": list,
    "subordinating": list,
    "relative": list,
    "negation": list,
    "conditional": list,
    "passive_aux": list,
    "passive_participle_suffixes": list,
    "second_person_singular": list,
    "second_person_plural": list,
    "second_person_plural_cased": list,
    "impersonal": list,
    "number_words": dict,
    "ordinal_words": dict,
    "idioms": list,
    "nominal_suffixes": list,
    "synonym_sets": list,
    "weekdays": list,
    "months": list,
    "months_genitive": list,
    "foreign": list,
}

# Lists that may be empty for some languages (en has no "thou" form; only de
# has case-sensitive address forms).
MAY_BE_EMPTY = {"second_person_singular", "second_person_plural_cased"}

# Lists whose entries must be lower case (the consumer lower-cases tokens).
LOWER_CASE_LISTS = [
    "coordinating",
    "subordinating",
    "relative",
    "negation",
    "conditional",
    "passive_aux",
    "passive_participle_suffixes",
    "second_person_singular",
    "second_person_plural",
    "impersonal",
    "idioms",
    "nominal_suffixes",
    "weekdays",
    "months",
    "months_genitive",
    "foreign",
]


def data_dir(lang: str) -> Path:
    return LANG_ROOT / lang / "data"


def load_yaml(lang: str, name: str):
    path = data_dir(lang) / name
    assert path.is_file(), f"missing {path}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def easy_words(lang: str) -> list[str]:
    text = (data_dir(lang) / "easy_words.txt").read_text(encoding="utf-8")
    return [
        line for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


# --- easy_words.txt


@pytest.mark.parametrize("lang", LANGS)
def test_easy_words_count_and_shape(lang):
    words = easy_words(lang)
    assert len(words) >= MIN_EASY_WORDS
    assert len(words) == len(set(words)), "duplicate lines"
    for word in words:
        assert word == word.strip() and " " not in word, repr(word)
        assert word == word.lower(), word


@pytest.mark.parametrize("lang", LANGS)
def test_easy_words_header_names_source_and_licence(lang):
    text = (data_dir(lang) / "easy_words.txt").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "wordfreq" in header
    assert "CC BY-SA 4.0" in header
    assert "simplemma" in header


# --- abbreviations.yaml


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviations(lang):
    data = load_yaml(lang, "abbreviations.yaml")
    assert isinstance(data, dict)
    assert len(data) >= MIN_ABBREVIATIONS[lang]
    for key, value in data.items():
        assert isinstance(key, str) and key.endswith("."), key
        assert key == key.strip(), repr(key)
        assert isinstance(value, dict), key
        assert isinstance(value.get("expand"), str) and value["expand"].strip(), key
        assert set(value) <= {"expand", "title", "can_end"}, key
        for flag in ("title", "can_end"):
            if flag in value:
                assert isinstance(value[flag], bool), (key, flag)
        assert not (value.get("title") and value.get("can_end")), key


# --- acronyms.yaml


@pytest.mark.parametrize("lang", LANGS)
def test_acronyms(lang):
    data = load_yaml(lang, "acronyms.yaml")
    assert set(data) == {"known", "expand"}
    known, expand = data["known"], data["expand"]
    assert isinstance(known, list) and all(isinstance(k, str) and k for k in known)
    assert isinstance(expand, dict)
    assert len(known) + len(expand) >= MIN_ACRONYMS[lang]
    assert not set(known) & set(expand), "an acronym is both known and expanded"
    for key, value in expand.items():
        assert isinstance(key, str) and key[0].isupper(), key
        assert isinstance(value, str) and value.strip(), key
    for key in known:
        assert key.isupper(), key


# --- words.yaml


@pytest.mark.parametrize("lang", LANGS)
def test_words_required_keys(lang):
    data = load_yaml(lang, "words.yaml")
    for key, kind in REQUIRED_WORD_KEYS.items():
        assert key in data, f"{lang}: words.yaml has no {key}"
        assert isinstance(data[key], kind), f"{lang}: {key} is not a {kind.__name__}"
        if key not in MAY_BE_EMPTY:
            assert data[key], f"{lang}: {key} is empty"


@pytest.mark.parametrize("lang", LANGS)
def test_words_lists(lang):
    data = load_yaml(lang, "words.yaml")
    for key in LOWER_CASE_LISTS:
        for item in data[key]:
            assert isinstance(item, str) and item.strip(), (key, item)
            assert item == item.lower(), (key, item)
    assert len(data["idioms"]) >= MIN_IDIOMS
    assert len(data["synonym_sets"]) >= MIN_SYNONYM_SETS
    for group in data["synonym_sets"]:
        assert isinstance(group, list) and len(group) >= 2, group
    assert len(data["weekdays"]) == 7
    assert len(data["months"]) == 12
    assert len(data["months_genitive"]) == 12
    for key in ("number_words", "ordinal_words"):
        for word, value in data[key].items():
            assert isinstance(word, str) and word == word.lower(), (key, word)
            assert isinstance(value, int) and value >= 0, (key, word)
    assert set(range(1, 21)) <= set(data["number_words"].values())
    assert set(range(1, 11)) <= set(data["ordinal_words"].values())


def test_words_slovenian_specifics():
    data = load_yaml("sl", "words.yaml")
    assert data["months_genitive"][4] == "maja"
    assert data["weekdays"][0] == "ponedeljek"
    assert "bi" in data["conditional"]
    assert {"ki", "ker", "če", "da", "ko", "čeprav", "kjer", "medtem ko"} <= set(
        data["subordinating"]
    )


def test_words_german_cased_address():
    data = load_yaml("de", "words.yaml")
    assert {"Sie", "Ihnen", "Ihr", "Ihre"} <= set(data["second_person_plural_cased"])
    assert "man" in data["impersonal"]


# --- glossary.yaml


@pytest.mark.parametrize("lang", LANGS)
def test_glossary(lang):
    data = load_yaml(lang, "glossary.yaml")
    assert isinstance(data, list)
    assert len(data) >= MIN_GLOSSARY[lang]
    lemmas = []
    for entry in data:
        assert isinstance(entry, dict), entry
        assert set(entry) <= {"lemma", "replacement", "forms", "explanation", "note"}, (
            entry
        )
        lemma = entry.get("lemma")
        assert isinstance(lemma, str) and lemma.strip(), entry
        assert lemma == lemma.lower(), lemma
        lemmas.append(lemma)
        assert entry.get("replacement") or entry.get("explanation"), lemma
        for key in ("replacement", "explanation", "note"):
            if key in entry:
                assert isinstance(entry[key], str) and entry[key].strip(), (lemma, key)
        if "forms" in entry:
            assert entry.get("replacement"), f"{lemma}: forms without replacement"
            forms = entry["forms"]
            assert isinstance(forms, dict) and forms, lemma
            for form, replaced in forms.items():
                assert isinstance(form, str) and form.strip(), (lemma, form)
                assert form == form.lower(), (lemma, form)
                assert isinstance(replaced, str) and replaced.strip(), (lemma, form)
        if "explanation" in entry:
            assert entry["explanation"].rstrip().endswith((".", "!", "?")), lemma
    duplicates = {lemma for lemma in lemmas if lemmas.count(lemma) > 1}
    assert not duplicates, duplicates


def test_slovenian_glossary_has_rule_catalogue_words():
    lemmas = {entry["lemma"] for entry in load_yaml("sl", "glossary.yaml")}
    expected = {
        "prireditev",
        "udeležba",
        "brezplačen",
        "predhodna prijava",
        "lokacija",
        "prizorišče",
        "termin",
        "čitalnica",
        "večnamenski prostor",
        "literarni večer",
        "potopisno predavanje",
        "delavnica",
        "članarina",
        "izposoja",
        "gradivo",
        "zapora",
        "obvoz",
        "cepljenje",
        "napotnica",
        "obvestilo",
        "izvajalec",
        "sofinancirati",
    }
    assert expected <= lemmas, expected - lemmas


# --- licences


def test_data_licenses_file():
    text = (LANG_ROOT / "DATA-LICENSES.md").read_text(encoding="utf-8")
    assert "wordfreq by Robyn Speer" in text
    assert "CC BY-SA 4.0" in text
    assert "https://github.com/rspeer/wordfreq" in text
    assert "simplemma" in text and "MIT" in text
    for lang in LANGS:
        assert f"{lang}/data/easy_words.txt" in text
