"""``quotes --after`` and ``export --after``: the cursor a full page prints starts the
next page, which equals the offset page; a bad cursor is one clear line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from quotedb.cli.app import app


def listed(runner: CliRunner, *args: str) -> tuple[list[int], str | None]:
    result = runner.invoke(app, ["quotes", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    cursor = re.search(r"Next page: --after (\S+)", result.stderr)
    return [r["id"] for r in json.loads(result.stdout)], cursor[1] if cursor else None


def test_the_printed_cursor_starts_the_next_page(
    runner: CliRunner, env_db: str, seeds_dir: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    every, _ = listed(runner, "--limit", "0", "--sort", "newest")
    walked, after = listed(runner, "--limit", "4", "--sort", "newest")
    while after:
        page, after = listed(runner, "--limit", "4", "--sort", "newest", "--after", after)
        walked += page
    assert walked == every and len(every) > 8


def test_export_starts_after_the_cursor(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    _, after = listed(runner, "--limit", "3")
    assert after
    result = runner.invoke(app, ["export", "--format", "jsonl", "--limit", "2", "--after", after])
    assert result.exit_code == 0, result.output
    exported = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert exported == listed(runner, "--limit", "2", "--offset", "3")[0]


def test_a_bad_cursor_is_a_clear_error(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    result = runner.invoke(app, ["quotes", "--after", "oldest-1", "--sort", "speaker"])
    assert result.exit_code == 1
    assert "sorted by oldest, not by speaker" in result.stderr
    assert "Traceback" not in result.output
