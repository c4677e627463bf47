"""The product path through the CLI: ingest the seeds, ask who said what, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app


def ingest(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["ingest", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_lavrov_by_any_alias(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    out = ingest(runner, str(seeds_dir))
    assert "5 article(s) added" in out
    for name in ("Lavrov", "Sergei Lavrov", "Mr. Lavrov", "sergey lavrov"):
        result = runner.invoke(app, ["quotes", "--by", name, "--limit", "0", "--format", "json"])
        assert result.exit_code == 0, result.output
        records = json.loads(result.stdout)
        files = {r["file"] for r in records}
        assert len(files) == 5, (name, files)
        assert all(r["article"]["published"] for r in records)


def test_second_ingest_adds_nothing(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    ingest(runner, str(seeds_dir))
    first = json.loads(runner.invoke(app, ["quotes", "--limit", "0", "--format", "json"]).stdout)
    out = ingest(runner, str(seeds_dir))
    assert "0 article(s) added" in out and "5 already stored" in out
    assert (
        json.loads(runner.invoke(app, ["quotes", "--limit", "0", "--format", "json"]).stdout)
        == first
    )


def test_search_phrase_finds_lavrov(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    ingest(runner, str(seeds_dir))
    result = runner.invoke(app, ["search", "right path", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records and all("right path" in r["text"] for r in records)
    assert {r["speaker"] for r in records} <= {"Sergey Lavrov", "Sergey V. Lavrov"} or records


def test_export_jsonl_and_csv(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    ingest(runner, str(seeds_dir))
    jl = runner.invoke(app, ["export", "--format", "jsonl", "--by", "Lavrov"])
    assert jl.exit_code == 0, jl.output
    lines = [json.loads(x) for x in jl.stdout.splitlines()]
    assert lines and {"file", "start", "end", "speaker", "cluster", "article"} <= set(lines[0])
    c = runner.invoke(app, ["export", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    assert len(rows) >= len(lines) and rows[0]["published"]


def test_broken_database_url_is_a_clear_error(runner: CliRunner, seeds_dir: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert "cannot connect" in result.stderr and "Traceback" not in result.output
    result = runner.invoke(app, ["quotes", "--db", "mysql+nothing://x"])
    assert result.exit_code == 1 and "unsupported database" in result.stderr


def test_bad_file_does_not_abort_batch(runner: CliRunner, tmp_path: Path, seeds_dir: Path) -> None:
    (seeds_dir / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    (seeds_dir / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "5 article(s) added" in result.stderr
    assert "bad.txt" in result.stderr and "empty.txt" in result.stderr


def test_default_database_is_named_once(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --db: the first ingest says it created the database, later commands which
    database they use; each says it once."""
    monkeypatch.delenv("QUOTEDB_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for args, said in (
        (["ingest", str(seeds_dir), "-j", "2"], "Created SQLite database"),
        (["ingest", str(seeds_dir)], "Using SQLite database"),
        (["people"], "Using SQLite database"),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stderr.count(str(tmp_path / "data")) == 1 + (args[0] == "ingest")
        assert said in result.stderr


def test_duplicates_are_named_with_the_article_they_repeat(
    runner: CliRunner, env_db: str, seeds_dir: Path, tmp_path: Path
) -> None:
    ingest(runner, str(seeds_dir))
    copy = tmp_path / "copy.txt"
    first = sorted(seeds_dir.glob("*.txt"))[0]
    copy.write_bytes(first.read_bytes())
    out = ingest(runner, str(copy))
    assert f"already stored: {copy} (same text as " in out and first.name in out
