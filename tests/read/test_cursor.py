"""Keyset paging: walking a listing page by page with its cursor gives exactly the offset
listing, in every order and under filters; bad cursors get clear errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from quotedb.api import Database, next_cursor
from quotedb.db.models import Quotation
from quotedb.errors import QueryError
from quotedb.read.records import QuotationRecord
from tests.read.test_listing_order import undate_one

SORTS = [None, "oldest", "newest", "speaker", "confidence"]
NARROWING = [{}, {"quote_kind": "direct"}, {"speaker_kind": "person"}, {"min_confidence": 0.5}]


def unattribute_some(db: Database) -> None:
    """Quotations without a speaker (which a listing by speaker puts last), among others."""
    from sqlalchemy import update

    with db.session() as s:
        s.execute(update(Quotation).where(Quotation.id % 4 == 1).values(speaker_id=None))


def walk(db: Database, size: int, **select: object) -> list[QuotationRecord]:
    """Every page of a listing, each starting after the previous page's cursor."""
    rows: list[QuotationRecord] = []
    after: str | None = None
    while True:
        page = db.quotes(after=after, limit=size, **select)  # type: ignore[arg-type]
        rows += page
        after = next_cursor(page, select.get("sort"))  # type: ignore[arg-type]
        if len(page) < size or after is None:
            return rows


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.integers(min_value=1, max_value=7),
    sort=st.sampled_from(SORTS),
    narrowing=st.sampled_from(NARROWING),
)
def test_walking_by_cursor_is_the_offset_listing(
    seeded: Database, size: int, sort: str | None, narrowing: dict[str, object]
) -> None:
    undate_one(seeded)  # undated articles (NULL dates) come last: the cursor must cross them
    unattribute_some(seeded)  # and so do quotations without a speaker in the speaker order
    everything = seeded.quotes(limit=None, sort=sort, **narrowing)  # type: ignore[arg-type]
    assert walk(seeded, size, sort=sort, **narrowing) == everything
    by_offset = [
        r
        for start in range(0, len(everything), size)
        for r in seeded.quotes(limit=size, offset=start, sort=sort, **narrowing)  # type: ignore[arg-type]
    ]
    assert by_offset == everything


def test_a_cursor_and_an_offset_add_up(seeded: Database) -> None:
    first = seeded.quotes(limit=3)
    assert seeded.quotes(after=next_cursor(first), offset=2, limit=4) == seeded.quotes(
        offset=5, limit=4
    )


def test_the_export_starts_after_the_cursor(seeded: Database) -> None:
    import io
    import json

    first = seeded.quotes(limit=4, sort="newest")
    out = io.StringIO()
    seeded.export(out, after=next_cursor(first, "newest"), sort="newest", limit=3)
    ids = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
    assert ids == [r.id for r in seeded.quotes(offset=4, limit=3, sort="newest")]


def test_no_rows_give_no_cursor() -> None:
    assert next_cursor([]) is None


BAD_CURSORS = {
    "garbage": ("abc", None, "is not a page cursor"),
    "unknown order": ("sideways-3", None, "is not a page cursor"),
    "huge id": ("oldest-99999999999999999999", None, "is not a page cursor"),
    "zero id": ("oldest-0", None, "no quotation with id 0"),
    "other order": ("newest-1", "speaker", "sorted by newest, not by speaker"),
}


@pytest.mark.parametrize("case", list(BAD_CURSORS), ids=list(BAD_CURSORS))
def test_bad_cursors_are_refused(seeded: Database, case: str) -> None:
    token, sort, message = BAD_CURSORS[case]
    with pytest.raises(QueryError, match=message):
        seeded.quotes(after=token, sort=sort)


def test_a_cursor_on_a_deleted_quotation_says_to_start_again(seeded: Database) -> None:
    page = seeded.quotes(limit=2)
    with seeded.session() as s:
        s.execute(delete(Quotation).where(Quotation.id == page[-1].id))
    with pytest.raises(QueryError, match="start again from the first page"):
        seeded.quotes(after=next_cursor(page))


def test_a_phrase_export_refuses_a_cursor(seeded: Database) -> None:
    with pytest.raises(QueryError, match="by offset"):
        seeded.export(phrase="said", after="oldest-1")


def one_statement(db: Database, sort: str) -> list[int]:
    """The listing as one statement sorting the whole outer join: what the walks must equal."""
    from sqlalchemy import select

    from quotedb.db.models import Article, Speaker
    from quotedb.read.filters import quotation_order

    stmt = (
        select(Quotation.id)
        .join(Article, Article.id == Quotation.article_id)
        .outerjoin(Speaker, Speaker.id == Quotation.speaker_id)
        .order_by(*quotation_order(sort))
    )
    with db.session() as s:
        return list(s.scalars(stmt))


@pytest.mark.parametrize("sort", ["speaker", "confidence", "newest"])
def test_every_offset_gives_the_one_statement_listing(seeded: Database, sort: str) -> None:
    """Offsets on either side of the named speakers' end (a speaker listing's two walks)."""
    undate_one(seeded)
    unattribute_some(seeded)
    expected = one_statement(seeded, sort)
    for offset in range(len(expected) + 2):
        page = [r.id for r in seeded.quotes(limit=3, offset=offset, sort=sort)]
        assert page == expected[offset : offset + 3], offset
    assert [r.id for r in seeded.quotes(limit=None, sort=sort)] == expected
