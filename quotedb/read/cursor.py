"""Keyset paging of quotation listings: a page that begins after a given row.

An offset makes the engine read and throw away every row before the page, so page 5,000
costs 5,000 pages. A cursor names the last row shown (its quotation and the listing's
order); the next page is the rows after that row's place in the order, which the engine
finds by walking the order's index from there. The token is ``ORDER-ID`` ("oldest-8142"):
readable, but only ever made by :func:`cursor_token`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Session

from quotedb.db.models import MAX_ID, Article, Quotation, Speaker
from quotedb.errors import QueryError
from quotedb.read.filters import SortKey

ORDERS = ("oldest", "newest", "speaker", "confidence")
_TOKEN = re.compile(r"(?P<order>[a-z]+)-(?P<id>[0-9]{1,19})")


def listing_order(sort: str | None) -> str:
    """The order a listing of quotations runs in (``relevance`` lists oldest first)."""
    return "oldest" if sort in (None, "relevance") else sort


def cursor_token(sort: str | None, quotation_id: int) -> str:
    """The cursor of the page after the row of ``quotation_id`` in a listing sorted by ``sort``."""
    return f"{listing_order(sort)}-{quotation_id}"


def cursor_quotation(token: str, sort: str | None) -> int:
    """The quotation a cursor names, checked against the listing's order."""
    m = _TOKEN.fullmatch(token.strip())
    if m is None or m["order"] not in ORDERS or int(m["id"]) > MAX_ID:
        raise QueryError(f"{token!r} is not a page cursor: pass the one a listing gave")
    if m["order"] != listing_order(sort):
        raise QueryError(
            f"the cursor {token!r} pages a listing sorted by {m['order']}, "
            f"not by {listing_order(sort)}: sort by {m['order']} or start from the first page"
        )
    return int(m["id"])


def keyset(keys: Sequence[SortKey], values: Sequence[Any] | None) -> list[ColumnElement[bool]]:
    """WHERE clauses that keep the rows after ``values`` in the order of ``keys`` (none
    without a cursor): the rows past it, and a bound on the order's leading columns alone
    that lets the engine seek into their index instead of testing every row before it."""
    if values is None:
        return []
    lead = _leading_run(keys)
    within = [_past(keys[:lead], values[:lead], strict=False)] if lead > 1 else []
    return [_from(keys[0], values[0]), *within, _past(keys, values, strict=True)]


def _from(key: SortKey, value: Any) -> ColumnElement[bool]:
    """The first column at or past ``value``, as one comparison where it can be: given as
    an OR, SQLite reads the index twice and loses its order, then sorts every row."""
    column = key.column
    if key.nullable and value is None:
        return column.is_(None)
    bound = column <= value if key.descending else column >= value
    return or_(column.is_(None), bound) if key.nullable else bound


def cursor_values(session: Session, keys: Sequence[SortKey], quotation_id: int) -> list[Any]:
    """The cursor row's value in each column of the order."""
    stmt = (
        select(*(k.column for k in keys))
        .select_from(Quotation)
        .join(Article, Article.id == Quotation.article_id)
        .outerjoin(Speaker, Speaker.id == Quotation.speaker_id)
        .where(Quotation.id == quotation_id)
    )
    row = session.execute(stmt).one_or_none()
    if row is None:
        raise QueryError(
            f"the page's cursor names quotation {quotation_id}, which is not stored "
            "(deleted since?): start again from the first page"
        )
    return list(row)


def _leading_run(keys: Sequence[SortKey]) -> int:
    """How many of the first keys are columns of one table (one index can hold them)."""
    n = 1
    while n < len(keys) and keys[n].table is keys[0].table:
        n += 1
    return n


def _past(keys: Sequence[SortKey], values: Sequence[Any], *, strict: bool) -> ColumnElement[bool]:
    """Rows after ``values`` in the order of ``keys`` (``strict`` False: or level with them)."""
    if not keys:
        return false() if strict else true()
    key, value, rest = keys[0], values[0], _past(keys[1:], values[1:], strict=strict)
    column = key.column
    if key.nullable and value is None:  # NULLs come last: only NULLs are level or after
        return and_(column.is_(None), rest)
    beyond = column < value if key.descending else column > value
    level_then_rest = and_(column == value, rest)
    if key.nullable:
        return or_(column.is_(None), beyond, level_then_rest)
    return or_(beyond, level_then_rest)
