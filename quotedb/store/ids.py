"""Primary keys for rows the writer inserts with plain statements, so that inserts go in
batches and new rows may be referred to before they are written.

On SQLite a writer holds the write lock for its whole transaction (``BEGIN IMMEDIATE``), so
its batch numbers new rows itself, as SQLite would (the largest id plus one): the table's
largest id is read once per batch. Elsewhere the largest id is read on every call (an ORM
insert may have taken the next one meanwhile). On PostgreSQL ids come from the table's
sequence, in blocks. A writer's batch inserts rows only with ids from here; the ORM only
updates and deletes in it (corrections replayed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from quotedb.db.models import RETIRED
from quotedb.store import plain

if TYPE_CHECKING:
    from quotedb.store.batch import WriteBatch

SEQUENCE_BLOCK = 256  # ids taken from a PostgreSQL sequence at once
BULK_SEQUENCE_BLOCK = 4096  # ... by a bulk load, whose transactions hold thousands of rows


def reserve(batch: WriteBatch, cls: type, n: int) -> list[int]:
    """``n`` fresh primary keys of ``cls``'s table for rows inserted without the ORM."""
    if n <= 0:
        return []
    table = cls.__table__  # type: ignore[attr-defined]
    if batch.session.get_bind().dialect.name != "sqlite":
        return _from_sequence(batch, table.name, n)
    next_ids = batch.next_ids
    if cls not in next_ids or not batch.numbered:
        with batch.session.no_autoflush:
            stored = batch.session.scalar(select(func.max(table.c.id)))
            if table.name == "quotations":  # a retired id is never given to another one
                stored = max(stored or 0, batch.session.scalar(select(func.max(RETIRED.c.id))) or 0)
        next_ids[cls] = max(next_ids.get(cls, 0), (stored or 0) + 1)
    first = next_ids[cls]
    next_ids[cls] += n
    return list(range(first, first + n))


def _from_sequence(batch: WriteBatch, table: str, n: int) -> list[int]:
    """Ids from the table's sequence, taken in blocks: one round trip per block, not per
    article. Unused ids are left as gaps, as any sequence leaves them."""
    spare = batch.spare_ids.setdefault(table, [])
    if len(spare) < n:
        seq = func.nextval(func.pg_get_serial_sequence(table, "id"))
        size = BULK_SEQUENCE_BLOCK if batch.copy else SEQUENCE_BLOCK
        block = select(seq).select_from(func.generate_series(1, max(n, size)))
        spare.extend(int(i) for i in plain.run(batch.session, block).scalars())
    taken, spare[:] = spare[:n], spare[n:]
    return taken
