"""Web latency: p50/p95 of the search page, API calls, a quotation page and a person page.

    python benchmarks/synthetic_db.py --db /tmp/bench.db     # 1M quotations (--quotations N: fewer)
    python benchmarks/web_latency.py --db /tmp/bench.db

Requests go to uvicorn serving the application on localhost (in a thread of this process),
over one kept-alive HTTP connection, one at a time. Queries come from the
database itself, as in search_bench.py. The floor is a request that reaches the application
and reads nothing (a static file), measured in the same run: each line prints its ratio to
that floor's p50 beside the milliseconds, and the targets (p95 50 ms for search and the
API, 100 ms for a person page). CPU milliseconds (this process: server and client) are
printed too: on a machine shared with other work, wall-clock time waits for the CPU.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import quote

import httpx
import uvicorn
from sqlalchemy import bindparam, func, select, text

from quotedb.api import Database
from quotedb.web import Settings, create_app

TARGETS = {"person page": 100.0}  # p95 ms; everything else: 50


def spread(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


@contextmanager
def served(db: Database) -> Iterator[httpx.Client]:
    """``quotedb serve`` on a free port, and a client of it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db)), port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        yield client
    server.should_exit = True
    thread.join(10)


def timed(client: httpx.Client, paths: list[str]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each request (CPU: this process's, server and
    client: what a loaded machine does not inflate)."""
    times, cpu = [], []
    for path in paths:
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
    return times, cpu


def phrase_of(words: list[str], rng: random.Random) -> str:
    start = rng.randrange(max(1, len(words) - 2))
    return '"' + " ".join(words[start : start + 3]) + '"'


def paraphrase(words: list[str], rng: random.Random) -> str:
    kept = [w for w in words if rng.random() > 0.2] or words
    return " ".join(kept[:25])


def samples(db: Database, n: int, rng: random.Random) -> tuple[list[tuple[int, str]], list[int]]:
    """Random quotations (id, text) and the ids of random quoted speakers."""
    with db.engine.connect() as conn:
        top = conn.scalar(text("SELECT max(id) FROM quotations")) or 0
        ids = rng.sample(range(1, top + 1), min(n, top))
        rows = conn.execute(
            text("SELECT id, text FROM quotations WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids},
        )
        quotations = [(int(i), str(t)) for i, t in rows]
        speakers = list(
            conn.scalars(
                select(text("speaker_id"))
                .select_from(text("quotations"))
                .where(text("speaker_id IS NOT NULL"))
                .order_by(func.random())
                .limit(n)
            )
        )
    return quotations, [int(s) for s in speakers]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    db = Database(args.db)
    with served(db) as client:
        run(db, client, args.runs, rng)
    db.close()


def run(db: Database, client: httpx.Client, runs: int, rng: random.Random) -> None:
    picked, speakers = samples(db, runs, rng)
    count = db.engine.connect().scalar(text("SELECT count(*) FROM quotations"))
    print(f"{db.description}: {count:,} quotations, {len(picked)} samples")
    words = [t.rstrip(".,?").split() for _, t in picked]
    cases: dict[str, Callable[[], list[str]]] = {
        "floor": lambda: ["/static/app.js"] * len(picked),
        "search page": lambda: [f"/search?q={quote(phrase_of(w, rng))}" for w in words],
        "API search": lambda: [f"/api/quotations?q={quote(phrase_of(w, rng))}" for w in words],
        "API who": lambda: [f"/api/who?text={quote(paraphrase(w, rng))}" for w in words],
        "API quotation": lambda: [f"/api/quotations/{i}" for i, _ in picked],
        "quotation page": lambda: [f"/quotations/{i}" for i, _ in picked],
        "API person": lambda: [f"/api/people/{s}" for s in speakers],
        "person page": lambda: [f"/people/{s}" for s in speakers],
    }
    timed(client, [f"/search?q={quote(phrase_of(w, rng))}" for w in words[:20]])  # warm up
    floor = 0.0
    print(f"{'':<15} {'wall ms':^21}  {'x floor p50':^15}  {'cpu ms':^21}")
    for name, paths in cases.items():
        wall, cpu = timed(client, paths())
        p50, p95 = spread(wall)
        c50, c95 = spread(cpu)
        floor = floor or p50
        target = TARGETS.get(name, 50.0)
        verdict = "" if name == "floor" else ("ok" if p95 <= target else f"OVER {target:.0f}")
        print(
            f"{name:<15} p50 {p50:6.1f} p95 {p95:6.1f}  {p50 / floor:6.1f} {p95 / floor:6.1f}  "
            f"p50 {c50:6.1f} p95 {c95:6.1f}  {verdict}"
        )


if __name__ == "__main__":
    main()
