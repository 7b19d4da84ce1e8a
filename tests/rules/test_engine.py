"""The engine: positions, excerpts, suppressions, selection, profiles and settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from easyread import load_text
from easyread.config import Settings
from easyread.errors import ConfigError
from easyread.model import Severity
from easyread.rules import load_rules
from easyread.rules.engine import EXCERPT_MAX, check_document

FRONT = "---\ntitle: Test\nlang: sl\n---\n\n"


def _doc(body: str, lang: str = "sl", path: str | None = None):
    front = FRONT.replace("lang: sl", f"lang: {lang}")
    return load_text(front + body, path=path)


def _only(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


# ------------------------------------------------------------------ positions
def test_position_after_bold_markup() -> None:
    body = "**Pozor:** Začnemo ob 10:00.\nKončamo ob **12:00**.\n"
    doc = _doc(body, path="vabilo.md")
    found = _only(check_document(doc, "strict"), "sl.time-format")
    assert len(found) == 2
    first, second = found
    line6 = doc.source.line_text(6)
    assert line6 == "**Pozor:** Začnemo ob 10:00."
    assert (first.location.line, first.location.column) == (
        6,
        line6.index("ob 10:00") + 1,
    )
    assert (first.end.line, first.end.column) == (
        6,
        line6.index("ob 10:00") + len("ob 10:00") + 1,
    )
    # The excerpt is the sentence as the reader sees it (no ** markup).
    assert first.excerpt == "Pozor: Začnemo ob 10:00."
    assert first.excerpt[first.excerpt_start : first.excerpt_end] == "ob 10:00"
    assert first.suggestion == "ob 10. uri"
    assert first.path == "vabilo.md"
    assert first.link == load_rules().get("sl.time-format").link
    # Second line of the same paragraph, time inside bold: "ob **12:00**".
    line7 = doc.source.line_text(7)
    assert second.location.line == 7
    assert second.location.column == line7.index("ob") + 1
    assert line7[second.end.column - 2] == "0"  # ends on the last digit, before "**"
    assert second.excerpt[second.excerpt_start : second.excerpt_end] == "ob 12:00"


def test_positions_in_list_item_heading_and_image() -> None:
    body = "## Kje je VDC?\n\n- Prinesite npr. očala.\n\n![](slika.png)\n"
    doc = _doc(body)
    findings = check_document(doc, "strict")
    acronym = _only(findings, "core.acronyms")[0]
    assert acronym.location.line == 6
    assert acronym.location.column == doc.source.line_text(6).index("VDC") + 1
    abbr = _only(findings, "core.abbreviations")[0]
    assert abbr.location.line == 8
    assert abbr.location.column == doc.source.line_text(8).index("npr.") + 1
    assert abbr.suggestion == "na primer"
    image = _only(findings, "core.image-alt")[0]
    assert (image.location.line, image.location.column) == (10, 1)
    assert image.excerpt == "![](slika.png)"


def test_document_and_block_findings_have_sensible_anchors() -> None:
    long = "Beseda " + " ".join(["beseda"] * 13) + "."
    body = "\n".join([long] * 4) + "\n"
    doc = _doc(body)
    findings = check_document(doc, "strict")
    avg = _only(findings, "core.sentence-length-avg")[0]
    assert avg.location.line == 6 and avg.excerpt == ""
    para = _only(findings, "core.paragraph-sentences")[0]
    assert para.location.line == 6
    assert para.end.line == 9
    assert para.excerpt == long and para.excerpt_start == 0


def test_long_sentence_excerpt_is_cut_around_the_problem() -> None:
    """A sentence longer than EXCERPT_MAX: each finding gets a window of it
    (it carried the whole sentence: 838 MB of JSON for 50,000 dots)."""
    words = [f"beseda{i}" for i in range(300)]
    words[150] = "ANTIKVARIAT"  # all caps, in the middle
    sentence = " ".join(words) + "."
    assert len(sentence) > EXCERPT_MAX
    findings = check_document(_doc(sentence + "\n"), "strict")
    caps = _only(findings, "core.all-caps")[0]
    assert len(caps.excerpt) <= EXCERPT_MAX + 2
    assert caps.excerpt.startswith("…") and caps.excerpt.endswith("…")
    assert caps.excerpt[caps.excerpt_start : caps.excerpt_end] == "ANTIKVARIAT"
    # cut between words, and what is shown is the sentence's own text
    assert caps.excerpt[1:].split(" ")[0] in words
    assert caps.excerpt[1:-1] in sentence
    # a problem longer than the window is marked up to the cut
    long = _only(findings, "core.sentence-length")[0]
    assert long.excerpt_start == 0 and not long.excerpt.startswith("…")
    assert long.excerpt_end == len(long.excerpt) - 1 and long.excerpt.endswith("…")
    assert sentence.startswith(long.excerpt[:-1])


@pytest.mark.parametrize("size", [10, 499, 500])
def test_sentence_up_to_excerpt_max_is_the_whole_excerpt(size: int) -> None:
    from easyread.rules.engine import _window

    text = ("abc " * size)[:size]
    assert _window(text, 3, 5) == (text, 3, 5)


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, 0), (0, 3), (250, 260), (4000, 4003), (4995, 5000), (5000, 5000), (10, 4000)],
)
def test_window_keeps_the_range_on_the_same_characters(start: int, end: int) -> None:
    from easyread.rules.engine import _window

    text = " ".join(f"w{i}" for i in range(2000))[:5000]  # no piece repeats
    excerpt, a, b = _window(text, start, end)
    assert len(excerpt) <= EXCERPT_MAX + 2 and 0 <= a <= b <= len(excerpt)
    cut_left, cut_right = excerpt.startswith("…"), excerpt.endswith("…")
    shown = excerpt[int(cut_left) : len(excerpt) - int(cut_right)]
    offset = text.index(shown)
    assert cut_left == (offset > 0) and cut_right == (offset + len(shown) < len(text))
    assert a - int(cut_left) + offset == start  # same first character
    assert excerpt[a:b] == text[start : min(end, offset + len(shown))]


def test_findings_are_sorted_and_unique() -> None:
    text = (
        Path(__file__).resolve().parents[1]
        / "corpus"
        / "pairs"
        / "sl"
        / "bralna-ura.standard.md"
    )
    doc = load_text(text.read_text(encoding="utf-8"), path=text)
    findings = check_document(doc, "strict")
    keys = [(f.location, f.end, f.rule) for f in findings]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    assert len({f.rule for f in findings}) >= 10


# ---------------------------------------------------------------- suppressions
SUPPRESS = """\
Začnemo ob 10:00.

