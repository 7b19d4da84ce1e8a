"""Build :class:`~easyread.model.Finding` objects for the output checks."""

from __future__ import annotations

from typing import TypedDict

from ...model import Finding, Location, Severity
from ...profiles import Profile
from . import _messages as m

__all__ = ["Collector", "Where", "message_lang"]


class Where(TypedDict):
    """Where a finding is: keyword arguments for :meth:`Collector.add`."""

    line: int
    column: int
    path: str
    excerpt: str
    excerpt_start: int
    excerpt_end: int


def message_lang(requested: str | None, document_lang: str | None) -> str:
    """The language of the messages: the one asked for, else the document's, else English."""
    for candidate in (requested, document_lang):
        if candidate:
            primary = candidate.strip().lower().replace("_", "-").split("-")[0]
            if primary in m.LANGS:
                return primary
    return "en"


class Collector:
    """Collects findings for one file; applies the profile's rule settings.

    A profile can switch a check off (``rules: {pdf.margins: {enabled: false}}``,
    or a whole prefix such as ``html``) or change its severity.
    """

    def __init__(self, path: str, profile: Profile, lang: str) -> None:
        self.path = path
        self.profile = profile
        self.lang = lang
        self.findings: list[Finding] = []

    def enabled(self, rule_id: str) -> bool:
        """False if the profile switched ``rule_id`` off."""
        return bool(self.profile.rule_settings(rule_id).get("enabled", True))

    def add(
        self,
        rule_id: str,
        variant: str = "",
        *,
        line: int = 1,
        column: int = 1,
        excerpt: str = "",
        excerpt_start: int = 0,
        excerpt_end: int | None = None,
        path: str = "",
        severity: Severity | None = None,
        **fields: object,
    ) -> None:
        """Add a finding for ``rule_id`` with the message ``rule_id:variant``."""
        if not self.enabled(rule_id):
            return
        rule = m.RULES[rule_id]
        configured = self.profile.rule_settings(rule_id).get("severity")
        if configured:
            sev = Severity.parse(str(configured))
        else:
            sev = severity if severity is not None else rule.severity
        key = f"{rule_id}:{variant}" if variant else rule_id
        loc = Location(max(1, line), max(1, column))
        self.findings.append(
            Finding(
                location=loc,
                end=loc,
                rule=rule_id,
                severity=sev,
                message=m.text(key, self.lang, **fields),
                suggestion=m.suggestion(key, self.lang),
                excerpt=excerpt,
                excerpt_start=excerpt_start,
                excerpt_end=len(excerpt) if excerpt_end is None else excerpt_end,
                path=path or self.path,
                link=rule.link,
            )
        )

    def result(self) -> tuple[Finding, ...]:
        """The findings, sorted by file and position."""
        return tuple(
            sorted(self.findings, key=lambda f: (f.path, f.location, f.rule, f.message))
        )
