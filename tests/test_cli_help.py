"""Every command has help with an example, and is named in the README."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from dossier.cli import app
from tests.conftest import ROOT


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):  # a sub-group (typer vendors its own click)
            out.extend(_commands(cmd, full + " "))
        else:
            out.append((full, cmd))
    return out


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize(("name", "cmd"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_cli_command_help_has_an_example(name: str, cmd: Any) -> None:
    assert "Example: dossier " in (cmd.help or ""), f"`dossier {name}` help lacks an example"


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_cli_command_is_documented_in_readme(name: str) -> None:
    assert f"dossier {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_help_runs() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "build" in result.output
