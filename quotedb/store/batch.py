"""One write transaction's state, in one object that every writing function is handed.

Ingest asks the same questions for every article and numbers thousands of rows a second,
so a transaction keeps what it learnt in memory (:class:`WriteBatch`): the ids it handed
out, the speakers it looked up or created (:mod:`quotedb.store.cache`), the clustering
candidates (:mod:`quotedb.store.candidates`), the people to relabel and the pair texts
ingest workers worked out. Some of it is written only when the batch is flushed, which its
owner does before committing (:func:`writing` does both ends). A batch lives for one
transaction: after a rollback it is dropped with whatever it held.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from quotedb.db import fulltext
from quotedb.db.engine import WRITER_OPTION
from quotedb.db.models import ALIASES, ARTICLES, CLUSTERS, QUOTATIONS, ROLES, SPEAKERS
from quotedb.store import bulk, cache, clusters, plain
from quotedb.store.cache import Known, SpeakerCache
from quotedb.store.candidates import Pool

COPY_ORDER = (SPEAKERS, ALIASES, ARTICLES, CLUSTERS, QUOTATIONS, ROLES)  # referred-to first


@dataclass(eq=False)
class WriteBatch:
    """What one transaction has learnt and not written yet; see the module's docstring."""

    session: Session
    pool: Pool = field(default_factory=Pool)
    speakers: SpeakerCache = field(default_factory=SpeakerCache)
    relabel: dict[Known, None] = field(default_factory=dict)  # people whose names changed
    next_ids: dict[type, int] = field(default_factory=dict)  # SQLite: see quotedb.store.ids
    spare_ids: dict[str, list[int]] = field(default_factory=dict)  # PostgreSQL: per table
    pairs: dict[str, str] = field(default_factory=dict)  # pair-index text of quotations
    deferred: bool = False  # foreign keys checked at commit (SQLite writers)
    copy: bool = False  # new rows go in through COPY (PostgreSQL bulk loads)
    pending: dict[Table, list[dict[str, Any]]] = field(default_factory=dict)  # to COPY
    kept_by_speaker: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # quotations
    numbered: bool = field(init=False)  # an SQLite writer's: it numbers new rows itself

    def __post_init__(self) -> None:
        bind = self.session.get_bind()
        writer = bool(bind.get_execution_options().get(WRITER_OPTION))
        self.numbered = bind.dialect.name == "sqlite" and writer  # it holds the write lock

    def defer_foreign_keys(self) -> None:
        """In an SQLite writer's transaction, check foreign keys at commit.

        Rows written with plain statements may then refer to speakers not inserted yet, so a
        batch's new speakers and aliases go in at once, when it is flushed, not per article.
        """
        if self.numbered:
            self.session.execute(text("PRAGMA defer_foreign_keys=ON"))  # until the end
            self.deferred = True

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """New rows: with a plain statement now, or in a bulk load kept for one COPY per
        table (a round trip per article and table cost more than the rows): they go in when
        something reads or updates stored rows (:meth:`write_rows`), or at the flush."""
        if not rows:
            return
        if self.copy:
            self.pending.setdefault(table, []).extend(rows)
            if table is QUOTATIONS:
                for row in rows:
                    if row["speaker_id"] is not None:
                        self.kept_by_speaker.setdefault(row["speaker_id"], []).append(row)
        else:
            plain.run(self.session, insert(table), rows)

    def kept_quotations(self, speaker_id: int) -> list[dict[str, Any]]:
        """The speaker's quotation rows kept for COPY (read where they are: writing them
        first would cost a bulk load a COPY per table each time a speaker is looked at)."""
        return self.kept_by_speaker.get(speaker_id, [])

    def insert_now(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """New rows written at once (speakers: what other rows refer to), by COPY in a bulk load."""
        if self.copy:
            bulk.copy_rows(self.session, table, rows)
        elif rows:
            plain.run(self.session, insert(table), rows)

    def write_rows(self) -> None:
        """In a bulk load, the speakers and the rows kept for COPY, written: before a
        statement reads or updates stored rows, which must then find them. Referred-to
        tables first. Elsewhere rows went in as they came (speakers: see ``flush``)."""
        if not self.copy:
            return
        cache.write(self)
        pending, self.pending = self.pending, {}
        self.kept_by_speaker = {}
        for table in COPY_ORDER:
            bulk.copy_rows(self.session, table, pending.pop(table, []))
        assert not pending, f"no place in COPY_ORDER for {list(pending)}"

    def flush(self) -> None:
        """Everything kept in memory, written: speakers first, as the other rows refer to them."""
        cache.write(self)
        self.write_rows()
        clusters.write_pending(self)

    def rows_changed(self) -> None:
        """Rows are about to change, or changed, behind the batch's back (corrections, through
        the ORM): what it holds is written, and what it read is forgotten. Its ids are kept:
        ids it handed out stay taken."""
        cache.write(self)
        self.write_rows()
        self.session.flush()
        clusters.write_pending(self)
        self.speakers, self.pool = SpeakerCache(), Pool()

    @contextlib.contextmanager
    def known_pairs(self) -> Iterator[None]:
        """On SQLite, the pair index's triggers take the pair texts in ``pairs`` (worked out
        by ingest workers) rather than work them out again; as before once the block ends."""
        if self.session.get_bind().dialect.name != "sqlite":
            yield
            return
        dbapi = self.session.connection().connection.dbapi_connection
        assert isinstance(dbapi, sqlite3.Connection)
        fulltext.register(dbapi, self.pairs)
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                fulltext.register(dbapi)


@contextlib.contextmanager
def writing(
    session: Session,
    pool: Pool | None = None,
    speakers: SpeakerCache | None = None,
    *,
    copy: bool = False,
) -> Iterator[WriteBatch]:
    """A batch for the session's transaction (with what an earlier one loaded, if given),
    flushed when the block ends without an error (the caller commits after it)."""
    batch = WriteBatch(
        session,
        pool if pool is not None else Pool(),
        speakers if speakers is not None else SpeakerCache(),
        copy=copy,
    )
    with batch.known_pairs():
        yield batch
        batch.flush()
