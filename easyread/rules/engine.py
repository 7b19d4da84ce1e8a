"""Run rules on a document and turn their hits into findings.

The engine owns everything rules should not care about: which rules are on
(profile, config, select/ignore), positions (hits are mapped to the source
through ``block.source_span``), excerpts, messages in the reader's language,
suppression comments, sorting and de-duplication.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..glossary import Glossary, load_glossary_file, parse_entries
from ..lang import GlossaryEntry
from ..model import Document, Finding, Location, Severity, Span, TokenKind
from ..profiles import Profile, load_profile
from .base import LANGS, Context, DocUnits, Hit, ParamError, Unit, get_kind
from .loader import RuleSet, load_rules, matches
from .spec import RuleSpec
from .suppress import Suppressions
from .units import build_units

if TYPE_CHECKING:
    from ..config import Settings

__all__ = [
    "EXCERPT_MAX",
    "ActiveRule",
    "active_rules",
    "check_document",
    "resolve_profile",
]

#: Setting keys the engine handles itself (everything else is a rule parameter).
_ENGINE_KEYS = ("enabled", "severity", "languages")


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule switched on for one document, with its merged parameters."""

    spec: RuleSpec
    params: Mapping[str, Any]
    severity: Severity
    #: What kinds compile from ``params`` for one language (phrase tables,
    #: resolved parameters). check_document reuses ActiveRule objects for every
    #: document with the same rules, profile, settings and language pack, so
    #: this is built once per process instead of once per document.
    compiled: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


# ------------------------------------------------------------------ profile
def resolve_profile(
    profile: str | Path | Profile | None,
    doc: Document | None = None,
    settings: Settings | None = None,
) -> Profile:
    """The profile to use: the argument, else the config, else the front matter, else strict."""
    if isinstance(profile, Profile):
        return profile
    if profile:
        return load_profile(profile)
    if settings is not None and settings.profile:
        return load_profile(_relative(settings.profile, settings.config_path))
    if doc is not None and doc.meta.profile:
        return load_profile(_relative(doc.meta.profile, doc.path))
    return load_profile("strict")


def _relative(name: str, anchor: Path | None) -> str | Path:
    path = Path(name)
    if (
        path.suffix.lower() in (".yaml", ".yml")
        and not path.is_absolute()
        and anchor is not None
    ):
        candidate = anchor.parent / path
        if candidate.exists():
            return candidate
    return name


