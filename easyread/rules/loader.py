"""Find, read and validate rule YAML files.

The id of a rule comes from its path, so there is no list to keep in sync:

* ``easyread/rules/core/sentence-length.yaml`` -> ``core.sentence-length``
* ``easyread/lang/sl/rules/passive-voice.yaml`` -> ``sl.passive-voice``

Files are read with ``importlib.resources``. A bad file raises
:class:`~easyread.errors.RuleDefinitionError` that names the file and the line
of the offending key (from the YAML node marks).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ..errors import RuleDefinitionError
from ..lang import SUPPORTED
from ..model import Severity
from .base import LANGS, SCOPES, ParamError, get_kind, kind_names
from .spec import Examples, RuleSpec, placeholders

__all__ = ["COMMON_KEYS", "RuleSet", "load_rule_file", "load_rules", "matches"]

#: Keys every rule may have; everything else belongs to the kind.
COMMON_KEYS = frozenset(
    {"kind", "scope", "severity", "message", "description", "link", "source",
     "suggestion", "languages", "examples", "enabled"}
)  # fmt: skip
_REQUIRED = ("kind", "scope", "severity", "message", "description", "link", "examples")
_STEM_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")

Lines = dict[tuple[str, ...], int]


def matches(rule_id: str, pattern: str) -> bool:
    """True when ``pattern`` selects ``rule_id``.

    A pattern is a full id (``core.sentence-length``), a prefix ending at a dot
    boundary (``core``, ``sl``), or an id without its namespace
    (``passive-voice`` selects ``core.passive-voice``).
    """
    pattern = pattern.strip()
    if not pattern:
        return False
    if pattern in ("all", "*"):
        return True
    return (
        rule_id == pattern
        or rule_id.startswith(pattern + ".")
        or rule_id.split(".", 1)[-1] == pattern
    )


class RuleSet:
    """An ordered, read-only collection of rules with lookups by id and language."""

    def __init__(self, rules: Iterable[RuleSpec]) -> None:
        self._rules: dict[str, RuleSpec] = {}
        for rule in rules:
            if rule.id in self._rules:
                other = self._rules[rule.id]
                raise RuleDefinitionError(
                    f"rule id {rule.id!r} is defined twice (also in {other.where})",
                    where=rule.where,
                    hint="rename one of the files: the id comes from the file name",
                )
            self._rules[rule.id] = rule

    def __iter__(self) -> Iterator[RuleSpec]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __repr__(self) -> str:
        return f"<RuleSet {len(self)} rules>"

    @property
    def ids(self) -> tuple[str, ...]:
        """All rule ids, in order."""
        return tuple(self._rules)

    def get(self, rule_id: str) -> RuleSpec:
        """The rule with this id.

        :raises KeyError: with close matches in the message when there is none.
        """
        try:
            return self._rules[rule_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(rule_id, self._rules, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise KeyError(f"no rule {rule_id!r}{hint}") from None

    def for_language(self, code: str) -> RuleSet:
        """The rules that check documents in ``code`` (``sl``, ``en``, ``de``)."""
        return RuleSet(r for r in self if r.applies_to(code))

    def select(self, patterns: Sequence[str]) -> RuleSet:
        """The rules matched by any of ``patterns`` (ids or prefixes)."""
        return RuleSet(r for r in self if any(matches(r.id, p) for p in patterns))

    def known_pattern(self, pattern: str) -> bool:
        """True when ``pattern`` selects at least one rule."""
        return any(matches(r.id, pattern) for r in self)


# ---------------------------------------------------------------- discovery
def _builtin_dirs() -> Iterator[tuple[str, Traversable]]:
    yield "core", resources.files("easyread.rules.core")
    # The folders are found from easyread.lang, without importing each pack
    # (resources.files would import easyread.lang.<code> and compile all its
    # patterns: a check of one Slovenian file paid for English and German).
    # A pack without rules has no such folder: _yaml_files finds nothing.
    lang_root = resources.files("easyread.lang")
    for code in SUPPORTED:
        yield code, lang_root.joinpath(code, "rules")


def _yaml_files(folder: Traversable) -> list[Traversable]:
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(
        (e for e in entries if e.is_file() and e.name.endswith((".yaml", ".yml"))),
        key=lambda e: e.name,
    )


def load_rules(extra: Sequence[Path | str] = ()) -> RuleSet:
    """Load the built-in rules, plus user rule folders or files in ``extra``.

    A user rule's id is ``<folder name>.<file stem>``; a folder named ``sl``,
    ``en`` or ``de`` makes its rules apply to that language only.

    :raises RuleDefinitionError: for a bad rule file or a duplicate id.
    """
    return _load_cached(tuple(str(p) for p in extra))


@functools.lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> RuleSet:
    rules: list[RuleSpec] = []
    for namespace, folder in _builtin_dirs():
        for ref in _yaml_files(folder):
            rules.append(_load_ref(ref, namespace, str(ref)))
    for item in extra:
        path = Path(item)
        files = sorted(path.glob("*.y*ml")) if path.is_dir() else [path]
        namespace = path.name if path.is_dir() else path.parent.name
        for file in files:
            rules.append(_load_ref(file, namespace, str(file)))
    return RuleSet(rules)


def _load_ref(ref: Traversable | Path, namespace: str, where: str) -> RuleSpec:
    try:
        text = ref.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDefinitionError(
            f"cannot read the rule file: {exc}", where=where
        ) from None
    stem = ref.name.rsplit(".", 1)[0]
    return load_rule_file(text, namespace=namespace, stem=stem, where=where)


# ------------------------------------------------------------------- parsing
def _parse(text: str, where: str) -> tuple[Any, Lines]:
    """YAML -> Python data plus the line of every mapping key and list item."""
    # libyaml parses ten times faster and still gives node marks (line numbers).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RuleDefinitionError(
            f"not valid YAML: {exc.problem or exc.context}", where=f"{where}:{line}"
        ) from None
    finally:
        loader.dispose()
    lines: Lines = {}

    def walk(n: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in n.value:
                name = str(k.value)
                line = k.start_mark.line + 1
                if name in seen:
                    raise RuleDefinitionError(
                        f"key `{'.'.join((*path, name))}` appears twice",
                        where=f"{where}:{line}",
                    )
                seen.add(name)
                lines[(*path, name)] = line
                walk(v, (*path, name))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                lines[(*path, str(i))] = v.start_mark.line + 1
                walk(v, (*path, str(i)))

    if node is not None:
        walk(node, ())
    return data, lines


def _line(lines: Lines, *path: str) -> int:
    for n in range(len(path), 0, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return 1


def load_rule_file(text: str, *, namespace: str, stem: str, where: str) -> RuleSpec:
    """Validate the YAML of one rule and return its :class:`RuleSpec`.

    :raises RuleDefinitionError: naming ``where`` and the line of the bad key.
    """
    data, lines = _parse(text, where)

    def fail(message: str, *path: str, hint: str = "") -> RuleDefinitionError:
        return RuleDefinitionError(
            message, where=f"{where}:{_line(lines, *path)}", hint=hint
        )

    if not _STEM_RE.match(stem):
        raise fail(
            f"rule file name {stem!r} must be lower-case words joined by hyphens",
            hint="rename the file, e.g. sentence-length.yaml",
        )
    rule_id = f"{namespace}.{stem}"
    if not isinstance(data, Mapping):
        raise fail("a rule file must be a mapping of keys (kind, scope, severity, ...)")
    for key in _REQUIRED:
        if key not in data:
            raise fail(
                f"rule {rule_id} has no `{key}`",
                hint=f"required keys: {', '.join(_REQUIRED)}",
            )

    kind_name = data["kind"]
    if kind_name not in kind_names():
        raise fail(
            f"unknown kind {kind_name!r}",
            "kind",
            hint=f"kinds: {', '.join(kind_names())}",
        )
    kind = get_kind(str(kind_name))
    scope = data["scope"]
    if scope not in SCOPES:
        raise fail(
            f"unknown scope {scope!r}", "scope", hint=f"scopes: {', '.join(SCOPES)}"
        )
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as exc:
        raise fail(str(exc), "severity") from None

    languages = _languages(data, namespace, fail)
    message = _lang_texts(data["message"], "message", fail, required=LANGS)
    description = (
        {"en": str(data["description"]).strip()}
        if isinstance(data["description"], str)
        else _lang_texts(data["description"], "description", fail, required=("en",))
    )
    link = str(data["link"]).strip()
    if not _URL_RE.match(link):
        raise fail(f"`link` must be an http(s) URL, not {link!r}", "link")
    suggestion = _lang_texts(
        data.get("suggestion") or {}, "suggestion", fail, required=()
    )
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail("`enabled` must be true or false", "enabled")

    raw_params = {k: v for k, v in data.items() if k not in COMMON_KEYS}
    try:
        params = kind.validate(raw_params)
    except ParamError as exc:
        raise fail(exc.message, *exc.key.split(".")) from None

    known_fields = kind.fields(params) | set(params) | {"match"}
    for key, texts in (("message", message), ("suggestion", suggestion)):
        for lang, template in texts.items():
            try:
                names = placeholders(template)
            except ValueError as exc:
                raise fail(f"{key} ({lang}): {exc}", key, lang) from None
            unknown = sorted(names - known_fields)
            if unknown:
                raise fail(
                    f"{key} ({lang}) uses unknown field(s) {', '.join('{' + u + '}' for u in unknown)}",
                    key,
                    lang,
                    hint=f"fields of this rule: {', '.join(sorted(known_fields))}",
                )

    examples = _examples(data["examples"], languages, fail)
    return RuleSpec(
        id=rule_id,
        kind=str(kind_name),
        scope=str(scope),
        severity=severity,
        message=message,
        description=description,
        link=link,
        source=str(data.get("source") or "").strip(),
        suggestion=suggestion,
        languages=languages,
        params=params,
        examples=examples,
        enabled=enabled,
        path=where,
        line=1,
    )


def _languages(data: Mapping[str, Any], namespace: str, fail: Any) -> tuple[str, ...]:
    declared = data.get("languages")
    if declared is None:
        return (namespace,) if namespace in LANGS else LANGS
    if (
        not isinstance(declared, list)
        or not declared
        or any(d not in LANGS for d in declared)
    ):
        raise fail(f"`languages` must be a list of {', '.join(LANGS)}", "languages")
    if namespace in LANGS and list(declared) != [namespace]:
        raise fail(
            f"a rule in the {namespace} pack applies to {namespace} only", "languages",
            hint="remove `languages` or move the rule to easyread/rules/core/",
        )  # fmt: skip
    return tuple(d for d in LANGS if d in declared)


def _lang_texts(
    value: Any, key: str, fail: Any, *, required: Sequence[str]
) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise fail(
            f"`{key}` must be a mapping of languages ({', '.join(LANGS)}) to text", key
        )
    out: dict[str, str] = {}
    for lang, text in value.items():
        if lang not in LANGS:
            raise fail(f"`{key}` has an unknown language {lang!r}", key, str(lang))
        if not isinstance(text, str) or not text.strip():
            raise fail(f"`{key}.{lang}` must be non-empty text", key, str(lang))
        out[str(lang)] = text.strip()
    missing = [lang for lang in required if lang not in out]
    if missing:
        raise fail(f"`{key}` has no text in {', '.join(missing)}", key)
    return out


def _examples(value: Any, languages: Sequence[str], fail: Any) -> dict[str, Examples]:
    if not isinstance(value, Mapping):
        raise fail(
            "`examples` must map languages to {fail: [...], pass: [...]}", "examples"
        )
    out: dict[str, Examples] = {}
    for lang, pair in value.items():
        if lang not in languages:
            raise fail(
                f"examples for {lang!r}, but the rule applies to {', '.join(languages)}",
                "examples", str(lang),
            )  # fmt: skip
        if not isinstance(pair, Mapping) or set(pair) - {"fail", "pass"}:
            raise fail(
                f"`examples.{lang}` must have `fail` and `pass` lists",
                "examples",
                str(lang),
            )
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("fail", "pass"):
            items = pair.get(key)
            if (
                not isinstance(items, list)
                or not items
                or not all(isinstance(i, str) for i in items)
            ):
                raise fail(
                    f"`examples.{lang}.{key}` must be a non-empty list of texts",
                    "examples", str(lang), key,
                )  # fmt: skip
            lists[key] = tuple(items)
        out[str(lang)] = Examples(fail=lists["fail"], passing=lists["pass"])
    missing = [lang for lang in languages if lang not in out]
    if missing:
        raise fail(
            f"`examples` has no fail/pass examples for {', '.join(missing)}", "examples",
            hint="every language a rule applies to needs at least one fail and one pass example",
        )  # fmt: skip
    return out