<!-- easyread-disable sl.time-format -->

Začnemo ob 11:00.

<!-- easyread-enable sl.time-format -->

Začnemo ob 12:00.
"""


def _time_lines(body: str, **kw) -> list[int]:
    doc = _doc(body)
    return [
        f.location.line
        for f in _only(check_document(doc, "strict", **kw), "sl.time-format")
    ]


def test_disable_and_enable() -> None:
    assert _time_lines(SUPPRESS) == [6, 14]


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- easyread-disable-next-line sl.time-format -->",
        "<!-- easyread-disable-next-line core.sentence-length, sl.time-format -->",
        "<!-- easyread-disable-next-line core.sentence-length sl.time-format -->",
        "<!-- easyread-disable-next-line sl -->",
        "<!-- easyread-disable-next-line time-format -->",
        "<!-- easyread-disable-next-line -->",
    ],
)
def test_disable_next_line(directive: str) -> None:
    body = f"Začnemo ob 10:00.\n\n{directive}\nZačnemo ob 11:00.\n\nZačnemo ob 12:00.\n"
    assert _time_lines(body) == [6, 11]


def test_disable_other_rule_or_prefix_keeps_this_one() -> None:
    body = "<!-- easyread-disable-next-line core -->\nZačnemo ob 10:00.\n"
    doc = _doc(body)
    findings = check_document(doc, "strict")
    assert [f.rule for f in findings if f.location.line == 7] == ["sl.time-format"]


def test_disable_everything_then_enable_one() -> None:
    body = (
        "<!-- easyread-disable -->\n\nZačnemo ob 10:00 v VDC.\n\n"
        "<!-- easyread-enable core.acronyms -->\n\nZačnemo ob 11:00 v CUDV.\n"
    )
    doc = _doc(body)
    rules = sorted({(f.location.line, f.rule) for f in check_document(doc, "strict")})
    assert rules == [(12, "core.acronyms")]


# -------------------------------------------------------------- select/ignore
def test_select_and_ignore() -> None:
    body = "Prinesite npr. očala ob 10:00 v VDC.\n"
    doc = _doc(body)
    everything = {f.rule for f in check_document(doc, "strict")}
    assert {"sl.time-format", "core.abbreviations", "core.acronyms"} <= everything
    assert {f.rule for f in check_document(doc, "strict", select=["sl"])} == {
        "sl.time-format"
    }
    assert {
        f.rule for f in check_document(doc, "strict", select=["core.acronyms"])
    } == {"core.acronyms"}
    ignored = {f.rule for f in check_document(doc, "strict", ignore=["core"])}
    assert ignored == {"sl.time-format"}
    by_name = {
        f.rule
        for f in check_document(doc, "strict", ignore=["time-format", "abbreviations"])
    }
    assert "sl.time-format" not in by_name and "core.abbreviations" not in by_name
    assert "core.acronyms" in by_name


def test_select_by_exact_id_turns_on_a_rule_the_profile_switched_off() -> None:
    doc = _doc("Pridite *pravočasno*.\n")
    assert not _only(check_document(doc, "plain"), "core.italics")
    assert _only(check_document(doc, "plain", select=["core.italics"]), "core.italics")
    # A prefix only filters; it does not switch rules on.
    assert not _only(check_document(doc, "plain", select=["core"]), "core.italics")


# ------------------------------------------------------------------ profiles
TWELVE_WORDS = "Vabimo vas na uro branja s čajem v sredo v naši knjižnici.\n"  # > 10 (strict), <= 12 (house)
FIFTEEN_WORDS = (  # > 12, <= 15 (strict: warning)
    "Vabimo vas na uro branja s čajem in pecivom v sredo v naši veliki knjižnici.\n"
)


def _sentence_length(body: str, profile, **kw):
    doc = _doc(body)
    return _only(check_document(doc, profile, **kw), "core.sentence-length")


def test_user_profile_overrides_threshold_and_severity(tmp_path: Path) -> None:
    user = tmp_path / "house.yaml"
    user.write_text(
        "extends: strict\nrules:\n  core.sentence-length: {max: 12, severity: error}\n",
        encoding="utf-8",
    )
    assert (
        len(_only(check_document(_doc(TWELVE_WORDS), "strict"), "core.sentence-length"))
        == 1
    )
    assert _sentence_length(TWELVE_WORDS, user) == []
    strict = _sentence_length(FIFTEEN_WORDS, "strict")
    assert [f.severity for f in strict] == [Severity.WARNING]
    mine = _sentence_length(FIFTEEN_WORDS, user)
    assert [f.severity for f in mine] == [Severity.ERROR]
    assert "12" in mine[0].message
    # Everything else is inherited from strict.
    assert _only(check_document(_doc("Začnemo ob 10:00.\n"), user), "sl.time-format")


def test_profile_errors_name_the_file(tmp_path: Path) -> None:
    typo = tmp_path / "typo.yaml"
    typo.write_text(
        "extends: strict\nrules:\n  core.sentense-length: {max: 12}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as info:
        check_document(_doc(TWELVE_WORDS), typo)
    assert info.value.where == str(typo)
    assert "core.sentence-length" in info.value.hint
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  core.sentence-length: {max: many}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="`max` must be a number") as info:
        check_document(_doc(TWELVE_WORDS), bad)
    assert info.value.where == str(bad)
    worse = tmp_path / "worse.yaml"
    worse.write_text(
        "rules:\n  core.sentence-length: {severity: loud}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="unknown severity"):
        check_document(_doc(TWELVE_WORDS), worse)


def test_settings_rules_override_the_profile(tmp_path: Path) -> None:
    settings = Settings(
        rules={"core.sentence-length": {"max": 30}},
        config_path=tmp_path / "easyread.toml",
    )
    assert _sentence_length(FIFTEEN_WORDS, "strict", settings=settings) == []
    settings = Settings(ignore=("core.sentence-length",))
    assert _sentence_length(FIFTEEN_WORDS, "strict", settings=settings) == []
    settings = Settings(
        rules={"core.nonsense": {"max": 1}}, config_path=tmp_path / "easyread.toml"
    )
    with pytest.raises(ConfigError, match="no such rule"):
        check_document(_doc(TWELVE_WORDS), "strict", settings=settings)


def test_profile_from_front_matter_and_config() -> None:
    doc = load_text("---\nlang: sl\nprofile: plain\n---\n\n" + FIFTEEN_WORDS)
    assert _only(check_document(doc), "core.sentence-length") == []
    assert _only(check_document(doc, "strict"), "core.sentence-length")
    assert _only(
        check_document(doc, settings=Settings(profile="strict")), "core.sentence-length"
    )


def test_plain_negation_is_double_negation_in_en_de_only() -> None:
    en = _doc("Nobody never comes.\nWe do not know.\n", lang="en")
    plain = _only(check_document(en, "plain"), "core.negation")
    assert [f.location.line for f in plain] == [6]  # the double negation, once
    assert len(_only(check_document(en, "strict"), "core.negation")) == 2
    sl = _doc("Nikoli nič ne vem.\n")
    assert _only(check_document(sl, "plain"), "core.negation") == []
    assert (
        len(_only(check_document(sl, "strict"), "core.negation")) == 1
    )  # one negated sentence


def test_messages_in_the_ui_language() -> None:
    doc = _doc("Začnemo ob 10:00.\n")
    sl = _only(check_document(doc, "strict"), "sl.time-format")[0]
    en = _only(check_document(doc, "strict", ui_lang="en"), "sl.time-format")[0]
    de = _only(
        check_document(doc, "strict", settings=Settings(ui_lang="de")), "sl.time-format"
    )[0]
    assert sl.message.startswith("Zapis ure")
    assert en.message.startswith("Clock time")
    assert de.message.startswith("Uhrzeit")
    assert sl.location == en.location == de.location


def test_decimal_comma_in_numbers_for_sl_and_de() -> None:
    sentence = (
        "Vabimo vas danes na veliko srečanje s pecivom v naši lepi stari knjižnici."
    )
    doc = _doc("\n".join([sentence] * 3) + "\nPridite vsi.\n")  # 41 words, 4 sentences
    avg = _only(check_document(doc, "strict"), "core.sentence-length-avg")[0]
    assert "10,2" in avg.message
    en = _doc("\n".join([sentence] * 3) + "\nPridite vsi.\n")
    assert (
        "10.2"
        in _only(
            check_document(en, "strict", ui_lang="en"), "core.sentence-length-avg"
        )[0].message
    )


def test_check_path_stays_light() -> None:
    code = (
        "import sys, easyread\n"
        "doc = easyread.load_text('---\\nlang: en\\n---\\n\\nCome to the library at 10:00.\\n')\n"
        "found = easyread.check(doc)\n"
        "assert found, 'expected findings'\n"
        "heavy = [m for m in ('weasyprint', 'textstat', 'nltk', 'pyphen') if m in sys.modules]\n"
        "print(','.join(heavy) or 'light')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "light", out.stdout + out.stderr


def test_code_and_urls_are_not_checked() -> None:
    doc = _doc("Napišite `10:00 & npr.` ali obiščite https://example.org/a;b#c.\n")
    findings = check_document(doc, "strict")
    rules = {f.rule for f in findings}
    assert not rules & {"sl.time-format", "core.special-characters", "core.semicolons"}
    assert "core.abbreviations" not in rules


@pytest.mark.parametrize(
    "body",
    [
        "a" * 50_000
        + ".",  # one huge word: patterns must not rescan it from every letter
        "Abc" * 20_000 + "/x.",
        ". " * 5_000,  # thousands of sentences in one block
        "(" * 20_000 + "x",
    ],
    ids=["long-word", "long-compound", "many-sentences", "many-brackets"],
)
def test_hostile_input_is_checked_in_reasonable_time(body: str) -> None:
    import time

    for lang in ("sl", "de"):
        doc = _doc(body + "\n", lang=lang)
        started = time.perf_counter()
        check_document(doc, "strict")
        # Quadratic behaviour took minutes here; linear takes well under a second.
        assert time.perf_counter() - started < 30


def test_user_glossary_from_settings_and_front_matter(tmp_path: Path) -> None:
    glossary = tmp_path / "slovar.yaml"
    glossary.write_text(
        "- lemma: bralnica\n  replacement: soba za branje\n"
        "  forms: {bralnica: soba za branje, bralnici: sobi za branje}\n"
        "- lemma: mediateka\n  explanation: Mediateka je soba s filmi in glasbo.\n"
        "  forms: {mediateko: mediateka}\n",
        encoding="utf-8",
    )
    doc = _doc("Srečanje bo v bralnici.\nPridite v mediateko.\n")
    plain = check_document(doc, "strict")
    assert not _only(plain, "core.hard-words") and not _only(
        plain, "core.explain-hard-words"
    )
    settings = Settings(glossary=(glossary,))
    findings = check_document(doc, "strict", settings=settings)
    hard = _only(findings, "core.hard-words")
    assert [f.suggestion for f in hard] == ["sobi za branje"]
    explain = _only(findings, "core.explain-hard-words")
    assert [f.excerpt[f.excerpt_start : f.excerpt_end] for f in explain] == [
        "mediateko"
    ]
    assert explain[0].suggestion == "Mediateka je soba s filmi in glasbo."
    # The same glossary named in the front matter (relative to the document).
    doc_path = tmp_path / "vabilo.md"
    doc_path.write_text(
        "---\nlang: sl\nglossary: [slovar.yaml]\n---\n\nSrečanje bo v bralnici.\n",
        encoding="utf-8",
    )
    from easyread import load

    assert _only(check_document(load(doc_path), "strict"), "core.hard-words")


def test_address_consistency_mode() -> None:
    body = "Pridi v knjižnico.\nPrinesi očala.\nPridite zgodaj.\n"
    doc = _doc(body)
    default = _only(check_document(doc, "strict"), "core.formal-address")
    assert [f.location.line for f in default] == [6, 7]  # informal forms, adults
    settings = Settings(rules={"core.formal-address": {"address": "consistent"}})
    mixed = _only(
        check_document(doc, "strict", settings=settings), "core.formal-address"
    )
    assert [f.location.line for f in mixed] == [8]  # the rarer form is the odd one out
