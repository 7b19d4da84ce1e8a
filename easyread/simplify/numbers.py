"""Numbers as digits, percentages as "5 of 100", money in words, big numbers flagged.

* number words -> digits (``petih romanov`` -> ``5 romanov``), except the
  words for 1 (they are also articles: ``ena``, ``one``, ``eine``), ordinals,
  and a number word that starts a sentence (a sentence should not start with
  a digit);
* ``24 %`` -> ``24 od 100`` / ``24 out of 100`` / ``24 von 100``;
* money: sl ``15 EUR`` -> ``15 evrov`` (with the dual and plural forms),
  de ``37,00 €`` -> ``37 Euro``; a zero cent part is dropped;
* numbers of 1000 or more that are not years, postal codes or phone numbers
  are reported: a person decides whether "many" would do.
"""

from __future__ import annotations

import re

from ._find import PERCENT_RE, find_facts
from ._lang import simplify_data
from ._spans import SpanSet
from ._tail import space_back, tail_search
from ._text import SegText
from ._util import is_sentence_start, map_sentences
from .pipeline import Context, DraftBlock, Recorder, State, transform

__all__ = ["Numbers"]

_DE_ALLER_RE = re.compile(r"\s+aller\b")
_EN_OF_RE = re.compile(r"\s+of\b")
_OD_BEFORE_RE = re.compile(r"\bod\s*$")
_RANGE_RE = re.compile(
    r"(?<![\d.,:/])(?P<a>\d{1,4})\s?[–-]\s?(?P<b>\d{1,4})(?!\d|[.,:/]\d)"
)
_RANGE_WORDS = {"sl": "od {a} do {b}", "en": "{a} to {b}", "de": "{a} bis {b}"}
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def _sl_euro(amount: str) -> str:
    forms = simplify_data("sl").currency_forms
    if "." in amount:
        return forms.get("decimal", "evra")
    n = int(amount)
    last2 = n % 100
    if last2 == 1:
        return forms.get("one", "evro")
    if last2 == 2:
        return forms.get("two", "evra")
    if last2 in (3, 4):
        return forms.get("few", "evri")
    return forms.get("many", "evrov")


def _amount_text(amount: str, lang: str) -> str:
    return amount.replace(".", ",") if lang in ("sl", "de") else amount


@transform
class Numbers:
    """Digits instead of number words; no percent sign; money in words."""

    name = "numbers"
    description = "numbers as digits, percentages as '5 of 100', money in words, big numbers flagged"

    def run(self, state: State, ctx: Context) -> State:
        rec = Recorder(self.name, ctx)
        of = simplify_data(ctx.lang).label("percent_of")

        def fix(seg: SegText, block: DraftBlock) -> SegText:
            edits: list[tuple[int, int, str, str]] = []
            hits = find_facts(seg.text, ctx.pack)
            for h in hits:
                if h.kind == "number" and not h.text[0].isdigit():
                    if h.loose or is_sentence_start(seg.text, h.start):
                        continue
                    edits.append(
                        (h.start, h.end, h.parts[0], "number written as digits")
                    )
                elif h.kind == "percent" and PERCENT_RE.fullmatch(h.text):
                    n = _amount_text(h.parts[0], ctx.lang)
                    end = h.end
                    if ctx.lang == "de":
                        am = _DE_ALLER_RE.match(seg.text, end)
                        end = am.end() if am else end
                    elif ctx.lang == "en":
                        am = _EN_OF_RE.match(seg.text, end)
                        end = am.end() if am else end
                    edits.append(
                        (h.start, end, f"{n} {of} 100", "percentage as 'N of 100'")
                    )
                elif h.kind == "money":
                    new = self._money(h.text, h.parts[0], ctx)
                    if new and new != h.text:
                        edits.append((h.start, h.end, new, "amount of money in words"))
                elif h.kind == "number" and h.text[0].isdigit():
                    self._big(seg, h.start, h.end, h.parts[0], rec)
            taken = SpanSet((h.start, h.end) for h in hits if h.kind != "number")
            for m in _RANGE_RE.finditer(seg.text):
                if taken.free(m.start(), m.end()):
                    new = _RANGE_WORDS.get(ctx.lang, "{a}–{b}").format(
                        a=m.group("a"), b=m.group("b")
                    )
                    # "\bod\s*$" before the range, without a copy of the prefix
                    od = tail_search(
                        _OD_BEFORE_RE,
                        seg.text,
                        space_back(seg.text, m.start()) - 2,
                        m.start(),
                    )
                    if not od or ctx.lang != "sl":
                        edits.append((m.start(), m.end(), new, "range in words"))
            return rec.edit_many(
                seg, edits
            )  # one copy of the sentence, not one per edit

        return map_sentences(state, rec, fix)

    @staticmethod
    def _money(text: str, amount: str, ctx: Context) -> str:
        lang = ctx.lang
        euro = any(sym in text for sym in ("€", "EUR", "eur", "evr", "Euro"))
        if not euro:
            return text  # £3 stays: English easy read writes pounds with the sign
        shown = _amount_text(amount, lang)
        if lang == "sl":
            return f"{shown} {_sl_euro(amount)}"
        if lang == "de":
            return f"{shown} Euro"
        return f"{shown} euros" if amount != "1" else "1 euro"

    @staticmethod
    def _big(seg: SegText, start: int, end: int, value: str, rec: Recorder) -> None:
        try:
            n = float(value)
        except ValueError:
            return
        if n < 1000 or _YEAR_RE.match(value):
            return
        text = seg.text
        after = text[end : end + 3]
        # a postal code: "9240 Ljutomer", "79999 Lindenbach"
        if re.fullmatch(r"\d{4,5}", text[start:end]) and re.match(
            r" [A-ZČŠŽÄÖÜ]", after
        ):
            return
        rec.note(
            seg.span(start, end),
            f"“{text[start:end]}” is a big number. Easy-read texts avoid big numbers: "
            "would “many” (veliko, viele) do? Keep the exact number if readers need it.",
            text,
        )
