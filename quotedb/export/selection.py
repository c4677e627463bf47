"""Which quotations an export holds: by speaker, phrase, article, outlet, dates, kind."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from quotedb.db.models import Article, Quotation
from quotedb.search.engine import search_quotations
from quotedb.search.filters import SearchFilter, conditions


def select_quotations(
    session: Session, f: SearchFilter, phrase: str | None = None
) -> list[Quotation]:
    """Matches of ``phrase`` best first, else every selected quotation, oldest first."""
    if phrase:
        return search_quotations(session, phrase, f)
    stmt = (
        select(Quotation)
        .join(Quotation.article)
        .outerjoin(Quotation.speaker)
        .options(contains_eager(Quotation.article), contains_eager(Quotation.speaker))
        .where(*conditions(session, f))
        .order_by(Article.published.is_(None), Article.published, Article.id, Quotation.start)
        .limit(f.limit)
    )
    return list(session.scalars(stmt).unique())
