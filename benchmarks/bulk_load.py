"""How fast does ``quotedb ingest --bulk`` load pre-extracted records into PostgreSQL?

    .venv/bin/python benchmarks/bulk_load.py RECORDS.jsonl --db postgresql://.../scratch

RECORDS: ``quotedb extract DIR --with-article`` output. ``--db``: an empty PostgreSQL
database this script may fill and empty (every table is dropped between runs). Prints the
articles per second of an ordinary ingest and of a bulk one, each timed in-process, and
their ratio to a floor measured in the same run: a bare COPY of the same article rows
(text and hash) into a scratch table; then the second half of the records bulk-loaded into
a database holding the first (a sharded run's second shard: cost as the archive grows).

For the bulk load it also splits the time: CPU seconds of this process (the writer) and of
the PostgreSQL server (when it runs on this machine: its processes' CPU time, read from
/proc), and the seconds the server spends building the full-text indexes and the one-word
table over the loaded rows, each timed again afterwards in a transaction rolled back: what
a load that rebuilds them pays whatever the writer does. Last, the server's whole share with
no writer at all: every stored row inserted again from a copy inside PostgreSQL (one
statement a table, indexes and the one-word table rebuilt as a bulk load does, rolled
back), the ceiling of any loader on this schema and machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import make_url

from quotedb import api
from quotedb.db.fulltext import WORDS_INDEX, WORDS_ROWS, WORDS_TABLE, WORDS_TRIGGERS
from quotedb.db.models import Base
from quotedb.store.bulk import DEFERRED_INDEXES


def reset(url: str) -> None:
    """The database emptied: quotedb's schema is made again by the next ingest."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def plain(url: str) -> str:
    """The URL as psycopg takes it (``postgresql+psycopg://`` is SQLAlchemy's)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def server_cpu() -> float | None:
    """CPU seconds PostgreSQL's processes on this machine have used (the postmaster's
    children that exited included), or None when none can be read."""
    ticks, found = 0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            line = stat.read_text()
        except OSError:
            continue
        if line[line.index("(") + 1 : line.rindex(")")] != "postgres":
            continue
        fields = line[line.rindex(")") + 2 :].split()
        found = True
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
        if fields[1] == "1" or not Path(f"/proc/{fields[1]}").exists():  # the postmaster
            ticks += int(fields[13]) + int(fields[14])  # its exited children's
    return ticks / os.sysconf("SC_CLK_TCK") if found else None


def timed_ingest(url: str, records: Path, *, bulk: bool) -> tuple[float, int]:
    """Seconds to ingest the records into an empty database (its schema made before)."""
    reset(plain(url))
    api.Database(url).migrate()
    database = api.Database(url)
    started = time.perf_counter()
    report = database.ingest([str(records)], bulk=bulk)
    return time.perf_counter() - started, report.added


def split_ingest(url: str, records: Path) -> tuple[float, int, float, float | None]:
    """A bulk load's seconds and articles, with the writer's CPU and the server's."""
    reset(plain(url))
    api.Database(url).migrate()
    database = api.Database(url)
    server, cpu = server_cpu(), time.process_time()
    started = time.perf_counter()
    report = database.ingest([str(records)], bulk=True)
    seconds = time.perf_counter() - started
    after = server_cpu()
    used = after - server if after is not None and server is not None else None
    return seconds, report.added, time.process_time() - cpu, used


def dropped(conn: psycopg.Connection[tuple[str]], name: str) -> str:
    """The index dropped, and the statement that builds it again."""
    found = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", (name,))
    (definition,) = found.fetchone() or ("",)
    conn.execute(f'DROP INDEX "{name}"')
    return definition


def index_builds(url: str) -> list[tuple[str, float]]:
    """Seconds to build each full-text index and the one-word table over the stored rows
    (in a transaction rolled back: the database is left as it was)."""
    timings: list[tuple[str, float]] = []
    with psycopg.connect(url) as conn:
        for name in (*DEFERRED_INDEXES, WORDS_INDEX):
            definition = dropped(conn, name)
            started = time.perf_counter()
            if name == WORDS_INDEX:
                conn.execute(f"TRUNCATE {WORDS_TABLE}")
                conn.execute(f"INSERT INTO {WORDS_TABLE} (word, tf, quotation_id) {WORDS_ROWS}")
            conn.execute(definition)
            timings.append(
                (WORDS_TABLE if name == WORDS_INDEX else name, time.perf_counter() - started)
            )
        conn.rollback()
    return timings


