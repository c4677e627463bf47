"""The word-pair index (migration 0003): phrases with function words stay exact, are found
without walking the function words' lists, and the index follows the data."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import delete, event, func, select, text, update

from quotedb.api import Database
from quotedb.db.fulltext import PAIR_WORDS, pair_token, text_pairs
from quotedb.db.migrations import downgrade, upgrade
from quotedb.db.models import Article, Quotation
from quotedb.read import engines as backends
from quotedb.read.filters import Filter
from quotedb.read.search import search
from quotedb.read.terms import compile_query, parse_query

TEXTS = {
    "said": "They said the badaifou, of course, was late.",
    "ends": "The badaifou the end.",
    "story": "A badaifou of the story",
    "glued": "thebadaifou the badaifouthe",
}


def set_texts(db: Database) -> dict[str, int]:
    """Four quotations of the seeds rewritten with the texts above: name -> id."""
    with db.session() as s:
        ids = list(s.scalars(select(Quotation.id).order_by(Quotation.id).limit(len(TEXTS))))
        for qid, body in zip(ids, TEXTS.values(), strict=True):
            s.execute(update(Quotation).where(Quotation.id == qid).values(text=body))
    return dict(zip(TEXTS, ids, strict=True))


def found(db: Database, query: str) -> set[int]:
    return {int(r.id) for r in db.search(query, limit=None)}


def test_pairs_are_a_function_word_and_its_neighbour() -> None:
    expected = {pair_token("the", "badaifou"), pair_token("badaifou", "of")}
    assert set(text_pairs("The badaifou, of the course")) - {pair_token("the", "course")} == (
        expected
    )
    assert text_pairs("of the") == [] and text_pairs("right path") == []
    assert text_pairs("Thé Badaïfou") == [pair_token("the", "badaifou")]  # folded as FTS5


def test_pair_words_are_frozen_with_the_index() -> None:
    """The stored pair index depends on these words: changing them needs a migration that
    rebuilds it (SQLite) and a new ``quotedb_word_pairs`` function (PostgreSQL)."""
    digest = hashlib.sha256(" ".join(sorted(PAIR_WORDS)).encode()).hexdigest()
    assert digest[:16] == "8a4787a058c906f0", "PAIR_WORDS changed: rebuild the pair index"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ('"the badaifou"', {"said", "ends"}),
        ('"badaifou the"', {"ends"}),
        ('"the badaifou of"', {"said"}),  # punctuation between the words does not matter
        ('"badaifou of the"', {"story"}),
        ('"of the badaifou"', set()),
        ('"badaifou the end" OR nothingness', {"ends"}),
        ('"the badaifou" late', {"said"}),
        ('"the badaifou" badaifouth*', set()),
        ('"thebadaifou the" badaifouth*', {"glued"}),
    ],
)
def test_phrases_with_function_words_are_exact(
    seeded: Database, query: str, names: set[str]
) -> None:
    ids = set_texts(seeded)
    assert found(seeded, query) == {ids[n] for n in names}


def test_index_follows_updates_and_deletes(seeded: Database) -> None:
    ids = set_texts(seeded)
    with seeded.session() as s:
        s.execute(update(Quotation).where(Quotation.id == ids["ends"]).values(text="the end"))
    assert found(seeded, '"badaifou the"') == set()
    assert found(seeded, '"the end"') == {ids["ends"]}
    with seeded.session() as s:
        s.execute(delete(Article))
    assert found(seeded, '"the badaifou"') == set() == found(seeded, '"the end"')


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_phrases_never_walk_function_words(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the anchor word out of reach, the pairs still spare FTS5 the phrase."""
    ids = set_texts(seeded)
    monkeypatch.setattr(backends, "ANCHOR_MAX", 0)

    def no_fts5_match(*args: object, **kwargs: object) -> None:
        raise AssertionError("FTS5 walked the phrase")

    monkeypatch.setattr(backends, "matching_texts", no_fts5_match)
    assert found(seeded, '"the badaifou of"') == {ids["said"]}


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_keys_come_from_its_parser(seeded: Database) -> None:
    """The keys are made in the search's statement; their words leave out those in a pair."""
    keys = backends.pg_phrase_keys(
        compile_query(parse_query('"The well-known badaifou, of" right "a b c"'))
    )
    assert keys is not None
    with seeded.session() as s:
        pairs, words = s.execute(select(keys.pairs, func.tsvector_to_array(keys.words))).one()
        of_the = s.scalar(text("SELECT quotedb_word_pairs(to_tsvector('simple', 'of the x'))"))
    assert sorted(pairs) == ["a b", "badaifou of", "the well-known"]  # none across phrases
    assert sorted(words) == ["c"]  # "well" and "known" are parts of "well-known"
    assert of_the == ["the x"]
    assert backends.pg_phrase_keys(compile_query(parse_query('"big red dog" OR "the cat"'))) is None


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_phrases_need_their_other_words(seeded: Database) -> None:
    """A word of the phrase in no pair still narrows the candidates, and one statement
    (no round trip for the keys) finds the matches."""
    ids = set_texts(seeded)
    with seeded.session() as s:
        q = s.get(Quotation, ids["said"])
        assert q is not None
        q.text = "They said the badaifou rode home, yes."
    assert found(seeded, '"the badaifou rode home"') == {ids["said"]}
    assert found(seeded, '"the badaifou rode away"') == set()
    keys = backends.pg_phrase_keys(compile_query(parse_query('"the badaifou rode home"')))
    assert keys is not None
    with seeded.session() as s:
        words = s.scalar(select(func.tsvector_to_array(keys.words)))
        statements: list[str] = []
        listen = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(s.get_bind(), "before_cursor_execute", listen)
        try:
            hits = search(s, '"the badaifou rode home"', Filter(limit=5))
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", listen)
    assert sorted(words) == ["home", "rode"] and [h.id for h in hits] == [ids["said"]]
    assert len([st for st in statements if "quotedb_word_pairs" in st]) == 1