def _most_specific(
    table: Mapping[str, Mapping[str, Any]], rule_id: str
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    parts = rule_id.split(".")
    for i in range(1, len(parts) + 1):
        merged.update(table.get(".".join(parts[:i]), {}) or {})
    return merged


def _check_keys(
    table: Mapping[str, Any], rules: RuleSet, where: str, what: str
) -> None:
    for key in table:
        if key in ("all", "*") or any(
            r.id == key or r.id.startswith(key + ".") for r in rules
        ):
            continue
        close = difflib.get_close_matches(key, rules.ids, n=3)
        raise ConfigError(
            f"{what} sets rule {key!r}, but there is no such rule or prefix",
            where=where,
            hint=f"did you mean {', '.join(close)}?"
            if close
            else "see `easyread rules`",
        )


def active_rules(
    rules: RuleSet,
    profile: Profile,
    lang: str,
    *,
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[ActiveRule]:
    """The rules that run on a ``lang`` document, with parameters merged.

    Precedence (strongest first): config ``[rules]`` > profile > rule file.
    ``select`` keeps only matching rules, and an exact id in it also turns on a
    rule the profile switched off; ``ignore`` drops matching rules.

    :raises ConfigError: for an unknown rule id in the profile or config, or a
        bad threshold or severity.
    """
    profile_where = profile.source or f"profile {profile.name}"
    _check_keys(profile.rules, rules, profile_where, f"profile {profile.name!r}")
    config_rules: Mapping[str, Mapping[str, Any]] = (
        settings.rules if settings is not None else {}
    )
    config_where = (
        str(settings.config_path)
        if settings is not None and settings.config_path
        else "configuration"
    )
    _check_keys(config_rules, rules, config_where, "the configuration")
    out: list[ActiveRule] = []
    for spec in rules:
        if select and not any(matches(spec.id, p) for p in select):
            continue
        if any(matches(spec.id, p) for p in ignore):
            continue
        from_config = _most_specific(config_rules, spec.id)
        merged = {**profile.rule_settings(spec.id), **from_config}
        where = config_where if from_config else profile_where
        enabled = merged.pop("enabled", spec.enabled)
        if not (enabled or spec.id in select):
            continue
        langs = merged.pop("languages", None)
        if not spec.applies_to(lang):
            continue
        if langs is not None:
            if isinstance(langs, str):
                langs = [langs]
            if any(code not in LANGS for code in langs):
                raise ConfigError(
                    f"rule {spec.id}: `languages` must list sl, en or de", where=where
                )
            if lang not in langs:
                continue
        severity = spec.severity
        if "severity" in merged:
            try:
                severity = Severity.parse(str(merged.pop("severity")))
            except ValueError as exc:
                raise ConfigError(f"rule {spec.id}: {exc}", where=where) from None
        params = spec.params
        if merged:
            try:
                params = get_kind(spec.kind).validate({**spec.params, **merged})
            except ParamError as exc:
                raise ConfigError(
                    f"rule {spec.id}: {exc.message}", where=where
                ) from None
        out.append(ActiveRule(spec, params, severity))
    return out


def _freeze(value: Any) -> Any:
    """A hashable stand-in for settings data; types stay apart (``1``, ``1.0``, ``True``)."""
    if isinstance(value, Mapping):
        return ("map", tuple((_freeze(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value), tuple(_freeze(v) for v in value))
    if isinstance(value, (set, frozenset)):
        return (type(value), frozenset(_freeze(v) for v in value))
    try:
        hash(value)
    except TypeError:
        return ("repr", type(value), repr(value))
    return (type(value), value)


_FROZEN: list[tuple[Any, Any]] = []


def _frozen_rules(table: Mapping[str, Any]) -> Any:
    """``_freeze(table)``; the last few results are kept by identity.

    The built-in profiles are cached objects, so the same mapping comes back
    for every document; freezing it each time cost as much as a small rule.
    A kept mapping must not change in between: profiles and settings are not
    changed after they are loaded.
    """
    for known, frozen in _FROZEN:
        if known is table:
            return frozen
    frozen = _freeze(table)
    _FROZEN.insert(0, (table, frozen))
    del _FROZEN[8:]
    return frozen


#: Active rules by what decides them; values keep the rule set and the pack
#: they were made for, so an id reused by a new object never matches.
_ACTIVE: dict[tuple[Any, ...], tuple[RuleSet, Any, list[ActiveRule]]] = {}
_ACTIVE_MAX = 64


def _active_for(
    rules: RuleSet,
    profile: Profile,
    doc: Document,
    settings: Settings | None,
    select: Sequence[str],
    ignore: Sequence[str],
) -> list[ActiveRule]:
    """:func:`active_rules`, worked out once per process for equal inputs.

    Checking every profile and config key against every rule cost more per
    document than most rules; reusing the ActiveRule objects also keeps what
    the kinds compiled from their parameters (``ActiveRule.compiled``).
    """
    key = (
        id(rules),
        id(doc.pack),
        doc.lang,
        profile.name,
        profile.source,
        _frozen_rules(profile.rules),
        None
        if settings is None
        else (_frozen_rules(settings.rules), str(settings.config_path)),
        tuple(select),
        tuple(ignore),
    )
    hit = _ACTIVE.get(key)
    if hit is not None and hit[0] is rules and hit[1] is doc.pack:
        return list(hit[2])
    active = active_rules(
        rules, profile, doc.lang, settings=settings, select=select, ignore=ignore
    )
    if len(_ACTIVE) >= _ACTIVE_MAX:
        _ACTIVE.clear()
    _ACTIVE[key] = (rules, doc.pack, active)
    return list(active)


# ----------------------------------------------------------------- glossary
def _glossary(doc: Document, settings: Settings | None, given: Any) -> Glossary:
    if isinstance(given, Glossary):
        return given
    extra: list[GlossaryEntry] = []
    if settings is not None:
        for path in settings.glossary:
            extra.extend(load_glossary_file(path))
    front = doc.meta.extra.get("glossary") if doc.meta.extra else None
    if isinstance(front, (str, list)):
        items = [front] if isinstance(front, str) else front
        inline = [i for i in items if isinstance(i, Mapping)]
        if inline:
            extra.extend(parse_entries(inline, source=doc.source.name))
        for item in items:
            if isinstance(item, str):
                path = Path(item)
                if doc.path is not None and not path.is_absolute():
                    path = doc.path.parent / path
                extra.extend(load_glossary_file(path))
    if given is not None:
        extra.extend(given)
    if extra:
        return Glossary.for_pack(doc.pack, extra)
    # Most documents use the pack's glossary as it is: index it once per pack.
    shared = _PACK_GLOSSARIES.get(id(doc.pack))
    if shared is None or shared.pack is not doc.pack:
        shared = _PACK_GLOSSARIES[id(doc.pack)] = Glossary.for_pack(doc.pack)
    return shared


_PACK_GLOSSARIES: dict[int, Glossary] = {}


# ------------------------------------------------------------------ findings
class _Fields(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _show(value: Any, lang: str) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        text = f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
        return text.replace(".", ",") if lang in ("sl", "de") else text
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def _apply(template: str, shown: _Fields) -> str:
    try:
        return template.format_map(shown)
    except (
        ValueError,
        IndexError,
        AttributeError,
    ):  # pragma: no cover - checked at load time
        return template


def _param_fields(active: ActiveRule, lang: str) -> dict[str, Any]:
    """The rule's scalar parameters as message fields, shown for ``lang`` (kept per rule)."""
    key = f"fields:{lang}"
    shown = active.compiled.get(key)
    if shown is None:
        shown = active.compiled[key] = {
            k: _show(v, lang) for k, v in active.params.items() if _is_scalar(v)
        }
    return shown  # type: ignore[no-any-return]


def _protected(units: DocUnits, doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Block-text ranges rules must not report inside: code, URLs, e-mail addresses."""
    out: dict[int, list[tuple[int, int]]] = {}
    for unit in units.blocks:
        assert unit.block is not None
        ranges = [(m.start, m.end) for m in unit.block.marks if m.kind == "code"]
        ranges += [
            (w.start, w.end)
            for w in unit.tokens
            if w.kind in (TokenKind.URL, TokenKind.EMAIL)
        ]
        if ranges:
            out[unit.block_index] = ranges
    return out


def _templates(active: ActiveRule, lang: str) -> tuple[str, str]:
    """The rule's message and suggestion templates in ``lang`` (kept per rule)."""
    key = f"templates:{lang}"
    found = active.compiled.get(key)
    if found is None:
        found = active.compiled[key] = (
            active.spec.message_for(lang),
            active.spec.suggestion_for(lang),
        )
    return found  # type: ignore[no-any-return]


@dataclass
class _Mapper:
    doc: Document
    units: DocUnits
    ui_lang: str
    protected: dict[int, list[tuple[int, int]]]
    _by_block: dict[int, tuple[tuple[Unit, ...], list[int]]] = field(
        default_factory=dict
    )
    #: Locations by source offset: findings share positions (a sentence's
    #: start), and equal Locations may be one object.
    _locations: dict[int, Location] = field(default_factory=dict)
    #: The file name findings carry (``source.name`` builds it on every call).
    path: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.path = self.doc.source.name

    def _location(self, offset: int) -> Location:
        found = self._locations.get(offset)
        if found is None:
            found = self._locations[offset] = self.doc.source.location(offset)
        return found

    def _locations_of(self, span: Span) -> tuple[Location, Location]:
        """Start and end :class:`Location` of ``span`` (one lookup for an empty span)."""
        start = self._location(span.start)
        return start, start if span.end == span.start else self._location(span.end)

    def finding(self, active: ActiveRule, unit: Unit, hit: Hit) -> Finding | None:
        spec = active.spec
        target = hit.unit or unit
        block = target.block
        excerpt, ex_start, ex_end = "", 0, 0
        if block is None:
            anchor = self.units.blocks[0].block if self.units.blocks else None
            offset = anchor.span.start if anchor is not None else self.doc.body_start
            span = Span(offset, offset)
            match = ""
        else:
            start = target.offset + max(0, hit.start)
            end = target.offset + max(hit.start, hit.end)
            # Inside code, a URL or an e-mail address, or cutting into one
            # ("c." at the end of ".../a#c."): not a problem of the text. A
            # hit that holds the whole range (a long sentence) stays.
            for a, b in self.protected.get(target.block_index, ()):
                overlaps = start < b and a < max(end, start + 1)
                if overlaps and not (start <= a and b <= end):
                    return None
            if end > start and block.offsets:
                span = block.source_span(start, end)
            else:
                offsets = block.offsets
                point = (
                    offsets[min(start, len(offsets) - 1)]
                    if offsets
                    else block.span.start
                )
                span = Span(point, point)
            match = block.text[start:end]
            excerpt, ex_start, ex_end = self._excerpt(target, start, end, span)
        lang = self.ui_lang
        # Scalar parameters, then the match, then the hit's own fields, each
        # shown for the reader's language; the parameters are shown once per
        # rule (they are the same in every finding).
        shown = _Fields(_param_fields(active, lang))
        shown["match"] = match.replace("\n", " ")
        for k, v in hit.fields.items():
            shown[k] = _show(v, lang)
        message_template, suggestion_template = _templates(active, lang)
        message = _apply(message_template, shown)
        suggestion = hit.suggestion or (
            _apply(suggestion_template, shown) if suggestion_template else ""
        )
        severity = active.severity
        if hit.severity is not None and hit.severity > severity:
            severity = hit.severity
        location, end_location = self._locations_of(span)
        return Finding(
            location,
            end_location,
            spec.id,
            severity,
            message,
            suggestion,
            excerpt,
            ex_start,
            ex_end,
            self.path,
            spec.link,
        )

    def _excerpt(
        self, unit: Unit, start: int, end: int, span: Span
    ) -> tuple[str, int, int]:
        """The sentence holding the problem (cut around it when long), with its place."""
        sentences: tuple[Unit, ...] = ()
        offsets: list[int] = []
        if unit.scope == "sentence":
            sentences, offsets = (unit,), [unit.offset]
        elif unit.block is not None:
            sentences, offsets = self._sentences_of(unit.block_index)
        i = bisect.bisect_right(offsets, start) - 1
        if i >= 0:
            s = sentences[i]
            if start < s.offset + max(len(s.text), 1):
                a = start - s.offset
                b = min(end - s.offset, len(s.text))
                return _window(s.text, a, max(a, b))
        # No sentence (an image, a heading without words): the source line.
        loc = self.doc.source.location(span.start)
        line = self.doc.source.line_text(loc.line)
        a = loc.column - 1
        end_loc = self.doc.source.location(span.end)
        b = end_loc.column - 1 if end_loc.line == loc.line else len(line)
        return _window(line, a, max(a, b))

    def _sentences_of(self, block_index: int) -> tuple[tuple[Unit, ...], list[int]]:
        if not self._by_block:  # once per document: asking each block is quadratic
            for block_unit in self.units.blocks:
                found = block_unit.sentences
                self._by_block[block_unit.block_index] = (
                    found,
                    [s.offset for s in found],
                )
        return self._by_block.get(block_index, ((), []))


#: Longest excerpt. A sentence up to this length (about 80 words; the longest
#: in the test corpora has 366 characters) is the excerpt as it is, so its
#: findings keep their baseline fingerprints. A longer one is cut around the
#: problem: every finding carried the whole sentence, and 16,666 findings in
#: one pasted 50,000-character "sentence" made an 838 MB JSON report.
EXCERPT_MAX = 500
#: Context kept before the problem in a cut excerpt (the rest comes after it).
_EXCERPT_BEFORE = 100
#: How far a cut moves to fall between two words instead of inside one.
_EXCERPT_SNAP = 20


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """``text`` with ``[start, end)`` in it, cut to :data:`EXCERPT_MAX` characters.

    Cuts are shown with ``…``; the range is moved to stay on the same
    characters (a problem longer than the window is marked up to the cut).
    """
    size = len(text)
    if size <= EXCERPT_MAX:
        return text, start, end
    left = max(0, min(start - _EXCERPT_BEFORE, size - EXCERPT_MAX))
    right = min(size, left + EXCERPT_MAX)
    if left > 0:
        space = text.find(" ", left, min(start, left + _EXCERPT_SNAP))
        if space != -1:
            left = space + 1
    if right < size:
        space = text.rfind(" ", max(end, right - _EXCERPT_SNAP), right)
        if space != -1:
            right = space
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < size else ""
    shift = len(prefix) - left
    a = start + shift
    b = min(end, right) + shift
    return prefix + text[left:right] + suffix, a, max(a, b)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) or (
        isinstance(value, tuple)
        and all(isinstance(v, (str, int, float)) for v in value)
    )


def check_document(
    doc: Document,
    profile: str | Path | Profile | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
    glossary: Glossary | Iterable[GlossaryEntry] | None = None,
    ui_lang: str | None = None,
    rules: RuleSet | None = None,
) -> tuple[Finding, ...]:
    """Check ``doc`` and return its findings, sorted by position.

    :param profile: ``"strict"``, ``"plain"``, a profile YAML path or a
        :class:`~easyread.profiles.Profile`; by default the config's profile,
        then the document's ``profile`` front-matter field, then ``strict``.
    :param select: only rules matching these ids or prefixes.
    :param ignore: leave out rules matching these ids or prefixes.
    :param settings: project settings; their ``[rules]`` override the profile,
        their ``select``/``ignore``/``glossary``/``ui_lang`` are used too.
    :param glossary: a :class:`~easyread.glossary.Glossary` or extra entries.
    :param ui_lang: language of the messages (default: the document's).
    :param rules: the rules to run (default: :func:`load_rules`, the built-in ones).
    :returns: findings without duplicates, suppressed ones left out.
    :raises ConfigError: for a bad profile, rule id or rule setting.
    """
    prof = resolve_profile(profile, doc, settings)
    rules = rules if rules is not None else load_rules()
    select = (*select, *(settings.select if settings is not None else ()))
    ignore = (*ignore, *(settings.ignore if settings is not None else ()))
    active = _active_for(rules, prof, doc, settings, select, ignore)
    if not active:
        return ()
    units = build_units(doc)
    lang_ui = ui_lang or (settings.ui_lang if settings is not None else "") or doc.lang
    if lang_ui not in LANGS:
        lang_ui = "en"
    mapper = _Mapper(doc, units, lang_ui, _protected(units, doc))
    gloss = _glossary(doc, settings, glossary)
    suppressions = Suppressions(doc.source.text)
    best: dict[tuple[str, int, int, int, int], Finding] = {}
    shared: dict[Any, Any] = {}
    for rule in active:
        kind = get_kind(rule.spec.kind)
        ctx = Context(
            doc,
            doc.pack,
            doc.lang,
            rule.spec,
            rule.params,
            units,
            gloss,
            shared=shared,
            compiled=rule.compiled,
        )
        for unit in units.for_scope(rule.spec.scope):
            for hit in kind.run(unit, ctx):
                finding = mapper.finding(rule, unit, hit)
                if finding is None:
                    continue
                if suppressions and suppressions.is_suppressed(
                    finding.rule, finding.location.line
                ):
                    continue
                # Plain numbers instead of Locations in the keys: a Location's
                # hash and comparisons are Python code, called ~10 times per
                # finding. The order is the same (Locations order as
                # (line, column)).
                start, stop = finding.location, finding.end
                key = (finding.rule, start.line, start.column, stop.line, stop.column)
                old = best.get(key)
                if old is None or finding.severity > old.severity:
                    best[key] = finding
    return tuple(sorted(best.values(), key=_position))


def _position(f: Finding) -> tuple[int, int, int, int, str, str]:
    """Sort key of findings: ``(f.location, f.end, f.rule, f.message)`` as plain values."""
    return (
        f.location.line,
        f.location.column,
        f.end.line,
        f.end.column,
        f.rule,
        f.message,
    )
