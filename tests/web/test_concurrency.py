"""Many readers while an ingest runs: every request answers, on both backends."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from quotedb.api import Database
from tests.web.conftest import Site

ARTICLE = """Officials met on day {n} to discuss the bridge.

“We will open lane {n} next spring,” Mayor Ada Quill said.
"""


def test_readers_answer_while_an_ingest_runs(site: Site, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    for n in range(30):
        (folder / f"bridge-{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    done = threading.Event()
    report: list[int] = []

    def ingest() -> None:
        with Database(site.database.url.render_as_string(hide_password=False)) as writer:
            report.append(writer.ingest([str(folder)]).added)
        done.set()

    client = site.client()
    paths = ["/api/quotations?q=lane", "/search?q=path", "/api/people", "/api/quotations"]

    def read(i: int) -> int:
        return client.get(paths[i % len(paths)]).status_code

    writer = threading.Thread(target=ingest)
    writer.start()
    statuses: list[int] = []
    with ThreadPoolExecutor(4) as pool:
        while not done.is_set():
            statuses += pool.map(read, range(8))
    writer.join()
    assert report == [30]
    assert statuses and set(statuses) == {200}
    lanes = client.get("/api/quotations?q=lane&limit=50").json()["quotations"]
    assert len(lanes) == 30
