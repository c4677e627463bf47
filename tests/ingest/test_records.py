"""Input records and manifests: authors in any shape, dates in any common form, no wrong
titles. Records are made up for the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.db.engine import resolve_url
from quotedb.db.models import Article
from quotedb.ingest.infer import infer_metadata
from quotedb.ingest.read import parse_record
from quotedb.ingest.records import article_record

TEXT = "Ferry returns to the harbour\n\n“We missed it,” Ines Marlowe said on the quay.\n"


def meta_of(**fields: Any) -> Any:
    return parse_record({"text": TEXT, **fields}, "r.jsonl:1", None).doc.meta


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"author": "Dana Whitlock"}, ["Dana Whitlock"], id="author-singular"),
        pytest.param(
            {"authors": "Dana Whitlock and Omar Feld"},
            ["Dana Whitlock", "Omar Feld"],
            id="two-in-a-string",
        ),
        pytest.param(
            {"authors": "Dana Whitlock, Omar Feld and Ruth Amsel"},
            ["Dana Whitlock", "Omar Feld", "Ruth Amsel"],
            id="three-in-a-string",
        ),
        pytest.param(
            {"authors": "Dana Whitlock; Omar Feld"}, ["Dana Whitlock", "Omar Feld"], id="semicolons"
        ),
        pytest.param(
            {"authors": ["Dana Whitlock", "Omar Feld"]}, ["Dana Whitlock", "Omar Feld"], id="list"
        ),
        pytest.param({"author": {"name": "Dana Whitlock"}}, ["Dana Whitlock"], id="object"),
        pytest.param(
            {"authors": [{"given": "Omar", "family": "Feld"}]}, ["Omar Feld"], id="csl-name"
        ),
    ],
)
def test_authors_in_any_shape(fields: dict[str, Any], expected: list[str]) -> None:
    assert meta_of(**fields).authors == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2019-11-19", "2019-11-19", id="iso-date"),
        pytest.param("2019-11-19T22:15:00-05:00", "2019-11-19", id="iso-offset-kept-local"),
        pytest.param("Nov 19, 2019", "2019-11-19", id="month-name"),
        pytest.param("19 November 2019", "2019-11-19", id="day-first-name"),
        pytest.param("Tue, 19 Nov 2019 22:15:00 -0500", "2019-11-19", id="rss"),
        pytest.param("2019/11/19", "2019-11-19", id="slashes"),
    ],
)
def test_dates_in_any_common_form(value: str, expected: str) -> None:
    meta = meta_of(published=value)
    assert (meta.published, meta.warnings) == (expected, [])


def test_date_field_alias() -> None:
    assert meta_of(date="Nov 19, 2019").published == "2019-11-19"


def test_unreadable_date_is_dropped_with_a_warning() -> None:
    meta = meta_of(published="sometime last winter")
    assert meta.published is None
    assert meta.warnings == [
        "r.jsonl:1: published: 'sometime last winter' is not a date; stored undated"
    ]


def test_warning_travels_in_the_article_record() -> None:
    parsed = parse_record({"text": TEXT, "published": "soon"}, "r.jsonl:1", None)
    record = article_record(parsed.doc, [])
    assert record["published"] is None and "not a date" in record["warnings"][0]
    assert "warnings" not in article_record(parse_record({"text": TEXT}, "x", None).doc, [])


def test_unreadable_date_stores_the_article_undated(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    dump = tmp_path / "dump.jsonl"
    records = [
        {"text": TEXT, "published": "Nov 19, 2019", "author": "Dana Whitlock"},
        {"text": TEXT.replace("Ferry", "Bus"), "published": "the day after"},
    ]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(dump)])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "'the day after' is not a date" in result.stderr
    engine = create_engine(resolve_url(env_db))
    with Session(engine) as s:
        rows = [(a.published, a.authors) for a in s.scalars(select(Article).order_by(Article.id))]
    engine.dispose()
    assert [(p.isoformat() if p else None, a) for p, a in rows] == [
        ("2019-11-19", ["Dana Whitlock"]),
        (None, []),
    ]


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        pytest.param("Ferry returns to the harbour", "Ferry returns to the harbour", id="headline"),
        pytest.param("Staff Reports", None, id="label"),
        pytest.param("Harbourton", None, id="place-name"),
        pytest.param(
            "The ferry returned to the harbour on Monday after a long winter away.",
            None,
            id="lead-sentence",
        ),
        pytest.param("By Dana Whitlock", None, id="byline"),
        pytest.param("HARBOURTON — The ferry returned", None, id="dateline"),
        pytest.param("Harbourton, Maine - The ferry returned", None, id="place-and-state"),
    ],
)
def test_title_from_text_only_when_it_reads_as_one(first_line: str, title: str | None) -> None:
    text = f"{first_line}\n\n“We missed it,” Ines Marlowe said on the quay.\n"
    assert infer_metadata(text).title == title


def test_manifest_dates_and_authors(runner: CliRunner, env_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    manifest = {"a.txt": {"published": "19 November 2019", "authors": "Dana Whitlock & Omar Feld"}}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    engine = create_engine(resolve_url(env_db))
    with Session(engine) as s:
        (a,) = s.scalars(select(Article))
        got = (a.published.isoformat() if a.published else None, a.authors)
    engine.dispose()
    assert got == ("2019-11-19", ["Dana Whitlock", "Omar Feld"])
