"""``easyread rules``: list the rules, or explain one with its examples."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExitCode
from ..model import Severity

if TYPE_CHECKING:
    from ..profiles import Profile
    from ..rules.spec import RuleSpec

__all__ = ["add_parser", "run"]

EPILOG = """\
examples:
  easyread rules                          all rules
  easyread rules --lang sl --profile plain   rules for Slovenian plain-language texts
  easyread rules core.sentence-length     what the rule checks, with examples
  easyread rules sl                       the rules whose id starts with sl.
"""

_LABELS = {
    "sl": {
        "kind": "vrsta", "scope": "obseg", "severity": "resnost", "languages": "jeziki",
        "defined": "določeno v", "source": "vir", "more": "več", "message": "sporočilo",
        "suggestion": "predlog", "settings": "nastavitve", "examples": "primeri",
        "fail": "ni v redu", "pass": "v redu", "off": "izklopljeno v profilu",
    },
    "en": {
        "kind": "kind", "scope": "scope", "severity": "severity", "languages": "languages",
        "defined": "defined in", "source": "source", "more": "more", "message": "message",
        "suggestion": "suggestion", "settings": "settings", "examples": "examples",
        "fail": "fails", "pass": "passes", "off": "switched off in the profile",
    },
    "de": {
        "kind": "Art", "scope": "Bereich", "severity": "Schwere", "languages": "Sprachen",
        "defined": "definiert in", "source": "Quelle", "more": "mehr", "message": "Meldung",
        "suggestion": "Vorschlag", "settings": "Einstellungen", "examples": "Beispiele",
        "fail": "falsch", "pass": "richtig", "off": "im Profil ausgeschaltet",
    },
}  # fmt: skip


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "rules",
        help="list the rules, or explain one",
        description="List the rules, or explain one rule with its examples.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "rule",
        nargs="?",
        metavar="ID",
        help="a rule id (explain it) or an id prefix (list those)",
    )
    p.add_argument("--lang", help="only rules for this document language (sl, en, de)")
    p.add_argument(
        "--profile", help="only rules the profile switches on, with its severities"
    )
    p.add_argument(
        "--ui-lang",
        help="language of descriptions and labels (default: --lang, else your locale)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    p.set_defaults(run=run)


def _ui_lang(args: argparse.Namespace) -> str:
    for value in (
        args.ui_lang,
        args.lang,
        *(os.environ.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG")),
    ):
        code = (value or "").split("_")[0].split("-")[0].split(".")[0].lower()
        if code in ("sl", "en", "de"):
            return code
    return "en"


def _effective(
    spec: RuleSpec, profile: Profile | None
) -> tuple[bool, Severity, dict[str, Any]]:
    """Whether the rule is on, its severity and its parameters under ``profile``."""
    params = dict(spec.params)
    if profile is None:
        return spec.enabled, spec.severity, params
    settings = profile.rule_settings(spec.id)
    enabled = bool(settings.get("enabled", spec.enabled))
    try:
        severity = (
            Severity.parse(str(settings["severity"]))
            if "severity" in settings
            else spec.severity
        )
    except ValueError:
        severity = spec.severity
    params.update(
        {k: v for k, v in settings.items() if k not in ("enabled", "severity")}
    )
    return enabled, severity, params


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text[: end + 1] if end != -1 else text


def _where(spec: RuleSpec) -> str:
    """``file:line`` of the rule, relative to the installed package when inside it."""
    package_root = Path(__file__).resolve().parents[2]
    path = Path(spec.path)
    try:
        shown = path.resolve().relative_to(package_root).as_posix()
    except (ValueError, OSError):
        shown = spec.path
    return f"{shown}:{spec.line}"


def _short(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _rule_dict(spec: RuleSpec, profile: Profile | None, lang: str) -> dict[str, Any]:
    enabled, severity, params = _effective(spec, profile)
    return {
        "id": spec.id,
        "kind": spec.kind,
        "scope": spec.scope,
        "severity": str(severity),
        "enabled": enabled,
        "languages": list(spec.languages),
        "description": spec.describe(lang),
        "message": dict(spec.message),
        "suggestion": dict(spec.suggestion),
        "link": spec.link,
        "source": spec.source,
        "defined_in": _where(spec),
        "params": {k: _plain(v) for k, v in params.items()},
        "examples": {
            code: {"fail": list(ex.fail), "pass": list(ex.passing)}
            for code, ex in spec.examples.items()
        },
    }


def _plain(value: Any) -> Any:
    """Parameters as JSON-friendly data (tuples, sets and objects become lists or text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _list_text(specs: Iterable[RuleSpec], profile: Profile | None, lang: str) -> str:
    rows = []
    for spec in specs:
        enabled, severity, _ = _effective(spec, profile)
        rows.append(
            (
                spec.id,
                str(severity),
                spec.kind,
                " ".join(spec.languages),
                _short(_first_sentence(spec.describe(lang))),
                enabled,
            )
        )
    if not rows:
        return ""
    width = max(len(r[0]) for r in rows)
    lines = []
    for rid, sev, kind, langs, desc, enabled in rows:
        mark = "" if enabled else f" ({_LABELS[lang]['off']})"
        lines.append(f"{rid:<{width}}  {sev:<10}  {kind:<12}  {langs:<8}  {desc}{mark}")
    return "\n".join(lines) + "\n"


def _explain_text(
    spec: RuleSpec, profile: Profile | None, lang: str, only_lang: str
) -> str:
    label = _LABELS[lang]
    enabled, severity, params = _effective(spec, profile)
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    out = [spec.id, "=" * len(spec.id), ""]
    out.extend(wrap.wrap(" ".join(spec.describe(lang).split())) or ["  -"])
    out.append("")
    sev = str(severity) if enabled else f"{severity} ({label['off']})"
    out.append(
        f"{label['kind']}: {spec.kind}    {label['scope']}: {spec.scope}    {label['severity']}: {sev}"
    )
    out.append(f"{label['languages']}: {', '.join(spec.languages)}")
    out.append(f"{label['defined']}: {_where(spec)}")
    if spec.source:
        out.append(f"{label['source']}: {spec.source}")
    out.append(f"{label['more']}: {spec.link}")
    codes = [only_lang] if only_lang else list(spec.message)
    out.append("")
    for code in codes:
        if code in spec.message:
            out.append(f"{label['message']} ({code}): {spec.message[code]}")
        if spec.suggestion.get(code):
            out.append(f"{label['suggestion']} ({code}): {spec.suggestion[code]}")
    if params:
        out.append("")
        out.append(f"{label['settings']}:")
        for key, value in sorted(params.items()):
            shown = json.dumps(_plain(value), ensure_ascii=False)
            out.append(f"  {key}: {shown if len(shown) <= 76 else shown[:75] + '…'}")
    example_langs = [only_lang] if only_lang else list(spec.examples)
    for code in example_langs:
        ex = spec.examples.get(code)
        if ex is None:
            continue
        out.append("")
        out.append(f"{label['examples']} ({code}):")
        out.extend(f"  ✗ {text}" for text in ex.fail)
        out.extend(f"  ✓ {text}" for text in ex.passing)
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run the subcommand."""
    from ..lang import normalise_code
    from ..profiles import load_profile
    from ..rules import load_rules

    lang = _ui_lang(args)
    ruleset = load_rules()
    only_lang = ""
    if args.lang:
        only_lang = normalise_code(args.lang)
        ruleset = ruleset.for_language(only_lang)
    profile = load_profile(args.profile) if args.profile else None
    specs = list(ruleset)

    if args.rule and args.rule in ruleset:
        spec = ruleset.get(args.rule)
        if args.format == "json":
            print(
                json.dumps(
                    _rule_dict(spec, profile, lang), ensure_ascii=False, indent=2
                )
            )
        else:
            sys.stdout.write(_explain_text(spec, profile, lang, only_lang))
        return ExitCode.OK
    if args.rule:
        prefix = args.rule.rstrip(".") + "."
        specs = [s for s in specs if s.id.startswith(prefix)]
        if not specs:
            import difflib

            close = difflib.get_close_matches(args.rule, ruleset.ids, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            where = f" for {only_lang}" if only_lang else ""
            print(
                f"easyread rules: error: no rule {args.rule!r}{where}{hint}",
                file=sys.stderr,
            )
            print("  run `easyread rules` to see them all", file=sys.stderr)
            return ExitCode.USAGE
    if profile is not None:
        specs = [s for s in specs if _effective(s, profile)[0]]
    if args.format == "json":
        print(
            json.dumps(
                [_rule_dict(s, profile, lang) for s in specs],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        sys.stdout.write(_list_text(specs, profile, lang))
    return ExitCode.OK
