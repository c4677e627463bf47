"""Full-text search of quotations: ranked hits with highlighted snippets.

The query is parsed and compiled once (:mod:`quotedb.read.terms`); the database's engine
(:mod:`quotedb.read.engines`) finds and ranks the matches; snippets are made for the
page's rows only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, joinedload

from quotedb.db.models import Article, Quotation
from quotedb.read.engines import FullTextEngine, engine_for
from quotedb.read.filters import Filter
from quotedb.read.matching import Snippet, snippet
from quotedb.read.records import QuotationRecord
from quotedb.read.terms import CompiledQuery, SearchQuery, compiled


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: its quotation's record (read in one Core query rather than as ORM
    objects), its score, and the snippet with the matches as spans."""

    record: QuotationRecord
    score: float
    snippet: Snippet

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
    session: Session, query: Query, f: Filter, engine: FullTextEngine | None = None
) -> list[Hit]:
    """Quotations matching the query, best first (BM25 on SQLite, ts_rank on PostgreSQL);
    ``engine``: the database's reader, when one is kept (see ``engines.engine_named``)."""
    q = compiled(query)
    found = (engine or engine_for(session)).records(session, q, f)
    return [Hit(r, score, snippet(r.text, q)) for r, score in found]


def search_quotations(
    session: Session, query: Query, f: Filter, engine: FullTextEngine | None = None
) -> list[Quotation]:
    """The matching quotations as ORM objects, best first (exports need all of them, but
    no snippet)."""
    page = (engine or engine_for(session)).page(session, compiled(query), f)
    found = load_quotations(session, (i for i, _, _ in page))
    return [found[i] for i, _, _ in page if i in found]
