"""Generate a synthetic quotedb database for benchmarks: many quotations, fast bulk loads.

    python benchmarks/synthetic_db.py --db /tmp/bench.db
    python benchmarks/synthetic_db.py --db postgresql://postgres@127.0.0.1:5432/bench

The schema comes from the migrations (so the full-text index is the real one); rows are
written with executemany (SQLite) or COPY (PostgreSQL, each table's secondary indexes
dropped for the load and built after it), never through the ORM. Quotation
texts draw words from a Zipf-distributed vocabulary (real function words first, then
made-up words) with lengths that look like news quotations (4 to 80 words, median ~18).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

from quotedb.db.engine import make_engine, resolve_url
from quotedb.db.migrations import ensure_head

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
# The most frequent English words, most frequent first (they head the Zipf ranking).
FUNCTION_WORDS = """the of and to a in is that for it was on with he as i his be at by you are this
had not but from have they we or an which she were her there been one all would their has
more will if so no what can about who up out said our them when my than do could into me its
some these him just only now then did very how over after your also should any because
before us""".split()
OUTLETS = [f"The {w.title()} Herald" for w in ("daily", "evening", "national", "morning")] + [
    f"{w.title()} News" for w in ("global", "metro", "capital", "coastal", "valley", "union")
]
BATCH = 20_000


@dataclass(frozen=True)
class Sizes:
    quotations: int
    speakers: int
    articles: int


def made_up_words(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choices(SYLLABLES, k=rng.choice((2, 2, 3, 3, 3, 4)))))
    return sorted(words)


class Vocabulary:
    """Words with Zipf frequencies: a few very common, a long tail of rare ones."""

    def __init__(self, rng: random.Random, size: int = 150_000) -> None:
        self.rng = rng
        self.words = FUNCTION_WORDS + made_up_words(rng, size)
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))

    def sentence(self) -> str:
        length = max(4, min(80, int(self.rng.lognormvariate(2.9, 0.5))))
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        return " ".join(words).capitalize() + self.rng.choice((".", ".", ",", "?"))


def speakers(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """(given, surname) pairs, surnames shared now and then as in real life."""
    given = [w.title() for w in made_up_words(rng, 3_000)]
    family = [w.title() for w in made_up_words(rng, max(n // 2, 10))]
    return [(rng.choice(given), rng.choice(family)) for _ in range(n)]


def chunks(rows: Iterator[tuple[Any, ...]], size: int = BATCH) -> Iterator[list[tuple[Any, ...]]]:
    while batch := list(itertools.islice(rows, size)):
        yield batch


class Writer:
    """Bulk rows into one table: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"

    def write(self, table: str, columns: Sequence[str], rows: Iterator[tuple[Any, ...]]) -> int:
        n = 0
        cols = ", ".join(f'"{c}"' for c in columns)
        with self.engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            rebuild = [] if self.sqlite else without_secondary_indexes(conn, table)
            for batch in chunks(rows):
                if self.sqlite:
                    marks = ", ".join("?" * len(columns))
                    raw.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", batch)
                else:
                    with raw.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as cp:
                        for row in batch:
                            cp.write_row(row)
                n += len(batch)
            for definition in rebuild:  # one sorted build each, not a million updates
                conn.execute(text(definition))
        return n


def without_secondary_indexes(conn: Connection, table: str) -> list[str]:
    """Drop the table's indexes that back no constraint (the full-text GIN indexes among
    them), for a PostgreSQL bulk load; their definitions, to build them after it."""
    found = conn.execute(
        text(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = :table "
            "AND schemaname = current_schema() "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        ),
        {"table": table},
    ).all()
    conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
    for name, _ in found:
        conn.execute(text(f'DROP INDEX "{name}"'))
    return [definition for _, definition in found]


