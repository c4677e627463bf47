"""Highlights are spans of the snippet: a quotation's own ``**`` (or brackets) is text,
never taken for a mark."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotedb.api import Database
from quotedb.cli.common import escape
from quotedb.cli.search import HIGHLIGHT
from quotedb.read.matching import snippet
from quotedb.read.terms import compiled

ARTICLE = (
    "Talks\n\n“This is a **big** deal for [b]all of us[/b],” Ms. Okonkwo-Baptiste said on Monday.\n"
)


@pytest.fixture
def starred(db_url: str, tmp_path: Path) -> Iterator[Database]:
    (tmp_path / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    database = Database(db_url)
    database.ingest([str(tmp_path / "talks.txt")])
    yield database
    database.close()


def test_snippet_spans_cover_exactly_the_matches() -> None:
    text = "This is a **big** deal for us, a big deal."
    s = snippet(text, compiled("deal"))
    assert [s.text[a:b] for a, b in s.spans] == ["deal", "deal"]
    assert s.marked("<", ">") == "This is a **big** <deal> for us, a big <deal>."


def test_a_window_keeps_its_spans_on_the_match() -> None:
    text = " ".join(f"w{i}" for i in range(60)) + " **deal** " + " ".join("x" * 40)
    s = snippet(text, compiled("deal"))
    assert s.text.startswith("…") and s.text.endswith("…")
    assert [s.text[a:b] for a, b in s.spans] == ["deal"]


def test_stars_in_a_quotation_are_not_highlights(starred: Database) -> None:
    (hit,) = starred.search("deal")
    assert hit.snippet == "This is a **big** **deal** for [b]all of us[/b],"
    (shown,) = starred.search("deal", marks=HIGHLIGHT, escape=escape)
    assert shown.snippet == (r"This is a **big** [bold yellow]deal[/] for \[b]all of us\[/b],")
