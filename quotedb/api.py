"""The Python API behind the CLI, for scripts and notebooks.

>>> from quotedb import extract
>>> [q.speaker for q in extract('“We will see,” Ms. Smith said.')]
['Ms. Smith']
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from quotedb.db.engine import check_connection, describe, make_engine, resolve_url, session_scope
from quotedb.db.migrations import current_revision, ensure_head, head_revision

if TYPE_CHECKING:
    from quotedb.ingest.documents import Metadata
    from quotedb.ingest.pipeline import IngestReport, Progress
    from quotedb.read.engines import FullTextEngine
    from quotedb.read.quotations import SpeakerCount

# Each method imports the ingest, query, search or export modules it uses: the CLI opens
# every database through this class, and a command loads only what it runs.


class Database:
    """A quotedb database: SQLite file or PostgreSQL, migrated to head when opened."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = resolve_url(url)
        self.engine = make_engine(self.url)
        check_connection(self.engine)
        self.migrated = self.migrate() if migrate else False
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> bool:
        """Bring the schema to head; True when something was applied (the database is new)."""
        self.migrated = _ensure_head_racing(self.engine)
        return self.migrated

    @property
    def description(self) -> str:
        return describe(self.url)

    @cached_property
    def fulltext(self) -> FullTextEngine:
        """The full-text engine's reader, with what it keeps between searches."""
        from quotedb.read.engines import engine_named

        return engine_named(self.engine.dialect.name)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.sessions) as session:
            yield session

    def ingest(
        self,
        paths: list[str],
        metadata: Metadata | None = None,
        on_article: Progress | None = None,
        *,
        workers: int = 1,
    ) -> IngestReport:
        """Ingest files, folders, globs (``-``: stdin); ``workers`` processes extract."""
        from quotedb.ingest.documents import discover
        from quotedb.ingest.pipeline import ingest_sources

        return ingest_sources(self.sessions, discover(paths), metadata, on_article, workers=workers)

    def quotes(
        self,
        by: str | None = None,
        *,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        from quotedb.read.filters import Filter
        from quotedb.read.quotations import find_quotes
        from quotedb.read.records import quotation_record

        f = Filter(speaker=by, outlet=outlet, since=since, until=until, limit=limit)
        with self.session() as s:
            return [quotation_record(q) for q in find_quotes(s, f)]

    def search(
        self,
        query: str,
        *,
        marks: tuple[str, str] = ("**", "**"),
        escape: Callable[[str], str] = str,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Full-text search, best first; filters: speaker, outlet, since, until, kind, limit
        (50 unless given). In the snippet each match is between ``marks``, and the rest
        of the text passed through ``escape`` (for markup that the text must not make)."""
        from quotedb.read.filters import Filter
        from quotedb.read.search import search

        filters.setdefault("limit", 50)
        with self.session() as s:
            return [
                h.record.to_dict()
                | {"score": round(h.score, 4), "snippet": h.snippet.marked(*marks, escape)}
                for h in search(s, query, Filter(**filters), self.fulltext)
            ]

    def who(self, text: str, **filters: Any) -> list[dict[str, Any]]:
        """The attested quotations closest to a half-remembered one, with a 0-100 similarity."""
        from quotedb.read.filters import Filter
        from quotedb.read.records import quotation_record
        from quotedb.read.who import who

        filters.setdefault("limit", 5)
        with self.session() as s:
            return [
                quotation_record(m.quotation) | {"similarity": m.similarity}
                for m in who(s, text, Filter(**filters), self.fulltext)
            ]

    def people(self, kind: str | None = None) -> list[SpeakerCount]:
        from quotedb.read.quotations import list_speakers

        with self.session() as s:
            return list_speakers(s, kind)

    def show(self, quotation_id: int) -> dict[str, Any]:
        """A quotation with its paragraph, how its speaker was found, and its variants."""
        from quotedb.read.people import quotation_view, view_record

        with self.session() as s:
            return view_record(quotation_view(s, quotation_id))

    def person(self, name: str) -> list[dict[str, Any]]:
        """Every speaker a name may denote: aliases, roles, quotations per outlet, dates."""
        from quotedb.read.people import person_profiles, profile_record

        with self.session() as s:
            return [profile_record(p) for p in person_profiles(s, name)]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ensure_head_racing(engine: Engine, attempts: int = 5) -> bool:
    """Migrate to head even when another process migrates the same database right now:
    its DDL makes ours fail; then the schema is (or soon will be) at head all the same."""
    for attempt in range(attempts):
        try:
            return ensure_head(engine)
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
            if current_revision(engine) == head_revision(engine):
                return False
    return False


def open_database(url: str | None = None) -> Database:
    return Database(url)
