"""SQLite's ways to answer a query (verification of the quotations holding a phrase's word
pairs or an anchor word, plain FTS5 match, the window of newest matches for huge result
sets) find the same quotations."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from quotedb.api import Database
from quotedb.read import engines as backends
from quotedb.read.filters import Filter
from quotedb.read.search import search

QUERIES = [
    '"right path"',
    "we",
    "the OR a",
    "breakthrough*",
    '"on the right" path',
    "said",
    '"we are on the"',
    '"the right path" OR trade',
]


def ids(session: Session, query: str, limit: int | None = None) -> set[int]:
    return {h.id for h in search(session, query, Filter(limit=limit))}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_paths_agree(seeded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with seeded.session() as s:
        default = {q: ids(s, q) for q in QUERIES}
        monkeypatch.setattr(backends, "ANCHOR_MAX", 0)
        anchorless = {q: ids(s, q) for q in QUERIES}
        monkeypatch.setattr(backends, "PAIRS_MAX", 0)
        matched = {q: ids(s, q) for q in QUERIES}
    assert default == anchorless == matched
    assert all(default[q] for q in ('"right path"', "we", "the OR a", "breakthrough*"))
    assert default['"we are on the"'] and default['"the right path" OR trade']


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_huge_result_sets_rank_the_newest_matches(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with seeded.session() as s:
        everything = ids(s, "we")
        monkeypatch.setattr(backends, "ANCHOR_MAX", 0)
        monkeypatch.setattr(backends, "RANK_WINDOW", 3)
        page = ids(s, "we", limit=2)
        assert ids(s, "we") == everything  # no limit: every match ranked
    assert len(page) == 2 and page <= set(sorted(everything)[-3:])


def test_scores_rank_term_frequency(seeded: Database) -> None:
    with seeded.session() as s:
        hits = search(s, "right", Filter(limit=None))
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert all("**right**" in h.highlighted().lower() for h in hits)


def test_postgres_estimate_counts_only_common_single_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quotedb.read.terms import compile_query, parse_query

    shares = ({"the": 0.9, "a": 0.5}, 1e6)
    estimate = lambda q: backends.pg_estimated_matches(shares, compile_query(parse_query(q)))  # noqa: E731
    assert estimate("the") == pytest.approx(900_000)
    assert estimate("the OR a") == pytest.approx(1_000_000)  # never above the total
    assert estimate("the a") == pytest.approx(500_000)
    assert estimate('"of the"') == 0 and estimate("badaifou") == 0


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fts5_ranks_queries_without_function_words(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words and phrases of no function word are ranked by FTS5's bm25 alone: no text is
    read for ranking, and the page holds the best matches by FTS5's own scores."""
    queries = ["right", '"right path"', "breakthrough*", "trade OR path"]
    with seeded.session() as s:
        expected = {q: ids(s, q) for q in queries}

        def no_python_bm25(*args: object) -> None:
            raise AssertionError("ranked in Python")

        monkeypatch.setattr(backends, "bm25", no_python_bm25)
        monkeypatch.setattr(backends, "texts", no_python_bm25)
        hits = {q: search(s, q, Filter(limit=None)) for q in queries}
        best = search(s, "right", Filter(limit=1))
    assert {q: {h.id for h in found} for q, found in hits.items()} == expected
    assert all(expected[q] for q in queries)
    assert all(h == sorted(h, key=lambda x: (-x.score, x.id)) for h in hits.values())
    assert [h.id for h in best] == [hits["right"][0].id]
