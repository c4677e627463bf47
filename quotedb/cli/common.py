"""What every command shares: the database option, output formats, error reporting."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console

from quotedb.api import ENV_VAR, Database
from quotedb.errors import QuotedbError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=ENV_VAR,
        help="SQLAlchemy URL or SQLite file path \\[default: quotedb.db in your data directory].",
        show_envvar=True,
    ),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[
    ListFormat, typer.Option("--format", "-f", help="Table for people, JSON for programs.")
]
DateOption = Annotated[
    dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="A date, YYYY-MM-DD.")
]
OutletOption = Annotated[str | None, typer.Option(help="Only articles from this outlet.")]
LanguageOption = Annotated[
    str | None, typer.Option(help="Only articles in this language (a code: en, de, fr, es).")
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        metavar="P",
        help="Only attributions at least this likely to be right (a probability, 0 to 1).",
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]Error:[/] {message}", highlight=False, markup=True)
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


def open_db(db: str | None, *, migrate: bool = True) -> Database:
    """The database, connected; migrated to head now, or (``migrate`` False) when the
    caller calls :func:`migrate_db`."""
    database = Database(db, migrate=False)
    if migrate:
        migrate_db(database, db)
    return database


def migrate_db(database: Database, db: str | None) -> None:
    """Bring the schema to head, saying so when the database is new, and which database it
    is when the user did not name one."""
    if database.migrate():
        err.print(f"Created {database.description} (schema at head)", highlight=False)
    elif db is None:
        err.print(f"Using {database.description}", style="dim", highlight=False)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None
