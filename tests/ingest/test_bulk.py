"""``quotedb ingest --bulk``: pre-extracted records loaded with COPY give the database an
ordinary ingest gives (articles, quotations, speakers and aliases, clusters, ids)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.db.fulltext import WORDS_TRIGGERS
from quotedb.store.bulk import DEFERRED_INDEXES, REBUILD_BELOW, indexes_deferred, rebuilds
from tests.conftest import POSTGRES, _postgres_database, on_a_terminal
from tests.engines.helpers import NOT_JSON, clustered_across, dataset, dump
from tests.read.test_word_ranks import OUT_OF_STEP


@pytest.fixture
def other_db(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second empty database on the same backend as ``db_url``."""
    if POSTGRES and not db_url.endswith(".db"):
        yield from _postgres_database()
    else:
        yield str(tmp_path / "other.db")


def records(folder: Path) -> Path:
    """The dataset extracted with ``--with-article``, and a line that is not JSON."""
    result = CliRunner().invoke(app, ["extract", str(dataset(folder)), "--with-article"])
    path = folder / "records.jsonl"
    path.write_text(result.stdout + NOT_JSON + "\n", encoding="utf-8")
    return path


def ingest(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["ingest", *args, "--db", db])
    return result.exit_code, result.stderr


def test_bulk_load_gives_the_ordinary_database(db_url: str, other_db: str, tmp_path: Path) -> None:
    path = records(tmp_path)
    ordinary = ingest(db_url, str(path))
    bulk = ingest(other_db, str(path), "--bulk")
    assert ordinary[0] == bulk[0] == 1  # the line that is not JSON failed, the rest stored
    assert "not a JSON object" in bulk[1] and "1 failed" in bulk[1]
    stored = dump(other_db)
    assert stored == dump(db_url)
    assert clustered_across(stored)


