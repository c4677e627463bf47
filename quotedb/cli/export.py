"""``quotedb export``: a selection of quotations as a data file or a citation list."""

from pathlib import Path
from typing import Annotated

import typer

from quotedb.api import CitationStyle, ExportFormat, GroupBy
from quotedb.cli.common import (
    AfterOption,
    ByOption,
    DbOption,
    LanguageOption,
    MinConfidenceOption,
    OffsetOption,
    OutletOption,
    QuoteKindOption,
    SinceOption,
    SortOption,
    SpeakerKindOption,
    UntilOption,
    choices,
    err,
    open_db,
    picked,
    user_errors,
)


@user_errors
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Data or reference-manager format: {', '.join(ExportFormat)}.",
        ),
    ] = ExportFormat.jsonl,
    style: Annotated[
        CitationStyle | None,
        typer.Option(
            metavar="STYLE",
            help=f"A citation list in this style instead: {choices(CitationStyle)}"
            " (overrides --format).",
        ),
    ] = None,
    csl: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="A citation list in this CSL style file (needs quotedb[csl])."
        ),
    ] = None,
    group_by: Annotated[
        GroupBy | None,
        typer.Option(
            "--group-by",
            metavar="FIELD",
            help=f"Group quotations under headings: {choices(GroupBy)}.",
        ),
    ] = None,
    by: ByOption = None,
    phrase: Annotated[
        str | None,
        typer.Option(metavar="QUERY", help="Only quotations matching this search, best first."),
    ] = None,
    article: Annotated[
        int | None, typer.Option(min=1, metavar="ID", help="Only this article.")
    ] = None,
    speaker_kind: SpeakerKindOption = None,
    quote_kind: QuoteKindOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[
        int, typer.Option(min=0, metavar="N", help="At most N quotations (default 0: all).")
    ] = 0,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    after: AfterOption = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="File to write.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export quotations with their articles: data, BibTeX/RIS/CSL, or APA/MLA/Chicago.

    With --limit, a full page ends with the cursor of the next one on stderr."""
    chosen = picked(
        by=by,
        speaker_kind=speaker_kind,
        quote_kind=quote_kind,
        outlet=outlet,
        since=since,
        until=until,
        min_confidence=min_confidence,
        limit=limit,
        offset=offset,
        sort=sort,
        language=language,
    )
    page = open_db(db, create=False).export_page(
        output,
        fmt=fmt,
        style=style,
        group_by=group_by,
        csl=csl,
        phrase=phrase,
        article=article,
        after=after,
        **chosen,
    )
    where = f" to {output}" if output else ""
    err().print(f"Exported {page.count} quotation(s){where}.", highlight=False)
    if page.next is not None:
        err().print(f"Next page: --after {page.next}", highlight=False)
