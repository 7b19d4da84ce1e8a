"""Project configuration: ``easyread.toml`` or ``[tool.easyread]`` in ``pyproject.toml``.

Found by walking up from the checked file. Precedence, strongest first:
command-line flags > per-glob ``[[overrides]]`` > the config file > the
document's front matter (``profile``/``lang``) > built-in defaults.

Example ``easyread.toml``::

    profile = "strict"          # strict | plain | path to a profile YAML
    lang = "sl"                 # used when a document does not say
    fail_on = "error"           # error | warning | suggestion
    glossary = ["slovar.yaml"]  # extra glossary files (relative to this file)
    templates = "predloge"      # a folder with house templates
    baseline = ".easyread-baseline.json"
    ignore = ["sl.passive-voice"]

    [rules."core.sentence-length"]
    max = 12
    severity = "error"

    [[overrides]]
    glob = "obvestila/*.md"
    profile = "plain"
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import Severity

__all__ = ["CONFIG_NAMES", "Settings", "find_config", "load_config", "settings_for"]

CONFIG_NAMES = ("easyread.toml", ".easyread.toml", "pyproject.toml")
_KEYS = {
    "profile", "lang", "fail_on", "ui_lang", "glossary", "templates", "baseline",
    "select", "ignore", "rules", "overrides", "paper", "to",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Settings:
    """Settings that apply to one document after all layers are merged."""

    profile: str = ""
    lang: str = ""
    fail_on: Severity = Severity.ERROR
    ui_lang: str = ""
    glossary: tuple[Path, ...] = ()
    templates: tuple[Path, ...] = ()
    baseline: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    paper: str = ""
    config_path: Path | None = None


@dataclass(frozen=True, slots=True)
class _Override:
    glob: str
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """A parsed config file: base settings plus per-glob overrides."""

    path: Path
    base: Mapping[str, Any]
    overrides: tuple[_Override, ...] = ()


def find_config(start: Path) -> Path | None:
    """Walk up from ``start`` and return the first config file that applies."""
    here = start if start.is_dir() else start.parent
    for folder in (here.resolve(), *here.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return "easyread" in data.get("tool", {})


def load_config(path: Path) -> ProjectConfig:
    """Parse a config file.

    :raises ConfigError: on invalid TOML or unknown keys (naming the file).
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", where=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read the config file: {exc}", where=str(path)
        ) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("easyread", {})
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(
            f"unknown setting(s): {', '.join(unknown)}",
            where=str(path),
            hint=f"allowed settings: {', '.join(sorted(_KEYS))}",
        )
    overrides = []
    for item in data.get("overrides", []):
        if not isinstance(item, dict) or "glob" not in item:
            raise ConfigError(
                "each [[overrides]] table needs a `glob`", where=str(path)
            )
        overrides.append(
            _Override(str(item["glob"]), {k: v for k, v in item.items() if k != "glob"})
        )
    base = {k: v for k, v in data.items() if k != "overrides"}
    return ProjectConfig(path=path, base=base, overrides=tuple(overrides))


def _apply(
    settings: Settings, values: Mapping[str, Any], root: Path, where: str
) -> Settings:
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("profile", "lang", "ui_lang", "paper"):
            changes[key] = str(value)
        elif key == "fail_on":
            try:
                changes[key] = Severity.parse(str(value))
            except ValueError as exc:
                raise ConfigError(str(exc), where=where) from None
        elif key in ("glossary", "templates"):
            items = [value] if isinstance(value, str) else list(value)
            changes[key] = tuple(root / str(v) for v in items)
        elif key == "baseline":
            changes[key] = root / str(value)
        elif key in ("select", "ignore"):
            items = [value] if isinstance(value, str) else list(value)
            changes[key] = (*getattr(settings, key), *(str(v) for v in items))
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError("[rules] must be a table of rule ids", where=where)
            merged = dict(settings.rules)
            merged.update({str(k): dict(v) for k, v in value.items()})
            changes[key] = merged
    return replace(settings, **changes)


def settings_for(path: Path | None, *, config: Path | None = None) -> Settings:
    """Merge the config that applies to ``path`` (or ``config`` if given).

    Documents from standard input use the config of the current folder.
    """
    start = path if path is not None else Path.cwd()
    config_path = config or find_config(start)
    if config_path is None:
        return Settings()
    project = load_config(config_path)
    root = config_path.parent
    settings = _apply(
        Settings(config_path=config_path), project.base, root, str(config_path)
    )
    if path is not None:
        try:
            rel = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        for override in project.overrides:
            if fnmatch.fnmatch(rel, override.glob) or fnmatch.fnmatch(
                path.name, override.glob
            ):
                settings = _apply(settings, override.values, root, str(config_path))
    return settings