def test_migration_0003_indexes_rows_stored_before_it(seeded: Database) -> None:
    ids = set_texts(seeded)
    downgrade(seeded.engine, "0002")
    upgrade(seeded.engine)
    assert found(seeded, '"badaifou the"') == {ids["ends"]}
    if seeded.engine.dialect.name == "sqlite":
        match = text("SELECT rowid FROM quotations_fts_pairs WHERE quotations_fts_pairs MATCH :t")
        with seeded.session() as s:
            stored = s.scalars(match, {"t": pair_token("badaifou", "the")}).all()
        assert stored == [ids["ends"]]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_statements_are_kept_per_shape(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Queries of one shape share a statement, each with its own texts; filters too."""
    ids = set_texts(seeded)
    statements = seeded.fulltext.statements  # type: ignore[attr-defined]
    assert found(seeded, '"the badaifou of"') == {ids["said"]}
    assert found(seeded, '"badaifou the end"') == {ids["ends"]}
    assert found(seeded, '"of the story"') == {ids["story"]}
    assert len(statements) == 1
    assert {r.id for r in seeded.search("badaifou OR path", limit=2)} <= set(ids.values()) | {
        r.id for r in seeded.search("path", limit=None)
    }
    assert found(seeded, "badaifou* OR stor*") >= {ids["story"], ids["said"]}
    assert len(statements) == 4
    assert seeded.search('"the badaifou of"', quote_kind="partial") == []
    assert len(statements) == 4  # a filter's condition holds values: not kept


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_word_shares_are_the_current_schemas(seeded: Database) -> None:
    """Statistics of a "quotations" table in another schema are not this database's."""
    other = "quotedb_other_" + hashlib.sha1(str(seeded.url).encode()).hexdigest()[:10]
    with seeded.session() as s:
        s.execute(text(f'CREATE SCHEMA "{other}"'))
        s.execute(text(f'CREATE TABLE "{other}".quotations (text_search tsvector)'))
        fill = "SELECT 'zzz'::tsvector FROM generate_series(1, 500)"
        s.execute(text(f'INSERT INTO "{other}".quotations {fill}'))
    try:
        with seeded.session() as s:
            s.execute(text(f'ANALYZE "{other}".quotations'))
            s.execute(text("ANALYZE quotations"))
            shares, total = backends._read_word_shares(s)
            count = s.scalar(select(func.count()).select_from(Quotation))
        assert "zzz" not in shares and shares and total == count
    finally:
        with seeded.session() as s:
            s.execute(text(f'DROP SCHEMA "{other}" CASCADE'))


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_common_words_are_left_to_the_phrase_test(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common word of a phrase with pairs is not read from the index, yet it counts."""
    ids = set_texts(seeded)
    with seeded.session() as s:
        s.execute(
            update(Quotation)
            .where(Quotation.id == ids["said"])
            .values(text="They said the badaifou rode home, yes.")
        )
    shares = ({"rode": 0.4, "the": 0.9}, 9.0)
    monkeypatch.setattr(backends.Postgres, "word_shares", lambda _self, _s: shares)
    query = compile_query(parse_query('"the badaifou rode home"'))
    with seeded.session() as s:
        common = backends.pg_common_words(shares[0], query)
        keys = backends.pg_phrase_keys(query, common)
        assert keys is not None
        words = s.scalar(select(func.tsvector_to_array(keys.words)))
    assert common == ["rode", "the"] and words == ["home"]
    assert found(seeded, '"the badaifou rode home"') == {ids["said"]}
    assert found(seeded, '"the badaifou rode away"') == set()
