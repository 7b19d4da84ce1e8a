#!/usr/bin/env python3
"""Build ``easyread/lang/<code>/data/easy_words.txt`` for sl, en and de.

This is a maintainer tool, not part of the package. It needs wordfreq and
simplemma at the pinned versions below; run it in a throwaway virtual
environment so the package itself never depends on them:

    python3 -m venv /tmp/wl
    /tmp/wl/bin/pip install wordfreq==3.1.1 simplemma==2.0.0
    /tmp/wl/bin/python tools/build_wordlists.py            # all three languages
    /tmp/wl/bin/python tools/build_wordlists.py sl          # one language

Method (the same for every language):

1. ``wordfreq.top_n_list(code, 20000, wordlist="small")`` gives the 20,000 most
   frequent word forms, most frequent first. Slovenian has only the ``small``
   list, so ``small`` is used for English and German too, for consistency.
2. Keep only alphabetic tokens (``str.isalpha()``): this drops numbers,
   contractions with apostrophes (en "don't") and hyphenated forms.
3. Lemmatise each form with ``simplemma.lemmatize(form, lang=code)`` and
   lower-case the lemma (German nouns come back capitalised; the consumer
   lower-cases words before lookup, so the file is all lower case).
   A lemma that is not alphabetic is replaced by the form itself.
4. Walk the forms in frequency order. Write the lemma the first time it is
   seen (so lemmas appear at the position of their most frequent form).
   For the first 3,000 forms also write the surface form itself, right after
   its lemma, if it is new. This keeps frequent inflected forms that the
   lemmatiser maps oddly, or that a lemma lookup may miss (sl "vabimo",
   "ljudje"). Every line is unique.
5. Stop when 6,000 distinct lemmas have been written (the surface forms added
   in step 4 come on top, so a file has about 6,000 to 8,000 lines).

German only: wordfreq case-folds its words, so "ß" comes out as "ss"
("strasse", "gross", "heisst"). For a form with "ss", every variant with "ß"
in place of one or more "ss" that simplemma knows (``simplemma.is_known``) is
treated as a form too, right after it: "strasse" also gives "straße" and its
lemma. Both spellings end up in the list (Swiss German writes "ss").

The output is deterministic for fixed versions of wordfreq and simplemma.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

import simplemma
import wordfreq

LANGS = ("sl", "en", "de")
TOP_N = 20000
WORDLIST = "small"
MAX_LEMMAS = 6000
SURFACE_FORMS = 3000

REPO = Path(__file__).resolve().parents[1]
OUT_ROOT = REPO / "easyread" / "lang"

LANG_NAMES = {"sl": "Slovenian", "en": "English", "de": "German"}

SHARP_S_NOTE = """
# wordfreq writes "ß" as "ss"; spellings with "ß" that simplemma knows were
# added next to them ("strasse", "straße"), so both spellings are listed."""


def sharp_s_variants(form: str) -> list[str]:
    """German: the spellings with "ß" for one or more "ss" in form, known to simplemma."""
    parts = form.split("ss")
    if len(parts) == 1 or len(parts) > 4:
        return []
    variants = []
    for mask in range(1, 2 ** (len(parts) - 1)):
        word = parts[0]
        for i, part in enumerate(parts[1:]):
            word += ("ß" if mask >> i & 1 else "ss") + part
        if simplemma.is_known(word, lang="de"):
            variants.append(word)
    return variants


def build(code: str) -> tuple[list[str], int, int]:
    """Return (lines, number of lemmas, number of forms read)."""
    forms = wordfreq.top_n_list(code, TOP_N, wordlist=WORDLIST)
    seen: set[str] = set()
    out: list[str] = []
    lemmas = 0
    rank = 0  # rank among alphabetic forms
    for token in forms:
        if not token.isalpha():
            continue
        token = token.lower()
        spellings = [token] + (sharp_s_variants(token) if code == "de" else [])
        for form in spellings:
            lemma = simplemma.lemmatize(form, lang=code).lower()
            if not lemma.isalpha():
                lemma = form
            if lemma not in seen:
                seen.add(lemma)
                out.append(lemma)
                lemmas += 1
            if rank < SURFACE_FORMS and form not in seen:
                seen.add(form)
                out.append(form)
        rank += 1
        if lemmas >= MAX_LEMMAS:
            break
    return out, lemmas, rank


def header(code: str, n_lines: int, n_lemmas: int, n_forms: int) -> str:
    name = LANG_NAMES[code]
    return f"""\
# easy_words.txt ({name}, {code}): common words, most frequent first
#
# One word per line, lower case, UTF-8. Lines starting with '#' are comments.
# {n_lines} words: the first {n_lemmas} distinct lemmas of the {n_forms} most
# frequent alphabetic word forms, plus the surface forms among the first
# {SURFACE_FORMS} alphabetic forms (written right after their lemma, without
# duplicates). The lemmatiser is imperfect, so look up both the word form and
# its lemma.{SHARP_S_NOTE if code == "de" else ""}
#
# Built by tools/build_wordlists.py from
#   wordfreq {version("wordfreq")}: top_n_list("{code}", {TOP_N}, wordlist="{WORDLIST}"), alphabetic tokens only
#   simplemma {version("simplemma")}: lemmatize(form, lang="{code}"), lemma lower-cased
#
# Licence: this list is derived from wordfreq data and is licensed
# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
# wordfreq by Robyn Speer, data CC BY-SA 4.0; sources listed at
# https://github.com/rspeer/wordfreq
# Lemmas by simplemma (Adrien Barbaresi, MIT licence).
# See easyread/lang/DATA-LICENSES.md.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "langs", nargs="*", metavar="LANG", help="language codes (default: sl en de)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT_ROOT,
        help="root folder holding <code>/data/ (default: easyread/lang)",
    )
    args = parser.parse_args(argv)
    langs = args.langs or list(LANGS)
    for code in langs:
        if code not in LANGS:
            parser.error(f"unknown language {code!r}; choose from {', '.join(LANGS)}")
    for code in langs:
        words, n_lemmas, n_forms = build(code)
        if n_lemmas < MAX_LEMMAS:
            print(f"{code}: only {n_lemmas} lemmas from {TOP_N} forms", file=sys.stderr)
        target = args.out / code / "data" / "easy_words.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = header(code, len(words), n_lemmas, n_forms) + "\n".join(words) + "\n"
        target.write_text(text, encoding="utf-8", newline="\n")
        print(
            f"{code}: {len(words)} words ({n_lemmas} lemmas, {n_forms} forms read) -> {target}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
