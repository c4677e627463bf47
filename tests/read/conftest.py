"""A database holding the seeds, on each backend, for the search tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotedb.api import Database


@pytest.fixture
def seeded(db_url: str, seeds_dir: Path) -> Iterator[Database]:
    database = Database(db_url)
    report = database.ingest([str(seeds_dir)])
    assert report.added == 5
    yield database
    database.close()
