"""Listings beside the quotations: articles, outlets and statements (the same-utterance
clusters), each narrowed by the one :class:`~quotedb.read.filters.Filter` through the
quotations they hold, each a typed record with ``to_dict``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from quotedb.core.sources import source_kind
from quotedb.db.models import Article, Cluster, Quotation, Speaker
from quotedb.errors import QueryError
from quotedb.read.filters import Filter, conditions
from quotedb.read.records import QuotationRecord, article_label


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """A stored article and how many of its quotations the filter keeps."""

    id: int
    label: str  # its title, else its file's name, else "article N"
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    authors: list[str]
    source: str | None
    quotations: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """An outlet (None: articles that name none) with its articles, quotations and dates."""

    outlet: str | None
    articles: int
    quotations: int
    first_published: str | None
    last_published: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """One utterance as several articles rendered it: its representative wording, its
    speaker, where and when it was reported (``quotations``: filled by ``statement(id)``)."""

    id: int
    text: str
    speaker: str | None
    speaker_kind: str | None
    renderings: int
    articles: int
    outlets: list[str]
    first_reported: str | None
    last_reported: str | None
    quotations: tuple[QuotationRecord, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k != "quotations"}
        if self.quotations:
            d["quotations"] = [q.to_dict() for q in self.quotations]
        return d


def _page(stmt: Select[*tuple[Any, ...]], f: Filter) -> Select[*tuple[Any, ...]]:
    return stmt.limit(f.limit).offset(f.offset or None)


def _by_date(sort: str | None, column: Any, tie: Any) -> list[Any]:
    if sort in (None, "oldest", "relevance"):
        return [column.is_(None), column, tie]
    if sort == "newest":
        return [column.is_(None), column.desc(), tie.desc()]
    raise QueryError(f"this listing sorts by oldest or newest, not {sort!r}")


def list_articles(session: Session, f: Filter) -> list[ArticleSummary]:
    """Articles with at least one quotation the filter keeps (every article when the
    filter names nothing about quotations), oldest first."""
    n = func.count(Quotation.id)
    stmt = (
        select(Article.id, Article.title, Article.outlet, Article.published, Article.url,
               Article.authors, Article.source_path, n)
        .outerjoin(Quotation, Quotation.article_id == Article.id)
        .where(*conditions(session, f))
        .group_by(Article.id)
        .order_by(*_by_date(f.sort, Article.published, Article.id))
    )  # fmt: skip
    rows = session.execute(_page(stmt, f))
    return [
        ArticleSummary(i, article_label(t, src, i), t, o, _iso(p), u, list(a or []), src, c)
        for i, t, o, p, u, a, src, c in rows
    ]


def list_outlets(session: Session, f: Filter) -> list[OutletSummary]:
    """Outlets by name (articles without one last), with their counts and dates."""
    stmt = (
        select(
            Article.outlet,
            func.count(func.distinct(Article.id)),
            func.count(Quotation.id),
            func.min(Article.published),
            func.max(Article.published),
        )
        .outerjoin(Quotation, Quotation.article_id == Article.id)
        .where(*conditions(session, f))
        .group_by(Article.outlet)
    )
    if f.sort == "newest":
        stmt = stmt.order_by(func.max(Article.published).desc(), Article.outlet)
    elif f.sort == "oldest":
        stmt = stmt.order_by(func.min(Article.published), Article.outlet)
    else:
        stmt = stmt.order_by(Article.outlet.is_(None), func.lower(Article.outlet))
    return [
        OutletSummary(o, a, q, _iso(lo), _iso(hi))
        for o, a, q, lo, hi in session.execute(_page(stmt, f))
    ]


def _statements(session: Session, f: Filter) -> Select[*tuple[Any, ...]]:
    first = func.min(Article.published)
    return (
        select(
            Cluster.id,
            Cluster.representative,
            Speaker.name,
            Speaker.kind,
            func.count(Quotation.id),
            func.count(func.distinct(Article.id)),
            first,
            func.max(Article.published),
        )
        .join(Quotation, Quotation.cluster_id == Cluster.id)
        .join(Article, Article.id == Quotation.article_id)
        .outerjoin(Speaker, Speaker.id == Cluster.speaker_id)
        .where(*conditions(session, f))
        .group_by(Cluster.id, Cluster.representative, Speaker.name, Speaker.kind)
        .order_by(*_by_date(f.sort, first, Cluster.id))
    )


def list_statements(session: Session, f: Filter) -> list[StatementRecord]:
    """Statements with at least one rendering the filter keeps, first reported first."""
    rows = session.execute(_page(_statements(session, f), f)).all()
    outlets = _outlets_of(session, [r[0] for r in rows])
    return [
        StatementRecord(i, t, s, source_kind(k, s), n, a, outlets.get(i, []), _iso(lo), _iso(hi))
        for i, t, s, k, n, a, lo, hi in rows
    ]


def _outlets_of(session: Session, ids: list[int]) -> dict[int, list[str]]:
    stmt = (
        select(Quotation.cluster_id, Article.outlet)
        .join(Article, Article.id == Quotation.article_id)
        .where(Quotation.cluster_id.in_(ids), Article.outlet.is_not(None))
        .distinct()
    )
    found: dict[int, list[str]] = {}
    for cluster_id, outlet in session.execute(stmt):
        found.setdefault(int(cluster_id or 0), []).append(str(outlet))
    return {k: sorted(v, key=str.casefold) for k, v in found.items()}


def one_statement(session: Session, statement_id: int) -> StatementRecord:
    """A statement with every rendering of it, oldest first."""
    from quotedb.read.filters import chronological_quotations

    rows = session.execute(_statements(session, Filter()).where(Cluster.id == statement_id)).all()
    if not rows:
        raise QueryError(f"no statement with id {statement_id}")
    i, t, s, k, n, a, lo, hi = rows[0]
    members = chronological_quotations(session, Filter(), narrowed=True)
    members = members.where(Quotation.cluster_id == i)
    records = tuple(QuotationRecord.of(q) for q in session.scalars(members).unique())
    outlets = _outlets_of(session, [i]).get(i, [])
    return StatementRecord(i, t, s, source_kind(k, s), n, a, outlets, _iso(lo), _iso(hi), records)
