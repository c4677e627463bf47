"""``search --context``: quotations whose paragraph holds the query's words.

The paragraph (``quotations.context``, migration 0006) has an index of its own on both
engines: FTS5 with BM25 on SQLite, a ``tsvector`` with ``ts_rank`` on PostgreSQL. The
query is the same parsed query as a quotation search; the words may stand anywhere in the
paragraph, outside the quotation as well as in it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, column, func, literal_column, select, table
from sqlalchemy.orm import Session

from quotedb.db.fulltext import CONTEXT_FTS, CONTEXT_TSV
from quotedb.db.models import Quotation
from quotedb.read.engines import is_sqlite, pg_query
from quotedb.read.filters import Filter, restrict
from quotedb.read.terms import CompiledQuery, fts5_query

context_fts = table(CONTEXT_FTS, column("rowid", Integer))
context_ref: ColumnElement[Any] = literal_column(CONTEXT_FTS)
context_vector: ColumnElement[Any] = literal_column(f"quotations.{CONTEXT_TSV}")


def ranked(session: Session, query: CompiledQuery, f: Filter) -> list[tuple[int, float]]:
    """Ids of the quotations whose paragraph matches, best first, with a score (higher is
    better), at most ``f.limit``."""
    if is_sqlite(session):
        score = func.bm25(context_ref)
        stmt = (
            select(context_fts.c.rowid, score)
            .select_from(context_fts)
            .where(context_ref.op("MATCH")(fts5_query(query.query)))
        )
        stmt = restrict(session, stmt, f, context_fts.c.rowid)
        stmt = stmt.order_by(score, context_fts.c.rowid).limit(f.limit)
        return [(int(i), -float(s)) for i, s in session.execute(stmt)]
    tsq = pg_query(query)
    rank = func.ts_rank(context_vector, tsq)
    stmt = select(Quotation.id, rank).where(context_vector.op("@@")(tsq))
    stmt = restrict(session, stmt, f).order_by(rank.desc(), Quotation.id).limit(f.limit)
    return [(int(i), float(s)) for i, s in session.execute(stmt)]


def paragraphs(session: Session, ids: list[int]) -> dict[int, str]:
    """The stored paragraphs of these quotations."""
    if not ids:
        return {}
    stmt = select(Quotation.id, Quotation.context).where(Quotation.id.in_(ids))
    return {int(i): str(c or "") for i, c in session.execute(stmt)}
