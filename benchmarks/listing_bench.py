"""Search, listing and export at scale: p50/p95 of each through ``quotedb.api`` (a fresh
session per call, as a CLI call makes), beside the engine's own bare statement for the
same work, measured in the same run, and the ratio of the two.

    python benchmarks/synthetic_db.py --db /tmp/bench.db
    python benchmarks/listing_bench.py --db /tmp/bench.db
    python benchmarks/listing_bench.py --db postgresql://postgres@127.0.0.1:5432/bench

What is measured, and its floor:

- one-word search (a word of a random quotation, not a function word), 20 hits: the
  engine's ranked match (FTS5 ``ORDER BY rank LIMIT 20``; ``ts_rank`` with ``LIMIT 20``);
- phrase search (three words of a random quotation): the same for the phrase;
- export of 1,000 rows as JSON Lines: the 1,000 first quotations by id, read bare;
- the bare ``quotes`` listing (20 rows, each sort, and at an offset): 20 quotations
  joined with their articles and speakers, by id.

Old and new code can be compared by running this script from two checkouts in turn.
CPU milliseconds are this process's; the wall clock also waits for the database server.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, text

from quotedb import api
from quotedb.api import Database
from quotedb.db.fulltext import FTS_TABLE, PAIR_WORDS, TOKEN, TS_CONFIG, TSV_COLUMN
from quotedb.db.models import Quotation

Timings = tuple[list[float], list[float]]  # wall clock, this process's CPU (ms)


@dataclass(frozen=True)
class Case:
    name: str
    run: Callable[[str], object]
    floor: Callable[[str], object]
    queries: list[str]


def timed(run: Callable[[str], object], queries: list[str]) -> Timings:
    wall, cpu = [], []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        run(q)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def p50_p95(times: list[float]) -> tuple[float, float]:
    if len(times) < 2:
        return times[0], times[0]
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def report(case: Case, runs: Timings, floor: Timings) -> None:
    (w50, w95), (c50, c95) = p50_p95(runs[0]), p50_p95(runs[1])
    f50, f95 = p50_p95(floor[0])
    print(
        f"{case.name:<22} n={len(case.queries):<4} wall p50 {w50:8.2f} p95 {w95:8.2f}  "
        f"cpu p50 {c50:8.2f} p95 {c95:8.2f}  floor p50 {f50:7.2f} p95 {f95:7.2f}  "
        f"ratio p50 {w50 / max(f50, 1e-3):6.1f}x p95 {w95 / max(f95, 1e-3):6.1f}x"
    )


def sample_texts(engine: Engine, n: int, rng: random.Random) -> list[str]:
    with engine.connect() as conn:
        top = conn.scalar(select(func.max(Quotation.id))) or 0
        ids = rng.sample(range(1, top + 1), min(n, top))
        rows = conn.execute(select(Quotation.text).where(Quotation.id.in_(ids)))
        return [str(t) for (t,) in rows]


def one_word(text_: str, rng: random.Random) -> str:
    words = [w.lower() for w in TOKEN.findall(text_) if w.lower() not in PAIR_WORDS]
    return rng.choice(words or TOKEN.findall(text_) or ["none"])


def phrase(text_: str, rng: random.Random) -> str:
    """Three neighbouring words, at least one of them not a function word (as in
    search_bench.py: a phrase of function words alone finds no quotation in particular)."""
    words = TOKEN.findall(text_)
    windows = [words[i : i + 3] for i in range(max(1, len(words) - 2))]
    telling = [w for w in windows if any(x.lower() not in PAIR_WORDS for x in w)] or windows
    return '"' + " ".join(rng.choice(telling)) + '"'


def engine_floor(engine: Engine) -> Callable[[str], object]:
    """The engine's ranked match of a query, 20 rows, nothing else."""
    if engine.dialect.name == "sqlite":
        stmt = text(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT 20"
        )

        def run(q: str) -> object:
            with engine.connect() as conn:
                return conn.execute(stmt, {"q": q}).all()

        return run
    tsq = f"phraseto_tsquery('{TS_CONFIG}', :q)"
    pg = text(
        f"SELECT id FROM quotations WHERE {TSV_COLUMN} @@ {tsq} "
        f"ORDER BY ts_rank({TSV_COLUMN}, {tsq}) DESC LIMIT 20"
    )

    def run_pg(q: str) -> object:
        with engine.connect() as conn:
            return conn.execute(pg, {"q": q.strip('"')}).all()

    return run_pg


def rows_floor(engine: Engine, limit: int) -> Callable[[str], object]:
    """``limit`` quotations by id with their articles and speakers, read bare."""
    stmt = text(
        "SELECT q.*, a.title, a.outlet, a.published, a.url, a.authors, s.name FROM quotations q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id "
        f"ORDER BY q.id LIMIT {limit}"
    )

    def run(_: str) -> object:
        with engine.connect() as conn:
            return conn.execute(stmt).all()

    return run


def cases(db: Database, texts: list[str], rng: random.Random, repeats: int) -> list[Case]:
    engine = db.engine
    words = [one_word(t, rng) for t in texts]
    phrases = [phrase(t, rng) for t in texts]
    few = ["-"] * repeats
    floor = engine_floor(engine)

    def export(_: str) -> object:
        return db.export(io.StringIO(), fmt="jsonl", limit=1000)

    found = [
        Case("one-word search", lambda q: db.search(q), floor, words),
        Case("phrase search", lambda q: db.search(q), floor, phrases),
        Case("export 1,000 rows", export, rows_floor(engine, 1000), few),
    ]
    for sort in (None, "newest", "speaker", "confidence"):
        name = f"quotes --sort {sort}" if sort else "quotes (default)"
        found.append(Case(name, lambda _, s=sort: db.quotes(sort=s), rows_floor(engine, 20), few))
    offset = Case(
        "quotes --offset 10000", lambda _: db.quotes(offset=10_000), rows_floor(engine, 20), few
    )
    return [*found, offset, *cursor_cases(db, few)]


def cursor_cases(db: Database, few: list[str]) -> list[Case]:
    """The page 10,000 rows deep by cursor, in each order (code without cursors: none)."""
    next_cursor = getattr(api, "next_cursor", None)
    if next_cursor is None:
        return []
    found = []
    for sort in (None, "newest", "speaker", "confidence"):
        token = next_cursor(db.quotes(offset=9_999, limit=1, sort=sort), sort)

        def deep(_: str, s: str | None = sort, t: str = token) -> object:
            return db.quotes(after=t, sort=s)

        found.append(Case(f"quotes --after (10,000 deep, {sort or 'oldest'})", deep,
                          rows_floor(db.engine, 20), few))  # fmt: skip
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=200, help="queries per search kind")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each export and listing")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--only", help="run only the cases whose names hold one of these (a,b)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    db = Database(args.db, migrate=False)
    texts = sample_texts(db.engine, args.runs, rng)
    with db.engine.connect() as conn:
        count = conn.scalar(select(func.count(Quotation.id)))
    print(f"{db.engine.dialect.name}: {count:,} quotations")
    for case in cases(db, texts, rng, args.repeats):
        if args.only and not any(part in case.name for part in args.only.split(",")):
            continue
        timed(case.run, case.queries[:3])  # warm the caches and the statements
        floor = timed(case.floor, case.queries)
        report(case, timed(case.run, case.queries), floor)


if __name__ == "__main__":
    main()