def generate(engine: Engine, sizes: Sizes, seed: int) -> None:
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    writer = Writer(engine)
    people = speakers(rng, sizes.speakers)
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def speaker_rows() -> Iterator[tuple[Any, ...]]:
        for i, (g, f) in enumerate(people, 1):
            yield (i, f"{g} {f}", "person", f"{g} {f}".lower(), stamp)

    def alias_rows() -> Iterator[tuple[Any, ...]]:
        n = itertools.count(1)
        for i, (g, f) in enumerate(people, 1):
            yield (next(n), i, f"{g} {f}", f"{g} {f}".lower())
            yield (next(n), i, f, f.lower())

    log(
        "speakers",
        writer.write("speakers", ("id", "name", "kind", "name_key", "created_at"), speaker_rows()),
    )
    log("aliases", writer.write("aliases", ("id", "speaker_id", "alias", "key"), alias_rows()))

    per_article = [0] * sizes.articles
    for _ in range(sizes.quotations):
        per_article[rng.randrange(sizes.articles)] += 1
    start_day = dt.date(2015, 1, 1)

    # Confidences as the model gives them (rounded to 3 places, mostly high), from their own
    # generator so that the texts stay those of earlier builds.
    likely = random.Random(f"{seed}:confidence")

    def quotation_rows() -> Iterator[tuple[Any, ...]]:
        qid = itertools.count(1)
        for a, count in enumerate(per_article, 1):
            offset = 0
            for _ in range(count):
                sentence = vocab.sentence()
                who = rng.randrange(sizes.speakers) + 1
                start = offset + 1
                end = start + len(sentence)
                offset = end + 40
                kind = "direct" if rng.random() < 0.8 else "partial"
                said = people[who - 1][1]
                context = f"{vocab.sentence()} “{sentence}” {said} said. {vocab.sentence()}"
                yield (
                    next(qid),
                    a,
                    start,
                    end,
                    sentence,
                    kind,
                    who,
                    said,
                    round(likely.betavariate(5, 1.5), 3),
                    "synthetic",
                    context,
                )

    def article_rows() -> Iterator[tuple[Any, ...]]:
        for a in range(1, sizes.articles + 1):
            day = start_day + dt.timedelta(days=rng.randrange(4_000))
            digest = hashlib.sha256(f"{seed}:{a}".encode()).hexdigest()
            title = vocab.sentence().rstrip(".,?")[:120]
            authors = json.dumps(
                [" ".join(p) for p in rng.sample(people, rng.choice((0, 1, 1, 2)))]
            )
            yield (
                a,
                digest,
                f"Synthetic article {a}.",
                title,
                rng.choice(OUTLETS),
                authors,
                day,
                "synthetic",
                stamp,
            )

    cols = (
        "id",
        "content_hash",
        "text",
        "title",
        "outlet",
        "authors",
        "published",
        "extractor_version",
        "ingested_at",
    )
    log("articles", writer.write("articles", cols, article_rows()))
    qcols = (
        "id",
        "article_id",
        "start",
        "end",
        "text",
        "kind",
        "speaker_id",
        "speaker_mention",
        "confidence",
        "extractor_version",
        "context",  # the paragraph around it, for search --context
    )
    log("quotations", writer.write("quotations", qcols, quotation_rows()))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))
            for table in ("speakers", "aliases", "articles", "quotations"):
                sequence = f"pg_get_serial_sequence('{table}', 'id')"
                conn.execute(text(f"SELECT setval({sequence}, (SELECT max(id) FROM {table}))"))
        else:
            conn.execute(text("ANALYZE"))
            conn.execute(text("INSERT INTO quotations_fts(quotations_fts) VALUES ('optimize')"))


START = time.perf_counter()


def log(what: str, n: int) -> None:
    print(f"{time.perf_counter() - START:7.1f}s  {n:>9,} {what}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite path or PostgreSQL URL (must be empty)")
    parser.add_argument("--quotations", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    engine = make_engine(resolve_url(args.db))
    ensure_head(engine)
    with engine.connect() as conn:
        if conn.execute(text("SELECT count(*) FROM quotations")).scalar():
            parser.error(f"{args.db} already holds quotations: give an empty database")
    generate(engine, Sizes(args.quotations, args.speakers, args.articles), args.seed)
    log("done", args.quotations)


if __name__ == "__main__":
    main()
