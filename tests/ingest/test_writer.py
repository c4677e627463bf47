"""The writer: optimistic batches, a bad article costing only itself, candidates kept
from one batch to the next only while nobody else writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.db.engine import make_engine
from quotedb.db.models import Article, Cluster, Quotation
from quotedb.errors import InputError
from quotedb.ingest import writer
from quotedb.ingest.documents import Document, discover
from quotedb.ingest.parallel import run
from quotedb.ingest.tasks import Extracted, Options, tasks_for
from quotedb.store import candidates
from quotedb.store.batch import writing
from quotedb.store.ids import reserve

from .helpers import counts, jsonl

SAID = "“We will never give up on the people of this great state,” Jane Doe said."


def records(n: int) -> str:
    rows: list[dict[str, object]] = [
        {
            "file": f"r{i}.txt",
            "text": f"Story {i}.\n\n{SAID}\n\n“Item {i} is done,” John Roe said.",
            "published": "2016-10-01",
        }
        for i in range(n)
    ]
    return jsonl(rows)


def test_bad_article_costs_only_itself(
    runner: CliRunner, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article the store refuses (an unreadable date is no longer one: it is dropped on
    reading) fails alone; the rest of its batch is stored."""
    real = writer.add_article

    def refuse_one(session: Any, doc: Document, quotations: Any) -> int:
        if doc.source.endswith("r17.txt"):
            raise InputError(f"{doc.source}: refused by the store")
        return real(session, doc, quotations)

    monkeypatch.setattr(writer, "add_article", refuse_one)
    (tmp_path / "in.jsonl").write_text(records(30))
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db_url])
    assert result.exit_code == 1
    assert "r17.txt: refused by the store" in result.stderr
    assert "29 article(s) added with 58 quotation(s)" in result.stderr
    assert counts(db_url) == (29, 58)
    check = runner.invoke(app, ["db", "check", "--db", db_url])
    assert check.exit_code == 0, check.output


def test_one_statement_one_cluster_across_batches(
    runner: CliRunner, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "BATCH_ARTICLES", 4)  # eight batches, the pool carried over
    (tmp_path / "in.jsonl").write_text(records(30))
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db_url])
    assert result.exit_code == 0, result.output
    with Database(db_url) as db, db.session() as s:
        stmt = select(Quotation.cluster_id, func.count()).where(Quotation.text.like("We will%"))
        groups = list(s.execute(stmt.group_by(Quotation.cluster_id)))
        assert len(groups) == 1 and groups[0][0] is not None and groups[0][1] == 30


