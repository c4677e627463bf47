"""Arbitrary user text never reaches the engines as syntax: results or a QueryError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotedb.api import Database
from quotedb.errors import QueryError

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ['"a', "a*", "* *", "OR OR", "a OR", '"" OR ""', "NEAR/2", "é*", "_*"]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=TEXT)
def test_search_and_who_never_fail_otherwise(seeded: Database, query: str) -> None:
    for run in (seeded.search, seeded.who):
        try:
            assert isinstance(run(query), list)
        except QueryError as exc:
            assert str(exc)


@pytest.mark.parametrize("query", ["right path", '"right path"', "righ*", "Lavrov OR Blinken"])
def test_known_queries_find_something(seeded: Database, query: str) -> None:
    assert seeded.search(query)
