"""Storing extracted articles: a batch of whole articles per transaction.

A batch is written optimistically in one transaction; if an article fails, the batch is
rolled back and written again article by article, so that the bad one is rolled back alone
and named, and the rest commits. A transaction holds the database's writer lock (``BEGIN
IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two ingests take turns per batch:
neither stores an article the other stored, nor creates a speaker the other created.
A process killed mid-batch loses only the uncommitted batch, which the next run redoes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from quotedb.db.engine import session_scope
from quotedb.db.models import Article
from quotedb.errors import InputError
from quotedb.ingest.documents import Document
from quotedb.ingest.storing import StoreHook, Storing
from quotedb.ingest.tasks import Extracted
from quotedb.store.articles import add_article
from quotedb.store.batch import writing
from quotedb.store.bulk import copyable, indexes_deferred
from quotedb.store.candidates import Carry
from quotedb.store.corrections import edit_article
from quotedb.store.prepare import NewArticle
from quotedb.store.speakers import prefetch

BATCH_ARTICLES = 250
BATCH_SECONDS = 1.0
BULK_ARTICLES = 5000  # a bulk load's transaction: COPY and index builds pay off in large ones
MIN_IDLE_BATCH = 25  # articles worth a transaction while extraction catches up


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    duplicates: int = 0
    quotations: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    # (what was read, the stored article's source it duplicates), for every duplicate
    duplicate_of: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored, with a field dropped
    updated: int = 0  # stored articles whose metadata was re-applied (``update_metadata``)

    @property
    def ok(self) -> bool:
        return not self.failed

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.quotations += other.quotations
        self.failed.extend(other.failed)
        self.duplicate_of.extend(other.duplicate_of)
        self.warnings.extend(other.warnings)
        self.updated += other.updated


class Writer:
    """``prepare``: run once before anything is stored (say, migrating a new database
    while the first articles are extracted); its errors are the caller's, not an article's."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        report: IngestReport,
        prepare: Callable[[], None] | None = None,
        update_metadata: bool = False,
        bulk: bool = False,
        on_store: StoreHook | None = None,
    ) -> None:
        self.bulk = bulk  # large transactions, COPY, full-text indexes built after
        self.on_store = on_store
        self.sessions = sessions
        self.report = report
        self.prepare = prepare
        self.update_metadata = update_metadata  # a duplicate's metadata goes to the stored one
        self.batch: list[Extracted] = []
        self.started = time.monotonic()
        self.carry = Carry()  # clustering candidates and speakers, from batch to batch

    def add(self, item: Extracted) -> None:
        if not self.batch:
            self.started = time.monotonic()
        self.batch.append(item)
        size = BULK_ARTICLES if self.bulk else BATCH_ARTICLES
        overdue = not self.bulk and time.monotonic() - self.started > BATCH_SECONDS
        if len(self.batch) >= size or overdue:
            self.flush()

    def idle(self) -> None:
        """Nothing to add right now (extraction is behind): prepare, or store what is
        waiting if it is worth a transaction, instead of waiting for a full batch."""
        if self.prepare is not None:
            self._prepare()
        elif len(self.batch) >= MIN_IDLE_BATCH and not self.bulk:
            self.flush()

    def flush(self) -> None:
        self._prepare()
        batch, self.batch = self.batch, []
        if batch:
            self.report.merge(self._commit(batch))

    def _prepare(self) -> None:
        if self.prepare is not None:
            prepare, self.prepare = self.prepare, None
            prepare()

    def _commit(self, batch: list[Extracted]) -> IngestReport:
        """The batch in one transaction, tried again once after a database error (a race, a
        dropped connection); after any other error, article by article, so that a bad
        article costs only itself and names itself."""
        for _attempt in range(2):
            try:
                return self._write(batch)
            except DBAPIError:
                continue
            except Exception:
                break
        tally = IngestReport()
        for item in batch:  # one by one, as the ordinary writer does
            tally.merge(self._write_alone(item))
        return tally

    def _write_alone(self, item: Extracted) -> IngestReport:
        """One article in its own transaction; a failure is reported, not raised."""
        try:
            return self._write([item])
        except InputError as exc:
            failure = (item.doc.source, str(exc))
        except SQLAlchemyError as exc:
            stored = self._stored(item) if isinstance(exc, IntegrityError) else None
            if stored is not None:  # by another writer
                return IngestReport(duplicates=1, duplicate_of=[(item.doc.source, stored)])
            failure = _db_failure(item, exc)
        except Exception as exc:
            failure = (item.doc.source, f"{item.doc.source}: cannot store it ({exc!r})")
        return IngestReport(failed=[failure])

    def _stored(self, item: Extracted) -> str | None:
        """The source of the stored article with this one's text, if there is one."""
        with session_scope(self.sessions) as session:
            return stored_sources(session, [item.doc.content_hash]).get(item.doc.content_hash)

    def _write(self, batch: list[Extracted]) -> IngestReport:
        try:
            return self._write_batch(batch, bulk=self.bulk and len(batch) > 1)
        except BaseException:
            self.carry.drop()
            raise

    def _write_batch(self, batch: list[Extracted], *, bulk: bool = False) -> IngestReport:
        """Whole articles in one transaction, without savepoints: the batch's new speakers
        are inserted once, at commit (foreign keys are checked then on SQLite)."""
        tally = IngestReport()
        n = len(batch)
        with (
            session_scope(self.sessions) as session,
            indexes_deferred(session, expected(batch), lambda: self._storing(n, n, True))
            if bulk
            else nullcontext(),
            writing(
                session,
                self.carry.resume(session),
                self.carry.speaker_cache(),
                copy=bulk and copyable(session),
            ) as written,
        ):
            written.defer_foreign_keys()
            seen = stored_sources(session, [item.doc.content_hash for item in batch])
            fresh = [item for item in batch if item.doc.content_hash not in seen]
            prefetch(written, speaker_names(fresh))
            for stored, item in enumerate(batch):
                self._storing(stored, n)
                if item.doc.content_hash in seen:
                    tally.duplicates += 1
                    tally.duplicate_of.append((item.doc.source, seen[item.doc.content_hash]))
                    if self.update_metadata and reapply_metadata(session, item.doc):
                        tally.updated += 1
                    continue
                seen[item.doc.content_hash] = item.doc.source
                add_article(written, new_article(item.doc), item.stored)
                tally.warnings.extend(item.doc.meta.warnings)
                tally.added += 1
                tally.quotations += len(item.quotations)
            self._storing(n, n)
            self.carry.keep(written)
        return tally

    def _storing(self, done: int, of: int, indexing: bool = False) -> None:
        if self.on_store is not None:
            self.on_store(Storing(done, of, indexing))


