"""A damaged, foreign or newer database gets one clear line and exit code 1 from every
command, never a traceback; commands that only read never create tables in it."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner, Result

from quotedb.cli.app import app
from quotedb.db.engine import resolve_url

from ..conftest import SEEDS

READS = [
    ["quotes"],
    ["quotes", "--format", "json"],
    ["people"],
    ["person", "Sergey Lavrov"],
    ["show", "1"],
    ["search", "right path"],
    ["who", "the right path"],
    ["export"],
    ["export", "--style", "apa"],
    ["corrections"],
]
WRITES = [
    ["reextract"],
    ["correct", "rename", "Sergey Lavrov", "S. Lavrov"],
    ["correct", "not-quote", "1"],
    ["correct", "undo", "1"],
    ["db", "check"],
    ["db", "check", "--format", "json"],
    ["db", "current"],
    ["db", "upgrade"],
    ["db", "downgrade", "base"],
    ["ingest", str(SEEDS)],
]
COMMANDS = READS + WRITES


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once; each damage is made on a copy."""
    folder = tmp_path_factory.mktemp("sound")
    live, path = folder / "live.db", folder / "quotedb.db"
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(live)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(live) as conn:  # one file, nothing left in a write-ahead log
        conn.execute("VACUUM INTO ?", (str(path),))
    return path


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(path.stat().st_size))


def header_then_garbage(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:100] + random.Random(8).randbytes(len(data) - 100))


def foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE quotations (who TEXT, what TEXT)")
        conn.execute("INSERT INTO quotations VALUES ('a', 'b')")


def future_revision(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d'")


DAMAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (truncated, "cannot be read"),
    "random-bytes": (random_bytes, "cannot be read (file is not a database)"),
    "header-then-garbage": (header_then_garbage, "cannot be read"),
    "foreign-sqlite": (foreign, "is not a quotedb database: it holds other tables (quotations)"),
    "future-revision": (future_revision, "has schema revision 'f00d', which this quotedb"),
}


def invoke(runner: CliRunner, args: list[str], db: str) -> Result:
    result = runner.invoke(app, [*args, "--db", db])
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), args
    return result


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_every_command_one_line_on_a_damaged_database(
    runner: CliRunner, sound: Path, tmp_path: Path, damage: str
) -> None:
    make, message = DAMAGES[damage]
    for number, args in enumerate(COMMANDS):
        path = tmp_path / f"damaged-{number}.db"  # a file of its own: the last may be open
        shutil.copy(sound, path)
        make(path)
        result = invoke(runner, args, str(path))
        assert result.exit_code == 1, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), (args, result.stderr)
        assert message in lines[0], (args, lines[0])


def test_damage_inside_a_page_is_one_line_too(
    runner: CliRunner, sound: Path, tmp_path: Path
) -> None:
    """Pages past the schema overwritten: what reads them fails in one line."""
    failed = 0
    for number, args in enumerate(COMMANDS):
        path = tmp_path / f"damaged-{number}.db"
        shutil.copy(sound, path)
        data = bytearray(path.read_bytes())
        page = 4096
        data[3 * page :] = random.Random(9).randbytes(len(data) - 3 * page)
        path.write_bytes(bytes(data))
        result = invoke(runner, args, str(path))
        if result.exit_code != 0:
            failed += 1
            assert result.exit_code == 1 and "Error: " in result.stderr, args
    assert failed >= len(READS)


def tables(url: str) -> set[str]:
    engine = create_engine(resolve_url(url))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def execute(url: str, *statements: str) -> None:
    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))
    engine.dispose()


def test_reads_never_create_tables(runner: CliRunner, db_url: str) -> None:
    """An empty database and someone else's stay as they were, on both backends."""
    for args in READS:
        result = invoke(runner, args, db_url)
        assert result.exit_code == 1 and "nothing stored yet" in result.stderr, args
    if make_url(resolve_url(db_url)).get_backend_name() == "sqlite":
        assert not Path(db_url).exists() or tables(db_url) == set()
    else:
        assert tables(db_url) == set()
    execute(db_url, "CREATE TABLE notes (body TEXT)")
    for args in [*READS, ["ingest", str(SEEDS)], ["db", "upgrade"]]:
        result = invoke(runner, args, db_url)
        assert result.exit_code == 1 and "is not a quotedb database" in result.stderr, args
    assert tables(db_url) == {"notes"}


def test_future_revision_refused_on_both_backends(runner: CliRunner, db_url: str) -> None:
    assert invoke(runner, ["ingest", str(SEEDS)], db_url).exit_code == 0
    execute(db_url, "UPDATE alembic_version SET version_num = 'f00d'")
    for args in [["quotes"], ["db", "check"], ["ingest", str(SEEDS)], ["db", "upgrade"]]:
        result = invoke(runner, args, db_url)
        assert result.exit_code == 1 and "schema revision 'f00d'" in result.stderr, args


def test_unknown_revision_to_migrate_to_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    for args in (["db", "upgrade", "nowhere"], ["db", "downgrade", "nowhere"]):
        result = invoke(runner, args, db)
        assert result.exit_code == 1 and result.stderr.startswith("Error: "), args
