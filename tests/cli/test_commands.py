"""The CLI imports only the module of the command it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from easyread import cli

ROOT = Path(__file__).resolve().parents[2]


class _Recorder:
    def __init__(self) -> None:
        self.helps: dict[str, str] = {}

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        self.helps[name] = kwargs.get("help", "")
        return _Sink()


class _Sink:
    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: _Sink()


@pytest.mark.parametrize("name", list(cli._COMMANDS))
def test_placeholder_help_is_the_commands_help(name: str) -> None:
    recorder = _Recorder()
    cli._module(name).add_parser(recorder)
    assert recorder.helps == {name: cli._COMMANDS[name]}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "a.md"], "check"),
        (["-v", "-q", "build", "x"], "build"),
        (["rules"], "rules"),
        (["--help"], None),
        (["nonsense", "check"], None),
        ([], None),
    ],
)
def test_command_of(argv: list[str], expected: str | None) -> None:
    assert cli._command_of(argv) == expected


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for name, help_text in cli._COMMANDS.items():
        assert name in out and help_text in out


def test_check_does_not_import_the_other_commands() -> None:
    code = (
        "import sys\n"
        "from easyread.cli import main\n"
        f"rc = main(['check', '--format', 'json', '-o', {str(Path('/dev/null'))!r}, "
        f"{str(ROOT / 'examples' / 'sl-vabilo-ura-branja.md')!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('easyread.cli.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "easyread.cli.check" in out
    for other in ("build", "simplify", "rules"):
        assert f"easyread.cli.{other}'" not in out
