"""Worker processes change the speed, never the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.ingest import parallel
from quotedb.ingest.documents import Source, discover
from quotedb.ingest.tasks import Extracted, FileTask, Options, tasks_for

from .helpers import counts, jsonl, write_articles


def stored_quotes(db: str) -> list[tuple[object, ...]]:
    with Database(db) as database:
        return sorted((r.file, r.start, r.end, r.text, r.speaker) for r in database.quotes())


def test_workers_give_the_same_database(runner: CliRunner, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 120)
    (tmp_path / "in" / "bad.txt").write_bytes(b"")
    dump: list[dict[str, object]] = [
        {"file": f"j{n}.txt", "text": f"Dump {n}.\n\n“Fine,” Jane Doe said."} for n in range(150)
    ]
    (tmp_path / "in" / "dump.jsonl").write_text(jsonl(dump))
    results = {}
    for workers in ("1", "2"):
        db = str(tmp_path / f"w{workers}.db")
        result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "-j", workers, "--db", db])
        assert result.exit_code == 1 and "bad.txt: empty file" in result.stderr
        assert counts(db) == (270, 120 * 3 + 150)
        results[workers] = stored_quotes(db)
    assert results["1"] == results["2"]


def test_api_ingest_with_workers(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 30)
    with Database(str(tmp_path / "q.db")) as db:
        report = db.ingest([str(tmp_path / "in")], workers=2)
        assert (report.added, report.quotations, report.ok) == (30, 90, True)
        again = db.ingest([str(tmp_path / "in")], workers=2)
        assert (again.added, again.duplicates) == (0, 30)


def test_stdin_text_with_workers(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    text = "A title\n\n“It works,” Jane Doe said."
    result = runner.invoke(app, ["ingest", "-", "-j", "2", "--db", db], input=text)
    assert result.exit_code == 0, result.output
    assert counts(db) == (1, 1)
    out = runner.invoke(app, ["quotes", "--db", db, "--format", "json"])
    assert json.loads(out.stdout)[0]["file"] == "<stdin>"


def test_read_ahead_bounded_by_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for one article's bytes in flight, all still arrive, in order."""
    monkeypatch.setattr(parallel, "IN_FLIGHT_BYTES", 1)
    sizes = [parallel._input_size(FileTask(Source(p))) for p in write_articles(tmp_path / "in", 3)]
    assert all(size > 100 for size in sizes)
    outcomes = list(
        parallel.run(tasks_for(discover([str(tmp_path / "in")]), 1 << 20), Options(), 2)
    )
    assert [Path(o.doc.source).name for o in outcomes if isinstance(o, Extracted)] == [
        "a00000.txt",
        "a00001.txt",
        "a00002.txt",
    ]
