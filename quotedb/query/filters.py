"""Filters shared by every listing: speaker, outlet, dates, limit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, contains_eager

from quotedb.db.models import Article, Quotation
from quotedb.store.speakers import lookup


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    speaker: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


def matching_speaker_ids(session: Session, name: str) -> list[int]:
    """Speakers a user-typed name may denote (see :func:`quotedb.store.speakers.lookup`)."""
    return [s.id for s in lookup(session, name)]


def base_query() -> Select[Quotation]:
    return (
        select(Quotation)
        .join(Quotation.article)
        .outerjoin(Quotation.speaker)
        .options(contains_eager(Quotation.article), contains_eager(Quotation.speaker))
    )


def apply_filter(session: Session, stmt: Select[Quotation], f: QuoteFilter) -> Select[Quotation]:
    if f.speaker:
        stmt = stmt.where(Quotation.speaker_id.in_(matching_speaker_ids(session, f.speaker)))
    if f.outlet:
        stmt = stmt.where(func.lower(Article.outlet) == f.outlet.casefold())
    if f.since:
        stmt = stmt.where(Article.published >= f.since)
    if f.until:
        stmt = stmt.where(Article.published <= f.until)
    if f.limit:
        stmt = stmt.limit(f.limit)
    return stmt


def chronological(stmt: Select[Quotation]) -> Select[Quotation]:
    return stmt.order_by(
        Article.published.is_(None), Article.published, Article.id, Quotation.start
    )
