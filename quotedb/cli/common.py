"""What every command shares: the database option, the one vocabulary of filters and
pages, output formats, error reporting."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console

from quotedb.api import DEFAULT_LIMIT, ENV_VAR, Database, HasDict, write_records
from quotedb.errors import QuotedbError


def out() -> Console:
    """The console for a command's output, sized by the terminal (or COLUMNS) as it is now:
    made per use, so no width is fixed at import time."""
    return Console(soft_wrap=True)


def err() -> Console:
    """The console for messages and progress (standard error), made per use like `out`."""
    return Console(stderr=True, soft_wrap=True)


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=ENV_VAR,
        metavar="URL",
        help="SQLAlchemy URL or SQLite file path (default: quotedb.db in your data directory).",
        show_envvar=True,
    ),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class SpeakerKind(StrEnum):
    person = "person"
    organization = "organization"
    unnamed = "unnamed"
    document = "document"
    unknown = "unknown"
    validated = "validated"


class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    term = "term"


class Sort(StrEnum):
    relevance = "relevance"
    oldest = "oldest"
    newest = "newest"
    speaker = "speaker"
    confidence = "confidence"


def choices(values: Any) -> str:
    """An enum's values for a help text: "a, b or c" (wrapped between words, never inside)."""
    names = [str(v.value) for v in values]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


FormatOption = Annotated[
    ListFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table for people; json, jsonl or csv for programs.",
    ),
]
ByOption = Annotated[
    str | None, typer.Option("--by", metavar="NAME", help="Only this speaker: any name or alias.")
]
SpeakerKindOption = Annotated[
    SpeakerKind | None,
    typer.Option(
        "--speaker-kind",
        metavar="KIND",
        help=f"Only speakers of this kind: {choices(SpeakerKind)} (document: a text such as"
        " an email or a lawsuit; unknown: no speaker; validated: corrected by hand).",
    ),
]
QuoteKindOption = Annotated[
    QuoteKind | None,
    typer.Option(
        "--quote-kind",
        metavar="KIND",
        help=f"Only quotations of this kind: {choices(QuoteKind)} (term: scare quotes, titles).",
    ),
]
OutletOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Only articles from this outlet.")
]
DATES = "2022, 2022-01, 2022-01-18 or 18 Jan 2022"
SinceOption = Annotated[
    str | None, typer.Option(metavar="DATE", help=f"From this date on: {DATES}.")
]
UntilOption = Annotated[
    str | None, typer.Option(metavar="DATE", help=f"Up to this date, included: {DATES}.")
]
LanguageOption = Annotated[
    str | None,
    typer.Option(metavar="CODE", help="Only articles in this language (a code: en, de, fr, es)."),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        metavar="P",
        help="Only attributions at least this likely to be right (a probability, 0 to 1).",
    ),
]
LimitOption = Annotated[
    int, typer.Option(min=0, metavar="N", help="At most N rows (0: all of them).")
]
OffsetOption = Annotated[int, typer.Option(min=0, metavar="N", help="Skip the first N rows.")]
AfterOption = Annotated[
    str | None,
    typer.Option(
        metavar="CURSOR",
        help="Start after this cursor (the 'next page' a listing printed): deep pages stay fast.",
    ),
]
SortOption = Annotated[
    Sort | None,
    typer.Option(
        metavar="ORDER",
        help=f"Order of the rows: {choices(Sort)} (default: best match first, else oldest).",
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


def picked(
    *,
    by: str | None = None,
    speaker_kind: SpeakerKind | None = None,
    quote_kind: QuoteKind | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    sort: Sort | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """The options of a listing as the API's keywords (``--limit 0``: no limit)."""
    return {
        "by": by,
        "speaker_kind": speaker_kind.value if speaker_kind else None,
        "quote_kind": quote_kind.value if quote_kind else None,
        "outlet": outlet,
        "since": since,
        "until": until,
        "min_confidence": min_confidence,
        "limit": limit or None,
        "offset": offset,
        "sort": sort.value if sort else None,
        "language": language,
    }


def fail(message: str, code: int = 1) -> NoReturn:
    err().print(f"[bold red]Error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def user_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Report a user's mistake in one line, without a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except QuotedbError as exc:
            fail(escape(str(exc)))

    return wrapper


def escape(text: str) -> str:
    from rich.markup import escape as _escape

    return _escape(text)


def open_db(db: str | None, *, migrate: bool = True, create: bool = True) -> Database:
    """The database, connected; migrated to head now, or (``migrate`` False) when the
    caller calls :func:`migrate_db`. ``create`` False (commands that only read): an empty
    or missing database is an error, and no table is made."""
    database = Database(db, migrate=False, create=create)
    if migrate:
        migrate_db(database, db, create=create)
    return database


def migrate_db(database: Database, db: str | None, *, create: bool = True) -> None:
    """Bring the schema to head, saying so when the database is new, and which database it
    is when the user did not name one."""
    if database.migrate(create=create) and database.upgraded_from is not None:
        err().print(
            f"Upgraded {database.description} from schema {database.upgraded_from} to the "
            "newest (quotedb db downgrade goes back)",
            highlight=False,
        )
    elif database.migrated:
        err().print(f"Created {database.description} (schema at head)", highlight=False)
    elif db is None:
        err().print(f"Using {database.description}", style="dim", highlight=False)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit(
    records: Sequence[HasDict],
    fmt: ListFormat,
    table: Callable[[Sequence[Any]], None],
    empty: str = "Nothing found.",
) -> None:
    """A listing in the format asked for: a table for people (a message on stderr when it
    is empty), else data on stdout."""
    if fmt is not ListFormat.table:
        write_records(records, fmt.value)
    elif not records:
        err().print(empty, highlight=False)
    else:
        table(records)


def say(text: str) -> None:
    """A line of data: no markup, no highlighting (names may hold brackets)."""
    out().print(text, markup=False, highlight=False)
