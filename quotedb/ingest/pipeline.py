"""The ingest loop: sources become tasks, tasks become extracted articles (in worker
processes when asked), articles are stored by one writer in batches of whole articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from quotedb.db.engine import writer_engine
from quotedb.errors import InputError
from quotedb.ingest.documents import Metadata, Source
from quotedb.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from quotedb.ingest.parallel import run
from quotedb.ingest.storing import StoreHook
from quotedb.ingest.tasks import Extracted, Options, Outcome, tasks_for
from quotedb.ingest.writer import IngestReport, Writer

__all__ = ["IngestReport", "Progress", "ingest_sources"]

Progress = Callable[[str], None]
OutcomeHook = Callable[[Outcome], None]


def ingest_sources(
    factory: sessionmaker[Session],
    sources: Iterable[Source | InputError],
    overrides: Metadata | None = None,
    on_article: Progress | None = None,
    *,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
    on_outcome: OutcomeHook | None = None,
    prepare: Callable[[], None] | None = None,
    update_metadata: bool = False,
    bulk: bool = False,
    on_store: StoreHook | None = None,
) -> IngestReport:
    """Ingest every article the sources hold; failures are reported, never raised.

    ``prepare`` runs once before the first article is stored, while workers extract;
    ``update_metadata``: an article already stored takes the metadata read this time;
    ``bulk``: on PostgreSQL, large transactions written with COPY (the same content);
    ``on_store``: told how far the writer is inside each transaction (see ``Storing``).
    """
    report = IngestReport()
    sessions = _writer_sessions(factory)
    writer = Writer(sessions, report, prepare, update_metadata, bulk, on_store)
    options = Options(
        overrides=overrides,
        max_bytes=max_bytes,
        timeout=timeout,
        for_store=True,
        pair_texts=_dialect(factory) != "postgresql",  # its index works them out itself
    )
    try:
        for outcome in run(tasks_for(sources, max_bytes), options, workers, writer.idle):
            if isinstance(outcome, Extracted):
                writer.add(outcome)
            else:
                report.failed.append((outcome.label, outcome.reason))
            if on_article is not None:
                on_article(outcome.doc.source if isinstance(outcome, Extracted) else outcome.label)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        writer.flush()
    return report


def _dialect(factory: sessionmaker[Session]) -> str | None:
    bind = factory.kw.get("bind")
    return bind.dialect.name if isinstance(bind, Engine) else None


def _writer_sessions(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine):
        return factory
    return sessionmaker(writer_engine(bind), expire_on_commit=False)