def test_bulk_load_into_a_database_with_speakers(
    db_url: str, other_db: str, tmp_path: Path
) -> None:
    """Speakers already stored are matched, not created again, as an ordinary ingest does."""
    path = records(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text(lines[0] + "\n", encoding="utf-8")
    rest.write_text("".join(line + "\n" for line in lines[1:]), encoding="utf-8")
    for db, extra in ((db_url, []), (other_db, ["--bulk"])):
        assert ingest(db, str(first))[0] == 0
        assert ingest(db, str(rest), *extra)[0] == 1
    stored = dump(other_db)
    assert stored == dump(db_url)
    assert clustered_across(stored)


SURNAMES = {  # one batch: the bare "Cruz" joins Ted Cruz, then goes back when Heidi arrives
    "1-cruz-bare.txt": "“The spending plan is dead on arrival,” Mr. Cruz said on Monday.",
    "2-cruz-named.txt": (
        "Sen. Ted Cruz of Texas spoke to voters in Houston on Tuesday.\n\n"
        "“We will win this state and we will win it big,” Cruz said."
    ),
    "3-cruz-bare-again.txt": "“We are ready for the vote whenever it comes,” Sen. Cruz said.",
    "4-cruz-wife.txt": (
        "Heidi Cruz campaigned in Des Moines on Saturday.\n\n"
        "“He is a fighter and he never gives up,” Heidi Cruz said."
    ),
    "5-cruz-again.txt": "“We will win this state and we will win it big,” Ted Cruz said.",
}


def test_bulk_rows_kept_for_copy_are_read_back(db_url: str, other_db: str, tmp_path: Path) -> None:
    """Rows a bulk load keeps for one COPY are written before anything reads stored rows:
    surnames settled again, and clusters joined, within one transaction see them."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, body in SURNAMES.items():
        (folder / name).write_text(body, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(folder), "--with-article"])
    path = tmp_path / "surnames.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    assert ingest(db_url, str(path))[0] == 0
    assert ingest(other_db, str(path), "--bulk")[0] == 0
    stored = dump(other_db)
    assert stored == dump(db_url)
    speakers = {q["speaker"] for q in stored["quotations"]}
    assert {"Ted Cruz", "Heidi Cruz", "Cruz"} <= speakers
    repeated = [q for q in stored["quotations"] if q["text"].startswith("We will win")]
    assert len(repeated) == 2 and len({q["cluster"] for q in repeated} - {None}) == 1


def test_full_text_indexes_are_rebuilt_only_for_a_load_large_beside_the_table() -> None:
    assert rebuilds(0, 1) and rebuilds(REBUILD_BELOW * 10 - 1, 10)
    assert not rebuilds(REBUILD_BELOW * 10, 10) and not rebuilds(5, 0)


def test_full_text_indexes_dropped_during_a_large_load_and_built_after(db_url: str) -> None:
    if db_url.endswith(".db"):
        pytest.skip("the indexes are PostgreSQL's")
    listed = text(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'quotations'"
        " AND schemaname = current_schema()"
    )
    with Database(db_url) as db, db.session() as s:
        before = set(s.scalars(listed)) & set(DEFERRED_INDEXES)
        assert before == set(DEFERRED_INDEXES)
        with indexes_deferred(s, expected_rows=1):
            assert not set(s.scalars(listed)) & before
        assert set(s.scalars(listed)) & before == before


def test_the_word_table_is_worked_out_again_after_a_large_load(db_url: str, tmp_path: Path) -> None:
    """During a deferred load the one-word table's triggers are off and its index gone; after
    it, the table holds exactly the words of every quotation, old and new, and its triggers
    keep it so again."""
    if db_url.endswith(".db"):
        pytest.skip("the one-word table is PostgreSQL's")
    path = records(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    half = tmp_path / "half.jsonl"
    half.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    assert ingest(db_url, str(half))[0] == 0
    assert ingest(db_url, str(path), "--bulk")[0] == 1  # the line that is not JSON
    enabled = text(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'quotations'::regclass"
        " AND tgname LIKE 'quotations_words_%' AND tgenabled = 'O'"
    )
    with Database(db_url) as db, db.session() as s:
        assert s.execute(OUT_OF_STEP).all() == []
        assert s.scalar(text("SELECT count(*) FROM quotation_words"))
        assert set(s.scalars(enabled)) == {*WORDS_TRIGGERS, "quotations_words_at"}
        with indexes_deferred(s, expected_rows=10**6):
            assert not set(s.scalars(enabled)) & set(WORDS_TRIGGERS)
            first = "(SELECT min(id) FROM quotations)"
            s.execute(text(f"UPDATE quotations SET text = 'quokka' WHERE id = {first}"))
        assert s.execute(OUT_OF_STEP).all() == []
        assert set(s.scalars(enabled)) >= set(WORDS_TRIGGERS)
    with Database(db_url) as db:
        assert len(db.search("quokka")) == 1


def test_a_bulk_load_tells_how_far_its_transaction_is(db_url: str, tmp_path: Path) -> None:
    """Its records are read long before a transaction of thousands of them is stored: the
    writer says how many of the batch it stored, then when it builds the indexes again."""
    from quotedb.api import Storing

    events: list[Storing] = []
    report = Database(db_url).ingest([str(records(tmp_path))], bulk=True, on_store=events.append)
    n = report.added
    stored = [e for e in events if not e.indexing]
    assert [e.done for e in stored] == list(range(n + 1)) and {e.of for e in stored} == {n}
    rebuilt = [e for e in events if e.indexing]
    assert rebuilt == ([] if db_url.endswith(".db") else [Storing(n, n, True)])
    assert events[-1] == rebuilt[-1] if rebuilt else events[-1] == Storing(n, n)


def test_the_progress_line_says_what_a_bulk_load_is_doing(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotedb.cli import ingest as command

    screen = on_a_terminal(monkeypatch, command)
    path = records(tmp_path)
    assert ingest(db_url, str(path), "--bulk")[0] == 1  # the line that is not JSON
    shown = screen.getvalue()
    assert "Storing 0 of" in shown and "Ingesting" in shown
    assert ("Updating the search indexes" in shown) == (not db_url.endswith(".db"))


GIN_OPTIONS = text(
    "SELECT c.relname, coalesce(c.reloptions, '{}') FROM pg_class AS c"
    " WHERE c.relname IN ('ix_quotations_text_search', 'ix_quotations_word_pairs',"
    " 'ix_quotations_context_search') AND c.relnamespace = current_schema()::regnamespace"
)


def test_a_load_small_beside_the_table_merges_the_indexes_pending_lists(db_url: str) -> None:
    """The GIN indexes are kept, their pending lists on during the load and merged at its
    end, then off again (search reads no pending list); what the load wrote is found."""
    if db_url.endswith(".db"):
        pytest.skip("the indexes are PostgreSQL's")
    with Database(db_url) as db, db.session() as s:
        db.migrate()
        with indexes_deferred(s, expected_rows=0):  # nothing beside what the table holds
            during = {name: options for name, options in s.execute(GIN_OPTIONS)}
            s.execute(
                text(
                    "INSERT INTO articles (content_hash, text, authors, extractor_version)"
                    " VALUES ('h', 'x', '[]', 'v')"
                )
            )
            s.execute(
                text(
                    'INSERT INTO quotations (article_id, start, "end", text, kind, confidence,'
                    " extractor_version, corrected, context) SELECT id, 0, 1,"
                    " 'the quokka of the wallaby', 'direct', 0.5, 'v', false,"
                    " 'a numbat paragraph' FROM articles WHERE content_hash = 'h'"
                )
            )
        after = {name: options for name, options in s.execute(GIN_OPTIONS)}
        s.commit()
    assert set(during) == set(after) == set(DEFERRED_INDEXES)
    assert all("fastupdate=on" in options for options in during.values())
    assert all(options == ["fastupdate=off"] for options in after.values())
    with Database(db_url) as db:
        assert len(db.search("quokka")) == 1 and len(db.search('"quokka of the"')) == 1
        assert len(db.search("numbat", context=True)) == 1


def test_a_bulk_load_merging_pending_lists_gives_the_ordinary_database(
    db_url: str, other_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quotedb.store.bulk.REBUILD_BELOW", 0)  # never rebuilt
    path = records(tmp_path)
    assert ingest(db_url, str(path))[0] == ingest(other_db, str(path), "--bulk")[0] == 1
    assert dump(other_db) == dump(db_url)
