"""What a database holds before quotedb reads or migrates it: nothing, quotedb's schema at
a revision this version knows, or something it must not touch (damaged, foreign, newer).

Told apart with plain SQL at every start (no Alembic import), and said in one line: a
traceback or tables created in someone else's database are the alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from quotedb.db.engine import first_line
from quotedb.db.migrations import known_revisions, script_head
from quotedb.errors import DatabaseStateError

VERSION_TABLE = "alembic_version"
SHOWN_TABLES = 5


@dataclass(frozen=True, slots=True)
class SchemaState:
    revision: str | None  # None: not migrated
    tables: frozenset[str]

    @property
    def empty(self) -> bool:
        """Nothing stored, nothing created (or everything downgraded away)."""
        return self.revision is None and self.tables <= {VERSION_TABLE}


def read_state(engine: Engine, description: str) -> SchemaState:
    """The database's state, or a :class:`DatabaseStateError` when it cannot be used."""
    try:
        with engine.connect() as conn:
            tables = frozenset(inspect(conn).get_table_names())
            revision = None
            if VERSION_TABLE in tables:
                rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
                revision = rows[0][0] if rows else None
    except DBAPIError as exc:
        raise DatabaseStateError(
            f"{description} cannot be read ({first_line(exc)}): damaged, or not a database"
        ) from None
    state = SchemaState(revision, tables)
    _refuse_unusable(state, description)
    return state


def _refuse_unusable(state: SchemaState, description: str) -> None:
    if state.revision is not None and state.revision not in known_revisions():
        raise DatabaseStateError(
            f"{description} has schema revision {state.revision!r}, which this quotedb does"
            f" not know (its newest is {script_head()}): made by a newer quotedb?"
        )
    if state.revision is None and not state.empty:
        names = sorted(state.tables - {VERSION_TABLE})
        shown = ", ".join(names[:SHOWN_TABLES]) + (", ..." if len(names) > SHOWN_TABLES else "")
        raise DatabaseStateError(
            f"{description} is not a quotedb database: it holds other tables ({shown}) and"
            " no quotedb schema revision; name an empty database or a new file"
        )


def empty_error(description: str) -> DatabaseStateError:
    return DatabaseStateError(
        f"{description} is empty: nothing stored yet (quotedb ingest creates its tables)"
    )
