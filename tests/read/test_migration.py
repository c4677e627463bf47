"""Migration 0002: the index is built, follows the data, goes away, and shows no drift."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from quotedb.api import Database
from quotedb.db.fulltext import is_fulltext_object
from quotedb.db.migrations import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)


def fulltext_objects(db: Database) -> set[str]:
    insp = inspect(db.engine)
    names = set(insp.get_table_names())
    names |= {c["name"] for c in insp.get_columns("quotations")}
    names |= {i["name"] or "" for i in insp.get_indexes("quotations")}
    return {n for n in names if is_fulltext_object(n)}


def test_no_drift_at_head(db_url: str) -> None:
    db = Database(db_url)
    assert current_revision(db.engine) == head_revision(db.engine)
    command.check(alembic_config(db.engine))  # raises when autogenerate finds changes
    assert fulltext_objects(db)
    db.close()


def test_downgrade_removes_and_upgrade_rebuilds(db_url: str, seeds_dir: Path) -> None:
    db = Database(db_url)
    db.ingest([str(seeds_dir)])
    downgrade(db.engine, "0001")
    assert fulltext_objects(db) == set()
    upgrade(db.engine)
    assert fulltext_objects(db)
    assert db.search("right path"), "rows stored before 0002 are indexed when it runs"
    db.close()


def test_gin_indexes_take_entries_at_once(db_url: str) -> None:
    """No pending list for searches to read (migration 0004)."""
    if not db_url.startswith("postgresql"):
        pytest.skip("GIN indexes are PostgreSQL's")
    db = Database(db_url)
    assert gin_options(db) == {
        "ix_quotations_text_search": "{fastupdate=off}",
        "ix_quotations_word_pairs": "{fastupdate=off}",
    }
    downgrade(db.engine, "0003")
    assert gin_options(db) == {"ix_quotations_text_search": None, "ix_quotations_word_pairs": None}
    upgrade(db.engine)
    db.close()


def gin_options(db: Database) -> dict[str, str | None]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT relname, reloptions::text FROM pg_class WHERE oid IN "
            "(to_regclass('ix_quotations_text_search'), to_regclass('ix_quotations_word_pairs'))"
        )
        return {name: options for name, options in rows}


def test_0006_fills_the_paragraphs_of_rows_stored_before(db_url: str, seeds_dir: Path) -> None:
    """Downgraded, the paragraphs and their index are gone; upgraded, they are back for the
    quotations stored before, and searchable."""
    db = Database(db_url)
    db.ingest([str(seeds_dir)])
    found = {h.id for h in db.search("NATO", context=True, limit=None)}
    downgrade(db.engine, "0005")
    columns = {c["name"] for c in inspect(db.engine).get_columns("quotations")}
    assert "context" not in columns and not {n for n in fulltext_objects(db) if "context" in n}
    upgrade(db.engine)
    assert {h.id for h in db.search("NATO", context=True, limit=None)} == found and found
    db.close()
