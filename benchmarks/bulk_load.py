"""How fast does ``quotedb ingest --bulk`` load pre-extracted records into PostgreSQL?

    .venv/bin/python benchmarks/bulk_load.py RECORDS.jsonl --db postgresql://.../scratch

RECORDS: ``quotedb extract DIR --with-article`` output. ``--db``: an empty PostgreSQL
database this script may fill and empty (every table is dropped between runs). Prints the
articles per second of an ordinary ingest and of a bulk one, each timed in-process, and
their ratio to a floor measured in the same run: a bare COPY of the same article rows
(text and hash) into a scratch table; then the second half of the records bulk-loaded into
a database holding the first (a sharded run's second shard: cost as the archive grows).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import make_url

from quotedb import api


def reset(url: str) -> None:
    """The database emptied: quotedb's schema is made again by the next ingest."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def plain(url: str) -> str:
    """The URL as psycopg takes it (``postgresql+psycopg://`` is SQLAlchemy's)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def timed_ingest(url: str, records: Path, *, bulk: bool) -> tuple[float, int]:
    reset(plain(url))
    database = api.Database(url)
    started = time.perf_counter()
    report = database.ingest([str(records)], bulk=bulk)
    return time.perf_counter() - started, report.added


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
    bulk, bulk_added = timed_ingest(url, args.records, bulk=True)
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


if __name__ == "__main__":
    main()
