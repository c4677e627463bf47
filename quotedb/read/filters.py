"""The one filter of every read: speaker, outlet, language, dates, kind, article,
confidence, limit.

Listings, searches, ``who`` and exports all narrow quotations the same way, with the same
conditions, whichever engine answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, contains_eager

from quotedb.core.languages import language_code
from quotedb.db.models import Article, Quotation
from quotedb.errors import QueryError
from quotedb.read.speakers import matching_speaker_ids

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True, slots=True)
class Filter:
    """Which quotations a read is about; ``limit`` None means all of them;
    ``min_confidence``: only attributions at least this likely to be right (0 to 1)."""

    speaker: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    kind: str | None = None
    limit: int | None = None
    article: int | None = None
    min_confidence: float | None = None
    language: str | None = None  # ISO 639-1 code of the article ("de")

    def __post_init__(self) -> None:
        c = self.min_confidence
        if c is not None and not 0.0 <= c <= 1.0:
            raise QueryError(f"the minimum confidence is a probability from 0 to 1, not {c:g}")

    @property
    def needs_article(self) -> bool:
        return bool(self.outlet or self.since or self.until or self.language)

    @property
    def needs_quotation(self) -> bool:
        return bool(
            self.speaker
            or self.kind
            or self.article
            or self.min_confidence is not None
            or self.needs_article
        )


def conditions(session: Session, f: Filter) -> list[ColumnElement[bool]]:
    """WHERE clauses on ``quotations`` and ``articles`` for the filter (limit aside)."""
    where: list[ColumnElement[bool]] = []
    if f.speaker:
        where.append(Quotation.speaker_id.in_(matching_speaker_ids(session, f.speaker)))
    if f.kind:
        where.append(Quotation.kind == f.kind)
    if f.article:
        where.append(Quotation.article_id == f.article)
    if f.min_confidence is not None:
        where.append(Quotation.confidence >= f.min_confidence)
    if f.outlet:
        where.append(func.lower(Article.outlet) == f.outlet.casefold())
    if f.since:
        where.append(Article.published >= f.since)
    if f.until:
        where.append(Article.published <= f.until)
    if f.language:
        where.append(Article.language == language_code(f.language))
    return where


def restrict(
    session: Session, stmt: S, f: Filter, quotation_id: ColumnElement[int] | None = None
) -> S:
    """``stmt`` narrowed by the filter; joins ``quotations`` on ``quotation_id`` when given."""
    if quotation_id is not None and f.needs_quotation:
        stmt = stmt.join(Quotation, Quotation.id == quotation_id)
    if f.needs_article:
        stmt = stmt.join(Article, Article.id == Quotation.article_id)
    return stmt.where(*conditions(session, f))


def chronological_quotations(session: Session, f: Filter) -> Select[Quotation]:
    """The filter's quotations with their articles and speakers, oldest first."""
    return (
        select(Quotation)
        .join(Quotation.article)
        .outerjoin(Quotation.speaker)
        .options(contains_eager(Quotation.article), contains_eager(Quotation.speaker))
        .where(*conditions(session, f))
        .order_by(Article.published.is_(None), Article.published, Article.id, Quotation.start)
        .limit(f.limit)
    )
