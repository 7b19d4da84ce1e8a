"""The simplifier: from an ordinary announcement to an easy-read draft.

It does the mechanical part of the work and shows clearly what a person must
still decide. It never loses or invents a fact: the fact guard
(:func:`easyread.simplify.guard.fact_guard`) compares the draft with the source
and reports every date, time, number, amount, phone number, e-mail, URL and
name that went missing, and every date, time or number that appeared.

::

    import easyread
    doc = easyread.load("obvestilo.txt", lang="sl")
    result = easyread.simplify(doc)
    result.markdown      # the draft, Markdown with front matter
    result.edits         # every change, located in the source
    result.guard         # fact-guard findings (empty = every fact kept)
    result.unresolved    # what a person must decide
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .._callable import make_callable
from .._log import logger
from ..errors import ConfigError
from ..glossary import Glossary, load_glossary_file
from ..lang import GlossaryEntry
from ..loader import load_text
from ..model import Document, Edit, Finding, Location, Severity
from ..profiles import Profile, load_profile
from ._build import build_state
from ._find import find_facts
from ._write import front_matter, to_markdown
from .facts import Facts, extract_facts
from .guard import fact_guard
from .numbers import Numbers
from .pipeline import Context, Note, resolve_order, run_pipeline

__all__ = ["SimplifyResult", "fact_guard", "load_user_lists", "simplify_document"]


@dataclass(frozen=True, slots=True)
class SimplifyResult:
    """What :func:`simplify_document` returns."""

    document: Document  #: the draft, loaded back from ``markdown`` (real positions)
    edits: tuple[Edit, ...]  #: every change, located in the SOURCE
    facts: Facts  #: what, when, where, who ... of the source
    guard: tuple[Finding, ...]  #: fact-guard errors (located in source or draft)
    unresolved: tuple[Finding, ...]  #: what a person must decide (located in the draft)
    markdown: str  #: the draft text
    template: str = "announcement"
    transforms: tuple[str, ...] = ()
    forced: bool = False

    @property
    def ok(self) -> bool:
        """True when the fact guard found nothing."""
        return not self.guard

    @property
    def may_write(self) -> bool:
        """True when the draft may be written: no guard errors, or ``force``."""
        return self.ok or self.forced


def load_user_lists(
    paths: Iterable[Path | str],
) -> tuple[list[GlossaryEntry], dict[str, str], dict[str, str]]:
    """Read user glossary files: entries plus optional ``abbreviations:`` and ``acronyms:``.

    A glossary file is a YAML list of entries, or a mapping with ``entries``,
    ``abbreviations`` (``{"ok.": "okoli"}``) and ``acronyms`` (``{"EKG": "..."}``).

    :raises ConfigError: for a missing or malformed file.
    """
    entries: list[GlossaryEntry] = []
    abbreviations: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError("glossary file not found", where=str(path)) from None
        except yaml.YAMLError as exc:
            raise ConfigError(
                f"glossary is not valid YAML: {exc}", where=str(path)
            ) from None
        if isinstance(raw, Mapping):
            for key, target in (
                ("abbreviations", abbreviations),
                ("acronyms", acronyms),
            ):
                value = raw.get(key) or {}
                if not isinstance(value, Mapping):
                    raise ConfigError(
                        f"`{key}` must map the short form to the full words",
                        where=str(path),
                    )
                target.update({str(k): str(v) for k, v in value.items()})
            if raw.get("entries"):
                entries.extend(load_glossary_file(path))
        elif raw:
            entries.extend(load_glossary_file(path))
    return entries, abbreviations, acronyms


def _params(profile: Profile, lang: str) -> dict[str, Any]:
    """Transform settings from the profile's rule settings (checker and simplifier agree)."""
    split_over, sentence_max = 10, 15
    try:
        from ..rules.engine import active_rules
        from ..rules.loader import load_rules

        for rule in active_rules(load_rules(), profile, lang):
            if rule.spec.id == "core.sentence-length":
                split_over = int(rule.params.get("max", split_over))
                sentence_max = int(
                    rule.params.get("error_max", sentence_max) or sentence_max
                )
    except Exception as exc:  # the checker is optional for the simplifier
        logger.info("simplify: rule settings not available (%s); using defaults", exc)
    plain = split_over >= 20 or profile.name == "plain"
    return {
        "level": "plain" if plain else "strict",
        "split_over": split_over,
        "sentence_max": max(sentence_max, split_over),
        "list_min_items": 4 if plain else 3,
        "block_sentences_max": 5 if plain else 3,
        "block_words_max": 50 if plain else 40,
        "explain_inline": not plain,
    }


