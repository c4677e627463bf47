"""The one filter of every read: speaker (and its kind), outlet, language, dates, quotation
kind, article, confidence, and the page (limit, offset, sort).

Listings, searches, ``who`` and exports all narrow quotations the same way, with the same
conditions, whichever engine answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, contains_eager
from sqlalchemy.sql.elements import KeyedColumnElement

from quotedb.core.languages import language_code
from quotedb.core.sources import DOCUMENT, is_document
from quotedb.core.types import QuoteKind
from quotedb.db.models import MAX_ID, Article, Quotation, Speaker, storable_id
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
    speaker_kind: str | None = None
    offset: int = 0
    sort: str | None = None  # None: the read's own order (best match, else oldest)
    language: str | None = None  # ISO 639-1 code of the article ("de")
    after: int | None = None  # keyset paging: the page starts after this quotation's row

    def __post_init__(self) -> None:
        named = {"speaker name": self.speaker, "outlet": self.outlet, "language": self.language}
        for what, value in named.items():  # blank: "$NAME" unset in a script
            if value is not None and not value.strip():
                raise QueryError(f"an empty {what}: give one, or leave the filter out")
        c = self.min_confidence
        if c is not None and not 0.0 <= c <= 1.0:
            raise QueryError(f"the minimum confidence is a probability from 0 to 1, not {c:g}")
        if self.article is not None and not storable_id(self.article):
            raise QueryError(f"no article with id {self.article}")
        if self.limit is not None and self.limit > MAX_ID:  # more than any table holds: all
            object.__setattr__(self, "limit", None)
        if self.offset > MAX_ID:
            raise QueryError(f"an offset of {self.offset} is past every row")
        if self.speaker_kind is not None and self.speaker_kind not in SPEAKER_KINDS:
            raise QueryError(
                f"no speaker kind {self.speaker_kind!r}: choose {', '.join(SPEAKER_KINDS)}"
            )
        if self.kind is not None and self.kind not in QUOTE_KINDS:
            raise QueryError(f"no quotation kind {self.kind!r}: choose {', '.join(QUOTE_KINDS)}")
        if self.sort is not None and self.sort not in SORTS:
            raise QueryError(f"cannot sort by {self.sort!r}: choose {', '.join(SORTS)}")
        if self.after is not None and not storable_id(self.after):
            raise QueryError(f"no quotation with id {self.after} to start a page after")
        if self.offset < 0 or (self.limit is not None and self.limit < 0):
            raise QueryError("limit and offset count rows: give 0 or more")

    @property
    def window(self) -> int | None:
        """How many of the best rows a page needs: offset and limit together."""
        return None if self.limit is None else self.offset + self.limit

    @property
    def needs_article(self) -> bool:
        return bool(self.outlet or self.since or self.until or self.language)

    @property
    def needs_quotation(self) -> bool:
        return bool(
            self.speaker
            or self.kind
            or self.article
            or self.speaker_kind
            or self.min_confidence is not None
            or self.needs_article
        )


SPEAKER_KINDS = ("person", "organization", "unnamed", DOCUMENT, "unknown", "validated")
QUOTE_KINDS = tuple(k.value for k in QuoteKind)
SORTS = ("relevance", "oldest", "newest", "speaker", "confidence")


def document_speaker_ids(session: Session) -> list[int]:
    """Unnamed speakers that are texts ("the email"), told apart by their name."""
    rows = session.execute(select(Speaker.id, Speaker.name).where(Speaker.kind == "unnamed"))
    return [i for i, name in rows if is_document(name)]


def speaker_kind_condition(session: Session, kind: str) -> ColumnElement[bool]:
    """Quotations whose speaker is of this kind (``validated``: corrected by hand)."""
    if kind == "unknown":
        return Quotation.speaker_id.is_(None)
    if kind == "validated":
        return Quotation.corrected.is_(True)
    documents = document_speaker_ids(session)
    if kind == DOCUMENT:
        return Quotation.speaker_id.in_(documents)
    of_kind = select(Speaker.id).where(Speaker.kind == kind, Speaker.id.not_in(documents))
    return Quotation.speaker_id.in_(of_kind)


def conditions(session: Session, f: Filter) -> list[ColumnElement[bool]]:
    """WHERE clauses on ``quotations`` and ``articles`` for the filter (limit aside)."""
    where: list[ColumnElement[bool]] = []
    if f.speaker:
        where.append(Quotation.speaker_id.in_(matching_speaker_ids(session, f.speaker)))
    if f.speaker_kind:
        where.append(speaker_kind_condition(session, f.speaker_kind))
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


def article_of_quotation(
    session: Session, f: Filter, *, narrowed: bool = False
) -> ColumnElement[bool]:
    """The join of a quotation to its article, for a listing in the filter's order
    (``narrowed``: the caller adds a condition that picks a few quotations).

    In article order, with no condition that picks a few quotations (a speaker, an
    article), the page is the first rows of the articles' index of that order (migration
    0009) and of each article's quotations. SQLite does not see that without statistics
    (which it keeps only after ``ANALYZE``): it scans the quotations and sorts the whole
    join. ``articles.id + 0`` leaves it no way to look an article up by a quotation, so
    that it walks the articles instead; in confidence order, ``article_id + 0`` makes it
    walk the quotations' confidence index (migration 0011), or the speakers' names and each
    speaker's quotations, and look their articles up.
    PostgreSQL plans from its statistics."""
    few = narrowed or f.speaker or f.article or f.speaker_kind
    if few or session.get_bind().dialect.name != "sqlite":
        return Article.id == Quotation.article_id
    if f.sort in (None, "relevance", "oldest", "newest"):
        return Article.id + 0 == Quotation.article_id
    if f.sort in ("confidence", "speaker"):  # walk the confidence (0011) or name index,
        return Article.id == Quotation.article_id + 0  # then look each article up
    return Article.id == Quotation.article_id


def chronological_quotations(
    session: Session, f: Filter, *, narrowed: bool = False
) -> Select[Quotation]:
    """The filter's quotations with their articles and speakers, oldest first
    (``narrowed``: see :func:`article_of_quotation`)."""
    return (
        select(Quotation)
        .join(Article, article_of_quotation(session, f, narrowed=narrowed))
        .outerjoin(Quotation.speaker)
        .options(contains_eager(Quotation.article), contains_eager(Quotation.speaker))
        .where(*conditions(session, f))
        .order_by(*quotation_order(f.sort))
        .limit(f.limit)
        .offset(f.offset or None)
    )


@dataclass(frozen=True, slots=True)
class SortKey:
    """One column of a listing's order (``nullable``: its NULLs come after every value,
    whichever way it runs)."""

    column: KeyedColumnElement[Any]
    descending: bool = False
    nullable: bool = False

    @property
    def table(self) -> object:
        """The table the column is of."""
        return getattr(self.column, "table", None)

    def order_by(self) -> list[Any]:
        ranked = self.column.desc() if self.descending else self.column
        return [self.column.is_(None), ranked] if self.nullable else [ranked]


def sort_keys(sort: str | None) -> list[SortKey]:
    """A listing's order, column by column: a total order (article, start and end are
    unique), so that a page can begin after any row (see :mod:`quotedb.read.cursor`)."""
    q, a, s = Quotation.__table__.c, Article.__table__.c, Speaker.__table__.c
    article = [SortKey(a.id), SortKey(q.start), SortKey(q.end)]
    oldest = [SortKey(a.published, nullable=True), *article]
    if sort == "newest":
        return [
            SortKey(a.published, descending=True, nullable=True),
            SortKey(a.id, descending=True),
            *article[1:],
        ]
    if sort == "speaker":
        return [SortKey(s.name, nullable=True), *oldest]
    if sort == "confidence":
        return [SortKey(q.confidence, descending=True), *oldest]
    return oldest


def quotation_order(sort: str | None) -> list[Any]:
    """ORDER BY of a listing; undated articles last whichever way dates run."""
    return order_by(sort_keys(sort))


def order_by(keys: list[SortKey]) -> list[Any]:
    """ORDER BY of these keys."""
    return [term for key in keys for term in key.order_by()]
