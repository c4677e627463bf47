"""Full-text search of quotations: ranked hits with highlighted snippets.

The query is parsed and compiled once (:mod:`quotedb.read.terms`); the database's engine
(:mod:`quotedb.read.engines`) finds and ranks the matches; snippets are made for the
page's rows only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, joinedload

from quotedb.db.models import Article, Quotation
from quotedb.read.engines import FullTextEngine, engine_for
from quotedb.read.filters import Filter
from quotedb.read.matching import Snippet, snippet
from quotedb.read.records import QuotationRecord, records_by_id
from quotedb.read.terms import CompiledQuery, SearchQuery, compiled


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: its quotation's record (read in one Core query rather than as ORM
    objects), its score, and the snippet with the matches as spans (of the paragraph,
    when the paragraph was searched)."""

    record: QuotationRecord
    score: float
    snippet: Snippet
    context: Snippet | None = None

    @property
    def id(self) -> int:
        return int(self.record.id or 0)

    def highlighted(self, open_mark: str = "**", close_mark: str = "**") -> str:
        return self.snippet.marked(open_mark, close_mark)


def load_quotations(session: Session, ids: Iterable[int]) -> dict[int, Quotation]:
    """Quotations with their article (but not its full text) and speaker loaded, by id."""
    wanted = list(ids)
    if not wanted:
        return {}
    stmt = (
        select(Quotation)
        .where(Quotation.id.in_(wanted))
        .options(
            joinedload(Quotation.article).options(defer(Article.text)),
            joinedload(Quotation.speaker),
        )
    )
    rows = session.scalars(stmt).unique()
    return {q.id: q for q in rows}


Query = str | SearchQuery | CompiledQuery


def search(
    session: Session,
    query: Query,
    f: Filter,
    engine: FullTextEngine | None = None,
    *,
    context: bool = False,
) -> list[Hit]:
    """Quotations matching the query, best first (BM25 on SQLite, ts_rank on PostgreSQL);
    ``engine``: the database's reader, when one is kept (see ``engines.engine_named``);
    ``context``: quotations whose paragraph matches."""
    q = compiled(query)
    if context:
        return paged(in_context(session, q, wide(f)), f, lambda h: h.record)
    found = (engine or engine_for(session)).records(session, q, wide(f))
    hits = [Hit(r, score, snippet(r.text, q)) for r, score in found]
    return paged(hits, f, lambda h: h.record)


CONTEXT_WINDOW = 14  # words of the paragraph shown around its first match


def in_context(session: Session, q: CompiledQuery, f: Filter) -> list[Hit]:
    from quotedb.read.context import paragraphs, ranked

    found = ranked(session, q, f)
    ids = [i for i, _ in found]
    records = records_by_id(session.connection(), ids)
    texts = paragraphs(session, ids)
    return [
        Hit(
            records[i],
            score,
            snippet(records[i].text, q),
            snippet(texts.get(i, ""), q, CONTEXT_WINDOW),
        )
        for i, score in found
        if i in records
    ]


def wide(f: Filter) -> Filter:
    """The filter for the matches a page is cut from: the best ``offset + limit`` of them,
    or every match when they are to be sorted otherwise than best first."""
    by_relevance = f.sort in (None, "relevance")
    return replace(f, limit=f.window if by_relevance else None, offset=0)


T = TypeVar("T")


def paged(items: Sequence[T], f: Filter, record: Callable[[T], QuotationRecord]) -> list[T]:
    """Best-first matches in the filter's order, cut to its page."""
    ordered = list(items)
    if f.sort not in (None, "relevance"):
        ordered.sort(key=lambda x: sort_key(record(x), f.sort))
    return ordered[f.offset : f.window]


def sort_key(r: QuotationRecord, sort: str | None) -> tuple[Any, ...]:
    """The order of a listing, in Python (undated articles last either way)."""
    published = r.published or ""
    if sort == "newest":
        return (not published, [-ord(c) for c in published])
    if sort == "speaker":
        return (r.speaker is None, r.speaker or "", not published, published)
    if sort == "confidence":
        return (-r.confidence, not published, published)
    return (not published, published)


def search_quotations(
    session: Session, query: Query, f: Filter, engine: FullTextEngine | None = None
) -> list[Quotation]:
    """The matching quotations as ORM objects, best first (exports need all of them, but
    no snippet)."""
    page = (engine or engine_for(session)).page(session, compiled(query), wide(f))
    found = load_quotations(session, (i for i, _, _ in page))
    return paged([found[i] for i, _, _ in page if i in found], f, QuotationRecord.of)


def search_records(
    session: Session, query: Query, f: Filter, engine: FullTextEngine | None = None
) -> list[QuotationRecord]:
    """The matching quotations as records, best first (an export's rows, read without the
    ORM and without snippets)."""
    found = (engine or engine_for(session)).records(session, compiled(query), wide(f))
    return paged([r for r, _ in found], f, lambda r: r)