def test_renderings_in_one_article_of_a_stored_speaker_share_one_cluster(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    """The speaker's stored rows are loaded after the article's own rows were inserted, so
    they are read back too: one row must stay one object, or each rendering starts a
    cluster of its own and one is left empty."""
    first = {"file": "a.txt", "text": "“Taxes are too high,” Jane Doe said."}
    again = "We will never give up on the people of this great state"
    text = f"“{again},” Jane Doe said.\n\nLater: “{again} today,” Jane Doe said."
    for i, row in enumerate([first, {"file": "b.txt", "text": text}]):
        (tmp_path / f"{i}.jsonl").write_text(jsonl([row]))  # a transaction each
        result = runner.invoke(app, ["ingest", str(tmp_path / f"{i}.jsonl"), "--db", db_url])
        assert result.exit_code == 0, result.output
    with Database(db_url) as db, db.session() as s:
        stmt = select(Quotation.cluster_id).where(Quotation.text.like("We will%"))
        assert len(set(s.scalars(stmt))) == 1
        assert s.scalar(select(func.count()).select_from(Cluster)) == 1
    check = runner.invoke(app, ["db", "check", "--db", db_url])
    assert check.exit_code == 0, check.output


def _carried(db: Database, carry: candidates.Carry, other_writes: bool) -> bool:
    """Whether a writer transaction's pool is handed to the next one."""
    sessions = writer.Writer(db.sessions, writer.IngestReport()).sessions
    with sessions() as s, s.begin(), writing(s, carry.resume(s)) as batch:
        kept = batch.pool
        carry.keep(batch)
    if other_writes:  # another process, say: an engine of its own
        other = make_engine(db.url)
        with other.begin() as conn:
            conn.execute(text("CREATE TABLE IF NOT EXISTS scratch (x INTEGER)"))  # SQLite
            conn.execute(text("DELETE FROM retired_quotations WHERE id < 0"))  # PostgreSQL
        other.dispose()
    with sessions() as s, s.begin():
        return carry.resume(s) is kept


def test_pool_kept_until_another_connection_wrote(db_url: str) -> None:
    with Database(db_url) as db:
        carry = candidates.Carry()
        # writes elsewhere on the server (other tests, other databases) cost nothing
        assert all(_carried(db, carry, other_writes=False) for _ in range(3))
        assert not _carried(db, carry, other_writes=True)


def test_ids_reserved_outside_the_writer_never_repeat(db_url: str) -> None:
    with Database(db_url) as db, db.session() as s, writing(s) as batch:  # not a writer's
        first = reserve(batch, Cluster, 2)  # clusters joined in memory, inserted at commit
        second = reserve(batch, Cluster, 2)
        assert len(set(first + second)) == 4


def cluster_sets(db_url: str) -> set[frozenset[tuple[str, int]]]:
    with Database(db_url) as db, db.session() as s:
        stmt = select(Quotation.cluster_id, Article.content_hash, Quotation.start).join(
            Quotation.article
        )
        groups: dict[int | None, set[tuple[str, int]]] = {}
        for cluster_id, digest, start in s.execute(stmt.where(Quotation.cluster_id.is_not(None))):
            groups.setdefault(cluster_id, set()).add((digest, start))
        return {frozenset(g) for g in groups.values()}


def test_reextract_rebuilds_the_same_clusters(
    runner: CliRunner, db_url: str, seeds_dir: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db_url]).exit_code == 0
    before = cluster_sets(db_url)
    assert len(before) >= 5
    result = runner.invoke(app, ["reextract", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert cluster_sets(db_url) == before


def test_idle_writer_stores_a_worthwhile_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While extraction is behind, the writer stores what waits, once it is worth a commit."""
    (tmp_path / "in.jsonl").write_text(records(writer.MIN_IDLE_BATCH))
    items = extracted(tmp_path / "in.jsonl")
    with Database(str(tmp_path / "q.db")) as db:
        w = writer.Writer(db.sessions, writer.IngestReport())
        for item in items[:-1]:
            w.add(item)
        w.idle()
        assert (w.report.added, len(w.batch)) == (0, len(items) - 1)
        w.add(items[-1])
        w.idle()
        assert (w.report.added, len(w.batch)) == (len(items), 0)


def extracted(path: Path) -> list[Extracted]:
    outcomes = run(tasks_for(discover([str(path)]), 1 << 20), Options(for_store=True), 1)
    return [o for o in outcomes if isinstance(o, Extracted)]


def test_prepare_runs_once_before_anything_is_stored(tmp_path: Path) -> None:
    """The CLI migrates a new database while the first articles are extracted."""
    (tmp_path / "in.jsonl").write_text(records(3))
    items = extracted(tmp_path / "in.jsonl")
    with Database(str(tmp_path / "q.db"), migrate=False) as db:
        applied: list[bool] = []
        w = writer.Writer(db.sessions, writer.IngestReport(), lambda: applied.append(db.migrate()))
        w.idle()  # waiting for the first article: the time to prepare
        assert applied == [True] and w.report.added == 0
        for item in items:
            w.add(item)
        w.idle()
        w.flush()
        assert applied == [True] and w.report.added == 3


def test_prepare_runs_even_when_nothing_is_stored(tmp_path: Path) -> None:
    with Database(str(tmp_path / "q.db"), migrate=False) as db:
        applied: list[bool] = []
        w = writer.Writer(db.sessions, writer.IngestReport(), lambda: applied.append(db.migrate()))
        w.flush()
        assert applied == [True]


def test_new_database_with_workers(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(records(40))
    db = str(tmp_path / "new.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db, "-j", "2"])
    assert result.exit_code == 0, result.output
    assert "Created SQLite database" in result.stderr
    assert counts(db) == (40, 80)
    assert runner.invoke(app, ["db", "check", "--db", db]).exit_code == 0


def varied(n: int) -> str:
    """Articles whose speakers recur, named in full or by surname, quoting each other's
    statements again: what the writer carries from batch to batch all matters here."""
    people = ["Jane Doe", "Doe", "Mary Roe", "Jane Q. Doe", "John Roe", "Roe", "Mary A. Roe"]
    people += ["the Acme Corporation", "Acme", "Jane Doe", "Mary Roe"]
    rows: list[dict[str, object]] = []
    for i in range(n):
        first, second = people[i % len(people)], people[(i * 5 + 1) % len(people)]
        text = (
            f"Story {i}.\n\n“{SAID[1:57]} of {i % 3},” {first} said.\n\n"
            f"“Item {i % 4} is done and the work goes on,” said {second}."
        )
        rows.append({"file": f"v{i}.txt", "text": text, "published": f"2016-10-{i % 9 + 1:02d}"})
    return jsonl(rows)


def snapshot(db_url: str) -> tuple[object, ...]:
    """The database's content without its ids: speakers, aliases, attributions, clusters."""
    with Database(db_url) as db, db.session() as s:
        rows = s.execute(text("SELECT id, name FROM speakers"))
        speakers: dict[int, str] = {i: n for i, n in rows}
        aliases = sorted(
            (speakers[i], a) for i, a in s.execute(text("SELECT speaker_id, alias FROM aliases"))
        )
        said = sorted(
            (d, start, speakers.get(sid))
            for d, start, sid in s.execute(
                select(Article.content_hash, Quotation.start, Quotation.speaker_id).join(
                    Quotation.article
                )
            )
        )
        reps = sorted(s.scalars(select(Cluster.representative)))
    return sorted(speakers.values()), aliases, said, reps, cluster_sets(db_url)


def test_state_carried_between_batches_changes_nothing_stored(
    runner: CliRunner, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in.jsonl").write_text(varied(24))
    monkeypatch.setattr(writer, "BATCH_ARTICLES", 3)
    found = []
    for carried in (True, False):
        if not carried:  # every transaction loads afresh
            monkeypatch.setattr(candidates, "_stamps", lambda session: (None, None))
        url = db_url if carried else _second(db_url, tmp_path)
        result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", url])
        assert result.exit_code == 0, result.output
        found.append(snapshot(url))
    assert found[0] == found[1]
    assert len(found[0][4]) >= 2  # statements repeated across batches were clustered


def _second(db_url: str, tmp_path: Path) -> str:
    """Another empty database on the same backend."""
    if "://" not in db_url:
        return str(tmp_path / "second.db")
    with Database(db_url) as db, db.session() as s:
        for table in ("quotations", "clusters", "roles", "aliases", "speakers", "articles"):
            s.execute(text(f"DELETE FROM {table}"))
        s.commit()
    return db_url


def test_workers_prepare_pair_texts_only_for_sqlite(db_url: str, tmp_path: Path) -> None:
    """The SQLite pair index takes the texts workers worked out; PostgreSQL's index works
    them out from its own tokens, so workers loading into it skip them."""
    from quotedb.ingest.pipeline import ingest_sources

    path = tmp_path / "records.jsonl"
    path.write_text(records(2), encoding="utf-8")
    database = Database(db_url)
    database.migrate()
    prepared: list[dict[str, str]] = []

    def keep(outcome: object) -> None:
        if isinstance(outcome, Extracted) and outcome.prepared is not None:
            prepared.append(outcome.prepared.pairs)

    report = ingest_sources(database.sessions, discover([str(path)]), on_outcome=keep)
    assert report.added == 2 and len(prepared) == 2
    sqlite = database.engine.dialect.name == "sqlite"
    assert all(bool(pairs) == sqlite for pairs in prepared)
    assert len(database.search('"of this great"')) == 2  # a phrase of pairs: the index works
