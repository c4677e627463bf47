"""``quotedb correct ...`` and ``corrections``: the database corrected by hand."""

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from quotedb.cli.common import (
    DateOption,
    DbOption,
    FormatOption,
    ListFormat,
    err,
    open_db,
    out,
    print_json,
    user_errors,
)
from quotedb.errors import QueryError

correct_app = typer.Typer(
    help="Correct the database by hand; every correction is recorded and survives reextract.",
    no_args_is_help=True,
)


class TargetKind(StrEnum):
    person = "person"
    organization = "organization"
    unnamed = "unnamed"
    unknown = "unknown"


def said(text: str) -> None:
    err.print(text, markup=False, highlight=False)


@correct_app.command("speaker")
@user_errors
def correct_speaker(
    quotation_id: Annotated[int, typer.Argument(help="Quotation id.")],
    to: Annotated[
        str | None, typer.Option("--to", help="The right speaker; omit with --kind unknown.")
    ] = None,
    kind: Annotated[
        TargetKind, typer.Option(help="Kind of the right speaker.")
    ] = TargetKind.person,
    db: DbOption = None,
) -> None:
    """Reattribute a quotation to a person, an organisation, or nobody (--kind unknown)."""
    if (to is None) != (kind is TargetKind.unknown):
        raise QueryError("give --to NAME, or --kind unknown without --to")
    c = open_db(db).correct_speaker(quotation_id, to, kind.value)
    said(f"Quotation {quotation_id}: {c['previous']['speaker'] or 'unknown'} -> {to or 'unknown'}")


@correct_app.command("not-quote")
@user_errors
def correct_not_quote(
    quotation_id: Annotated[int, typer.Argument(help="Quotation id.")], db: DbOption = None
) -> None:
    """Remove something the extractor wrongly took for a quotation."""
    open_db(db).correct_not_quote(quotation_id)
    err.print(f"Quotation {quotation_id} removed (recorded).", highlight=False)


@correct_app.command("merge")
@user_errors
def correct_merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep (name or id).")],
    other: Annotated[str, typer.Argument(help="The speaker merged into it (name or id).")],
    db: DbOption = None,
) -> None:
    """Two speakers are one person: move everything of OTHER to KEEP."""
    c = open_db(db).correct_merge(keep, other)
    said(f"Merged {c['previous']['name']!r} into {c['payload']['into_name']!r}.")


@correct_app.command("split")
@user_errors
def correct_split(
    speaker: Annotated[str, typer.Argument(help="The speaker (name or id).")],
    alias: Annotated[str, typer.Argument(help="The alias that belongs to someone else.")],
    db: DbOption = None,
) -> None:
    """Split a wrongly merged alias off into a speaker of its own."""
    c = open_db(db).correct_split(speaker, alias)
    said(f"{alias!r} is now speaker {c['payload']['new']}.")


@correct_app.command("rename")
@user_errors
def correct_rename(
    speaker: Annotated[str, typer.Argument(help="The speaker (name or id).")],
    name: Annotated[str, typer.Argument(help="The label to show from now on.")],
    db: DbOption = None,
) -> None:
    """Choose a speaker's label by hand (automatic relabelling leaves it alone)."""
    c = open_db(db).correct_rename(speaker, name)
    said(f"Renamed {c['previous']['name']!r} to {name!r}.")


@correct_app.command("article")
@user_errors
def correct_article(
    article_id: Annotated[int, typer.Argument(help="Article id (see quotes --format json).")],
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
    author: Annotated[
        list[str] | None,
        typer.Option("--author", metavar="NAME", help="An author (repeat for several)."),
    ] = None,
    date: DateOption = None,
    url: Annotated[str | None, typer.Option(help="The article's URL.")] = None,
    db: DbOption = None,
) -> None:
    """Fix an article's metadata (title, outlet, authors, date, URL) by hand."""
    c = open_db(db).edit_article(
        article_id,
        title=title,
        outlet=outlet,
        authors=author,
        published=date.date() if date else None,
        url=url,
    )
    if c is None:
        said(f"Article {article_id} already has that metadata.")
    else:
        said(f"Article {article_id}: {', '.join(sorted(c['payload']['fields']))} updated.")


@correct_app.command("undo")
@user_errors
def correct_undo(
    correction_id: Annotated[int, typer.Argument(help="Correction id (see corrections).")],
    db: DbOption = None,
) -> None:
    """Take a correction back: its change reverted, its record removed."""
    c = open_db(db).correct_undo(correction_id)
    said(f"Correction {correction_id} ({c['action']}) undone.")


@user_errors
def corrections(fmt: FormatOption = ListFormat.table, db: DbOption = None) -> None:
    """List the corrections made by hand, oldest first."""
    records = open_db(db, create=False).corrections()
    if fmt is ListFormat.json:
        print_json(records)
        return
    if not records:
        err.print("No corrections.")
        return
    table = Table("id", "when", "action", "quotation", "change", "previous")
    for r in records:
        where = f"{r['article_hash'][:10]}@{r['start']}-{r['end']}" if r["article_hash"] else ""
        when = (r["created_at"] or "")[:16].replace("T", " ")
        cells = (str(r["id"]), when, r["action"], where, brief(r["payload"]), brief(r["previous"]))
        table.add_row(*(Text(c) for c in cells))
    out.print(table)


def brief(fields: dict[str, Any]) -> str:
    """key=value pairs, long values cut, for a table cell."""
    cut = {k: (str(v)[:37] + "…" if len(str(v)) > 40 else str(v)) for k, v in fields.items()}
    return ", ".join(f"{k}={v}" for k, v in cut.items() if k != "speaker_id")
