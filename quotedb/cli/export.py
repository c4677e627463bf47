"""``quotedb export``: a selection of quotations as a data file or a citation list."""

from pathlib import Path
from typing import Annotated

import typer

from quotedb.api import CitationStyle, ExportFormat, GroupBy
from quotedb.cli.common import (
    DateOption,
    DbOption,
    LanguageOption,
    MinConfidenceOption,
    as_date,
    err,
    open_db,
    user_errors,
)
from quotedb.cli.search import KindOption


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
    language: LanguageOption = None,
    since: DateOption = None,
    until: DateOption = None,
    kind: KindOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
    db: DbOption = None,
) -> None:
    """Export quotations with their articles: data, BibTeX/RIS/CSL, or APA/MLA/Chicago."""
    n = open_db(db).export(
        output,
        fmt=fmt,
        style=style,
        group_by=group_by,
        csl=csl,
        by=by,
        phrase=phrase,
        article=article,
        outlet=outlet,
        since=as_date(since),
        until=as_date(until),
        kind=kind.value if kind else None,
        min_confidence=min_confidence,
        limit=limit,
        language=language,
    )
    err.print(f"Exported {n} quotation(s){f' to {output}' if output else ''}.", highlight=False)