def _locate_notes(
    notes: Sequence[Note], written: Any, draft: Document
) -> list[Finding]:
    out: list[Finding] = []
    # Each note goes to the first written line holding a character of its
    # span. Scanning every line's offsets for every note was quadratic, so
    # index once: each source offset -> the first line (in order) holding it.
    first: dict[int, int] = {}
    for k, (_, seg) in enumerate(written.lines):
        for o in seg.offsets:
            first.setdefault(o, k)
    offsets = sorted(first)
    firsts = [first[o] for o in offsets]
    for note in notes:
        line = 0
        lo = bisect.bisect_left(offsets, note.span.start)
        hi = bisect.bisect_left(offsets, max(note.span.end, note.span.start + 1))
        if lo < hi:
            line = written.lines[min(firsts[lo:hi])][0]
        if not line:
            line = draft.source.location(draft.body_start).line
        text = draft.source.line_text(line)
        out.append(
            Finding(
                location=Location(line, 1),
                end=Location(line, len(text) + 1),
                rule=f"simplify.{note.transform}",
                severity=Severity.WARNING,
                message=note.message,
                excerpt=text,
                excerpt_start=0,
                excerpt_end=len(text),
                path=draft.source.name,
            )
        )
    return out


def _remaining(draft: Document, profile: Profile) -> list[Finding]:
    """Checker findings the draft still has (warnings and errors): a person decides."""
    try:
        from ..rules.engine import check_document
    except ImportError:  # pragma: no cover - the checker ships with the package
        return []
    return [f for f in check_document(draft, profile) if f.severity >= Severity.WARNING]


def simplify_document(
    doc: Document,
    profile: str | Path | Profile | None = None,
    *,
    template: str | None = None,
    transforms: Sequence[str] | None = None,
    disable: Iterable[str] = (),
    glossary: Iterable[Path | str | GlossaryEntry] | None = None,
    force: bool = False,
    draft_path: Path | str | None = None,
    check_draft: bool = True,
) -> SimplifyResult:
    """Turn ``doc`` into an easy-read draft.

    :param profile: ``strict`` (default), ``plain``, a profile YAML or a Profile;
        it lists the transforms in order and their thresholds.
    :param template: ``invitation``, ``activity`` or ``announcement``; by
        default the source's front matter, else what the facts suggest.
    :param transforms: run only these transforms.
    :param disable: transforms to switch off.
    :param glossary: the user's glossary files (or entries); their
        ``abbreviations:``/``acronyms:`` extend the pack's lists.
    :param force: the draft may be written even when the fact guard fails
        (see :attr:`SimplifyResult.may_write`).
    :param draft_path: the name the draft will have (used in positions).
    :param check_draft: add the checker's remaining warnings to ``unresolved``.
    :raises ConfigError: for an unknown transform, profile or template.
    """
    prof = (
        profile
        if isinstance(profile, Profile)
        else load_profile(profile or doc.meta.profile or "strict")
    )
    facts = extract_facts(doc)
    tmpl = template or (
        doc.meta.template if "template" in doc.meta.field_lines else facts.template
    )
    if tmpl not in ("invitation", "activity", "announcement"):
        raise ConfigError(
            f"unknown template {tmpl!r}",
            hint="use invitation, activity or announcement",
        )
    files = [g for g in glossary or () if not isinstance(g, GlossaryEntry)]
    given = [g for g in glossary or () if isinstance(g, GlossaryEntry)]
    entries, abbreviations, acronyms = load_user_lists(files)
    params = _params(prof, doc.lang)
    params["abbreviations"] = abbreviations
    params["acronyms"] = acronyms
    ctx = Context(
        doc=doc,
        pack=doc.pack,
        profile=prof,
        template=tmpl,
        glossary=Glossary.for_pack(doc.pack, [*entries, *given]),
        facts=facts,
        params=params,
    )
    order = resolve_order(prof.transforms, transforms, disable)
    state = run_pipeline(build_state(doc), ctx, order)
    price = facts.price
    if price and price != "0" and "numbers" in order:
        money = next(
            (h for h in find_facts(price, doc.pack) if h.kind == "money"), None
        )
        if money is not None:
            price = Numbers._money(money.text, money.parts[0], ctx)
    fm = front_matter(doc, facts, state, ctx, price)
    written = to_markdown(fm, state)
    path = Path(draft_path) if draft_path is not None else _default_draft_path(doc)
    draft = load_text(written.text, path=path, lang=doc.lang, fmt="md")
    guard = fact_guard(doc, draft)
    unresolved = _locate_notes(state.notes, written, draft)
    if check_draft:
        unresolved.extend(_remaining(draft, prof))
    unresolved.sort(key=lambda f: (f.location, f.rule))
    return SimplifyResult(
        document=draft,
        edits=state.edits,
        facts=facts,
        guard=guard,
        unresolved=tuple(unresolved),
        markdown=written.text,
        template=tmpl,
        transforms=order,
        forced=force,
    )


def _default_draft_path(doc: Document) -> Path | None:
    if doc.path is None:
        return None
    return doc.path.with_name(doc.path.stem + ".easy.md")


# easyread.simplify(doc) keeps working after this subpackage replaced the
# function of that name on the easyread package (see easyread/_callable.py).
make_callable(__name__, simplify_document)
