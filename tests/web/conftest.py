"""A site to test: the seeds and one hostile article in a database of each backend, and
the application over it, read-only or with an editor token."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quotedb.api import Database
from quotedb.web import Settings, create_app

TOKEN = "editor-token-for-tests-0123456789"
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

# Values a page must print as text, never as markup: each a script, an attribute break-out
# or a script URL, placed where the database gives them back (title, outlet, byline, URL,
# quotation text, speaker name).
HOSTILE_TITLE = "<script>alert('title')</script>"
HOSTILE_OUTLET = '"><img src=x onerror=alert(1)>'
HOSTILE_AUTHOR = "<b onmouseover=alert(2)>Eve</b>"
HOSTILE_URL = "javascript:alert(3)"
HOSTILE_QUOTE = "<script>alert('quote')</script> and \"><img src=y onerror=alert(4)>"
HOSTILE_NAME = "<script>alert('name')</script>"
HOSTILE_ARTICLE = f"""---
title: "{HOSTILE_TITLE}"
outlet: '{HOSTILE_OUTLET}'
authors: ["{HOSTILE_AUTHOR}"]
published: 2023-05-04
url: "{HOSTILE_URL}"
---
Jane Roe spoke to reporters on Tuesday about the harbour plan.

“{HOSTILE_QUOTE.replace('"', "'")} is what the mayor wrote,” Jane Roe said.

“We will rebuild the harbour before winter,” she said.
"""
# Strings that must never reach a page unescaped.
RAW = ("<script>alert", "<img src=x", "<img src=y", "<b onmouseover", 'href="javascript:')


@dataclass(frozen=True, slots=True)
class Site:
    database: Database
    hostile_article: int
    hostile_quotation: int
    hostile_speaker: int

    def client(self, token: str | None = None) -> TestClient:
        return TestClient(create_app(Settings(self.database, token)))


def build_site(url: str, folder: Path) -> Site:
    """The seeds and the hostile article stored, the hostile speaker renamed to markup."""
    inputs = folder / "inputs"
    shutil.copytree(SEEDS, inputs)
    (inputs / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = Database(url)
    report = db.ingest([str(inputs)])
    assert report.added == 6, report
    [hostile] = [q for q in db.quotes(by="Jane Roe") if "mayor" in q.text]
    speaker = next(p.id for p in db.people(limit=None) if p.name == "Jane Roe")
    db.correct_rename(str(speaker), HOSTILE_NAME)
    assert hostile.id is not None and hostile.article is not None
    return Site(db, hostile.article.id, hostile.id, speaker)


@pytest.fixture
def site(db_url: str, tmp_path: Path) -> Iterator[Site]:
    s = build_site(db_url, tmp_path)
    yield s
    s.database.close()
