"""The README documents every command, and CI runs the test command it gives."""

from __future__ import annotations

import re
import shlex
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


TOUR_DB = "/tmp/tour.db"  # the path the README's tour names (replaced by a test's own)


def tour() -> list[tuple[str, list[str]]]:
    """The README tour's ``quotedb`` commands with the lines shown under each."""
    block = README.split("```\n$ export QUOTEDB_DB=/tmp/tour.db\n", 1)[1].split("```", 1)[0]
    steps = []
    for chunk in ("\n" + block).split("\n$ quotedb ")[1:]:
        command, *lines = chunk.rstrip("\n").split("\n")
        steps.append((command, lines))
    return steps


def test_every_step_of_the_tour_prints_what_the_readme_says(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command of the tour, run on the seeds, prints exactly the lines shown (stdout,
    then stderr; the tour's database path stands for this test's)."""
    db = tmp_path / "tour.db"
    monkeypatch.setenv("QUOTEDB_DB", str(db))
    monkeypatch.setenv("COLUMNS", "100")
    steps = tour()
    assert len(steps) >= 10 and steps[0][0] == "ingest seeds/"
    for command, expected in steps:
        args = [str(seeds_dir) if a == "seeds/" else a for a in shlex.split(command)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (command, result.output)
        shown = (result.stdout + result.stderr).replace(str(db), TOUR_DB)
        shown = shown.replace(str(seeds_dir), "seeds")
        assert [line.rstrip() for line in shown.splitlines()] == expected, command


def test_the_python_example_runs(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Python example, on the seeds, in a folder of its own."""
    code = README.split("```python\n", 1)[1].split("```", 1)[0]
    assert seeds_dir == tmp_path / "seeds"  # what the example's "seeds/" names
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "lavrov.csv").read_text(encoding="utf-8").startswith("id,")
