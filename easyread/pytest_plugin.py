"""pytest plugin: check documents as part of a test run.

::

    pytest --easyread docs/                 # every .md/.txt under docs/ is a test
    pytest --easyread --easyread-fail-on=warning docs/

Each document becomes one test item (``docs/vabilo.md::easyread``). It fails
when a finding reaches the fail-on level (``--easyread-fail-on``, else the
project config's ``fail_on``, else ``error``) and the failure lists every such
finding with its sentence, as ``easyread check`` prints it. The project's
baseline file (config key ``baseline``) hides old findings. Options:
``--easyread-profile``, ``--easyread-lang``, ``--easyread-fail-on``; the ini
setting ``easyread_fail_on`` works like the option.

Without ``--easyread`` the plugin does nothing: it registers its options and
collects nothing. Everything else is imported only when the option is given,
because this module loads in every pytest run of a project that has easyread
installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .report import FileResult

__all__ = ["EasyreadFile", "EasyreadItem"]

_SUFFIXES = (".md", ".markdown", ".txt")
# Text files that are never documents for people (lower-case name prefixes).
_NOT_DOCUMENTS = (
    "requirements",
    "constraints",
    "license",
    "licence",
    "copying",
    "notice",
    "cmakelists",
    "robots",
    "top_level",
    "sources",
    "dependency_links",
    "entry_points",
)
_SKIP_DIRS = {
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".git",
    ".tox",
    ".nox",
    "site-packages",
    "build",
    "dist",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register ``--easyread`` and its companions."""
    group = parser.getgroup("easyread", "easy-read checks of documents")
    group.addoption(
        "--easyread",
        action="store_true",
        default=False,
        help="check .md/.txt documents with easyread (one test per document)",
    )
    group.addoption(
        "--easyread-fail-on",
        default=None,
        choices=("error", "warning", "suggestion"),
        help="level at which a document fails (default: config, else error)",
    )
    group.addoption(
        "--easyread-profile",
        default=None,
        help="profile: strict, plain or a profile YAML file",
    )
    group.addoption(
        "--easyread-lang",
        default=None,
        help="language of the documents (sl, en, de); overrides the front matter",
    )
    parser.addini(
        "easyread_fail_on",
        "level at which a document fails (error, warning, suggestion)",
        default="",
    )


def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> pytest.Collector | None:
    """Collect a document when ``--easyread`` is given; otherwise nothing."""
    config = parent.config
    if not config.getoption("easyread", False):
        return None
    if file_path.suffix.lower() not in _SUFFIXES:
        return None
    name = file_path.name.lower()
    if file_path.suffix.lower() == ".txt" and name.startswith(_NOT_DOCUMENTS):
        return None
    if any(
        part in _SKIP_DIRS or part.endswith((".egg-info", ".dist-info"))
        for part in file_path.parts
    ):
        return None
    collected: EasyreadFile = EasyreadFile.from_parent(parent, path=file_path)
    return collected


class EasyreadFile(pytest.File):
    """A document: yields one :class:`EasyreadItem`."""

    def collect(self) -> list[EasyreadItem]:
        """One item per document."""
        return [EasyreadItem.from_parent(self, name="easyread")]


class EasyreadCheckError(Exception):
    """A document has findings at the fail-on level (or could not be read)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class EasyreadItem(pytest.Item):
    """Check one document; fail when a finding reaches the fail-on level."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("easyread")

    def _fail_on(self, project_fail_on: Any) -> Any:
        from .model import Severity

        value = self.config.getoption("easyread_fail_on") or self.config.getini(
            "easyread_fail_on"
        )
        return Severity.parse(str(value)) if value else project_fail_on

    def runtest(self) -> None:
        """Check the document (the same code path as ``easyread check``)."""
        from dataclasses import replace

        from .cli.check import CheckOptions, check_path
        from .config import settings_for
        from .report import Report
        from .report.text import format_report

        opts = CheckOptions(
            lang=self.config.getoption("easyread_lang") or "",
            profile=self.config.getoption("easyread_profile") or "",
        )
        path = Path(self.path)
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        settings = settings_for(path)
        fail_on = self._fail_on(settings.fail_on)
        result: FileResult = check_path(shown, opts)
        if settings.baseline is not None and result.error is None:
            # The project's baseline hides old findings here too.
            from .baseline import load_baseline

            kept, _ = load_baseline(settings.baseline).filter(
                result.path, result.findings
            )
            result = replace(result, findings=kept)
        failing = result.failing(fail_on)
        if result.error is None and not failing:
            return
        shown_result = replace(result, findings=failing)
        report = Report(files=(shown_result,), fail_on=fail_on)
        raise EasyreadCheckError(format_report(report, summary=False).rstrip())

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str:
        """Show the findings, not a traceback."""
        if isinstance(excinfo.value, EasyreadCheckError):
            return excinfo.value.text
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item comes from, for pytest's report lines."""
        return self.path, None, f"easyread: {self.path.name}"


def pytest_configure(config: pytest.Config) -> None:
    """Declare the ``easyread`` marker (so ``--strict-markers`` accepts it)."""
    config.addinivalue_line(
        "markers", "easyread: an easyread document check (pytest --easyread)"
    )
