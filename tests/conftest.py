"""Shared fixtures: databases on SQLite always, on PostgreSQL when QUOTEDB_TEST_POSTGRES is set.

Each PostgreSQL test gets a schema of its own (created and dropped here), so runs in
parallel never see each other's rows.
"""

from __future__ import annotations

import io
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotedb.core.datacache import ENV_VAR as CACHE_ENV_VAR

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.json"
POSTGRES = os.environ.get("QUOTEDB_TEST_POSTGRES")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES, reason="QUOTEDB_TEST_POSTGRES is not set"),
    ),
]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """What the core decodes once (the language model, the name list) is cached in the
    session's own folder, never in the user's cache directory."""
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV_VAR, str(tmp_path_factory.mktemp("cache")))
    yield
    patch.undo()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the seed articles (with their manifest)."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


def _postgres_database() -> Iterator[str]:
    """A schema of its own on the test server, first on the search path (cheaper than a
    database per test, and as isolated for quotedb, which never names a schema)."""
    assert POSTGRES
    url = make_url(POSTGRES).set(drivername="postgresql+psycopg")
    schema = f"quotedb_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        test_url = url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield test_url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a new, empty database on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "quotedb.db")
        return
    if not POSTGRES:  # also when a test names the backend itself (indirect parametrize)
        pytest.skip("QUOTEDB_TEST_POSTGRES is not set")
    yield from _postgres_database()


@pytest.fixture
def env_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The same database, also named by QUOTEDB_DB, as a user would set it."""
    monkeypatch.setenv("QUOTEDB_DB", db_url)
    return db_url


def on_a_terminal(monkeypatch: pytest.MonkeyPatch, command: ModuleType) -> io.StringIO:
    """What a CLI command's module writes to stderr, as a terminal would show it (progress
    lines are drawn only on one)."""
    from rich.console import Console

    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=100)
    monkeypatch.setattr(command, "err", lambda: terminal)
    return screen