def stored_again(url: str) -> tuple[float, float | None]:
    """Wall and server CPU seconds for PostgreSQL alone to store the loaded rows again the
    way a bulk load does (GIN indexes and the one-word table built after the rows, its
    triggers off), read from copies in the same server: no client, no round trips, no
    decisions. Rolled back, so the database is left as it was."""
    tables = [t.name for t in Base.metadata.sorted_tables if t.name != WORDS_TABLE]
    with psycopg.connect(url) as conn:
        for name in tables:
            conn.execute(f'CREATE TEMP TABLE "copy_{name}" AS SELECT * FROM "{name}"')
        conn.execute("TRUNCATE " + ", ".join(f'"{name}"' for name in tables) + " CASCADE")
        rebuilt = [dropped(conn, name) for name in (*DEFERRED_INDEXES, WORDS_INDEX)]
        for trigger in WORDS_TRIGGERS:
            conn.execute(f'ALTER TABLE quotations DISABLE TRIGGER "{trigger}"')
        server, started = server_cpu(), time.perf_counter()
        for name in tables:
            columns = ", ".join(
                f'"{c}"'
                for (c,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
                    " AND table_schema = current_schema() AND is_generated = 'NEVER'"
                    " ORDER BY ordinal_position",
                    (name,),
                )
            )
            conn.execute(f'INSERT INTO "{name}" ({columns}) SELECT {columns} FROM "copy_{name}"')
        conn.execute(f"INSERT INTO {WORDS_TABLE} (word, tf, quotation_id) {WORDS_ROWS}")
        for sql in rebuilt:
            conn.execute(sql)
        seconds, after = time.perf_counter() - started, server_cpu()
        conn.rollback()
    return seconds, (after - server if after is not None and server is not None else None)


def second_shard(url: str, records: Path, folder: Path) -> tuple[float, int]:
    """Seconds to bulk-load the second half of the records into a database holding the
    first half (a sharded run's second shard), and the articles it added."""
    lines = records.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    second.write_text("".join(lines[len(lines) // 2 :]), encoding="utf-8")
    timed_ingest(url, first, bulk=True)
    started = time.perf_counter()
    report = api.Database(url).ingest([str(second)], bulk=True)
    return time.perf_counter() - started, report.added


def bare_copy(url: str, records: Path) -> float:
    """Seconds to COPY each record's text and hash into a scratch table: the floor."""
    lines = records.read_text(encoding="utf-8").splitlines()
    started = time.perf_counter()
    rows = [json.loads(line)["text"] for line in lines]
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TEMP TABLE floor (hash text, body text)")
        with conn.cursor().copy("COPY floor (hash, body) FROM STDIN") as copy:
            for body in rows:
                copy.write_row((hashlib.sha256(body.encode()).hexdigest(), body))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--db", required=True, help="an empty PostgreSQL database to use")
    args = parser.parse_args()
    url = args.db
    plain_url = plain(url)
    floor = bare_copy(plain_url, args.records)
    ordinary, added = timed_ingest(url, args.records, bulk=False)
    bulk, bulk_added, writer_cpu, pg_cpu = split_ingest(url, args.records)
    builds = index_builds(plain_url)
    again, again_cpu = stored_again(plain_url)
    with tempfile.TemporaryDirectory() as folder:
        shard, shard_added = second_shard(url, args.records, Path(folder))
    reset(plain_url)
    print(f"floor (bare COPY of the article rows): {floor:.2f} s, {added / floor:,.0f} articles/s")
    runs = (
        ("ingest", ordinary, added),
        ("ingest --bulk", bulk, bulk_added),
        ("ingest --bulk, second half into the first", shard, shard_added),
    )
    for name, seconds, n in runs:
        print(
            f"{name}: {n} articles in {seconds:.2f} s, {n / seconds:,.0f} articles/s,"
            f" {seconds / n / (floor / added):.1f}x the floor per article"
        )
    print(f"bulk speed-up over ingest: {ordinary / bulk:.2f}x")
    server = "not on this machine" if pg_cpu is None else f"{pg_cpu:.2f} s"
    print(f"ingest --bulk CPU: writer {writer_cpu:.2f} s, PostgreSQL server {server}")
    built = sum(seconds for _, seconds in builds)
    print(
        f"building the full-text indexes and the one-word table over its rows: {built:.2f} s"
        f" ({', '.join(f'{name} {seconds:.2f}' for name, seconds in builds)}):"
        f" alone, a ceiling of {bulk_added / built:,.0f} articles/s for a load that rebuilds them"
    )
    server = "" if again_cpu is None else f", server CPU {again_cpu:.2f} s"
    print(
        f"PostgreSQL storing the same rows again from copies, no writer: {again:.2f} s{server}:"
        f" a ceiling of {bulk_added / again:,.0f} articles/s for any loader on this schema"
    )


if __name__ == "__main__":
    main()
