"""Bad rule files are errors that name the file and the line of the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread import load_text
from easyread.errors import RuleDefinitionError
from easyread.profiles import Profile
from easyread.rules import load_rules
from easyread.rules.engine import check_document
from easyread.rules.loader import load_rule_file

GOOD = """\
kind: existence
scope: sentence
words: [foo]
severity: warning
message:
  sl: "Beseda »{match}«."
  en: "Word “{match}”."
  de: "Wort „{match}“."
description: A test rule.
link: https://example.org/rule
examples:
  sl: {fail: [To je foo.], pass: [To je to.]}
  en: {fail: [This is foo.], pass: [This is it.]}
  de: {fail: [Das ist foo.], pass: [Das ist es.]}
"""


def _load(text: str, stem: str = "my-rule"):
    return load_rule_file(
        text, namespace="house", stem=stem, where="house/my-rule.yaml"
    )


def test_good_rule_loads() -> None:
    rule = _load(GOOD)
    assert rule.id == "house.my-rule"
    assert rule.params["words"] == ("foo",)
    assert rule.languages == ("sl", "en", "de")


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        (("words: [foo]", "words: [foo]\nwordz: [bar]"), "wordz:", "unknown key `wordz`"),
        (("kind: existence", "kind: existance"), "kind:", "unknown kind"),
        (("scope: sentence", "scope: chapter"), "scope:", "unknown scope"),
        (("severity: warning", "severity: fatal"), "severity:", "unknown severity"),
        (('  en: "Word “{match}”."', '  en: "Word {mtach}."'), "  en: \"Word {mtach}", "unknown field"),
        (("link: https://example.org/rule", "link: example.org"), "link:", "http(s) URL"),
        (("words: [foo]", "patterns: ['(unclosed']"), "patterns:", "bad regular expression"),
        (("  de: {fail: [Das ist foo.], pass: [Das ist es.]}\n", ""), "examples:", "no fail/pass examples for de"),
        (("  en: {fail: [This is foo.], pass: [This is it.]}", "  en: {fail: [], pass: [This is it.]}"), "  en: {fail: []", "non-empty list"),
        (("words: [foo]", "words: [foo]\nonce: maybe"), "once:", "true or false"),
        (("words: [foo]", "words: [foo]\nmin_count: 0"), "min_count:", "at least 1"),
    ],
)  # fmt: skip
def test_bad_rule_names_file_and_line(
    change: tuple[str, str], needle: str, message: str
) -> None:
    old, new = change
    assert old in GOOD
    text = GOOD.replace(old, new)
    with pytest.raises(RuleDefinitionError) as info:
        _load(text)
    err = info.value
    assert err.where == f"house/my-rule.yaml:{_line_of(text, needle)}", str(err)
    assert message in err.message, err.message
    assert "house/my-rule.yaml:" in str(err)


def test_yaml_syntax_error_names_the_line() -> None:
    text = GOOD.replace("scope: sentence", "scope: [sentence")
    with pytest.raises(RuleDefinitionError) as info:
        _load(text)
    assert info.value.where.startswith("house/my-rule.yaml:")
    assert int(info.value.where.rsplit(":", 1)[1]) >= _line_of(text, "scope:")
    assert "not valid YAML" in info.value.message


def test_duplicate_key_names_its_second_line() -> None:
    text = GOOD.replace("severity: warning", "severity: warning\nseverity: error")
    with pytest.raises(RuleDefinitionError) as info:
        _load(text)
    assert info.value.where == f"house/my-rule.yaml:{_line_of(text, 'severity: error')}"


def test_missing_key_and_bad_file_name() -> None:
    with pytest.raises(RuleDefinitionError, match="has no `link`"):
        _load(GOOD.replace("link: https://example.org/rule\n", ""))
    with pytest.raises(RuleDefinitionError, match="lower-case words"):
        _load(GOOD, stem="My_Rule")


def test_python_kind_needs_a_registered_check() -> None:
    text = GOOD.replace("kind: existence", "kind: python").replace(
        "words: [foo]", "function: easyread.rules.checks:no_such_check"
    )
    with pytest.raises(RuleDefinitionError) as info:
        _load(text)
    assert info.value.where == f"house/my-rule.yaml:{_line_of(text, 'function:')}"
    assert "not a check" in info.value.message


def test_language_pack_rule_must_not_claim_other_languages() -> None:
    text = GOOD + "languages: [sl, en]\n"
    with pytest.raises(RuleDefinitionError, match="applies to sl only"):
        load_rule_file(text, namespace="sl", stem="x", where="sl/x.yaml")


def test_user_rule_folder_loads_and_runs(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "no-foo.yaml").write_text(GOOD, encoding="utf-8")
    rules = load_rules([folder])
    assert "house.no-foo" in rules
    assert len(rules) == len(load_rules()) + 1
    doc = load_text("To je foo.", lang="sl")
    findings = check_document(doc, Profile(name="t"), rules=rules, select=["house"])
    assert [f.rule for f in findings] == ["house.no-foo"]
    assert findings[0].message == "Beseda »foo«."


def test_bad_user_rule_file_is_reported_with_its_path(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    bad = folder / "broken.yaml"
    bad.write_text(
        GOOD.replace("severity: warning", "severity: loud"), encoding="utf-8"
    )
    with pytest.raises(RuleDefinitionError) as info:
        load_rules([folder])
    assert info.value.where == f"{bad}:{_line_of(GOOD, 'severity:')}"
    assert info.value.exit_code == 2


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "core", tmp_path / "b" / "core"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    (a / "twice.yaml").write_text(GOOD, encoding="utf-8")
    (b / "twice.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleDefinitionError, match="defined twice"):
        load_rules([a, b])


def test_ruleset_lookups() -> None:
    rules = load_rules()
    assert rules.get("core.sentence-length").kind == "limit"
    with pytest.raises(KeyError, match="did you mean"):
        rules.get("core.sentence-lenght")
    sl = rules.for_language("sl")
    assert "sl.time-format" in sl and "de.compound-words" not in sl
    assert all(r.applies_to("sl") for r in sl)
    assert {r.id for r in rules.select(["de"])} == {
        r.id for r in rules if r.namespace == "de"
    }
