"""PostgreSQL bulk writes: rows through COPY, full-text indexes rebuilt after a large load.

The bulk loader runs the writer's own decisions (speakers, aliases, clusters) unchanged;
only how rows reach the tables differs, so both give the same database content.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from psycopg import Connection as PgConnection
from psycopg.types.json import Json
from sqlalchemy import JSON, Table, func, literal, select, text
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.orm import Session

from quotedb.db.fulltext import (
    CONTEXT_INDEX,
    PAIRS_INDEX,
    TSV_INDEX,
    WORDS_INDEX,
    WORDS_ROWS,
    WORDS_TABLE,
    WORDS_TRIGGERS,
)
from quotedb.db.models import QUOTATIONS

DEFERRED_INDEXES = (TSV_INDEX, PAIRS_INDEX, CONTEXT_INDEX)  # GIN: the costly ones to maintain
# Rebuilt while the table holds fewer than this many times the rows a load brings. On
# PolNeAR train, server CPU (with pending lists, below): half loaded into the other half,
# 1.5-2.2 s merged against 2.0-2.4 s rebuilt; three quarters into the rest, the same
# either way; into an empty table, rebuilding a little cheaper (2.3-2.8 s against 2.6-3.1).
REBUILD_BELOW = 0.5
# Otherwise new rows wait in each index's pending list, merged at the end: on PolNeAR train
# loaded half into the other half, 92-97 articles/s with row-by-row inserts, 129-152 so.
PENDING_KB = 256 * 1024  # a pending list's limit then (past it, a merge runs mid-load)


def copyable(session: Session) -> bool:
    """Whether rows can go in through COPY (PostgreSQL through psycopg 3)."""
    return session.get_bind().dialect.name == "postgresql"


def copy_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Rows into ``table``: one COPY for each set of keys they come with (a table's rows
    usually share one; a column left out takes its default, as in an INSERT)."""
    by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_keys.setdefault(tuple(row), []).append(row)
    if not by_keys:
        return
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    dbapi = session.connection().connection.dbapi_connection
    assert isinstance(dbapi, PgConnection)
    with dbapi.cursor() as cursor:
        for columns, same in by_keys.items():
            names = ", ".join(f'"{c}"' for c in columns)
            with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in same:
                    copy.write_row([Json(row[c]) if c in json_columns else row[c] for c in columns])


def rebuilds(stored: int, expected_rows: int) -> bool:
    """Is building the full-text indexes again cheaper than maintaining them for a load?"""
    return stored < REBUILD_BELOW * expected_rows


@contextlib.contextmanager
def indexes_deferred(
    session: Session, expected_rows: int, on_index: Callable[[], None] | None = None
) -> Iterator[None]:
    """Inside the caller's transaction, on PostgreSQL: the full-text indexes kept from
    taking the block's rows one by one, and brought up to date at its end (``on_index``
    is told when that begins, for progress). When the table holds few rows beside the
    load's they are dropped and built again, and so is the one-word ranking table;
    otherwise they take the rows into their pending lists and merge them in one pass
    each. Either way a rollback restores them, and readers of the table wait until the
    transaction ends (both lock it)."""
    if not copyable(session):
        yield
        return
    stored = session.scalar(select(func.count()).select_from(QUOTATIONS)) or 0
    brought_up = _rebuilt if rebuilds(stored, expected_rows) else _merged
    with brought_up(session, on_index or (lambda: None)):
        yield


@contextlib.contextmanager
def _rebuilt(session: Session, on_index: Callable[[], None]) -> Iterator[None]:
    """The indexes dropped, then built again; the one-word table's triggers off, then its
    rows worked out again in one statement."""
    definitions = _present(session)
    words = WORDS_INDEX in definitions
    for name in definitions:
        session.execute(text(f'DROP INDEX "{name}"'))
    if words:
        for trigger in WORDS_TRIGGERS:
            session.execute(text(f'ALTER TABLE quotations DISABLE TRIGGER "{trigger}"'))
    yield
    on_index()
    if words:
        session.execute(text(f"TRUNCATE {WORDS_TABLE}"))
        session.execute(text(f"INSERT INTO {WORDS_TABLE} (word, tf, quotation_id) {WORDS_ROWS}"))
        for trigger in WORDS_TRIGGERS:
            session.execute(text(f'ALTER TABLE quotations ENABLE TRIGGER "{trigger}"'))
    for sql in definitions.values():
        session.execute(text(sql))


@contextlib.contextmanager
def _merged(session: Session, on_index: Callable[[], None]) -> Iterator[None]:
    """The GIN indexes' pending lists on (migration 0004 keeps them off, for search) and
    large enough for the load, then merged and off again: inserting into a GIN index row
    by row cost a bulk load into a large table more than its writer did."""
    names = [name for name in _present(session) if name in DEFERRED_INDEXES]
    for name in names:
        options = f"fastupdate = on, gin_pending_list_limit = {PENDING_KB}"
        session.execute(text(f'ALTER INDEX "{name}" SET ({options})'))
    yield
    on_index()
    for name in names:
        session.execute(select(func.gin_clean_pending_list(literal(name).cast(REGCLASS))))
        session.execute(text(f'ALTER INDEX "{name}" SET (fastupdate = off)'))
        session.execute(text(f'ALTER INDEX "{name}" RESET (gin_pending_list_limit)'))


def _present(session: Session) -> dict[str, str]:
    """The full-text indexes and the one-word table's index this database has: name ->
    the statement that makes it."""
    found = session.execute(
        text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            f" AND tablename IN ('quotations', '{WORDS_TABLE}')"
        )
    )
    return {name: sql for name, sql in found if name in (*DEFERRED_INDEXES, WORDS_INDEX)}
