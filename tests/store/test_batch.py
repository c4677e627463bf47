"""The write batch: what a transaction keeps in memory goes in when its owner flushes it,
and the pair texts ingest workers worked out are what SQLite's pair index stores."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from quotedb.api import Database
from quotedb.core.names import parse_name
from quotedb.core.types import Mention, Quotation, QuoteKind, SpeakerKind
from quotedb.db.fulltext import pair_text
from quotedb.db.models import Quotation as QuotationRow
from quotedb.db.models import Speaker
from quotedb.store import cache, candidates
from quotedb.store.articles import add_article
from quotedb.store.batch import writing
from quotedb.store.prepare import NewArticle, Prepared
from quotedb.store.speakers import speaker_for

TEXT = "“Of the badaifou we know little,” she said."


def new_article(body: str) -> NewArticle:
    return NewArticle(body, hashlib.sha256(body.encode()).hexdigest(), "a.txt")


def test_triggers_store_the_pair_text_handed_in_then_work_it_out_again(tmp_path: Path) -> None:
    words = "Of the badaifou we know little,"
    q = Quotation(1, 1 + len(words), words, confidence=0.5)
    handed_in = Prepared([q], {}, {words: "pfromworker"})
    with Database(str(tmp_path / "q.db")) as db, db.session() as s:
        with writing(s) as batch:
            add_article(batch, new_article(TEXT), handed_in)
        match = "SELECT rowid FROM quotations_fts_pairs WHERE quotations_fts_pairs MATCH :t"
        assert list(s.execute(text(match), {"t": "pfromworker"}).scalars()) == [1]
        computed = s.execute(text("SELECT quotedb_word_pairs(:t)"), {"t": words}).scalar()
        assert computed == pair_text(words) != "pfromworker"


def test_new_speakers_are_written_when_the_batch_is_flushed(db_url: str) -> None:
    with Database(db_url) as db, db.session() as s:
        with writing(s) as batch:
            speaker_for(batch, "Jane Doe", "person")
            assert s.scalar(select(func.count()).select_from(Speaker)) == 0  # kept in memory
        assert s.scalars(select(Speaker.name)).all() == ["Jane Doe"]
        assert s.info == {}  # the session itself holds nothing of the batch


def test_a_batch_left_by_an_error_writes_nothing(db_url: str) -> None:
    with Database(db_url) as db, db.session() as s:
        with pytest.raises(RuntimeError), writing(s) as batch:
            speaker_for(batch, "Jane Doe", "person")
            raise RuntimeError
        assert s.scalar(select(func.count()).select_from(Speaker)) == 0


def test_rows_kept_for_copy_are_read_where_they_are(db_url: str) -> None:
    """A bulk load keeps its rows for one COPY per table: a stored speaker's candidates
    and names, looked at mid-transaction, include them without writing them first."""
    if db_url.endswith(".db"):
        pytest.skip("COPY is PostgreSQL's")
    body = "“The badaifou,” Ms. Doe called it."
    words = "The badaifou,"
    mention = Mention(body.index("Ms. Doe"), body.index("Ms. Doe") + 7, "Ms. Doe")
    term = Quotation(
        1, 1 + len(words), words, QuoteKind.TERM, "Jane Doe", SpeakerKind.PERSON, mention
    )
    with Database(db_url) as db, db.session() as s:
        with writing(s) as batch:
            stored = speaker_for(batch, "Jane Doe", "person").id
        with writing(s, copy=True) as batch:
            add_article(batch, new_article(body), [term])  # a term: its speaker not loaded
            assert s.scalar(select(func.count()).select_from(QuotationRow)) == 0  # kept
            jane = cache.by_id(batch, stored)
            assert jane is not None and not jane.created
            candidates.load_speakers(batch, [stored])
            pooled = {c.text for rows in batch.pool.by_speaker[stored].every.values() for c in rows}
            assert pooled == {words}
            assert cache.name_forms(batch, jane, parse_name).counts == {"Doe": 1}
            assert s.scalar(select(func.count()).select_from(QuotationRow)) == 0  # still kept
        assert s.scalar(select(func.count()).select_from(QuotationRow)) == 1
