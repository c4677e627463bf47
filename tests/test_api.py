"""The Python API that notebooks use: extraction from a string, a database to query."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import quotedb
from quotedb.cli.app import app


def test_extract_from_a_string() -> None:
    text = "“We will respond next week,” Jane Roe said."
    [q] = quotedb.extract(text)
    assert text[q.start : q.end] == q.text == "We will respond next week,"
    assert q.speaker == "Jane Roe" and q.mention is not None
    assert text[q.mention.start : q.mention.end] == "Jane Roe"


def test_open_database_ingest_and_query(db_url: str, seeds_dir: Path) -> None:
    with quotedb.open_database(db_url) as db:
        report = db.ingest([str(seeds_dir)])
        assert report.ok and report.added == 5
        hits = db.search("right path")
        assert hits and all("right path" in h["text"] for h in hits)
        assert any(p.quotations for p in db.people())


def test_extract_command_writes_scorer_records(runner: CliRunner, seeds_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    assert len({r["file"] for r in records}) == 5
    for r in records:
        assert {
            "file",
            "start",
            "end",
            "text",
            "speaker",
            "speaker_start",
            "speaker_end",
            "cue",
            "kind",
            "cluster",
        } <= set(r)
        assert texts[r["file"]][r["start"] : r["end"]] == r["text"]
