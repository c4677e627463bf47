"""Primary keys numbered by the writer on SQLite, so that inserts go in batches.

SQLAlchemy cannot match the rows of a multi-row ``INSERT … RETURNING`` to their objects on
SQLite, so without keys it inserts rows one statement at a time. A writer holds SQLite's
write lock for its whole transaction (``BEGIN IMMEDIATE``), so it may number new rows
itself, as SQLite would (the largest id plus one, in the order objects were added), and the
ORM then inserts them with one ``executemany`` per table.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from quotedb.db.engine import WRITER_OPTION
from quotedb.store import plain

KEY = "quotedb.next_ids"
DEFERRED = "quotedb.deferred_foreign_keys"
SPARE = "quotedb.spare_ids"  # PostgreSQL: ids taken from sequences, not used yet


def number_rows(session: Session) -> None:
    """Number new rows in this session's transactions (SQLite writers only)."""
    if _sqlite_writer(session):
        event.listen(session, "before_flush", _number)


def defer_foreign_keys(session: Session) -> None:
    """In an SQLite writer's transaction, check foreign keys at commit.

    Rows written with plain statements may then refer to speakers not inserted yet, so a
    batch's new speakers and aliases go in at once, before the commit, not per article.
    """
    if _sqlite_writer(session):
        session.execute(text("PRAGMA defer_foreign_keys=ON"))  # until the transaction ends
        session.info[DEFERRED] = True


def foreign_keys_deferred(session: Session) -> bool:
    return bool(session.info.get(DEFERRED))


def _sqlite_writer(session: Session) -> bool:
    bind = session.get_bind()
    return bind.dialect.name == "sqlite" and bool(bind.get_execution_options().get(WRITER_OPTION))


def _number(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    pending = [obj for obj in session.new if getattr(obj, "id", False) is None]
    for obj in sorted(pending, key=lambda o: inspect(o).insert_order):
        obj.id = reserve(session, type(obj), 1)[0]


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous: SessionTransaction) -> None:
    session.info.pop(KEY, None)


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(KEY, None)
        session.info.pop(DEFERRED, None)


def reserve(session: Session, cls: type, n: int) -> list[int]:
    """``n`` fresh primary keys for rows inserted without the ORM.

    On SQLite the writer's own numbering (shared with :func:`number_rows`, so ORM and Core
    rows never collide); on PostgreSQL values of the table's sequence.
    """
    if n <= 0:
        return []
    table = cls.__table__  # type: ignore[attr-defined]
    if session.get_bind().dialect.name != "sqlite":
        return _from_sequence(session, table.name, n)
    next_ids: dict[type, int] = session.info.setdefault(KEY, {})
    if cls not in next_ids or not _sqlite_writer(session):  # else the ORM may insert rows too
        with session.no_autoflush:
            stored = session.scalar(select(func.max(table.c.id)))
        next_ids[cls] = max(next_ids.get(cls, 0), (stored or 0) + 1)
    first = next_ids[cls]
    next_ids[cls] += n
    return list(range(first, first + n))


SEQUENCE_BLOCK = 256  # ids taken from a PostgreSQL sequence at once


def _from_sequence(session: Session, table: str, n: int) -> list[int]:
    """Ids from the table's sequence, taken in blocks: one round trip per block, not per
    article. Unused ids are left as gaps, as any sequence leaves them."""
    spare: list[int] = session.info.setdefault(SPARE, {}).setdefault(table, [])
    if len(spare) < n:
        seq = func.nextval(func.pg_get_serial_sequence(table, "id"))
        block = select(seq).select_from(func.generate_series(1, max(n, SEQUENCE_BLOCK)))
        spare.extend(int(i) for i in plain.run(session, block).scalars())
    taken, spare[:] = spare[:n], spare[n:]
    return taken
