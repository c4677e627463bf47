"""``quotedb extract`` as a stream: JSON Lines articles in, quotations (or articles) out,
loaded back by ``quotedb ingest`` without extracting again."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.core import EXTRACTOR_VERSION
from quotedb.db.engine import resolve_url
from quotedb.db.models import Quotation

from .helpers import article, counts, jsonl

FIELDS = {"file", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue"}


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_stdin_jsonl_to_quotation_jsonl(runner: CliRunner) -> None:
    records = [{"id": f"art-{n}", "text": article(n)} for n in range(3)]
    stdin = jsonl(records) + "not json\n"
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=stdin)
    assert result.exit_code == 1 and "<stdin>:4: not a JSON object" in result.stderr
    quotes = lines(result.stdout)
    assert len(quotes) == 9 and FIELDS | {"kind", "cluster"} <= set(quotes[0])
    assert [q["file"] for q in quotes[::3]] == ["art-0", "art-1", "art-2"]
    text = records[0]["text"]
    assert isinstance(text, str)
    first = quotes[0]
    assert isinstance(first["start"], int) and isinstance(first["end"], int)
    assert text[first["start"] : first["end"]] == first["text"]
    assert first["speaker"] == "Jane Doe"


def test_stdin_jsonl_flag(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--stdin-jsonl"], input=jsonl([{"text": article(1)}]))
    assert result.exit_code == 0, result.output
    assert len(lines(result.stdout)) == 3


def test_files_keep_their_output(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article(1))
    result = runner.invoke(app, ["extract", str(tmp_path / "one.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    quotes = lines(result.stdout)
    assert len(quotes) == 3 and {q["file"] for q in quotes} == {"one.txt"}


def test_with_article_round_trip(runner: CliRunner, env_db: str, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for n in range(4):
        (tmp_path / "in" / f"a{n}.txt").write_text(article(n))
    out = runner.invoke(app, ["extract", str(tmp_path / "in"), "--with-article"])
    assert out.exit_code == 0, out.output
    records = lines(out.stdout)
    assert len(records) == 4 and all(r["extractor_version"] == EXTRACTOR_VERSION for r in records)
    (tmp_path / "extracted.jsonl").write_text(out.stdout)
    loaded = runner.invoke(app, ["ingest", str(tmp_path / "extracted.jsonl")])
    assert loaded.exit_code == 0, loaded.output
    direct = str(tmp_path / "direct.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", direct]).exit_code == 0
    assert counts(env_db) == counts(direct) == (4, 12)


def test_carried_quotations_are_stored_as_given(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    text = "Opening line.\n\nThe mayor promised “a cleaner city” before the vote.\n"
    start = text.index("a cleaner")
    carried = {
        "start": start,
        "end": start + len("a cleaner city"),
        "text": "a cleaner city",
        "kind": "partial",
        "speaker": "Ann Mayor",
        "speaker_kind": "person",
    }
    good = {
        "id": "g",
        "text": text,
        "extractor_version": EXTRACTOR_VERSION,
        "quotations": [carried],
    }
    wrong = dict(good, id="w", text=text + "x", quotations=[dict(carried, start=0)])
    stale = dict(good, id="s", text=text + "y", extractor_version="0.0.0-old")
    (tmp_path / "in.jsonl").write_text(jsonl([good, wrong, stale]))
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl")])
    assert result.exit_code == 1
    assert "in.jsonl:2: quotation at 0-49 does not match the text" in result.stderr
    engine = create_engine(resolve_url(env_db))
    with Session(engine) as s:
        rows = list(s.scalars(select(Quotation)))
        by_article = {
            (q.article.source_path, q.text, q.speaker.name if q.speaker else None) for q in rows
        }
    engine.dispose()
    assert ("g", "a cleaner city", "Ann Mayor") in by_article
    assert all(src != "w" for src, _, _ in by_article)
    assert counts(env_db)[0] == 2  # the stale one extracted again, the wrong one refused
