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


def exported(runner: CliRunner, *args: str) -> tuple[list[int], str | None]:
    result = runner.invoke(app, ["export", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    cursor = re.search(r"Next page: --after (\S+)", result.stderr)
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    return ids, cursor[1] if cursor else None


def test_export_walks_an_archive_by_the_cursors_it_prints(
    runner: CliRunner, env_db: str, seeds_dir: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    every, last = exported(runner)
    assert last is None  # no limit: nothing more to page
    walked, after = exported(runner, "--limit", "5", "--sort", "newest")
    pages = 1
    while after:
        page, after = exported(runner, "--limit", "5", "--sort", "newest", "--after", after)
        walked += page
        pages += 1
    assert sorted(walked) == sorted(every) and len(set(walked)) == len(walked)
    assert pages == -(-len(every) // 5) + (len(every) % 5 == 0)  # a full last page: one empty


def test_a_grouped_export_pages_in_the_listing_order(
    runner: CliRunner, env_db: str, seeds_dir: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    listed_ids, _ = listed(runner, "--limit", "6")
    result = runner.invoke(
        app, ["export", "--style", "apa", "--group-by", "speaker", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    after = re.search(r"Next page: --after (\S+)", result.stderr)
    assert after is not None and after[1] == f"oldest-{listed_ids[2]}"
    assert exported(runner, "--limit", "3", "--after", after[1])[0] == listed_ids[3:6]


def test_no_cursor_for_a_phrase_or_a_short_page(
    runner: CliRunner, env_db: str, seeds_dir: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    every, _ = exported(runner)
    assert exported(runner, "--limit", str(len(every) + 1))[1] is None
    result = runner.invoke(app, ["export", "--phrase", "the", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "Next page" not in result.stderr
