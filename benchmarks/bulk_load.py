"""How fast does ``quotedb ingest --bulk`` load pre-extracted records into PostgreSQL?

    .venv/bin/python benchmarks/bulk_load.py RECORDS.jsonl --db postgresql://.../scratch

RECORDS: ``quotedb extract DIR --with-article`` output. ``--db``: an empty PostgreSQL
database this script may fill and empty (every table is dropped between runs). Prints the
articles per second of an ordinary ingest and of a bulk one, each timed in-process, and
their ratio to a floor measured in the same run: a bare COPY of the same article rows
(text and hash) into a scratch table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
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


def timed_ingest(url: str, records: Path, *, bulk: bool) -> tuple[float, int]:
    reset(url)
    database = api.Database(url)
    started = time.perf_counter()
    report = database.ingest([str(records)], bulk=bulk)
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
    plain_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    floor = bare_copy(plain_url, args.records)
    ordinary, added = timed_ingest(url, args.records, bulk=False)
    bulk, bulk_added = timed_ingest(url, args.records, bulk=True)
    reset(plain_url)
    print(f"floor (bare COPY of the article rows): {floor:.2f} s, {added / floor:,.0f} articles/s")
    for name, seconds, n in (("ingest", ordinary, added), ("ingest --bulk", bulk, bulk_added)):
        print(
            f"{name}: {n} articles in {seconds:.2f} s, {n / seconds:,.0f} articles/s,"
            f" {seconds / floor:.1f}x the floor"
        )
    print(f"bulk speed-up over ingest: {ordinary / bulk:.2f}x")


if __name__ == "__main__":
    main()
