"""Where the database is, how to connect to it, and keeping its schema at head."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from quotedb.db.fulltext import register as register_word_pairs
from quotedb.db.settings import ENV_VAR
from quotedb.errors import DatabaseStateError, DatabaseURLError

WRITER_OPTION = "quotedb_writer"
# Any constant shared by every quotedb process: writers to one PostgreSQL database queue on it.
_PG_WRITER_LOCK = 0x71756F74  # "quot"; the two-key form takes 32-bit keys


_BUSY_TIMEOUT_MS = 30_000
_MMAP_BYTES = 1 << 30  # SQLite maps at most this much of the file (and never past its end)


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("quotedb")) / "quotedb.db"


def resolve_url(db: str | None = None) -> URL:
    """An SQLAlchemy URL from ``--db``, then ``QUOTEDB_DB``, then the user's data directory.

    A value without ``://`` is a file path for SQLite; its folder must exist (a typo in it
    would otherwise make folders and an empty database), but the default one's is made.
    """
    given = db or os.environ.get(ENV_VAR)
    raw = given or str(default_path())
    if "://" not in raw:
        path = Path(raw).expanduser()
        if path.is_dir():
            raise DatabaseURLError(f"{raw} is a directory, not a database file")
        if given and not path.parent.is_dir():
            raise DatabaseURLError(
                f"no folder {str(path.parent)!r} for the database {raw!r}: create it first"
            )
        return URL.create("sqlite+pysqlite", database=str(path.resolve()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseURLError(f"not a database URL: {raw!r} ({exc})") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseURLError(
            f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        _enable_wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        # Reads through a memory map skip a system call and a copy for each page: half
        # the time of a phrase search at a million quotations (see docs/search-and-export.md).
        cur.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
    finally:
        cur.close()
    register_word_pairs(dbapi_conn)  # the pair index's triggers call it (migration 0003)


def _enable_wal(cur: Any) -> None:
    """Switch to WAL once per file, waiting out other processes that open it right now.

    Two processes opening a fresh file at once both ask for WAL; the change needs an
    exclusive lock, and SQLite reports "database is locked" at once instead of calling the
    busy handler when it would deadlock, so wait and ask again.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _is_writer(conn: Connection) -> bool:
    return bool(conn.get_execution_options().get(WRITER_OPTION))


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN emitted by SQLAlchemy, so savepoints work; writers take the lock up front.

    A deferred transaction that reads, then writes after another process committed, fails
    at once with "database is locked" (the busy timeout cannot help it); ``BEGIN IMMEDIATE``
    waits for the lock instead.
    """
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _is_writer(conn) else "BEGIN")


def _postgres_begin(conn: Connection) -> None:
    """Writers to one database take turns, so that concurrent ingests never create one
    speaker twice nor deadlock on each other's articles."""
    if _is_writer(conn):
        # Advisory locks span a database; key by schema too, so that quotedb databases in
        # separate schemas of one PostgreSQL database do not wait for each other.
        conn.exec_driver_sql(
            f"SELECT pg_advisory_xact_lock({_PG_WRITER_LOCK}, hashtext(current_schema()))"
        )


def writer_engine(engine: Engine) -> Engine:
    """The same engine (and pool) whose transactions hold the database's writer lock."""
    return engine.execution_options(**{WRITER_OPTION: True})


def make_engine(url: URL) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            if url.database and url.database != ":memory:":
                parent = Path(url.database).parent
                try:
                    parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseURLError(f"cannot create {parent}: {exc.strerror}") from None
            engine = create_engine(url, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url, pool_pre_ping=True)
            event.listen(engine, "begin", _postgres_begin)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseURLError(f"cannot use database URL {url!r}: {exc}") from None
    return engine


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        url = engine.url.render_as_string(hide_password=True)
        raise DatabaseURLError(f"cannot connect to {url}: {first_line(exc)}") from None
    except DBAPIError as exc:  # SQLite: "file is not a database" as it sets the journal mode
        raise DatabaseStateError(
            f"{describe(engine.url)} cannot be read ({first_line(exc)}): damaged, or not a database"
        ) from None


def first_line(exc: DBAPIError) -> str:
    lines = str(exc.orig if exc.orig is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def missing_file(url: URL) -> bool:
    """An SQLite file that does not exist yet (connecting would create it)."""
    return (
        url.get_backend_name() == "sqlite"
        and url.database not in (None, "", ":memory:")
        and not Path(str(url.database)).exists()
    )


def describe(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return f"SQLite database {url.database}"
    return f"database {url.render_as_string(hide_password=True)}"


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed on success, rolled back on any error."""
    with factory() as session, session.begin():
        yield session
