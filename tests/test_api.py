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
        assert hits and all("right path" in h.text for h in hits)
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


def test_the_api_offers_every_command(db_url: str, seeds_dir: Path, tmp_path: Path) -> None:
    """Search and who take by= like quotes; export, corrections, reextract and the schema's
    revisions are there without the CLI."""
    steps: list[quotedb.api.Step] = []
    with quotedb.open_database(db_url) as db:
        report = db.ingest([str(seeds_dir)], workers=1, progress=steps.append)
        assert report.added == 5 and len(steps) == 5 and all(s.article for s in steps)
        assert {r.speaker for r in db.search("path", by="Lavrov")} <= {"Sergey Lavrov"}
        [best] = db.who("there is no trade space", limit=1)
        assert db.who("there is no trade space", by=best.speaker)[0].id == best.id
        qid = db.quotes(by="Lavrov")[0].id
        assert db.show(qid)["paragraph"]
        fixed = db.correct_speaker(qid, "Jane Doe")
        assert fixed.action == "reattribute" and fixed.previous["speaker"]
        assert [c.id for c in db.corrections()] == [fixed.id]
        out = tmp_path / "q.csv"
        assert db.export(out, fmt="csv", by="Jane Doe") == 1
        assert "Jane Doe" in out.read_text(encoding="utf-8")
        again = db.reextract()
        assert again.articles == 5 and again.quotations > 0
        assert db.quotes(by="Jane Doe"), "the correction survives reextract"
        current, head = db.revisions()
        assert current == head and db.check().ok


def test_extract_stream_yields_records_and_failures(seeds_dir: Path) -> None:
    (seeds_dir / "empty.txt").write_text("")
    items = list(quotedb.api.extract_stream([str(seeds_dir)]))
    failures = [i for i in items if isinstance(i, quotedb.api.Failure)]
    assert len(failures) == 1 and "empty.txt" in failures[0].reason
    assert items[-1] is failures[0], "read as a whole corpus: failures come last"
    streamed = list(quotedb.api.extract_stream([str(seeds_dir)], with_article=True))
    assert sum(isinstance(i, dict) and "text" in i for i in streamed) == 5
