"""``quotedb quotes`` and ``people``: who said what."""

from typing import Annotated, Any

import typer
from rich.table import Table

from quotedb.cli.common import (
    DateOption,
    DbOption,
    FormatOption,
    ListFormat,
    OutletOption,
    as_date,
    err,
    open_db,
    out,
    print_json,
    user_errors,
)

LimitOption = Annotated[int | None, typer.Option(min=1, help="At most this many quotations.")]


def show_quotations(records: list[dict[str, Any]], fmt: ListFormat) -> None:
    if fmt is ListFormat.json:
        print_json(records)
        return
    if not records:
        err.print("No quotations found.")
        return
    table = Table("id", "speaker", "quotation", "article", "date", show_lines=False)
    for r in records:
        art = r["article"]
        table.add_row(
            str(r["id"]),
            r["speaker"] or "[dim]unknown[/]",
            f"“{r['text']}”",
            art["title"] or art["source"] or "",
            art["published"] or "",
        )
    out.print(table)


@user_errors
def quotes(
    by: Annotated[str | None, typer.Option("--by", help="Speaker: any name or alias.")] = None,
    outlet: OutletOption = None,
    since: DateOption = None,
    until: DateOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List quotations, oldest first: by a speaker, from an outlet, in a date range."""
    records = open_db(db).quotes(
        by, outlet=outlet, since=as_date(since), until=as_date(until), limit=limit
    )
    if by and not records:
        err.print(f"No quotations by {by!r}.", highlight=False)
    show_quotations(records, fmt)


@user_errors
def people(
    kind: Annotated[str | None, typer.Option(help="person, organization or unnamed.")] = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List speakers with their number of quotations."""
    rows = open_db(db).people(kind)
    if fmt is ListFormat.json:
        print_json(
            [{"id": r.id, "name": r.name, "kind": r.kind, "quotations": r.quotations} for r in rows]
        )
        return
    table = Table("id", "speaker", "kind", "quotations")
    for r in rows:
        table.add_row(str(r.id), r.name, r.kind, str(r.quotations))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command()(quotes)
    app.command()(people)
