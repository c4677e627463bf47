"""``quotedb export``: a selection of quotations as a data file or a citation list."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from quotedb.cli.common import DateOption, DbOption, as_date, err, open_db, user_errors
from quotedb.cli.search import KindOption
from quotedb.export.choices import CitationStyle, ExportFormat, GroupBy


@user_errors
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Data or reference-manager format.")
    ] = ExportFormat.jsonl,
    style: Annotated[
        CitationStyle | None,
        typer.Option(help="A citation list in this style instead (overrides --format)."),
    ] = None,
    csl: Annotated[
        Path | None,
        typer.Option(help="A citation list in this CSL style file (needs quotedb[csl])."),
    ] = None,
    group_by: Annotated[
        GroupBy | None, typer.Option("--group-by", help="Group quotations under headings.")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="Only this speaker.")] = None,
    phrase: Annotated[
        str | None, typer.Option(help="Only quotations matching this search, best first.")
    ] = None,
    article: Annotated[int | None, typer.Option(min=1, help="Only this article (its id).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: DateOption = None,
    until: DateOption = None,
    kind: KindOption = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
    db: DbOption = None,
) -> None:
    """Export quotations with their articles: data, BibTeX/RIS/CSL, or APA/MLA/Chicago."""
    from quotedb.export.document import write_export
    from quotedb.export.selection import select_quotations
    from quotedb.search.filters import SearchFilter

    database = open_db(db)
    f = SearchFilter(
        by, outlet, as_date(since), as_date(until), kind.value if kind else None, limit, article
    )
    with database.session() as session:
        rows = select_quotations(session, f, phrase)
        if output is None:
            n = write_export(rows, sys.stdout, fmt, style, group_by, csl)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = write_export(rows, fh, fmt, style, group_by, csl)
    err.print(f"Exported {n} quotation(s){f' to {output}' if output else ''}.", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(export)
