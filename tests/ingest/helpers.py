"""Articles made up for ingest tests: plain “…,” Name said. patterns, unique per number."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from quotedb.db.engine import resolve_url
from quotedb.db.models import Article, Quotation

NAMES = ("Jane Doe", "John Roe", "Mary Major", "Rich Minor")


def article(n: int, quotes: int = 3) -> str:
    """Article ``n``: ``quotes`` attributed quotations, text unique to ``n``."""
    lines = [f"Council meeting number {n} ends\n"]
    for i in range(quotes):
        name = NAMES[(n + i) % len(NAMES)]
        lines.append(f"“We will finish item {n}-{i} soon,” {name} said on Monday.\n")
    return "\n".join(lines)


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"a{n:05d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


def jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def counts(db: str) -> tuple[int, int]:
    """(articles, quotations) stored."""
    engine = create_engine(resolve_url(db))
    try:
        with Session(engine) as s:
            articles = s.scalar(select(func.count()).select_from(Article)) or 0
            quotations = s.scalar(select(func.count()).select_from(Quotation)) or 0
            return articles, quotations
    finally:
        engine.dispose()


def scalar_count(db: str, sql: str) -> int:
    engine = create_engine(resolve_url(db))
    try:
        with engine.connect() as c:
            return c.scalar(text(sql)) or 0
    finally:
        engine.dispose()


def distinct_hashes(db: str) -> int:
    return scalar_count(db, "SELECT count(DISTINCT content_hash) FROM articles")


def quotedb_command(*args: str) -> list[str]:
    """The CLI as a separate process, as a user (or a kill) meets it."""
    return [sys.executable, "-c", "from quotedb.cli.app import main; main()", *args]


def run_quotedb(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        quotedb_command(*args), capture_output=True, text=True, timeout=timeout, check=False
    )
