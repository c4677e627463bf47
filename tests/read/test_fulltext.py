"""Full-text search on SQLite FTS5 and PostgreSQL: words, phrases, prefixes, filters, sync."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, select, update

from quotedb.api import Database
from quotedb.db.models import Article, Quotation
from quotedb.errors import QueryError
from quotedb.read.records import quotation_record


def texts(records: list[dict[str, object]]) -> list[str]:
    return [str(r.text) for r in records]


def test_words_find_lavrov(seeded: Database) -> None:
    records = seeded.search("right path")
    assert records
    assert all("right path" in t for t in texts(records))
    assert all("Lavrov" in str(r.speaker) for r in records)
    assert [r.score for r in records] == sorted((r.score for r in records), reverse=True)


def test_exact_phrase_needs_the_words_in_order(seeded: Database) -> None:
    assert seeded.search('"on the right path"')
    assert seeded.search('"path right"') == []


def test_prefix_term_and_no_stemming(seeded: Database) -> None:
    assert seeded.search("breakthrough") == []
    found = texts(seeded.search("breakthrough*"))
    assert found and all("breakthroughs" in t for t in found)


def test_or_between_terms(seeded: Database) -> None:
    both = texts(seeded.search("polemical OR breakthroughs"))
    assert any("polemical" in t for t in both) and any("breakthroughs" in t for t in both)


def test_snippet_highlights_the_match(seeded: Database) -> None:
    record = seeded.search("trade")[0]
    assert "**trade**" in record.snippet.lower()


def test_filters_speaker_kind_dates(seeded: Database) -> None:
    by_blinken = seeded.search("expect", by="Blinken")
    assert by_blinken and all("Blinken" in str(r.speaker) for r in by_blinken)
    assert all(r.kind == "direct" for r in seeded.search("path", quote_kind="direct"))
    early = seeded.search("path", until=dt.date(2022, 1, 19))
    assert all(r.article.published <= "2022-01-19" for r in early)
    late = seeded.search("path", since=dt.date(2022, 1, 20))
    assert late and all(r.article.published >= "2022-01-20" for r in late)
    assert seeded.search("path", outlet="Nowhere Gazette") == []


def test_limit_is_respected(seeded: Database) -> None:
    assert len(seeded.search("we", limit=2)) == 2


def test_index_follows_updates_and_deletes(seeded: Database) -> None:
    with seeded.session() as s:
        qid = s.scalars(select(Quotation.id).order_by(Quotation.id)).first()
        s.execute(update(Quotation).where(Quotation.id == qid).values(text="zanzibar quokka"))
    assert [r.id for r in seeded.search("quokka")] == [qid]
    with seeded.session() as s:
        s.execute(delete(Article))
    assert seeded.search("quokka") == []
    assert seeded.search("path") == []


HOSTILE = [
    '"',
    '"right path',
    "right path\"'",
    "(right",
    "right)",
    "AND",
    "OR",
    "right OR",
    "NEAR(right path)",
    "right NOT path",
    "*",
    "**",
    "right*path",
    "text:right",
    "^right",
    "-right",
    "right & path | !x",
    "'; DROP TABLE quotations; --",
    "\\",
    "%_%",
    "’’’",
    "right\x00path",
    "Ünïcödé naïve café",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_results_or_a_query_error(seeded: Database, query: str) -> None:
    try:
        records = seeded.search(query)
    except QueryError as exc:
        assert str(exc)
    else:
        assert isinstance(records, list)


def test_nothing_to_search_is_a_query_error(seeded: Database) -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        seeded.search(' * ( ) " ')


def test_search_records_are_the_export_records(seeded: Database) -> None:
    """Hits are read with one Core query, not as ORM objects: the records are the same."""
    with seeded.session() as s:
        s.execute(
            update(Article).values(
                outlet="The Ledger", url="https://x.example/a", authors=["Ann Lee", "Bo Yu"]
            )
        )
    with seeded.session() as s:
        s.execute(update(Quotation).where(Quotation.id == 1).values(speaker_id=None))
    hits = seeded.search("we OR the OR i", limit=None)
    with seeded.session() as s:
        wanted = {q.id: quotation_record(q) for q in s.scalars(select(Quotation))}
    assert len(hits) > 10 and any(h.speaker is None for h in hits)
    for hit in hits:
        found = {k: v for k, v in hit.to_dict().items() if k not in ("score", "snippet")}
        assert found == wanted[hit.id or 0]
