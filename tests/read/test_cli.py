"""``quotedb search`` through the CLI: JSON listing, filters, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotedb.cli.app import app


def test_search_cli(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    result = runner.invoke(app, ["search", "right path", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records and all("Lavrov" in r["speaker"] for r in records)
    assert {"score", "snippet", "article", "file", "start", "end"} <= set(records[0])
    table = runner.invoke(app, ["search", "right path", "--by", "Lavrov", "--quote-kind", "direct"])
    assert table.exit_code == 0 and "Lavrov" in table.stdout
    empty = runner.invoke(app, ["search", "zanzibar", "--format", "json"])
    assert json.loads(empty.stdout) == []


def test_search_cli_user_error(runner: CliRunner, env_db: str) -> None:
    result = runner.invoke(app, ["search", '"*"'])
    assert result.exit_code == 1
    assert "nothing to search for" in result.stderr and "Traceback" not in result.output
    bad_kind = runner.invoke(app, ["search", "x", "--quote-kind", "shouting"])
    assert bad_kind.exit_code == 2
