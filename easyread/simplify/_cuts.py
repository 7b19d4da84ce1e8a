"""Where a sentence may be split: the clause boundaries per language.

Each finder returns :class:`Cut` candidates; the ``sentences`` transform tries
them in order of priority and checks both halves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._clauses import (
    _COPULA_RE,
    _EN_REPORT_RE,
    _NEVER,
    _PLACE_COPULA,
    _SL_PARTICIPLE_RE,
    _WHERE_RE,
    _WORD_RE,
    WordIndex,
    _de_verb_position,
    _en_subject,
    _first_word,
    _has_verb,
    _outside,
    _segment_to_comma,
    _sl_finite,
    _words,
    sl_move_clitics,
)
from ._enum import find_enumeration, is_verb
from ._find import FactHit, find_facts
from ._lang import simplify_data
from ._wordlists import (
    _DE_DROP,
    _DE_KEEP,
    _DE_NOT_VERB,
    _DE_PRONOUNS,
    _EN_AUX,
    _EN_IMPERATIVES,
    _EN_PRONOUNS,
    _EN_QUANTIFIERS,
    _EN_SHARED_VERBS,
    _SL_AFTER_AUX,
    _SL_CLITICS,
    _SL_DROP,
    _SL_KEEP,
    _SL_PREPOSITIONS,
    _SL_REPORTING,
    _SL_SUBORDINATE_START,
)
from .pipeline import Context


@dataclass(frozen=True, slots=True)
class Cut:
    start: int  # text[start:end] is removed
    end: int
    insert: str  # put at the start of the right part ("To ")
    priority: int  # lower first
    reason: str
    move_clitics: bool = (
        False  # sl: "je dostopna z dvigalom" -> "Dostopna je z dvigalom"
    )


def _first_word_from(text: str, k: int) -> str:
    """``_first_word(text[k:])`` without copying the rest of the text."""
    m = _WORD_RE.search(text, k)  # no look-behind: the same as in the slice
    return m.group() if m else ""


class Finder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.data = simplify_data(ctx.lang)

    def cuts(self, text: str) -> list[Cut]:
        ok = _outside(text)
        out: list[Cut] = []
        lang = self.ctx.lang
        for m in re.finditer(r";\s*", text):
            if ok[m.start()]:
                out.append(Cut(m.start(), m.end(), "", 0, "split at a semicolon"))
        for m in re.finditer(r":\s+", text):
            if ok[m.start()] and self._clause_after_colon(
                text[: m.start()], text[m.end() :]
            ):
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        "",
                        1,
                        "split at a colon before a whole clause",
                    )
                )
        out.extend(self._when_where(text))
        if lang == "sl":
            out.extend(self._sl(text, ok))
        elif lang == "en":
            out.extend(self._en(text, ok))
        elif lang == "de":
            out.extend(self._de(text, ok))
        return out

    def _when_where(self, text: str) -> list[Cut]:
        """ "Delavnica bo v ponedeljek, 7. 12., od 9.30 do 11.30 v ustvarjalnici."
        -> "Delavnica bo v ponedeljek, ... do 11.30." + "Delavnica bo v ustvarjalnici."
        """
        m = _COPULA_RE.get(self.ctx.lang, _NEVER).match(text)
        hits = sorted(
            (h for h in find_facts(text, self.ctx.pack) if h.kind in ("date", "time")),
            key=lambda h: h.start,
        )
        if m is None:
            return self._where_after_when(text, hits)
        pos = m.end()
        found = False
        for h in hits:
            gap = text[pos : h.start]
            if h.start < pos:
                continue
            if gap.strip(" ,") and not re.fullmatch(
                r"[\s,]*(?:ob|od|do|at|from|to|um|von|bis|on|am|in)?\s*", gap
            ):
                break
            pos, found = h.end, True
        if not found:
            return self._where_after_when(text, hits)
        rest = text[pos:]
        where = _WHERE_RE.get(self.ctx.lang, _NEVER).match(rest)
        if where is None or len(_words(rest)) < 2:
            return self._where_after_when(text, hits)
        cut_end = pos + where.start("prep")
        subject = m.group("subj") + m.group("aux") + " "
        return [Cut(pos, cut_end, subject, 1, "when and where in two sentences")]

    def _where_after_when(self, text: str, hits: list[FactHit]) -> list[Cut]:
        """Split a place after the last date or time: "... ob 18. uri. To bo v prostoru."."""
        if not hits:
            return []
        last = hits[-1]
        rest = text[last.end :]
        where = _WHERE_RE.get(self.ctx.lang, _NEVER).match(rest)
        copula = _PLACE_COPULA.get(self.ctx.lang)
        if (
            where is None
            or copula is None
            or len(_words(rest)) < 2
            or len(_words(text[: last.start])) < 4
        ):
            return []
        if any(
            h.kind in ("phone", "email", "url") for h in find_facts(rest, self.ctx.pack)
        ):
            return []
        cut_end = last.end + where.start("prep")
        place_words = _words(rest)[1:4]
        if not any(
            self.data.word_is("place", w) or w[:1].isupper() for w in place_words
        ):
            return []  # "pri strežnem osebju" is not a place
        return [
            Cut(last.end, cut_end, copula + " ", 2, "when and where in two sentences")
        ]

    def _clause_after_colon(self, left: str, right: str) -> bool:
        if len(_words(left)) < 2 or len(_words(right)) < 5:
            return False
        if find_enumeration(right, self.ctx.pack) is not None or (
            right.count(",") >= 2 and len(_words(right)) < 10
        ):
            return False
        return _has_verb(left, self.ctx) and _has_verb(right, self.ctx)

    def _sl(self, text: str, ok: list[bool]) -> list[Cut]:
        ctx, out = self.ctx, []
        # questions about the text before/after each comma, answered from one
        # index of the sentence's words (asking _words per comma was quadratic)
        wi = WordIndex(text)

        def finite(w: str) -> bool:
            return _sl_finite(w, ctx)

        def verb(w: str) -> bool:
            return _has_verb(w, ctx)

        for m in re.finditer(r",\s+(\w+)\s+", text):
            if not ok[m.start()]:
                continue
            word = m.group(1).lower()
            right = text[m.end() :]
            if word in _SL_DROP | _SL_KEEP:
                if not (
                    wi.any_between("finite", finite, m.end(), wi.segment_end(m.end()))
                    and wi.any_before("verb", verb, m.start())
                ):
                    continue
                starts_clitic = _first_word(right).lower() in _SL_CLITICS
                if (
                    starts_clitic
                    and word not in _SL_KEEP
                    and sl_move_clitics(right, ctx.pack) is None
                ):
                    continue
                insert = word.capitalize() + " " if word in _SL_KEEP else ""
                out.append(Cut(m.start(), m.end(), insert, 2, f"split before “{word}”",
                                move_clitics=starts_clitic and word not in _SL_KEEP))  # fmt: skip
            elif word == "ki":
                out.extend(self._sl_relative(text, m, right))
            elif (
                word == "kjer"
                and wi.any_from("finite", finite, m.end())
                and _first_word(right).lower() not in _SL_CLITICS
            ):
                out.append(
                    Cut(
                        m.start(), m.end(), "Tam ", 3, "relative clause made a sentence"
                    )
                )
        # a comma between two main clauses: "Na izlet gre 20 ljudi, spremljali jih bodo 4 zaposleni."
        for m in re.finditer(r",\s+", text):
            if not ok[m.start()]:
                continue
            right = text[m.end() :]
            first = _first_word(right).lower()
            second = (wi.words_from(m.end(), 2)[1:2] or [""])[0].lower()
            if (
                not first
                or first in _SL_SUBORDINATE_START
                or first in _SL_DROP | _SL_KEEP
                or first.isdigit()
                # "..., v katerih se vrača": a relative clause after a preposition
                or (
                    first in _SL_PREPOSITIONS
                    and (
                        second in _SL_SUBORDINATE_START
                        or second.startswith(("kater", "čem", "kom", "kog"))
                    )
                )
            ):
                continue
            if re.match(
                r"(?:in sicer|prav tako|to je|na primer|tj\.|npr\.)\b",
                right,
                re.IGNORECASE,
            ):
                continue
            left_clause = wi.clause_before(m.start())
            lead = _WORD_RE.search(text, 0, m.start())  # _first_word(text[:k])
            left_first = lead.group().lower() if lead else ""
            if (
                left_first in _SL_SUBORDINATE_START
                or _first_word(left_clause).lower() in _SL_SUBORDINATE_START
            ):
                continue
            right_end = wi.segment_end(m.end())  # _segment_to_comma(right)
            if wi.count_between(m.end(), right_end) < 3 or len(_words(left_clause)) < 2:
                continue
            if not (
                wi.any_between("finite", finite, m.end(), right_end)
                and wi.any_before("finite", finite, m.start())
            ):
                continue
            starts_clitic = first in _SL_CLITICS
            if starts_clitic and sl_move_clitics(right, ctx.pack) is None:
                continue
            out.append(
                Cut(
                    m.start(),
                    m.end(),
                    "",
                    3,
                    "split between two main clauses",
                    move_clitics=starts_clitic,
                )
            )
        # a reporting frame: "X obvešča uporabnike, da bo ..." -> "X obvešča uporabnike. ... bo ..."
        fm = re.search(r",\s+da\s+", text)
        if fm and ok[fm.start()] and len(_words(text[: fm.start()])) <= 10:
            frame = _words(text[: fm.start()])
            if any(ctx.pack.lemma(w) in _SL_REPORTING for w in frame):
                right = text[fm.end() :]
                if (
                    _first_word(right).lower() in _SL_CLITICS
                    and sl_move_clitics(right, ctx.pack) is not None
                ):
                    out.append(
                        Cut(
                            fm.start(),
                            fm.end(),
                            "",
                            1,
                            "split after the reporting verb",
                            move_clitics=True,
                        )
                    )
        # "nov jedilnik, pripravljen na podlagi ankete" -> "... jedilnik. Pripravljen je na podlagi ankete"
        for m in re.finditer(r",\s+([a-zčšž]+)\s+", text):
            word = m.group(1)
            if (
                not ok[m.start()]
                or not _SL_PARTICIPLE_RE.match(word)
                or ctx.pack.lemma(word) != word
            ):
                continue
            if wi.count_from(m.end()) >= 3 and not wi.any_between(
                "finite", finite, m.end(), wi.segment_end(m.end())
            ):
                aux = "so" if word.endswith("i") else "je"
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        f"{word} {aux} ",
                        3,
                        "description made a sentence",
                    )
                )
        # ", in sicer 7. oktobra, ..." -> ". To bo 7. oktobra, ..."
        for m in re.finditer(r",\s+in sicer\s+", text):
            rest_facts = [
                h
                for h in find_facts(text[m.end() :], ctx.pack)
                if h.kind in ("date", "time")
            ]
            if ok[m.start()] and rest_facts and rest_facts[0].start == 0:
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        (self.data.relative_subject or "To") + " bo ",
                        3,
                        "split before “in sicer”",
                    )
                )
        # second-position "pa": ", odpravili pa se bomo" -> ". Odpravili se bomo"
        for m in re.finditer(r",\s+((?:[^\W\d_]+\s+){1,4}?)pa\s+", text):
            # m.group(1) ends in a space: its words and those after stay apart
            if (
                ok[m.start()]
                and "," not in m.group(1)
                and (
                    _sl_finite(m.group(1), ctx)
                    or wi.any_from("finite", finite, m.end())
                )
                and wi.any_before("verb", verb, m.start())
            ):
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        m.group(1),
                        2,
                        "split before a clause with “pa”",
                    )
                )
        # "in" between two clauses with their own verbs (no comma in Slovenian)
        for m in re.finditer(r"\s+(in|ter)\s+", text):
            if not ok[m.start()]:
                continue
            if wi.count_before(m.start()) < 4 or wi.count_from(m.end()) < 3:
                continue
            # the clauses before and after "in" read from the index, not copied
            # and re-read per "in" (quadratic on thousands of them)
            left_start = wi.clause_start(m.start())
            if not (
                wi.any_between("finite", finite, m.end(), wi.segment_end(m.end()))
                and wi.any_between("finite", finite, left_start, m.start())
            ):
                continue
            first = _first_word_from(text, m.end())
            if first.lower() in _SL_CLITICS:
                if sl_move_clitics(text[m.end() :], ctx.pack) is None:
                    continue
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        "",
                        4,
                        f"split before “{m.group(1)}” + verb",
                        move_clitics=True,
                    )
                )
            elif (
                is_verb(first, ctx.pack)
                and wi.words_between(left_start, m.start(), 1)[0].lower()
                not in _SL_SUBORDINATE_START
            ):
                out.append(
                    Cut(
                        m.start(), m.end(), "", 4, f"split before “{m.group(1)}” + verb"
                    )
                )
        return out

    def _sl_relative(self, text: str, m: re.Match[str], right: str) -> list[Cut]:
        """ ", ki bo v torek" -> "To bo v torek"; ", ki je namenjen X" -> "Namenjen je X"."""
        words = _words(right)
        if not words:
            return []
        aux = words[0].lower()
        after = words[1:2]
        if (
            aux in self.data.relative_aux
            and after
            and (after[0].lower() in _SL_AFTER_AUX or after[0].isdigit())
        ):
            subject = self.data.relative_subject or "To"
            return [
                Cut(
                    m.start(),
                    m.end(),
                    subject + " ",
                    3,
                    "relative clause made a sentence",
                )
            ]
        if aux in _SL_CLITICS and sl_move_clitics(right, self.ctx.pack) is not None:
            return [
                Cut(
                    m.start(),
                    m.end(),
                    "",
                    3,
                    "relative clause made a sentence",
                    move_clitics=True,
                )
            ]
        antecedent = _words(text[: m.start()])[-1:]
        if (
            antecedent
            and antecedent[0][:1].isupper()
            and aux not in _SL_CLITICS
            and is_verb(words[0], self.ctx.pack)
            and not words[0].lower().endswith(("l", "la", "lo", "li", "le"))
        ):
            return [
                Cut(
                    m.start(),
                    m.end(),
                    "",
                    3,
                    "relative clause about a person made a sentence",
                )
            ]
        return []

    def _en(self, text: str, ok: list[bool]) -> list[Cut]:
        out = []
        for m in re.finditer(r",\s+(and|but|so|as|yet)\s+(\w+)", text):
            if not ok[m.start()]:
                continue
            word, nxt = m.group(1).lower(), m.group(2)
            right_clause = _words(_segment_to_comma(text[m.end(1) :]))
            has_aux = any(w.lower() in _EN_AUX for w in right_clause)
            aux_at = next(
                (k for k, w in enumerate(right_clause[:6]) if w.lower() in _EN_AUX),
                None,
            )
            np_then_aux = (
                aux_at is not None
                and aux_at >= 2
                and word == "and"
                and len(right_clause) >= 4
            )
            if (
                nxt.lower() in _EN_PRONOUNS
                or (nxt.lower() in _EN_QUANTIFIERS and has_aux)
                or (word in ("so", "but") and has_aux and len(right_clause) >= 3)
                or np_then_aux
            ):
                if word in ("and", "as"):
                    out.append(
                        Cut(m.start(), m.start(2), "", 2, f"split before “{word}”")
                    )
                else:
                    out.append(
                        Cut(m.start(), m.start(1), "", 2, f"split before “{word}”")
                    )
            elif word == "and" and nxt.lower() in _EN_AUX:
                # "Tickets cost £3, and can be booked" -> "They can be booked"
                subject = _en_subject(text[: m.start()])
                if subject:
                    out.append(
                        Cut(
                            m.start(),
                            m.start(2),
                            subject + " ",
                            3,
                            "split; the subject repeated",
                        )
                    )
        for m in re.finditer(
            r",\s+which\s+(?:(also|now|still|usually|often)\s+)?(\w+)", text
        ):
            if ok[m.start()] and (
                m.group(2).lower() in self.data.relative_aux
                or m.group(2).lower() in _EN_AUX
            ):
                insert = (
                    (self.data.relative_subject or "It")
                    + " "
                    + (m.group(1) + " " if m.group(1) else "")
                )
                out.append(
                    Cut(
                        m.start(),
                        m.start(2),
                        insert,
                        3,
                        "relative clause made a sentence",
                    )
                )
        # "We apologise for X and thank you for Y" -> "We apologise for X. We thank you for Y."
        sm = re.match(r"^(We|I|You|They) ", text)
        if sm:
            for m in re.finditer(
                r"\s+and\s+(" + "|".join(sorted(_EN_SHARED_VERBS)) + r")\b", text
            ):
                if (
                    ok[m.start()]
                    and len(_words(text[: m.start()])) >= 4
                    and len(_words(text[m.end(1) :])) >= 2
                ):
                    out.append(
                        Cut(
                            m.start(),
                            m.start(1),
                            sm.group(1) + " ",
                            3,
                            "split; the subject repeated",
                        )
                    )
        # "... in order to reduce ..." -> "... . This is to reduce ..."
        for m in re.finditer(r"\s+in order to\s+", text):
            if ok[m.start()] and len(_words(text[: m.start()])) >= 4:
                out.append(
                    Cut(m.start(), m.end(), "This is to ", 3, "purpose made a sentence")
                )
        # "..., or by calling the team" -> "... . You can also call the team"
        for m in re.finditer(r",?\s+or by ([a-z]+ing)\s+", text):
            verb = self.ctx.pack.lemma(m.group(1))
            if (
                ok[m.start()]
                and verb != m.group(1).lower()
                and re.search(r"\bby [a-z]+ing\b", text[: m.start()])
            ):
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        f"You can also {verb} ",
                        3,
                        "second way made a sentence",
                    )
                )
        # "..., and, if possible, avoid caffeine" -> "... If possible, avoid caffeine"
        for m in re.finditer(r",\s+and,\s+([^,]{2,30}),\s+(\w+)", text):
            if ok[m.start()] and m.group(2).lower() in _EN_IMPERATIVES:
                out.append(Cut(m.start(), m.start(1), "", 2, "split before “and”"))
        for m in re.finditer(r",\s+at which\s+", text):
            if ok[m.start()] and len(_words(text[m.end() :])) >= 3:
                out.append(
                    Cut(
                        m.start(),
                        m.end(),
                        "There ",
                        3,
                        "relative clause made a sentence",
                    )
                )
        for m in re.finditer(r",\s+where\s+(you|we|they|people)\b", text):
            if ok[m.start()]:
                out.append(
                    Cut(
                        m.start(),
                        m.start(1),
                        "There ",
                        3,
                        "relative clause made a sentence",
                    )
                )
        for m in _EN_REPORT_RE.finditer(text):
            if ok[m.start("that")] and len(_words(text[m.end() :])) >= 4:
                out.append(
                    Cut(
                        m.start("that") - 1,
                        m.end(),
                        "",
                        1,
                        "split after the reporting verb",
                    )
                )
        return out

    def _de(self, text: str, ok: list[bool]) -> list[Cut]:
        out = []
        for m in re.finditer(r",\s+(\w+)\s+(\w+)", text):
            if not ok[m.start()]:
                continue
            word, nxt = m.group(1).lower(), m.group(2)
            clause = _words(_segment_to_comma(text[m.end(1) :]))
            at = _de_verb_position(clause, self._de_verb)
            verb_second = at is not None and at > 0 and at < len(clause) - 1
            if word in _DE_DROP and (
                nxt.lower() in _DE_PRONOUNS or (nxt in ("Sie",)) or verb_second
            ):
                out.append(Cut(m.start(), m.start(2), "", 2, f"split before “{word}”"))
            elif word in _DE_KEEP:
                out.append(Cut(m.start(), m.start(1), "", 2, f"split before “{word}”"))
        subordinate = set(self.ctx.pack.words.subordinating) | {
            "der",
            "die",
            "das",
            "dem",
            "den",
            "zu",
            "um",
        }
        for m in re.finditer(r",\s+", text):
            if not ok[m.start()]:
                continue
            left, right = text[: m.start()], text[m.end() :]
            clause = _words(_segment_to_comma(right))
            left_clause = _words(re.split(r"[,;:]", left)[-1])
            if (
                len(clause) < 3
                or len(left_clause) < 3
                or clause[0].lower() in subordinate - {"der", "die", "das"}
            ):
                continue
            if clause[0].lower() in _DE_DROP | _DE_KEEP or _first_word(
                left
            ).lower() in set(self.ctx.pack.words.subordinating):
                continue
            # verb second: the finite verb is the 2nd or 3rd word and not the last one
            verb_at = _de_verb_position(clause, self._de_verb)
            if verb_at is None or verb_at == 0 or verb_at == len(clause) - 1:
                continue
            if (
                clause[0].lower() in ("der", "die", "das")
                and not clause[1][:1].isupper()
            ):
                continue  # "die ... ist" is a relative clause
            if not any(self._de_verb(w) for w in left_clause):
                continue
            out.append(Cut(m.start(), m.end(), "", 3, "split between two main clauses"))
        return out

    @staticmethod
    def _de_verb(word: str) -> bool:
        return (
            word.islower()
            and word not in _DE_NOT_VERB
            and word.endswith(("t", "en", "st"))
            and len(word) > 2
        )
