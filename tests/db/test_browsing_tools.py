"""Migration 0008: sqlite-utils and Datasette find quotedb's full-text index, and views
join quotation, speaker and article, on both backends; up and down again."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from quotedb.api import Database
from quotedb.db import migrations

sqlite_utils = pytest.importorskip("sqlite_utils")
datasette_app = pytest.importorskip("datasette.app")


@pytest.fixture
def seeded_file(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "quotedb.db"
    with Database(str(path)) as db:
        assert db.ingest([str(seeds_dir)]).added == 5
    return path


def test_sqlite_utils_detects_and_searches_the_index(seeded_file: Path) -> None:
    table = sqlite_utils.Database(seeded_file)["quotations"]
    assert table.detect_fts() == "quotations_fts"
    found = [r["text"] for r in table.search("path")]
    assert found and all("path" in t.lower() for t in found)
    cli = Path(sys.executable).parent / "sqlite-utils"
    out = subprocess.run(
        [str(cli), "search", str(seeded_file), "quotations", "path", "-c", "text"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert {r["text"] for r in json.loads(out.stdout)} == set(found)


def test_datasettes_search_box_finds_quotations(seeded_file: Path) -> None:
    async def search() -> list[dict[str, object]]:
        ds = datasette_app.Datasette([str(seeded_file)])
        db = seeded_file.stem
        page = await ds.client.get(f"/{db}/quotations")
        assert 'name="_search"' in page.text  # the search box is offered
        response = await ds.client.get(f"/{db}/quotations.json?_search=path&_shape=array")
        assert response.status_code == 200
        rows: list[dict[str, object]] = response.json()
        return rows

    rows = asyncio.run(search())
    assert rows and all("path" in str(r["text"]).lower() for r in rows)


def test_views_join_quotation_speaker_and_article(db_url: str, seeds_dir: Path) -> None:
    with Database(db_url) as db:
        db.ingest([str(seeds_dir)])
        assert {"quotation_records", "speaker_records"} <= set(inspect(db.engine).get_view_names())
        with db.engine.connect() as conn:
            row = conn.execute(
                text("SELECT speaker, title, outlet FROM quotation_records WHERE id = 41")
            ).one()
            counts = dict(conn.execute(text("SELECT name, quotations FROM speaker_records")).all())
        record = db.show(41)
        assert row.speaker == record["speaker"] and row.title == record["article"]["title"]
        assert counts == {p.name: p.quotations for p in db.people(limit=None)}


def test_0008_goes_down_and_up_again(db_url: str, seeds_dir: Path) -> None:
    with Database(db_url) as db:
        db.ingest([str(seeds_dir)])
        before = [r.id for r in db.search("path")]
        migrations.downgrade(db.engine, "0007")
        assert "quotation_records" not in inspect(db.engine).get_view_names()
        assert [r.id for r in db.search("path")] == before
        migrations.upgrade(db.engine)
        assert [r.id for r in db.search("path")] == before
        assert db.check().ok
