"""Search benchmark: p50/p95 latency of one-word search, phrase search, paragraph search
(``--context``), speaker lookup and ``who``; the one-word and phrase searches also as a
ratio to the engine's bare indexed lookup of 20 matches (no ranking, measured in the same
run), the paragraph search as a ratio to the phrase search.

    python benchmarks/search_bench.py --db /tmp/bench.db
    python benchmarks/search_bench.py --db postgresql://postgres@127.0.0.1:5432/bench
    python benchmarks/search_bench.py --db ... --only one-word,phrase

Queries are drawn from the database itself (benchmarks/synthetic_db.py fills one): a
word of a random quotation (not a function word), a three-word phrase of a random
quotation, the full name of a random speaker, and a
random quotation paraphrased (words dropped, swapped and replaced) for ``who``. Each
query runs in its own session, as a CLI call or an API call would.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from quotedb.db.engine import make_engine, resolve_url
from quotedb.db.fulltext import FTS_TABLE, TOKEN, TS_CONFIG, TSV_COLUMN
from quotedb.db.fulltext import PAIR_WORDS as STOPWORDS
from quotedb.db.models import Quotation, Speaker
from quotedb.read.engines import engine_named
from quotedb.read.filters import Filter
from quotedb.read.quotations import find_quotes
from quotedb.read.search import search
from quotedb.read.who import who


@dataclass(frozen=True)
class Sample:
    quotation_id: int
    text: str


def samples(engine: Engine, n: int, rng: random.Random) -> list[Sample]:
    with Session(engine) as s:
        top = s.scalar(select(func.max(Quotation.id))) or 0
        ids = rng.sample(range(1, top + 1), min(n, top))
        rows = s.execute(select(Quotation.id, Quotation.text).where(Quotation.id.in_(ids)))
        return [Sample(i, t) for i, t in rows]


def phrase_of(text: str, rng: random.Random) -> str:
    words = text.rstrip(".,?").split()
    windows = [words[i : i + 3] for i in range(max(1, len(words) - 2))]
    telling = [w for w in windows if any(x.lower() not in STOPWORDS for x in w)] or windows
    return '"' + " ".join(rng.choice(telling)) + '"'


def word_of(text_: str, rng: random.Random) -> str:
    words = [w.lower() for w in TOKEN.findall(text_) if w.lower() not in STOPWORDS]
    return rng.choice(words or TOKEN.findall(text_) or ["none"])


def bare_lookup(engine: Engine) -> Callable[[Session, str], object]:
    """The floor: the engine's full-text index asked for 20 matches, unranked."""
    if engine.dialect.name == "sqlite":
        stmt = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT 20")
    else:
        stmt = text(
            f"SELECT id FROM quotations WHERE {TSV_COLUMN} @@ "
            f"phraseto_tsquery('{TS_CONFIG}', :q) LIMIT 20"
        )
        return lambda s, q: s.connection().execute(stmt, {"q": q.strip('"')}).all()
    return lambda s, q: s.connection().execute(stmt, {"q": q}).all()


def paraphrase(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = [w for w in text.rstrip(".,?").split() if rng.random() > 0.2]
    if len(words) > 3:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


Timings = tuple[list[float], list[float]]  # wall clock, this process's CPU


def timed(engine: Engine, queries: list[str], run: Callable[[Session, str], object]) -> Timings:
    wall, cpu = [], []
    for q in queries:
        with Session(engine) as s:
            t0, c0 = time.perf_counter(), time.process_time()
            run(s, q)
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def quantiles(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def spread(times: list[float]) -> str:
    p50, p95 = quantiles(times)
    return f"p50 {p50:7.2f}  p95 {p95:7.2f}"


def report(name: str, times: Timings, extra: str = "") -> None:
    wall, cpu = times
    print(f"{name:<15} n={len(wall):<4} wall ms: {spread(wall)}   cpu ms: {spread(cpu)}  {extra}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", help="run only these kinds (one-word,phrase,context,speaker,who)")
    args = parser.parse_args(argv)
    wanted = set((args.only or "one-word,phrase,context,speaker,who").split(","))
    rng = random.Random(args.seed)
    engine = make_engine(resolve_url(args.db))
    picked = samples(engine, args.runs, rng)
    with Session(engine) as s:
        count = s.scalar(select(func.count(Quotation.id)))
        names = list(s.scalars(select(Speaker.name).order_by(func.random()).limit(args.runs)))
    print(f"{engine.dialect.name}: {count:,} quotations")
    vocabulary = [w for p in picked for w in p.text.split()]
    reader = engine_named(engine.dialect.name)  # kept across searches, as a Database keeps it

    warm = [phrase_of(p.text, rng) for p in picked[:20]]
    timed(engine, warm, lambda s, q: search(s, q, Filter(limit=20), reader))

    floor = bare_lookup(engine)

    def against_floor(name: str, queries: list[str]) -> Timings:
        timed(engine, queries[:20], floor)
        bare = timed(engine, queries, floor)
        found = timed(engine, queries, lambda s, q: search(s, q, Filter(limit=20), reader))
        (b50, b95), (f50, f95) = quantiles(bare[0]), quantiles(found[0])
        report(
            name, found, f"(floor p50 {b50:.2f} p95 {b95:.2f}: {f50 / b50:.1f}x, {f95 / b95:.1f}x)"
        )
        return found

    if "one-word" in wanted:
        against_floor("one-word search", [word_of(p.text, rng) for p in picked])
    phrases = [phrase_of(p.text, rng) for p in picked]
    if "phrase" in wanted or "context" in wanted:
        phrase_times = against_floor("phrase search", phrases)
    if "context" in wanted:
        words = [" ".join(phrase_of(p.text, rng).strip('"').split()[:2]) for p in picked]
        context_times = timed(
            engine, words, lambda s, q: search(s, q, Filter(limit=20), reader, context=True)
        )
        ratio = statistics.median(context_times[0]) / statistics.median(phrase_times[0])
        report("context search", context_times, f"(p50 {ratio:.1f}x the phrase search's)")
    if "speaker" in wanted:
        report(
            "speaker lookup",
            timed(engine, names, lambda s, q: find_quotes(s, Filter(speaker=q, limit=50))),
        )
    if "who" not in wanted:
        return

    hits = 0
    by_text = {}
    for p in picked:
        by_text[paraphrase(p.text, rng, vocabulary)] = p.quotation_id

    def run_who(s: Session, q: str) -> None:
        nonlocal hits
        found = who(s, q, Filter(limit=5), reader)
        hits += bool(found) and found[0].quotation.id == by_text[q]

    times = timed(engine, list(by_text), run_who)
    report("who", times, f"(rank-1 accuracy {hits / len(by_text):.0%})")


if __name__ == "__main__":
    main()
