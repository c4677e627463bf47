"""Listings in article order walk the articles' indexes of migration 0009 (no sort of the
whole join), and the streamed records are the listing's, in its order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Select, update
from sqlalchemy.orm import Session

from quotedb.api import Database
from quotedb.db.models import Article
from quotedb.read.filters import Filter, chronological_quotations
from quotedb.read.quotations import find_quotes, quotation_records
from quotedb.read.records import QuotationRecord

FILTERS = {
    "oldest": Filter(),
    "newest": Filter(sort="newest"),
    "speaker": Filter(sort="speaker"),
    "confidence": Filter(sort="confidence"),
    "page": Filter(limit=3, offset=2),
    "newest page": Filter(limit=2, offset=1, sort="newest"),
    "direct": Filter(kind="direct"),
}


def undate_one(db: Database) -> None:
    """An undated article, which every order puts last."""
    with db.session() as s:
        first = s.query(Article.id).order_by(Article.id).limit(1).scalar()
        s.execute(update(Article).where(Article.id == first).values(published=None))


def plan(session: Session, f: Filter) -> str:
    return explain(session, chronological_quotations(session, f))


def explain(session: Session, stmt: Select[Any]) -> str:
    sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    rows = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
    return "\n".join(str(r[-1]) for r in rows)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("sort", "index"), [(None, "oldest"), ("newest", "newest")])
def test_sqlite_listings_walk_the_article_index(
    seeded: Database, sort: str | None, index: str
) -> None:
    with seeded.session() as s:
        found = plan(s, Filter(limit=20, sort=sort))
    assert f"ix_articles_{index}" in found
    assert "TEMP B-TREE" not in found, found


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_confidence_listing_walks_the_confidence_index(seeded: Database) -> None:
    """Only the right part of the order (dates within one confidence) is sorted."""
    with seeded.session() as s:
        found = plan(s, Filter(limit=20, sort="confidence"))
    assert "ix_quotations_confidence" in found
    assert "RIGHT PART OF ORDER BY" in found, found


@pytest.mark.parametrize("f", list(FILTERS.values()), ids=list(FILTERS))
def test_streamed_records_are_the_listing(seeded: Database, f: Filter) -> None:
    undate_one(seeded)
    with seeded.session() as s:
        listed = [QuotationRecord.of(q) for q in find_quotes(s, f)]
        assert list(quotation_records(s, f)) == listed
    assert listed


@pytest.mark.parametrize("sort", [None, "newest"])
def test_undated_articles_come_last(seeded: Database, sort: str | None) -> None:
    undate_one(seeded)
    with seeded.session() as s:
        dates = [r.published for r in quotation_records(s, Filter(sort=sort))]
    dated = [d for d in dates if d is not None]
    assert dates[-1] is None and dates[: len(dated)] == dated
    order = sorted(dated, key=dt.date.fromisoformat, reverse=sort == "newest")
    assert dated == order


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_narrowed_listing_finds_its_quotations_first(seeded: Database) -> None:
    """A statement's renderings (or a speaker's quotations) come from their own index,
    each looked up in its article: no walk of every article."""
    from quotedb.db.models import Quotation

    with seeded.session() as s:
        stmt = chronological_quotations(s, Filter(), narrowed=True)
        stmt = stmt.where(Quotation.cluster_id == 1)
        sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
        steps = [str(r[-1]) for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
        by_speaker = plan(s, Filter(speaker="Lavrov"))
    assert not any(step.startswith("SCAN articles") for step in steps), steps
    assert "SCAN articles" not in by_speaker, by_speaker
