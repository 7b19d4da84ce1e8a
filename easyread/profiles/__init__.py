"""Profiles as data: ``strict`` (lahko branje / Easy Read / Leichte Sprache) and
``plain`` (preprost jezik / plain language / Einfache Sprache).

A profile holds rule settings (thresholds, severities, switched-off rules), the
simplifier's transform order and the renderer's typography. A user profile is a
YAML file that ``extends`` a built-in one and overrides what it needs::

    extends: strict
    rules:
      core.sentence-length: {max: 12, severity: error}
      sl.passive-voice: {enabled: false}
    render:
      font_size_pt: 18
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError

__all__ = ["BUILTIN", "Profile", "load_profile"]

BUILTIN = ("strict", "plain")
_KEYS = {"name", "title", "extends", "description", "rules", "render", "transforms"}


@dataclass(frozen=True, slots=True)
class Profile:
    """A merged profile (its ``extends`` chain already applied)."""

    name: str
    title: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    render: Mapping[str, Any] = field(default_factory=dict)
    transforms: tuple[str, ...] = ()
    source: str = ""

    def rule_settings(self, rule_id: str) -> dict[str, Any]:
        """Settings for one rule: prefix entries first, the most specific wins.

        ``core`` applies to ``core.sentence-length``; so does
        ``core.sentence-length`` itself, and it wins.
        """
        merged: dict[str, Any] = {}
        parts = rule_id.split(".")
        for i in range(1, len(parts) + 1):
            merged.update(self.rules.get(".".join(parts[:i]), {}))
        return merged


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = (
            yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        )
    except yaml.YAMLError as exc:
        raise ConfigError(f"profile is not valid YAML: {exc}", where=where) from None
    if not isinstance(data, dict):
        raise ConfigError("a profile must be a mapping", where=where)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(
            f"unknown profile key(s): {', '.join(unknown)}",
            where=where,
            hint=f"allowed keys: {', '.join(sorted(_KEYS))}",
        )
    return data


def _merge(base: Profile, data: Mapping[str, Any], name: str, where: str) -> Profile:
    rules = {k: dict(v) for k, v in base.rules.items()}
    for rule_id, value in (data.get("rules") or {}).items():
        if value is False:
            value = {"enabled": False}
        if not isinstance(value, Mapping):
            raise ConfigError(
                f"rule settings for {rule_id!r} must be a mapping", where=where
            )
        rules.setdefault(str(rule_id), {}).update(value)
    render = {**base.render, **(data.get("render") or {})}
    transforms = tuple(data["transforms"]) if "transforms" in data else base.transforms
    return Profile(
        name=name,
        title={**base.title, **(data.get("title") or {})},
        description=str(data.get("description", base.description)),
        rules=rules,
        render=render,
        transforms=transforms,
        source=where,
    )


@functools.lru_cache(maxsize=32)
def _builtin(name: str) -> Profile:
    ref = resources.files(__name__).joinpath(f"{name}.yaml")
    data = _read_yaml(ref.read_text(encoding="utf-8"), f"easyread/profiles/{name}.yaml")
    base = _builtin(str(data["extends"])) if data.get("extends") else Profile(name=name)
    return _merge(base, data, name, f"easyread/profiles/{name}.yaml")


def load_profile(
    name: str | Path | None = None, _seen: tuple[str, ...] = ()
) -> Profile:
    """Load ``strict``, ``plain`` or a profile YAML file (default ``strict``).

    Aliases: ``easy-read``, ``lahko-branje``, ``leichte-sprache`` -> strict;
    ``plain-language``, ``preprost-jezik``, ``einfache-sprache`` -> plain.

    :raises ConfigError: for an unknown name, a missing file or a bad profile.
    """
    key = str(name or "strict").strip()
    key = _ALIASES.get(key.lower(), key)
    if key in BUILTIN:
        return _builtin(key)
    path = Path(key)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise ConfigError(
            f"unknown profile {key!r}",
            hint=f"use one of {', '.join(BUILTIN)} or a path to a profile .yaml file",
        )
    if str(path) in _seen:
        raise ConfigError("profiles extend each other in a circle", where=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise ConfigError("profile file not found", where=str(path)) from None
    data = _read_yaml(text, str(path))
    parent = data.get("extends") or "strict"
    parent_path = str(parent)
    if (
        Path(parent_path).suffix in (".yaml", ".yml")
        and not Path(parent_path).is_absolute()
    ):
        parent_path = str(path.parent / parent_path)
    base = load_profile(parent_path, (*_seen, str(path)))
    return _merge(base, data, str(data.get("name") or path.stem), str(path))


_ALIASES = {
    "easy-read": "strict",
    "easyread": "strict",
    "lahko-branje": "strict",
    "leichte-sprache": "strict",
    "plain-language": "plain",
    "preprost-jezik": "plain",
    "einfache-sprache": "plain",
}
