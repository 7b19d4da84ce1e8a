"""Fixtures for the report formatters: a hand-made report and golden files.

Regenerate the golden files with ``EASYREAD_UPDATE_GOLDEN=1 pytest tests/report tests/cli``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from easyread.model import Finding, Location, Severity
from easyread.report import FileError, FileResult, Report, RuleInfo

GOLDEN = Path(__file__).parent / "golden"


def _finding(
    line: int,
    col: int,
    end_col: int,
    rule: str,
    severity: Severity,
    message: str,
    suggestion: str,
    excerpt: str,
    start: int,
    end: int,
    path: str,
) -> Finding:
    return Finding(
        location=Location(line, col),
        end=Location(line, end_col),
        rule=rule,
        severity=severity,
        message=message,
        suggestion=suggestion,
        excerpt=excerpt,
        excerpt_start=start,
        excerpt_end=end,
        path=path,
        link=f"https://easyread.example/rules/{rule}",
    )


@pytest.fixture
def sample_report() -> Report:
    """Three files: one with a finding of each severity, one unreadable, one clean."""
    path = "docs/vabilo.md"
    sentence = "Dogodek bo v petek, 10. maja, ob 10. uri v veliki dvorani\nknjižnice, kjer bo dr. Novak predstavil knjigo."
    findings = (
        _finding(
            4,
            1,
            47,
            "core.sentence-length",
            Severity.ERROR,
            "Poved ima 20 besed; največ jih sme imeti 15.",
            "Razdelite jo na dve krajši povedi.",
            sentence,
            0,
            len(sentence),
            path,
        ),
        _finding(
            5,
            18,
            21,
            "sl.abbreviation",
            Severity.WARNING,
            "Okrajšava „dr.“ je težka za branje: 100 % bralcev, ki: ne, vedo.",
            "Napišite: doktor.",
            sentence,
            77,
            80,
            path,
        ),
        _finding(
            7,
            5,
            13,
            "core.hard-word",
            Severity.SUGGESTION,
            "Beseda „dislocirana“ je težka.",
            "",
            "Za dislocirana enota.",
            3,
            14,
            path,
        ),
    )
    return Report(
        files=(
            FileResult(
                path=path,
                lang="sl",
                profile="strict",
                stats={
                    "words": 27,
                    "sentences": 3,
                    "words_per_sentence": 9.0,
                    "lix": 31.5,
                },
                findings=findings,
            ),
            FileResult(
                path="docs/manjka.md",
                error=FileError("file not found", "docs/manjka.md", "check the path"),
            ),
            FileResult(
                path="docs/dobro.md",
                lang="sl",
                profile="strict",
                stats={"words": 5, "sentences": 1},
            ),
        ),
        fail_on=Severity.WARNING,
        rules={
            "core.sentence-length": RuleInfo(
                "core.sentence-length",
                description="Short sentences are easier to read. Easy-read sentences have at most 15 words.",
                severity=Severity.ERROR,
                link="https://easyread.example/rules/core.sentence-length",
            )
        },
        tool_version="0.1.0",
    )


@pytest.fixture
def golden(update_golden: bool) -> Callable[[str, str], None]:
    """Compare text with ``golden/<name>``; write it with ``--update-golden``
    or EASYREAD_UPDATE_GOLDEN=1."""

    def check(name: str, text: str) -> None:
        target = GOLDEN / name
        if update_golden:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            return
        assert target.exists(), (
            f"missing golden file {target}; run with EASYREAD_UPDATE_GOLDEN=1"
        )
        assert text == target.read_text(encoding="utf-8"), (
            f"output differs from {target}"
        )

    return check
