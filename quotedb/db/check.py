"""``quotedb db check``: is every stored article whole and every row where it belongs?

Checked in SQL, so it runs over a large database in seconds: the schema is at head; each
article's text still has its content hash; each quotation lies within its article's text
and its text is ``article.text[start:end]`` (SQL ``substr`` counts code points, as Python
offsets do); no row refers to a missing article, speaker or cluster; every cluster holds
two quotations or more (it links renderings of one utterance); the full-text index, when
there is one, agrees with the quotations.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, inspect, select, text

from quotedb.db import migrations
from quotedb.db.models import Article, Base

FTS_TABLE = "quotations_fts"
SAMPLE = 5  # ids shown per problem

_QUOTATION_CHECKS = {
    "quotation span outside its article's text": (
        "q.start < 0 OR q.{end} < q.start OR q.{end} > length(a.text)"
    ),
    "quotation text differs from its article's text at its span": (
        "substr(a.text, q.start + 1, q.{end} - q.start) <> q.text"
    ),
    "speaker mention outside its article's text": (
        "q.speaker_start IS NOT NULL AND (q.speaker_start < 0 OR q.speaker_end < q.speaker_start"
        " OR q.speaker_end > length(a.text))"
    ),
}
_ORPHANS = {
    "quotations of a missing article": (
        "quotations", "article_id", "articles",
    ),
    "quotations of a missing speaker": ("quotations", "speaker_id", "speakers"),
    "quotations in a missing cluster": ("quotations", "cluster_id", "clusters"),
    "aliases of a missing speaker": ("aliases", "speaker_id", "speakers"),
    "roles of a missing speaker": ("roles", "speaker_id", "speakers"),
    "roles from a missing article": ("roles", "article_id", "articles"),
    "clusters of a missing speaker": ("clusters", "speaker_id", "speakers"),
}  # fmt: skip


@dataclass(slots=True)
class Problem:
    what: str
    count: int
    examples: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        ids = ", ".join(map(str, self.examples))
        more = ", ..." if self.count > len(self.examples) else ""
        return f"{self.what}: {self.count}" + (f" (ids {ids}{more})" if ids else "")


@dataclass(slots=True)
class CheckReport:
    revision: str | None
    head: str | None
    articles: int = 0
    quotations: int = 0
    problems: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    empty: bool = False  # no quotedb table at all: nothing stored yet, nothing wrong

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(engine: Engine) -> CheckReport:
    report = CheckReport(migrations.current_revision(engine), migrations.head_revision(engine))
    if report.revision is None and not set(inspect(engine).get_table_names()) & set(
        Base.metadata.tables
    ):
        report.empty = True  # created, never migrated (say, an ingest stopped at once)
        return report
    if report.revision != report.head:
        state = report.revision or "empty"
        report.problems.append(Problem(f"schema at {state}, not at head {report.head}", 1))
        return report
    with engine.connect() as conn:
        report.articles = conn.scalar(text("SELECT count(*) FROM articles")) or 0
        report.quotations = conn.scalar(text("SELECT count(*) FROM quotations")) or 0
        _check_hashes(conn, report)
        _check_quotations(conn, report)
        _check_orphans(conn, report)
        _check_clusters(conn, report)
        _check_full_text(conn, report)
    return report


def _check_hashes(conn: Connection, report: CheckReport) -> None:
    bad: list[int] = []
    rows = conn.execution_options(yield_per=500).execute(
        select(Article.id, Article.text, Article.content_hash)
    )
    for article_id, body, digest in rows:
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != digest:
            bad.append(article_id)
    report.checked.append("article texts match their content hashes")
    if bad:
        report.problems.append(Problem("article text changed since ingest", len(bad), bad[:SAMPLE]))


def _check_quotations(conn: Connection, report: CheckReport) -> None:
    end = '"end"'
    for what, condition in _QUOTATION_CHECKS.items():
        where = condition.format(end=end)
        sql = f"SELECT q.id FROM quotations q JOIN articles a ON a.id = q.article_id WHERE {where}"
        _collect(conn, report, what, sql)
    report.checked.append("quotations lie within their articles and match their text")


def _check_orphans(conn: Connection, report: CheckReport) -> None:
    tables = set(inspect(conn).get_table_names())
    for what, (table, column, parent) in _ORPHANS.items():
        if table not in tables or parent not in tables:
            continue
        sql = (
            f"SELECT c.id FROM {table} c LEFT JOIN {parent} p ON p.id = c.{column} "
            f"WHERE c.{column} IS NOT NULL AND p.id IS NULL"
        )
        _collect(conn, report, what, sql)
    report.checked.append("no row refers to a missing article, speaker or cluster")


def _check_clusters(conn: Connection, report: CheckReport) -> None:
    sql = (
        "SELECT c.id FROM clusters c LEFT JOIN quotations q ON q.cluster_id = c.id "
        "GROUP BY c.id HAVING count(q.id) < 2"
    )
    _collect(conn, report, "clusters of fewer than two quotations", sql)
    report.checked.append("every cluster links two quotations or more")


def _check_full_text(conn: Connection, report: CheckReport) -> None:
    if conn.dialect.name == "sqlite":
        exists = conn.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}
        )
        if not exists:
            return
        try:
            with conn.begin_nested():
                # rank 1: compare the index with the quotations it was built from
                conn.execute(
                    text(
                        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
                    )
                )
        except Exception as exc:  # FTS5 reports a mismatch as a database error
            report.problems.append(Problem(f"full-text index is corrupt ({exc})", 1))
        indexed = conn.scalar(text(f"SELECT count(*) FROM {FTS_TABLE}")) or 0
        if indexed != report.quotations:
            what = f"full-text index holds {indexed} rows for {report.quotations} quotations"
            report.problems.append(Problem(what, abs(indexed - report.quotations)))
        report.checked.append("full-text index matches the quotations")
    else:
        invalid = conn.execute(
            text(
                "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE i.indrelid = to_regclass('quotations') AND NOT i.indisvalid"
            )
        ).scalars()
        for name in invalid:
            report.problems.append(Problem(f"index {name} is invalid (rebuild it)", 1))
        report.checked.append("indexes on quotations are valid")


def _collect(conn: Connection, report: CheckReport, what: str, sql: str) -> None:
    ids = list(conn.execute(text(sql)).scalars())
    if ids:
        report.problems.append(Problem(what, len(ids), ids[:SAMPLE]))
