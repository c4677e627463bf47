"""The questions people ask, through the API and the CLI: one vocabulary of filters (speaker
kinds with documents apart, partial dates, pages and orders), listings of articles,
outlets and statements, and every listing as CSV or JSON Lines."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.core.sources import source_kind
from quotedb.errors import QueryError
from quotedb.read.dates import period
from tests.conftest import on_a_terminal

D = dt.date

# ---------------------------------------------------------------- dates

PERIODS = [
    pytest.param("2022", (D(2022, 1, 1), D(2022, 12, 31)), id="year"),
    pytest.param("2022-01", (D(2022, 1, 1), D(2022, 1, 31)), id="month"),
    pytest.param("2024-02", (D(2024, 2, 1), D(2024, 2, 29)), id="leap-february"),
    pytest.param("2022/3", (D(2022, 3, 1), D(2022, 3, 31)), id="month-with-slash"),
    pytest.param("2022-01-18", (D(2022, 1, 18), D(2022, 1, 18)), id="iso-day"),
    pytest.param("18 Jan 2022", (D(2022, 1, 18), D(2022, 1, 18)), id="day-month-year"),
    pytest.param("January 18, 2022", (D(2022, 1, 18), D(2022, 1, 18)), id="us-style"),
    pytest.param("January 2022", (D(2022, 1, 1), D(2022, 1, 31)), id="month-in-words"),
]


@pytest.mark.parametrize(("typed", "expected"), PERIODS)
def test_a_typed_date_stands_for_its_period(typed: str, expected: tuple[D, D]) -> None:
    assert period(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("2022-13", id="no-such-month"),
        pytest.param("soon", id="words"),
        pytest.param("18 January", id="no-year"),
        pytest.param("%Y-%m", id="a-format"),
    ],
)
def test_a_wrong_date_says_what_to_type(typed: str) -> None:
    with pytest.raises(QueryError, match=r"2022-01") as caught:
        period(typed)
    assert "\n" not in str(caught.value) and "%" not in str(caught.value).replace(typed, "")


@given(st.dates(min_value=D(1000, 1, 1)))
def test_an_iso_day_is_itself(day: D) -> None:
    assert period(day.isoformat()) == (day, day)


@given(st.integers(1000, 9998), st.integers(1, 12))  # 9999-12 has no next day
def test_a_month_runs_from_its_first_day_to_its_last(year: int, month: int) -> None:
    first, last = period(f"{year}-{month:02d}")
    assert first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    assert first.month == last.month == month


# ---------------------------------------------------------------- speaker kinds


@pytest.mark.parametrize(
    ("kind", "name", "shown"),
    [
        pytest.param("unnamed", "the email", "document", id="email"),
        pytest.param("unnamed", "The lawsuit", "document", id="lawsuit"),
        pytest.param("unnamed", "the court filing", "document", id="filing"),
        pytest.param("unnamed", "a senior official", "unnamed", id="anonymous-person"),
        pytest.param("unnamed", "The retired neurosurgeon", "unnamed", id="description"),
        pytest.param("person", "Jane Report", "person", id="a-person-named-like-a-text"),
        pytest.param("organization", "Kremlin", "organization", id="organisation"),
    ],
)
def test_documents_are_kept_apart_from_anonymous_sources(kind: str, name: str, shown: str) -> None:
    assert source_kind(kind, name) == shown


# ---------------------------------------------------------------- a small corpus

ARTICLES = {
    "harbour.txt": (
        "Harbour sale halted\n\n"
        "“We will not sell the harbour,” Mayor Jane Roe said on Monday.\n\n"
        "“The harbour deal is dead,” the email said.\n\n"
        "“Nobody believes the mayor,” a senior city official said.\n"
    ),
    "bridge.txt": (
        "Bridge to reopen\n\n"
        "“The bridge will reopen in the spring,” Mayor Jane Roe said, standing by the river.\n\n"
        "“The contract was never signed,” the lawsuit says.\n"
    ),
    "steel.txt": (
        "Steel arrives late\n\n"
        "“Nobody told us the steel was late,” said Tom Hale, a builder.\n\n"
        "The mayor had made her view plain. “We will not sell the harbour,” Jane Roe said.\n"
    ),
}
MANIFEST = {
    "harbour.txt": {"outlet": "The Ledger", "published": "2022-01-10"},
    "bridge.txt": {"outlet": "The Ledger", "published": "2022-03-02"},
    "steel.txt": {"outlet": "Daily Rivet", "published": "2023-05-20"},
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "manifest.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    return root


@pytest.fixture
def db(db_url: str, folder: Path) -> Iterator[Database]:
    database = Database(db_url)
    assert database.ingest([str(folder)]).added == 3
    yield database
    database.close()


def texts(records: Sequence[Any]) -> set[str]:
    return {str(r.text) for r in records}


def test_speaker_kinds_filter_every_listing(db: Database) -> None:
    assert texts(db.quotes(speaker_kind="document")) == {
        "The harbour deal is dead,",
        "The contract was never signed,",
    }
    assert texts(db.quotes(speaker_kind="unnamed")) == {"Nobody believes the mayor,"}
    people = {p.name: p.kind for p in db.people()}
    assert people["the email"] == "document" and people["a senior city official"] == "unnamed"
    assert {p.name for p in db.people(speaker_kind="document")} == {"the email", "the lawsuit"}
    assert db.quotes(speaker_kind="validated") == []
    qid = db.quotes(speaker_kind="unnamed")[0].id
    assert qid is not None
    db.correct_speaker(qid, "Tom Hale")
    assert [r.id for r in db.quotes(speaker_kind="validated")] == [qid]
    with pytest.raises(QueryError, match="choose person, organization"):
        db.quotes(speaker_kind="anonymous")
    with pytest.raises(QueryError, match="choose direct, partial, term"):
        db.search("harbour", quote_kind="shouting")


def test_partial_dates_and_pages(db: Database) -> None:
    assert {r.published for r in db.quotes(since="2022", until="2022")} == {
        "2022-01-10",
        "2022-03-02",
    }
    assert {r.published for r in db.quotes(until="2022-01")} == {"2022-01-10"}
    everything = db.quotes(limit=None)
    assert [r.id for r in db.quotes(limit=2, offset=1)] == [r.id for r in everything[1:3]]
    newest = db.quotes(sort="newest", limit=None)
    assert newest[0].published == "2023-05-20" and newest[-1].published == "2022-01-10"
    ranked = db.quotes(sort="confidence", limit=None)
    assert [r.confidence for r in ranked] == sorted((r.confidence for r in ranked), reverse=True)
    hits = db.search("harbour OR bridge", sort="oldest", limit=None)
    assert [h.published for h in hits] == sorted(h.published or "" for h in hits)
    with pytest.raises(QueryError, match="cannot sort by"):
        db.quotes(sort="loudest")


def test_articles_outlets_and_statements(db: Database) -> None:
    articles = db.articles(limit=None)
    assert [a.label for a in articles] == [
        "Harbour sale halted",
        "Bridge to reopen",
        "Steel arrives late",
    ]
    assert [a.quotations for a in db.articles(by="Jane Roe")] == [1, 1, 1]
    outlets = {o.outlet: (o.articles, o.quotations) for o in db.outlets()}
    assert outlets == {"Daily Rivet": (1, 2), "The Ledger": (2, 5)}
    [statement] = db.statements(limit=None)
    assert statement.text.startswith("We will not sell the harbour") and statement.renderings == 2
    assert statement.outlets == ["Daily Rivet", "The Ledger"] and statement.speaker == "Jane Roe"
    assert (statement.first_reported, statement.last_reported) == ("2022-01-10", "2023-05-20")
    one = db.statement(statement.id)
    assert [q.published for q in one.quotations] == ["2022-01-10", "2023-05-20"]
    assert db.statements(outlet="Daily Rivet") and not db.statements(by="Tom Hale")
    with pytest.raises(QueryError, match="no statement"):
        db.statement(10_000)


def test_records_are_typed_and_make_a_dataframe(db: Database) -> None:
    pandas = pytest.importorskip("pandas")
    records = db.quotes(limit=None)
    frame = pandas.DataFrame(records)
    assert len(frame) == len(records) and {"text", "speaker", "confidence"} <= set(frame)
    assert records[0].to_dict()["article"]["outlet"] == "The Ledger"
    hits = db.search("harbour")
    assert pandas.DataFrame(hits)["score"].notna().all()


@pytest.mark.usefixtures("env_db")
@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["quotes", "--speaker-kind", "unnamed"], id="quotes"),
        pytest.param(["search", "harbour"], id="search"),
        pytest.param(["who", "we will not sell the harbour"], id="who"),
        pytest.param(["people"], id="people"),
        pytest.param(["articles"], id="articles"),
        pytest.param(["outlets"], id="outlets"),
        pytest.param(["statements"], id="statements"),
        pytest.param(["corrections"], id="corrections"),
    ],
)
def test_every_listing_as_csv_and_json_lines(
    runner: CliRunner, folder: Path, command: list[str]
) -> None:
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    as_json = runner.invoke(app, [*command, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    as_csv = runner.invoke(app, [*command, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    parsed = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(parsed) == len(rows)
    lines = runner.invoke(app, [*command, "--format", "jsonl"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows


@pytest.mark.usefixtures("env_db")
def test_unnamed_quotations_as_csv(runner: CliRunner, folder: Path) -> None:
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["quotes", "--speaker-kind", "unnamed", "--format", "csv"])
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["speaker"] == "a senior city official" and row["article_outlet"] == "The Ledger"


@pytest.mark.usefixtures("env_db")
def test_tables_name_the_outlet_and_the_date(runner: CliRunner, folder: Path) -> None:
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    for command in (["quotes"], ["search", "steel"]):
        shown = runner.invoke(app, command, env={"COLUMNS": "120"}).stdout
        assert "Daily Rivet" in shown and "2023-05-20" in shown
    bad = runner.invoke(app, ["quotes", "--since", "2022-1x"])
    assert bad.exit_code == 1 and "not a date" in bad.stderr and "Traceback" not in bad.output


@pytest.mark.usefixtures("env_db")
@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["quotes", "--by", ""], id="quotes-by-empty"),
        pytest.param(["quotes", "--by", "   "], id="quotes-by-spaces"),
        pytest.param(["export", "--by", ""], id="export-by-empty"),
        pytest.param(["search", "harbour", "--by", ""], id="search-by-empty"),
        pytest.param(["quotes", "--outlet", ""], id="quotes-outlet-empty"),
        pytest.param(["quotes", "--language", " "], id="quotes-language-blank"),
    ],
)
def test_a_blank_filter_is_an_error_not_every_quotation(
    runner: CliRunner, folder: Path, command: list[str]
) -> None:
    """``quotes --by "$NAME"`` with NAME unset in a script must not cite everybody."""
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    result = runner.invoke(app, command)
    assert result.exit_code == 1 and result.stdout == "", result.output
    assert "empty" in result.stderr and "Traceback" not in result.output


def test_a_blank_speaker_or_outlet_is_refused_by_the_api(db: Database) -> None:
    for select in ({"by": ""}, {"by": " \t"}, {"outlet": ""}):
        with pytest.raises(QueryError, match="empty"):
            db.quotes(**select)  # type: ignore[arg-type]
    assert db.quotes(by=None) == db.quotes()


@pytest.mark.usefixtures("env_db")
def test_output_fits_80_columns(runner: CliRunner, folder: Path) -> None:
    """show wraps its paragraph between words, with the date in its header; corrections
    name the quotation by id and words."""
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    narrow = {"COLUMNS": "80"}
    qid = json.loads(runner.invoke(app, ["quotes", "--format", "json"]).stdout)[0]["id"]
    shown = runner.invoke(app, ["show", str(qid)], env=narrow).stdout
    assert all(len(line) <= 80 for line in shown.splitlines())
    assert shown.splitlines()[0].startswith(f"#{qid} · 2022-01-10 · The Ledger")
    assert runner.invoke(app, ["correct", "speaker", str(qid), "--to", "Tom Hale"]).exit_code == 0
    listed = runner.invoke(app, ["corrections"], env=narrow).stdout
    assert f"#{qid}" in listed and "We will not" in listed and "Jane Roe -> Tom Hale" in listed
    assert all(len(line) <= 80 for line in listed.splitlines())


def test_extract_shows_progress_only_on_a_terminal(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from quotedb.cli import extract

    screen = on_a_terminal(monkeypatch, extract)
    result = runner.invoke(app, ["extract", str(folder), "--with-article"])
    assert result.exit_code == 0
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()], "data only"
    assert "Extracting" in screen.getvalue()
    piped = Console(file=io.StringIO(), force_terminal=False)
    monkeypatch.setattr(extract, "err", lambda: piped)
    quiet = runner.invoke(app, ["extract", str(folder)])
    assert quiet.exit_code == 0 and "Extracting" not in quiet.output


def test_old_keyword_names_still_work_with_a_warning(db: Database) -> None:
    with pytest.warns(DeprecationWarning, match="quote_kind"):
        old = db.search("harbour", kind="direct")
    assert [h.id for h in old] == [h.id for h in db.search("harbour", quote_kind="direct")]
    with pytest.warns(DeprecationWarning, match="speaker_kind"):
        assert {p.name for p in db.people("document")} == {"the email", "the lawsuit"}
