"""``quotedb search`` and ``quotedb who``: find a quotation by its words."""

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from quotedb.cli.common import (
    DateOption,
    DbOption,
    FormatOption,
    LanguageOption,
    ListFormat,
    MinConfidenceOption,
    OutletOption,
    as_date,
    err,
    escape,
    open_db,
    out,
    print_json,
    user_errors,
)


class Kind(StrEnum):
    direct = "direct"
    partial = "partial"
    term = "term"


ByOption = Annotated[str | None, typer.Option("--by", help="Only this speaker (any alias).")]
KindOption = Annotated[Kind | None, typer.Option(help="Only quotations of this kind.")]


def source(record: dict[str, Any]) -> str:
    art = record["article"]
    return str(art["title"] or record["file"] or f"article {art['id']}")


HIGHLIGHT = ("[bold yellow]", "[/]")  # the table's marks around a match (the rest escaped)


def show_hits(records: list[dict[str, Any]], score_key: str, fmt: ListFormat) -> None:
    if fmt is ListFormat.json:
        print_json(records)
        return
    if not records:
        err.print("No quotations found.")
        return
    table = Table("id", score_key, "speaker", "quotation", "article", "date")
    for r in records:
        text = r["snippet"] if "snippet" in r else escape(r["text"])
        table.add_row(
            str(r["id"]),
            f"{r[score_key]:.1f}" if score_key == "similarity" else f"{r[score_key]:.2f}",
            escape(r["speaker"] or "") or "[dim]unknown[/]",
            f"“{text}”",
            escape(source(r)),
            r["article"]["published"] or "",
        )
    out.print(table)


@user_errors
def search(
    query: Annotated[
        str, typer.Argument(help='Words, "exact phrases", prefix* terms; OR between terms.')
    ],
    by: ByOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: DateOption = None,
    until: DateOption = None,
    kind: KindOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many quotations.")] = 50,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """Find quotations by their words, best match first, with the matches highlighted."""
    table = fmt is ListFormat.table
    records = open_db(db).search(
        query,
        marks=HIGHLIGHT if table else ("**", "**"),
        escape=escape if table else str,
        by=by,
        outlet=outlet,
        since=as_date(since),
        until=as_date(until),
        kind=kind.value if kind else None,
        min_confidence=min_confidence,
        limit=limit,
        language=language,
    )
    show_hits(records, "score", fmt)


@user_errors
def who(
    text: Annotated[str, typer.Argument(help="The quotation as you remember it.")],
    by: ByOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: DateOption = None,
    until: DateOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many candidates.")] = 5,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """Who said this? The closest attested quotations to a half-remembered one."""
    records = open_db(db).who(
        text,
        by=by,
        outlet=outlet,
        since=as_date(since),
        until=as_date(until),
        min_confidence=min_confidence,
        limit=limit,
        language=language,
    )
    show_hits(records, "similarity", fmt)
    if fmt is ListFormat.table:
        show_renderings(records)


def show_renderings(records: list[dict[str, Any]]) -> None:
    """Under the table: each match's renderings in other languages, or why there are none."""
    for r in records:
        for other in r.get("renderings") or []:
            shared = ", ".join(other["shared"])
            out.print(
                f"  {r['id']} in {escape(other['language'] or '?')}: {other['id']} "
                f"“{escape(other['text'])}” [dim](shares {escape(shared)})[/]"
            )
        if r.get("renderings_note"):
            out.print(f"  [dim]{r['id']}: {escape(r['renderings_note'])}[/]")
