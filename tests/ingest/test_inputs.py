"""Every input kind: HTML pages, JSON Lines, JSON, plain text in any encoding, stdin."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, selectinload
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.db.engine import resolve_url
from quotedb.db.models import Article, Quotation

from .helpers import article, counts, jsonl

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Budget talks | The Daily Planet</title>
<meta name="author" content="Lois Lane; Clark Kent">
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2015-11-12T10:00:00Z">
<link rel="canonical" href="https://planet.example/budget-talks">
</head><body><nav>Home | World | Sport</nav><article><h1>Budget talks</h1>
<p>“We will not raise taxes this year,” Jane Doe said on Monday at the town hall meeting.</p>
<p>“The council has other priorities,” John Roe said after the vote, adding that the
budget would be published next week for everyone in the city to read.</p>
<p>Café owners welcomed the decision, which they said would help small businesses.</p>
</article><footer>Copyright the Daily Planet</footer></body></html>"""


def stored(db: str) -> list[Article]:
    engine = create_engine(resolve_url(db))
    with Session(engine) as s:
        stmt = select(Article).order_by(Article.id)
        stmt = stmt.options(selectinload(Article.quotations).selectinload(Quotation.speaker))
        rows = list(s.scalars(stmt))
    engine.dispose()
    return rows


def ingest(runner: CliRunner, *args: str, input: str | bytes | None = None) -> str:
    result = runner.invoke(app, ["ingest", *args], input=input)
    assert result.exit_code == 0, result.output
    return result.stderr


def test_html_page_text_and_metadata(runner: CliRunner, env_db: str, tmp_path: Path) -> None:
    page = tmp_path / "budget.html"
    page.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    ingest(runner, str(page))
    (a,) = stored(env_db)
    assert a.title == "Budget talks"
    assert a.authors == ["Lois Lane", "Clark Kent"]
    assert a.outlet == "The Daily Planet"
    assert a.url == "https://planet.example/budget-talks"
    assert a.published is not None and a.published.isoformat() == "2015-11-12"
    assert "Home | World" not in a.text and "Copyright" not in a.text
    assert {q.speaker.name for q in a.quotations if q.speaker} >= {"Jane Doe", "John Roe"}
    assert all(a.text[q.start : q.end] == q.text for q in a.quotations)


def test_html_declared_charset(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "latin.htm"
    page.write_bytes(PAGE.format(charset="windows-1252").encode("cp1252"))
    ingest(runner, str(page), "--db", str(tmp_path / "q.db"))
    (a,) = stored(str(tmp_path / "q.db"))
    assert "Café owners" in a.text


def test_jsonl_lines_are_articles_and_fail_alone(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    dump = tmp_path / "dump.jsonl"
    good = [
        {"id": "x1", "text": article(1), "title": "One", "outlet": "Planet", "date": "2015-01-02"},
        {"file": "b.txt", "text": article(2), "authors": ["A B", "C D"], "url": "https://e/2"},
    ]
    lines = jsonl(good[:1]) + "{broken\n" + jsonl([{"title": "no text"}]) + "\n" + jsonl(good[1:])
    dump.write_text(lines, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(dump)])
    assert result.exit_code == 1
    assert f"{dump}:2: not a JSON object" in result.stderr
    assert f'{dump}:3: no "text"' in result.stderr
    assert "2 article(s) added" in result.stderr and "Traceback" not in result.output
    one, two = stored(env_db)
    assert (one.title, one.outlet, one.source_path) == ("One", "Planet", "x1")
    assert one.published is not None and one.published.isoformat() == "2015-01-02"
    assert (two.authors, two.url, two.source_path) == (["A B", "C D"], "https://e/2", "b.txt")


def test_json_array_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": article(1)}, {"text": article(2)}, 3]))
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1 and f"{path}[2]: not an article object" in result.stderr
    assert counts(str(tmp_path / "q.db"))[0] == 2


def test_stdin_text_and_jsonl(runner: CliRunner, env_db: str) -> None:
    ingest(runner, "-", input=article(1).encode())
    ingest(runner, "-", input=jsonl([{"text": article(2)}, {"text": article(3)}]).encode())
    assert counts(env_db)[0] == 3


def test_encodings_bom_crlf_latin1(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "Café news\n\n“We will open on Sunday,” Jane Doe said. Crème brûlée for all.\n"
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode())
    (folder / "latin.txt").write_bytes((body * 3).replace("Jane", "Mary").encode("cp1252"))
    (folder / "utf16.txt").write_bytes(body.replace("Jane", "Ann").encode("utf-16"))
    db = str(tmp_path / "q.db")
    ingest(runner, str(folder), "--db", db)
    texts = {a.source_path.rsplit("/", 1)[-1]: a for a in stored(db) if a.source_path}
    assert texts["bom.txt"].text == body
    assert "Crème brûlée" in texts["latin.txt"].text
    assert texts["utf16.txt"].text == body.replace("Jane", "Ann")
    for a in texts.values():
        assert "\r" not in a.text and not a.text.startswith("\ufeff")
        assert all(a.text[q.start : q.end] == q.text for q in a.quotations)


def test_folder_reports_unknown_kinds(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "page_files").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "one.txt").write_text(article(1))
    (folder / "two.md").write_text(article(2))
    (folder / "noext").write_text(article(3))
    (folder / "blob.bin").write_bytes(bytes(range(256)))
    (folder / "nosuffix-binary").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "manifest.json").write_text("{}")
    (folder / ".hidden.txt").write_text(article(4))
    (folder / ".git" / "HEAD").write_text("ref")
    (folder / "page_files" / "style.css").write_text("body{}")
    (folder / "logo.png").write_bytes(b"\x89PNG\x00")
    db = str(tmp_path / "q.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1, result.output
    assert "blob.bin: unsupported kind of file (.bin)" in result.stderr
    assert "nosuffix-binary: binary file" in result.stderr
    assert "3 article(s) added" in result.stderr and "2 failed" in result.stderr
