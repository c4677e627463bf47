"""The query parser: user text never turns into engine syntax."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.errors import QueryError
from quotedb.read.terms import Term, fts5_query, parse_query, tsquery_text


def test_words_phrases_prefixes_and_or() -> None:
    q = parse_query('"right path" Lavrov OR Blinken negotiat*')
    assert q.groups == (
        (Term("right path"),),
        (Term("Lavrov"), Term("Blinken")),
        (Term("negotiat", prefix=True),),
    )
    assert fts5_query(q) == '"right path" AND ("Lavrov" OR "Blinken") AND "negotiat"*'


def test_operators_other_than_or_are_plain_words() -> None:
    q = parse_query("a AND b NEAR c NOT d")
    assert [t.text for t in q.terms] == ["a", "AND", "b", "NEAR", "c", "NOT", "d"]


def test_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('say "right path').terms == [Term("say"), Term("right path")]


def test_curly_quotes_are_phrases() -> None:
    assert parse_query("“right path”").terms == [Term("right path")]


def test_prefix_lexemes_are_quoted() -> None:
    assert tsquery_text(Term("can't", prefix=True)) == "'can' <-> 't':*"


@pytest.mark.parametrize("query", ["", "*", '""', "( )", "OR", " - + ", "’"])
def test_nothing_searchable(query: str) -> None:
    with pytest.raises(QueryError):
        parse_query(query)


@given(st.text(max_size=80))
def test_any_text_parses_or_is_a_query_error(text: str) -> None:
    try:
        q = parse_query(text)
    except QueryError:
        return
    rendered = fts5_query(q)
    # every term is one FTS5 string: quotes inside are doubled, never left open
    assert rendered.count('"') % 2 == 0
    assert all(t.words for t in q.terms)
