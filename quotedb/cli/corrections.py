"""``quotedb correct ...`` and ``corrections``: the database corrected by hand."""

from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from quotedb.api import DEFAULT_LIMIT
from quotedb.cli.common import (
    DbOption,
    FormatOption,
    LimitOption,
    ListFormat,
    OffsetOption,
    choices,
    emit,
    err,
    open_db,
    out,
    user_errors,
)
from quotedb.cli.help import Command, group
from quotedb.errors import QueryError

correct_app = group(
    "Correct the database by hand; every correction is recorded and survives reextract."
)


class TargetKind(StrEnum):
    person = "person"
    organization = "organization"
    unnamed = "unnamed"
    unknown = "unknown"


def said(text: str) -> None:
    err().print(text, markup=False, highlight=False)


@correct_app.command("speaker", cls=Command)
@user_errors
def correct_speaker(
    quotation_id: Annotated[int, typer.Argument(metavar="ID", help="Quotation id.")],
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="NAME", help="The right speaker; omit with --kind unknown."),
    ] = None,
    kind: Annotated[
        TargetKind,
        typer.Option(metavar="KIND", help=f"Kind of the right speaker: {choices(TargetKind)}."),
    ] = TargetKind.person,
    db: DbOption = None,
) -> None:
    """Reattribute a quotation to a person, an organisation, or nobody (--kind unknown)."""
    if (to is None) != (kind is TargetKind.unknown):
        raise QueryError("give --to NAME, or --kind unknown without --to")
    c = open_db(db).correct_speaker(quotation_id, to, kind.value)
    said(f"Quotation {quotation_id}: {c.previous['speaker'] or 'unknown'} -> {to or 'unknown'}")


@correct_app.command("not-quote", cls=Command)
@user_errors
def correct_not_quote(
    quotation_id: Annotated[int, typer.Argument(metavar="ID", help="Quotation id.")],
    db: DbOption = None,
) -> None:
    """Remove something the extractor wrongly took for a quotation."""
    open_db(db).correct_not_quote(quotation_id)
    err().print(f"Quotation {quotation_id} removed (recorded).", highlight=False)


@correct_app.command("merge", cls=Command)
@user_errors
def correct_merge(
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="The speaker to keep (name or id).")],
    other: Annotated[
        str, typer.Argument(metavar="OTHER", help="The speaker merged into it (name or id).")
    ],
    db: DbOption = None,
) -> None:
    """Two speakers are one person: move everything of OTHER to KEEP."""
    c = open_db(db).correct_merge(keep, other)
    said(f"Merged {c.previous['name']!r} into {c.payload['into_name']!r}.")


@correct_app.command("split", cls=Command)
@user_errors
def correct_split(
    speaker: Annotated[str, typer.Argument(metavar="SPEAKER", help="The speaker (name or id).")],
    alias: Annotated[
        str, typer.Argument(metavar="ALIAS", help="The alias that belongs to someone else.")
    ],
    db: DbOption = None,
) -> None:
    """Split a wrongly merged alias off into a speaker of its own."""
    c = open_db(db).correct_split(speaker, alias)
    said(f"{alias!r} is now speaker {c.payload['new']}.")


@correct_app.command("rename", cls=Command)
@user_errors
def correct_rename(
    speaker: Annotated[str, typer.Argument(metavar="SPEAKER", help="The speaker (name or id).")],
    name: Annotated[str, typer.Argument(metavar="NAME", help="The label to show from now on.")],
    db: DbOption = None,
) -> None:
    """Choose a speaker's label by hand (automatic relabelling leaves it alone)."""
    c = open_db(db).correct_rename(speaker, name)
    said(f"Renamed {c.previous['name']!r} to {name!r}.")


@correct_app.command("article", cls=Command)
@user_errors
def correct_article(
    article_id: Annotated[
        int, typer.Argument(metavar="ID", help="Article id (see quotedb articles).")
    ],
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="The article's title.")] = None,
    outlet: Annotated[
        str | None, typer.Option(metavar="NAME", help="The outlet that published it.")
    ] = None,
    author: Annotated[
        list[str] | None,
        typer.Option("--author", metavar="NAME", help="An author (repeat for several)."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(metavar="DATE", help="Its date: 2022-01-18 or 18 Jan 2022.")
    ] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="The article's URL.")] = None,
    db: DbOption = None,
) -> None:
    """Fix an article's metadata (title, outlet, authors, date, URL) by hand."""
    c = open_db(db).edit_article(
        article_id,
        title=title,
        outlet=outlet,
        authors=author,
        published=date,
        url=url,
    )
    if c is None:
        said(f"Article {article_id} already has that metadata.")
    else:
        said(f"Article {article_id}: {', '.join(sorted(c.payload['fields']))} updated.")


@correct_app.command("undo", cls=Command)
@user_errors
def correct_undo(
    correction_id: Annotated[
        int, typer.Argument(metavar="N", help="Correction id (see quotedb corrections).")
    ],
    db: DbOption = None,
) -> None:
    """Take a correction back: its change reverted, its record removed."""
    c = open_db(db).correct_undo(correction_id)
    said(f"Correction {correction_id} ({c.action}) undone.")


def show_corrections(records: Sequence[Any]) -> None:
    table = Table("id", "when", "action", "quotation", "change")
    for r in records:
        when = (r.created_at or "")[:10]
        words = f"#{r.quotation_id} " if r.quotation_id else ""
        words += f"“{r.quotation}”" if r.quotation else ""
        cells = (str(r.id), when, r.action, words or "-", change(r.action, r.payload, r.previous))
        table.add_row(*(Text(c) for c in cells))
    out().print(table)


@user_errors
def corrections(
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List the corrections made by hand, oldest first: the quotation (id and words) or
    speaker or article each one changed, and how."""
    records = open_db(db, create=False).corrections()
    page = records[offset : offset + limit if limit else None]
    emit(page, fmt, show_corrections, "No corrections.")


HIDDEN = {"speaker_id", "keys", "quotations", "into", "speaker", "article"}


def change(action: str, payload: dict[str, Any], previous: dict[str, Any]) -> str:
    """What a correction did, in words: "Jane Roe -> John Doe", "title: A -> B"."""
    if action == "reattribute":
        return f"{previous.get('speaker') or 'unknown'} -> {payload.get('speaker') or 'unknown'}"
    if action == "not-quote":
        return "not a quotation"
    if action == "merge":
        return f"{previous.get('name')} merged into {payload.get('into_name')}"
    if action == "split":
        alias, new = payload.get("alias"), payload.get("new")
        return f"{alias} split off {previous.get('name')} (speaker {new})"
    if action == "rename":
        return f"{previous.get('name')} -> {payload.get('name')}"
    if action == "article":
        fields = payload.get("fields", {})
        return "; ".join(f"{k}: {previous.get(k) or '-'} -> {v}" for k, v in fields.items())
    shown = {k: v for k, v in payload.items() if k not in HIDDEN}
    return ", ".join(f"{k}={v}" for k, v in shown.items())
