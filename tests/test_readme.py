"""The README documents every command, and CI runs the test command it gives."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from quotedb.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths(group: typer.Typer, prefix: str = "quotedb") -> list[str]:
    paths = []
    for info in group.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        paths.append(f"{prefix} {name.replace('_', '-')}")
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        paths += command_paths(sub.typer_instance, f"{prefix} {sub.name}")
    return paths


def test_every_command_is_documented() -> None:
    paths = command_paths(app)
    assert len(paths) >= 8
    missing = [p for p in paths if not re.search(rf"`{re.escape(p)}\b", README)]
    assert not missing, f"commands missing from README: {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci
    assert re.search(r"^    \$ python3 -m venv \.venv .*pytest", README, re.M)
