"""Every rule's own examples, in every language it applies to, run as tests.

A ``fail`` example must produce at least one finding *from that rule*; a
``pass`` example must produce none. Rules run with their own defaults (an empty
profile), so the examples document the rule, not a profile.
"""

from __future__ import annotations

import pytest

from easyread import load_text
from easyread.profiles import Profile
from easyread.rules import load_rules
from easyread.rules.engine import check_document

RULES = load_rules()
BARE = Profile(name="examples")

CASES = [
    pytest.param(rule.id, lang, expect, text, id=f"{rule.id}-{lang}-{expect}{n}")
    for rule in RULES
    for lang, examples in rule.examples.items()
    for expect, texts in (("fail", examples.fail), ("pass", examples.passing))
    for n, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule_id", "lang", "expect", "text"), CASES)
def test_rule_example(rule_id: str, lang: str, expect: str, text: str) -> None:
    doc = load_text(text, lang=lang)
    own = [f for f in check_document(doc, BARE, select=[rule_id]) if f.rule == rule_id]
    if expect == "fail":
        assert own, f"{rule_id} ({lang}) found nothing in its fail example: {text!r}"
        for f in own:
            assert f.path == "<stdin>"
            assert f.message and "{" not in f.message, f.message
    else:
        shown = "; ".join(
            f"{f.location} {f.message} [{f.excerpt[f.excerpt_start : f.excerpt_end]}]"
            for f in own
        )
        assert not own, (
            f"{rule_id} ({lang}) reported its pass example {text!r}: {shown}"
        )


def test_examples_cover_every_rule_and_language() -> None:
    covered = {(rule_id, lang) for rule_id, lang, _, _ in (c.values for c in CASES)}
    expected = {(r.id, lang) for r in RULES for lang in r.languages}
    assert covered == expected
