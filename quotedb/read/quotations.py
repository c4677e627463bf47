"""Quotations by speaker, outlet, dates, kind or article, and the list of speakers
(phrase search: :mod:`quotedb.read.search`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from quotedb.core.sources import source_kind
from quotedb.db.models import Article, Quotation, Speaker
from quotedb.errors import QueryError
from quotedb.read.cursor import cursor_values, keyset
from quotedb.read.filters import (
    Filter,
    SortKey,
    article_of_quotation,
    chronological_quotations,
    conditions,
    order_by,
    sort_keys,
)
from quotedb.read.records import RECORD_COLUMNS, QuotationRecord, record_join

STREAM_BATCH = 1000  # rows fetched at a time when records are streamed


@dataclass(frozen=True, slots=True)
class Walk:
    """One statement of a listing: the order it runs in (``sort``: how it joins, see
    :func:`article_of_quotation`) and the rows it keeps.

    A listing by speaker is two: quotations with a speaker, by name (the engine walks the
    speakers' names, each speaker's quotations and their articles), then those without,
    in article order. One statement with an outer join would sort the whole join, since
    neither engine can walk the speakers first while keeping quotations without one."""

    keys: list[SortKey]
    sort: str | None
    where: list[ColumnElement[bool]]


def walks(session: Session, f: Filter) -> list[Walk]:
    """The statements of the filter's listing, in turn, each starting after the cursor."""
    keys = sort_keys(f.sort)
    values = cursor_values(session, keys, f.after) if f.after is not None else None
    if f.sort != "speaker":
        return [Walk(keys, f.sort, keyset(keys, values))]
    name, rest = Speaker.__table__.c.name, keys[1:]
    if values is not None and values[0] is None:  # the cursor is past every named speaker
        return [Walk(rest, None, [Quotation.speaker_id.is_(None), *keyset(rest, values[1:])])]
    named = [SortKey(name), *rest]
    return [
        Walk(named, "speaker", [name.is_not(None), *keyset(named, values)]),
        Walk(rest, None, [Quotation.speaker_id.is_(None)]),
    ]


def find_quotes(session: Session, f: Filter) -> list[Quotation]:
    """The filter's quotations, oldest first."""

    def read(w: Walk, page: Filter) -> list[Quotation]:
        stmt = (
            chronological_quotations(session, replace(page, sort=w.sort))
            .where(*w.where)
            .order_by(None)
            .order_by(*order_by(w.keys))
        )
        return list(session.scalars(stmt).unique())

    return list(across(session, f, walks(session, f), read))


def quotation_records(session: Session, f: Filter) -> Iterator[QuotationRecord]:
    """The filter's quotations as records, in the listing's order, streamed from Core
    queries: an export of many rows builds no ORM object and holds no list of them."""

    def read(w: Walk, page: Filter) -> Iterator[QuotationRecord]:
        joined = record_join(
            Quotation.__table__,
            Quotation.__table__.c.id,
            article_of_quotation(session, replace(page, sort=w.sort)),
        )
        stmt = (
            select(*RECORD_COLUMNS)
            .select_from(joined)
            .where(*conditions(session, page), *w.where)
            .order_by(*order_by(w.keys))
            .limit(page.limit)
            .offset(page.offset or None)
        )
        rows = session.connection().execution_options(yield_per=STREAM_BATCH).execute(stmt)
        return (QuotationRecord.of_row(r) for r in rows)

    return across(session, f, walks(session, f), read)


T = TypeVar("T")


def across(
    session: Session, f: Filter, parts: list[Walk], read: Callable[[Walk, Filter], Iterable[T]]
) -> Iterator[T]:
    """The filter's page over the walks in turn: what one walk leaves of the limit goes to
    the next, and an offset past a walk's rows skips its count of them in the next."""
    limit, offset = f.limit, f.offset
    for n, w in enumerate(parts):
        if limit == 0:
            return
        got = 0
        for row in read(w, replace(f, limit=limit, offset=offset)):
            got += 1
            yield row
        if limit is not None:
            limit -= got
        if n + 1 < len(parts):
            offset = max(0, offset - _count(session, f, w)) if offset and not got else 0


def _count(session: Session, f: Filter, w: Walk) -> int:
    """How many rows a walk holds (to carry an offset past it)."""
    stmt = (
        select(func.count())
        .select_from(record_join(Quotation.__table__, Quotation.__table__.c.id))
        .where(*conditions(session, f), *w.where)
    )
    return session.execute(stmt).scalar_one()


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A speaker with the number of its quotations (``kind``: as listings name kinds)."""

    id: int
    name: str
    kind: str
    quotations: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_speakers(session: Session, f: Filter) -> list[SpeakerCount]:
    """Speakers of the filter's quotations, most quoted first (``sort="speaker"``: by name)."""
    if f.speaker_kind in ("unknown", "validated"):
        raise QueryError(f"speakers have no kind {f.speaker_kind!r}: it describes quotations")
    n = func.count(Quotation.id)
    order = [Speaker.name, Speaker.id] if f.sort == "speaker" else [n.desc(), Speaker.name]
    stmt = (
        select(Speaker.id, Speaker.name, Speaker.kind, n)
        .join(Quotation, Quotation.speaker_id == Speaker.id)
        .where(*conditions(session, f))
        .group_by(Speaker.id, Speaker.name, Speaker.kind)
        .order_by(*order)
        .limit(f.limit)
        .offset(f.offset or None)
    )
    if f.needs_article:
        stmt = stmt.join(Article, Article.id == Quotation.article_id)
    return [
        SpeakerCount(i, name, source_kind(kind, name) or kind, c)
        for i, name, kind, c in session.execute(stmt)
    ]
