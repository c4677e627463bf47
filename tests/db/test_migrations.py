"""Alembic owns the schema: up to head, down to base, and no drift from the models."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.db import migrations
from quotedb.db.engine import make_engine, resolve_url


def test_upgrade_head_then_downgrade_base(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url))
    migrations.upgrade(engine)
    assert migrations.current_revision(engine) == migrations.head_revision(engine)
    assert {"articles", "speakers", "quotations"} <= set(inspect(engine).get_table_names())
    migrations.downgrade(engine, "base")
    assert migrations.current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()


def test_models_match_migrations(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url))
    migrations.upgrade(engine)
    command.check(migrations.alembic_config(engine))  # raises on any drift
    engine.dispose()


def test_db_commands(runner: CliRunner, env_db: str) -> None:
    result = runner.invoke(app, ["db", "current"])
    assert result.exit_code == 0 and "empty" in result.stdout
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(app, ["db", "current"])
    assert "up to date" in result.stdout
    refused = runner.invoke(app, ["db", "downgrade", "base"], input="n\n")
    assert refused.exit_code == 1 and "every table" in refused.stderr
    assert "up to date" in runner.invoke(app, ["db", "current"]).stdout, "nothing dropped"
    one_back = runner.invoke(app, ["db", "downgrade", "-1", "--yes"])
    assert one_back.exit_code == 0, one_back.output
    behind = runner.invoke(app, ["db", "current"]).stdout
    assert "behind the newest" in behind and "quotedb db upgrade" in behind
    listed = runner.invoke(app, ["quotes"])
    assert listed.exit_code == 0 and "Upgraded" in listed.stderr, "an upgrade is announced"
    for asked in (["upgrade", "0099"], ["downgrade", "no-such", "--yes"]):
        wrong = runner.invoke(app, ["db", *asked])
        assert wrong.exit_code == 1 and "cannot" in wrong.stderr, wrong.output
        assert "Traceback" not in wrong.output
    assert runner.invoke(app, ["db", "downgrade", "base"], input="y\n").exit_code == 0
    assert "empty" in runner.invoke(app, ["db", "current"]).stdout


def test_a_database_in_a_missing_folder_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "q.db"
    result = runner.invoke(app, ["quotes", "--db", str(missing)])
    assert result.exit_code == 1 and "no folder" in result.stderr
    assert "Traceback" not in result.output and not missing.parent.exists()


def test_check_says_an_empty_database_is_empty(runner: CliRunner, env_db: str) -> None:
    """A database created and never migrated (an ingest stopped before its first commit)."""
    engine = make_engine(resolve_url(env_db))
    with engine.connect():  # creates the SQLite file, as opening it does
        pass
    engine.dispose()
    result = runner.invoke(app, ["db", "check"])
    assert result.exit_code == 0, result.output
    assert "database is empty" in result.stdout and "problem" not in result.stderr
    assert runner.invoke(app, ["db", "check", "--format", "json"]).stdout.count('"empty": true')
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    migrations.downgrade(make_engine(resolve_url(env_db)), "0004")  # half-way: a problem
    result = runner.invoke(app, ["db", "check"])
    assert result.exit_code == 1 and "not at head" in result.stderr
