"""The report's own words (summary line, severity names) in sl, en and de.

Slovenian nouns have four number forms after a count: 1 (and 101, 201 …)
takes the singular, 2 the dual, 3 and 4 the plural, 0 and 5 or more the
genitive plural: 1 napaka, 2 napaki, 3 napake, 5 napak.
"""

from __future__ import annotations

from ..model import Severity

__all__ = ["count_phrase", "plural_index", "severity_label", "words"]

# noun -> language -> forms (sl: one, two, few, many; en/de: one, other)
_NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "error": {
        "sl": ("napaka", "napaki", "napake", "napak"),
        "en": ("error", "errors"),
        "de": ("Fehler", "Fehler"),
    },
    "warning": {
        "sl": ("opozorilo", "opozorili", "opozorila", "opozoril"),
        "en": ("warning", "warnings"),
        "de": ("Warnung", "Warnungen"),
    },
    "suggestion": {
        "sl": ("predlog", "predloga", "predlogi", "predlogov"),
        "en": ("suggestion", "suggestions"),
        "de": ("Vorschlag", "Vorschläge"),
    },
    "file": {
        "sl": ("datoteka", "datoteki", "datoteke", "datotek"),
        "en": ("file", "files"),
        "de": ("Datei", "Dateien"),
    },
}

_SEVERITY = {
    "sl": {
        Severity.ERROR: "napaka",
        Severity.WARNING: "opozorilo",
        Severity.SUGGESTION: "predlog",
    },
    "de": {
        Severity.ERROR: "Fehler",
        Severity.WARNING: "Warnung",
        Severity.SUGGESTION: "Vorschlag",
    },
}

_WORDS = {
    "checked": {"sl": "Preverjeno", "en": "Checked", "de": "Geprüft"},
    "found": {"sl": "Najdeno", "en": "Found", "de": "Gefunden"},
    "unreadable": {
        "sl": "Ni bilo mogoče prebrati",
        "en": "Could not be read",
        "de": "Nicht lesbar",
    },
    "baselined": {
        "sl": "Skrito zaradi izhodišča (baseline)",
        "en": "Hidden by the baseline",
        "de": "Durch die Baseline ausgeblendet",
    },
    "no_problems": {"sl": "brez težav", "en": "no problems", "de": "keine Probleme"},
}


def _lang(lang: str) -> str:
    code = lang.split("-")[0].split("_")[0].lower()
    return code if code in ("sl", "en", "de") else "en"


def plural_index(n: int, lang: str) -> int:
    """Index of the noun form for ``n`` (sl: 0 one, 1 two, 2 few, 3 many)."""
    if _lang(lang) == "sl":
        rest = abs(n) % 100
        if rest == 1:
            return 0
        if rest == 2:
            return 1
        if rest in (3, 4):
            return 2
        return 3
    return 0 if n == 1 else 1


def count_phrase(n: int, noun: str, lang: str) -> str:
    """``"2 napaki"``, ``"1 warning"``, ``"3 Vorschläge"``."""
    forms = _NOUNS[noun][_lang(lang)]
    return f"{n} {forms[plural_index(n, lang)]}"


def severity_label(severity: Severity, lang: str) -> str:
    """The severity name in the UI language (``napaka``, ``warning``, ``Fehler``)."""
    return _SEVERITY.get(_lang(lang), {}).get(severity, str(severity))


def words(key: str, lang: str) -> str:
    """A fixed word or phrase of the summary line."""
    return _WORDS[key][_lang(lang)]
