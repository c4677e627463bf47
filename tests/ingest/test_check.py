"""``quotedb db check`` passes on a sound database and names every kind of damage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.db.engine import resolve_url
from quotedb.db.fulltext import register as register_word_pairs

from .helpers import write_articles


def ingested(runner: CliRunner, db: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 5)
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == 0, result.output


def execute(db: str, *statements: str) -> None:
    engine = create_engine(resolve_url(db))
    with engine.begin() as c:
        if c.dialect.name == "sqlite":
            c.exec_driver_sql("PRAGMA foreign_keys=OFF")
            # The triggers of migration 0003 call it; quotedb's own engine registers it.
            register_word_pairs(c.connection.driver_connection)  # type: ignore[arg-type]
        else:
            c.exec_driver_sql("SET session_replication_role = replica")  # no FK triggers
        for sql in statements:
            c.execute(text(sql))
    engine.dispose()


def check(runner: CliRunner, db: str) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["db", "check", "--db", db, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_sound_database_passes(runner: CliRunner, db_url: str, tmp_path: Path) -> None:
    ingested(runner, db_url, tmp_path)
    code, report = check(runner, db_url)
    assert code == 0 and report["ok"] is True
    assert (report["articles"], report["quotations"]) == (5, 15)
    result = runner.invoke(app, ["db", "check", "--db", db_url])
    assert result.exit_code == 0 and "no problems" in result.stdout


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ("UPDATE quotations SET text = 'forged' WHERE id = 2", "quotation text differs"),
        ('UPDATE quotations SET "end" = 100000 WHERE id = 3', "quotation span outside"),
        ("UPDATE articles SET text = text || ' more' WHERE id = 1", "article text changed"),
        ("DELETE FROM articles WHERE id = 2", "quotations of a missing article"),
        ("DELETE FROM speakers WHERE id = 1", "quotations of a missing speaker"),
        ("INSERT INTO clusters (id, representative) VALUES (999, 'x')", "clusters of fewer"),
    ],
)
def test_damage_is_found(
    runner: CliRunner, db_url: str, tmp_path: Path, damage: str, problem: str
) -> None:
    ingested(runner, db_url, tmp_path)
    execute(db_url, damage)
    code, report = check(runner, db_url)
    assert code == 1 and report["ok"] is False
    problems = report["problems"]
    assert isinstance(problems, list)
    assert any(p["problem"].startswith(problem) for p in problems), problems


def test_schema_behind_head_is_a_problem(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    assert runner.invoke(app, ["db", "upgrade", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["db", "downgrade", "0001", "--yes", "--db", db]).exit_code == 0
    code, report = check(runner, db)
    assert code == 1 and "not at head" in str(report["problems"])
    assert runner.invoke(app, ["db", "downgrade", "base", "--yes", "--db", db]).exit_code == 0
    code, report = check(runner, db)
    assert code == 0 and report["empty"]  # no quotedb table: empty, not a problem


def test_full_text_index_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    ingested(runner, db, tmp_path)
    code, report = check(runner, db)
    assert code == 0, report
    assert "full-text index matches the quotations" in str(report["checked"])
    execute(db, "DROP TRIGGER IF EXISTS quotations_fts_ad")  # an index no longer kept in step
    execute(db, "DELETE FROM quotations WHERE id = 1")
    code, report = check(runner, db)
    assert code == 1 and "full-text index" in str(report["problems"])