def reapply_metadata(session: Session, doc: Document) -> bool:
    """Give the stored article with this text the metadata this reading has (each field it
    has, over the stored one), as a recorded correction; whether anything changed."""
    article = session.scalar(select(Article).where(Article.content_hash == doc.content_hash))
    if article is None:  # stored earlier in this very batch
        return False
    m = doc.meta
    given = {"title": m.title, "outlet": m.outlet, "authors": m.authors, "url": m.url}
    changes: dict[str, object] = {k: v for k, v in given.items() if v}
    if m.published:
        changes["published"] = dt.date.fromisoformat(m.published)
    return edit_article(session, article, changes) is not None


def _db_failure(item: Extracted, exc: SQLAlchemyError) -> tuple[str, str]:
    reason = str(exc.orig if isinstance(exc, DBAPIError) else exc).strip().splitlines()[0]
    return item.doc.source, f"{item.doc.source}: database error: {reason}"


def new_article(doc: Document) -> NewArticle:
    """The document as the store takes it."""
    meta = doc.meta
    return NewArticle(
        doc.text,
        doc.content_hash,
        doc.source,
        title=meta.title,
        outlet=meta.outlet,
        authors=tuple(meta.authors),
        published=meta.published,
        url=meta.url,
        dateline=meta.dateline,
        language=meta.language,
    )


def speaker_names(batch: Iterable[Extracted]) -> Iterator[str]:
    for item in batch:
        for q in item.prepared.quotations if item.prepared else item.quotations:
            if q.speaker:
                yield q.speaker
                yield from q.aliases


def expected(batch: list[Extracted]) -> int:
    """The quotations a batch brings."""
    return sum(len(item.quotations) for item in batch)


def stored_sources(session: Session, hashes: list[str]) -> dict[str, str]:
    """Stored articles with these texts: content hash -> where the article was read from."""
    stmt = select(Article.content_hash, Article.source_path, Article.id)
    rows = session.execute(stmt.where(Article.content_hash.in_(hashes)))
    return {h: path or f"article {i}" for h, path, i in rows}
