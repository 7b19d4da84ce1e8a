"""Exceptions with exit codes and messages a person can act on.

Every message says what is wrong, where (``file:line:column`` when known) and how
to fix it. Findings are never exceptions: these are for input the tool cannot
work with at all.
"""

from __future__ import annotations

import enum

__all__ = [
    "ConfigError",
    "DocumentError",
    "EasyreadError",
    "ExitCode",
    "LanguageNotSupported",
    "MissingDependency",
    "RenderError",
    "RuleDefinitionError",
]


class ExitCode(enum.IntEnum):
    """Process exit codes of the ``easyread`` command."""

    OK = 0
    FINDINGS = 1  # something reached the --fail-on level
    USAGE = 2  # bad arguments, bad input, bad configuration
    INTERRUPTED = 3


class EasyreadError(Exception):
    """Base of all errors easyread raises on purpose.

    :param message: what is wrong.
    :param where: ``file``, ``file:line`` or ``file:line:column``.
    :param hint: how to fix it.
    """

    exit_code: int = ExitCode.USAGE

    def __init__(self, message: str, *, where: str = "", hint: str = "") -> None:
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class DocumentError(EasyreadError):
    """A source file cannot be read, decoded or parsed."""


class ConfigError(EasyreadError):
    """``easyread.toml``, ``[tool.easyread]`` or a profile is wrong."""


class RuleDefinitionError(EasyreadError):
    """A rule YAML file is wrong (points at the file and line)."""


class LanguageNotSupported(EasyreadError):
    """A language code that has no language pack."""


class MissingDependency(EasyreadError):
    """An optional package is needed (the message says which extra to install)."""


class RenderError(EasyreadError):
    """A template or the PDF engine failed."""
