"""``quotedb ingest --bulk``: pre-extracted records loaded with COPY give the database an
ordinary ingest gives (articles, quotations, speakers and aliases, clusters, ids)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app
from tests.conftest import POSTGRES, _postgres_database
from tests.engines.helpers import NOT_JSON, clustered_across, dataset, dump


@pytest.fixture
def other_db(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second empty database on the same backend as ``db_url``."""
    if POSTGRES and not db_url.endswith(".db"):
        yield from _postgres_database()
    else:
        yield str(tmp_path / "other.db")


def records(folder: Path) -> Path:
    """The dataset extracted with ``--with-article``, and a line that is not JSON."""
    result = CliRunner().invoke(app, ["extract", str(dataset(folder)), "--with-article"])
    path = folder / "records.jsonl"
    path.write_text(result.stdout + NOT_JSON + "\n", encoding="utf-8")
    return path


def ingest(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["ingest", *args, "--db", db])
    return result.exit_code, result.stderr


def test_bulk_load_gives_the_ordinary_database(db_url: str, other_db: str, tmp_path: Path) -> None:
    path = records(tmp_path)
    ordinary = ingest(db_url, str(path))
    bulk = ingest(other_db, str(path), "--bulk")
    assert ordinary[0] == bulk[0] == 1  # the line that is not JSON failed, the rest stored
    assert "not a JSON object" in bulk[1] and "1 failed" in bulk[1]
    stored = dump(other_db)
    assert stored == dump(db_url)
    assert clustered_across(stored)


def test_bulk_load_into_a_database_with_speakers(
    db_url: str, other_db: str, tmp_path: Path
) -> None:
    """Speakers already stored are matched, not created again, as an ordinary ingest does."""
    path = records(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text(lines[0] + "\n", encoding="utf-8")
    rest.write_text("".join(line + "\n" for line in lines[1:]), encoding="utf-8")
    for db, extra in ((db_url, []), (other_db, ["--bulk"])):
        assert ingest(db, str(first))[0] == 0
        assert ingest(db, str(rest), *extra)[0] == 1
    stored = dump(other_db)
    assert stored == dump(db_url)
    assert clustered_across(stored)
