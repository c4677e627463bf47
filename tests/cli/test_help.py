"""Every ``--help`` at 80 columns: values named, no Python types or markup leaking, choices
never split inside a word, and the commands in the README's order."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from quotedb.cli.app import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
LEAKS = {
    "a Python type": re.compile(r"<(bool|str|int|float|path|list\[)"),
    "a strftime format": re.compile(r"%[YmdHMS]"),
    "a braced argument name": re.compile(r"\{[A-Za-z_]+\}"),
    "reST markup": re.compile(r"``|:(meth|func|class):"),
    "Rich markup": re.compile(r"\[/?(bold|dim|red|yellow)\b|\\\["),
}


def command_paths(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, sub in getattr(command, "commands", {}).items():
        paths += command_paths(sub, (*prefix, name))
    return paths


def commands_of(command: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        command = command.commands[name]
    return command


ROOT_COMMAND = typer.main.get_command(app)
PATHS = command_paths(ROOT_COMMAND)


def rendered(runner: CliRunner, path: tuple[str, ...], flag: str = "--help") -> str:
    result = runner.invoke(app, [*path, flag], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "quotedb")
def test_help_names_values_and_leaks_nothing(runner: CliRunner, path: tuple[str, ...]) -> None:
    shown = rendered(runner, path)
    assert max(len(line) for line in shown.splitlines()) <= 80
    for what, pattern in LEAKS.items():
        assert not pattern.search(shown), f"{what} in `quotedb {' '.join(path)} --help`"
    assert rendered(runner, path, "-h") == shown


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "quotedb")
def test_every_choice_is_shown_whole(runner: CliRunner, path: tuple[str, ...]) -> None:
    """A choice is never cut in two by the wrapping (``unn`` / ``amed``)."""
    shown = " ".join(re.sub(r"[│╭╮╰╯─]", " ", rendered(runner, path)).split())
    command = commands_of(ROOT_COMMAND, path)
    for param in command.params:
        desc = param.type_descriptor
        for choice in (desc.choices or ()) if desc.is_choice else ():
            value = str(getattr(choice, "value", choice))
            assert re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", shown), (param.name, value)


def test_commands_are_listed_in_the_readmes_order(runner: CliRunner) -> None:
    shown = rendered(runner, ())
    listed = re.findall(r"^│ (\w[\w-]*) ", shown, re.M)
    listed = [c for c in listed if c in ROOT_COMMAND.commands]
    in_readme = sorted(listed, key=lambda c: README.index(f"`quotedb {c}"))
    assert listed == in_readme and len(listed) == len(ROOT_COMMAND.commands)


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and re.fullmatch(r"quotedb \S+\n", result.stdout)
