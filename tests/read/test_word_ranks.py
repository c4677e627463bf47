"""PostgreSQL's one-word pages come from ``quotation_words`` (migration 0012): the same
quotations, scores and order as ``ts_rank`` over every match, and the table follows every
write to quotations."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from quotedb.api import Database
from quotedb.db.models import Article, Quotation
from quotedb.read import engines as backends
from quotedb.read.filters import Filter
from quotedb.read.search import search
from quotedb.read.terms import compiled

ON_POSTGRES = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)

OUT_OF_STEP = text(
    "(SELECT word, tf, quotation_id FROM quotation_words EXCEPT ALL "
    " SELECT t.lexeme, cardinality(t.positions), q.id FROM quotations q, unnest(q.text_search) t)"
    " UNION ALL "
    "(SELECT t.lexeme, cardinality(t.positions), q.id FROM quotations q, unnest(q.text_search) t"
    " EXCEPT ALL SELECT word, tf, quotation_id FROM quotation_words)"
)


def ranked_everywhere(session: Session, word: str, limit: int) -> list[tuple[int, float]]:
    """The general statement: ts_rank of every match, best first, ties by id."""
    tsq = func.phraseto_tsquery(backends.regconfig(), word)
    return backends.rank_tsquery(session, tsq, Filter(limit=limit))


def words_of(session: Session) -> list[str]:
    rows = session.execute(text("SELECT DISTINCT word FROM quotation_words ORDER BY word"))
    return [str(w) for (w,) in rows]


@ON_POSTGRES
def test_one_word_pages_are_the_ranked_matches(seeded: Database) -> None:
    with seeded.session() as s:
        qid = s.scalars(select(Quotation.id).order_by(Quotation.id.desc())).first()
        repeated = "the talks and the path, the path and the right path"
        s.execute(update(Quotation).where(Quotation.id == qid).values(text=repeated))
    with seeded.session() as s:
        words = words_of(s)
        assert len([w for w in words if backends.PLAIN_WORD.fullmatch(w)]) > 100
        reader = backends.Postgres()
        for word in words:
            for limit in (1, 3, 20):
                f = Filter(limit=limit)
                plain = backends.PLAIN_WORD.fullmatch(word) is not None
                assert backends.pg_word(compiled(word), f) == (word if plain else None)
                found = [(h.id, round(h.score, 6)) for h in search(s, word, f, reader)]
                expected = [(i, round(score, 6)) for i, score in ranked_everywhere(s, word, limit)]
                assert found == expected, word
        assert [h.id for h in search(s, "path", Filter(limit=1), reader)] == [qid]


def test_other_searches_keep_the_general_statement() -> None:
    page = Filter(limit=20)
    assert backends.pg_word(compiled("Path"), page) == "path"
    assert backends.pg_word(compiled('"path"'), page) == "path"
    assert backends.pg_word(compiled("path"), Filter(limit=None)) is None  # exports
    assert backends.pg_word(compiled("path"), Filter(limit=20, speaker="Lavrov")) is None
    for query in ("path*", "right path", '"right path"', "path OR talks", "café", "e-mail"):
        assert backends.pg_word(compiled(query), page) is None, query


@ON_POSTGRES
def test_word_table_follows_writes(seeded: Database) -> None:
    with seeded.session() as s:
        assert s.execute(text("SELECT count(*) FROM quotation_words")).scalar()
        assert s.execute(OUT_OF_STEP).all() == []
        first, second = s.scalars(select(Quotation.id).order_by(Quotation.id).limit(2)).all()
        s.execute(update(Quotation).where(Quotation.id == first).values(text="quokka quokka"))
        s.execute(update(Quotation).where(Quotation.id == second).values(confidence=0.5))
        assert s.execute(OUT_OF_STEP).all() == []
    assert [r.id for r in seeded.search("quokka")] == [first]
    with seeded.session() as s:
        s.execute(delete(Quotation).where(Quotation.id == first))
        assert s.execute(OUT_OF_STEP).all() == []
        s.execute(delete(Article))  # quotations go by cascade
        assert s.execute(text("SELECT count(*) FROM quotation_words")).scalar() == 0
    assert seeded.search("quokka") == [] and seeded.search("path") == []
