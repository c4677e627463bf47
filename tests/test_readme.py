"""The README documents every command, and CI runs the test command it gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

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


def tour_output(command: str) -> list[str]:
    """The lines the README's tour shows under ``$ quotedb COMMAND``."""
    block = README.split(f"$ quotedb {command}\n", 1)[1]
    return block.split("\n$ ", 1)[0].splitlines()


def test_the_tours_show_prints_what_the_readme_says(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What show says of a confidence (the lines after its rule) is what the tour shows."""
    monkeypatch.setenv("QUOTEDB_DB", str(tmp_path / "tour.db"))
    monkeypatch.setenv("COLUMNS", "100")
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    shown = runner.invoke(app, ["show", "32"])
    assert shown.exit_code == 0, shown.output
    expected = [line for line in tour_output("show 32") if not line.startswith(("#", "─"))]
    assert any(line.startswith("Confidence 0.") for line in expected)
    assert expected == [
        line for line in shown.stdout.splitlines() if not line.startswith(("#", "─"))
    ]
