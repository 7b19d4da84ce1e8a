"""Check reports: what ``easyread check`` found, and the formats it is written in.

The model is plain data (:class:`Report` holds one :class:`FileResult` per
input), so every formatter is a pure function ``format(report) -> str``:

* ``text``   – for people: grouped by file, the sentence with the problem underlined;
* ``json``   – ``easyread.check/1``, documented in ``docs/report-schema.md``;
* ``sarif``  – SARIF 2.1.0 for GitHub code scanning and other SARIF viewers;
* ``junit``  – JUnit XML for CI dashboards (GitLab, Jenkins, Azure);
* ``github`` – GitHub Actions workflow commands (annotations on pull requests).

Formatters are imported lazily by :func:`get_formatter` so ``easyread check``
loads only the one it uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ExitCode
from ..model import Finding, Severity

__all__ = [
    "FORMATS",
    "EncodedFindings",
    "FileError",
    "FileResult",
    "Report",
    "RuleInfo",
    "get_formatter",
    "summary_counts",
]

#: Output formats of ``easyread check --format``.
FORMATS = ("text", "json", "sarif", "junit", "github")


@dataclass(frozen=True, slots=True)
class FileError:
    """Why a file could not be checked (it counts as exit code 2)."""

    message: str
    where: str = ""
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} (hint: {self.hint})" if self.hint else text

    def to_dict(self) -> dict[str, str]:
        """The error as JSON data."""
        return {"message": self.message, "where": self.where, "hint": self.hint}


@dataclass(frozen=True, slots=True)
class EncodedFindings:
    """A file's findings already written as the JSON report writes them.

    Made where the file was checked (a worker process of ``easyread check
    --format json``), so the parent neither rebuilds nor encodes a
    :class:`~easyread.model.Finding` per finding: it only copies the text.

    :param text: the file's ``findings`` list as JSON text, exactly as the
        JSON report writes it (see :func:`easyread.report.json.findings_text`).
    :param counts: how many findings there are per severity, indexed by the
        :class:`~easyread.model.Severity` value (suggestion, warning, error).
    """

    text: str
    counts: tuple[int, ...] = (0, 0, 0)

    def count(self, severity: Severity) -> int:
        """Number of findings with exactly this severity."""
        return self.counts[severity]

    def reaches(self, fail_on: Severity) -> bool:
        """Whether a finding is at or above ``fail_on``."""
        return any(self.counts[fail_on:])


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one input gave.

    :param path: the path as shown in reports (relative to the working folder
        when the file is inside it; ``<stdin>`` for standard input).
    :param baselined: findings hidden because the baseline file lists them.
    :param error: set when the file could not be loaded; then there are no findings.
    :param encoded: the findings already encoded for the JSON report (only
        ``easyread check --format json`` makes these, in its worker
        processes); then ``findings`` is empty and :meth:`count` and
        :attr:`Report.exit_code` use the counts that come with the text.
    """

    path: str
    lang: str = ""
    profile: str = ""
    stats: Mapping[str, Any] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    error: FileError | None = None
    baselined: int = 0
    encoded: EncodedFindings | None = None

    def count(self, severity: Severity) -> int:
        """Number of findings with exactly this severity."""
        if self.encoded is not None:
            return self.encoded.count(severity)
        return sum(1 for f in self.findings if f.severity is severity)

    def failing(self, fail_on: Severity) -> tuple[Finding, ...]:
        """Findings at or above the ``fail_on`` level."""
        return tuple(f for f in self.findings if f.severity >= fail_on)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What reports say about a rule besides its findings (SARIF ``rules``)."""

    id: str
    description: str = ""
    severity: Severity = Severity.WARNING
    link: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one ``easyread check`` run.

    :param fail_on: the level at which findings make the run fail (exit 1).
    :param ui_lang: language of the report's own words (summary line); ``""``
        means "the documents' language" (see :meth:`summary_lang`).
    :param rules: rule metadata for formats that describe rules (SARIF).
    """

    files: tuple[FileResult, ...]
    fail_on: Severity = Severity.ERROR
    ui_lang: str = ""
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    tool_version: str = ""

    @property
    def findings(self) -> Iterable[Finding]:
        """All findings of all files in report order."""
        return (f for r in self.files for f in r.findings)

    def count(self, severity: Severity) -> int:
        """Number of findings with exactly this severity in all files."""
        return sum(r.count(severity) for r in self.files)

    @property
    def failed_files(self) -> int:
        """Files that could not be loaded."""
        return sum(1 for r in self.files if r.error is not None)

    @property
    def baselined(self) -> int:
        """Findings hidden by the baseline in all files."""
        return sum(r.baselined for r in self.files)

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read, 1 when a finding reaches ``fail_on``, else 0."""
        if self.failed_files:
            return ExitCode.USAGE
        if any(f.severity >= self.fail_on for f in self.findings) or any(
            r.encoded.reaches(self.fail_on) for r in self.files if r.encoded is not None
        ):
            return ExitCode.FINDINGS
        return ExitCode.OK

    def summary_lang(self) -> str:
        """The language of the summary: ``ui_lang``, else the documents' shared language, else English."""
        if self.ui_lang:
            return self.ui_lang
        langs = {r.lang for r in self.files if r.lang}
        return langs.pop() if len(langs) == 1 else "en"

    def rule_info(self, rule_id: str) -> RuleInfo:
        """Metadata for a rule, made up from its first finding when not given."""
        info = self.rules.get(rule_id)
        if info is not None:
            return info
        first = next((f for f in self.findings if f.rule == rule_id), None)
        if first is None:
            return RuleInfo(rule_id)
        return RuleInfo(
            rule_id, description=first.message, severity=first.severity, link=first.link
        )


def summary_counts(report: Report) -> dict[str, int]:
    """The ``summary`` object of the JSON report."""
    return {
        "files": len(report.files),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "suggestions": report.count(Severity.SUGGESTION),
        "failed_files": report.failed_files,
        "baselined": report.baselined,
    }


Formatter = Callable[..., str]


def get_formatter(name: str) -> Formatter:
    """Return ``format(report, **options) -> str`` of one of :data:`FORMATS`.

    :raises ValueError: for an unknown format name.
    """
    if name not in FORMATS:
        raise ValueError(
            f"unknown report format {name!r}; use one of {', '.join(FORMATS)}"
        )
    module = importlib.import_module(f"{__name__}.{name}")
    formatter: Formatter = module.format_report
    return formatter
