"""Full-text search of quotations: ranked hits with highlighted snippets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, joinedload

from quotedb.db.models import Article, Quotation
from quotedb.search.backends import ranked_page, ranked_records
from quotedb.search.filters import SearchFilter
from quotedb.search.highlight import CLOSE, OPEN, snippet
from quotedb.search.parse import SearchQuery, parse_query


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: its quotation as an export record (``quotation_record``'s shape), which
    is all the API and CLI show, read in one Core query rather than as ORM objects."""

    record: dict[str, Any]
    score: float
    snippet: str

    @property
    def id(self) -> int:
        return int(self.record["id"])

    def highlighted(self, open_mark: str = "**", close_mark: str = "**") -> str:
        return self.snippet.replace(OPEN, open_mark).replace(CLOSE, close_mark)


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


def parsed(query: str | SearchQuery) -> SearchQuery:
    return parse_query(query) if isinstance(query, str) else query


def search(session: Session, query: str | SearchQuery, f: SearchFilter) -> list[Hit]:
    """Quotations matching the query, best first (BM25 on SQLite, ts_rank on PostgreSQL),
    snippets made for the page's rows only."""
    q = parsed(query)
    return [Hit(r, score, snippet(r["text"], q)) for r, score in ranked_records(session, q, f)]


def search_quotations(
    session: Session, query: str | SearchQuery, f: SearchFilter
) -> list[Quotation]:
    """The matching quotations as ORM objects, best first (exports need all of them, but
    no snippet)."""
    page = ranked_page(session, parsed(query), f)
    found = load_quotations(session, (i for i, _, _ in page))
    return [found[i] for i, _, _ in page if i in found]
