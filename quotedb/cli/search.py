"""``quotedb search`` and ``quotedb who``: find a quotation by its words."""

from collections.abc import Sequence
from typing import Annotated, Any

import typer
from rich.text import Text

from quotedb.api import DEFAULT_LIMIT
from quotedb.cli.common import (
    ByOption,
    DbOption,
    FormatOption,
    LanguageOption,
    LimitOption,
    ListFormat,
    MinConfidenceOption,
    OffsetOption,
    OutletOption,
    QuoteKindOption,
    SinceOption,
    SortOption,
    SpeakerKindOption,
    UntilOption,
    emit,
    err,
    escape,
    open_db,
    out,
    picked,
    user_errors,
)
from quotedb.cli.query import article_cells, quotation_table, speaker_cell, with_outlets

HIGHLIGHT = ("[bold yellow]", "[/]")  # the table's marks around a match (the rest escaped)


def show_hits(records: Sequence[Any]) -> None:
    outlets = with_outlets(records)
    table = quotation_table(outlets, "score", "speaker", "quotation")
    for r in records:
        words = Text.from_markup(f"“{r.snippet}”")
        if r.context:
            words.append("\n")
            words.append_text(Text.from_markup(r.context, style="dim"))
        cells = (str(r.id), f"{r.score:.2f}", speaker_cell(r.speaker), words)
        table.add_row(*cells, *article_cells(r, outlets))
    out().print(table)


@user_errors
def search(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help='Words, "exact phrases", prefix* terms; OR between terms.'
        ),
    ],
    context: Annotated[
        bool,
        typer.Option(
            "--context", help="Match the words in the quotation's paragraph, not only in it."
        ),
    ] = False,
    by: ByOption = None,
    speaker_kind: SpeakerKindOption = None,
    quote_kind: QuoteKindOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """Find quotations by their words (or the words around them: --context), best match
    first, with the matches highlighted."""
    table = fmt is ListFormat.table
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
    records = open_db(db, create=False).search(
        query,
        context=context,
        marks=HIGHLIGHT if table else ("**", "**"),
        escape=escape if table else str,
        **chosen,
    )
    emit(records, fmt, show_hits, "No quotations found.")


def hit_lines(r: Any, width: int) -> list[Text]:
    """A candidate in two lines: id, similarity, speaker, date, article; then its words."""
    a = r.article
    where = " · ".join(p for p in (a.published, a.outlet, a.label) if p)
    head = Text(f"{r.id:>5}  {r.similarity:5.1f}  ")
    head.append(r.speaker or "unknown", style="bold" if r.speaker else "dim")
    head.append(f" · {where}", style="dim")
    words = Text(f"       “{r.text}”")
    for line in (head, words):
        line.truncate(width, overflow="ellipsis")
    return [head, words]


def show_attestation(answer: Any) -> None:
    style = "bold green" if answer.said_by else "bold yellow"
    out().print(Text(answer.message, style=style), soft_wrap=False)
    for r in answer.hits:
        for line in hit_lines(r, out().width):
            out().print(line, soft_wrap=True)
        for line in rendering_lines(r, out().width):
            out().print(line, soft_wrap=True)


def rendering_lines(r: Any, width: int) -> list[Text]:
    """A hit's renderings in other languages, one line each; or, when the speaker was quoted
    in other languages but nothing shows which quotation renders this one, that note."""
    lines = []
    for other in r.renderings:
        line = Text(f"       in {other['language'] or '?'}: #{other['id']} “{other['text']}”")
        line.append(f" (shares {', '.join(other['shared'])})", style="dim")
        lines.append(line)
    if r.renderings_untold:
        lines.append(Text(f"       {r.renderings_note}", style="dim"))
    for line in lines:
        line.truncate(width, overflow="ellipsis")
    return lines


@user_errors
def who(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The quotation as you remember it.")],
    by: ByOption = None,
    speaker_kind: SpeakerKindOption = None,
    quote_kind: QuoteKindOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """Who said this? A verdict (said verbatim, said reworded, similar statements only, no
    attested statement) and the closest attested quotations."""
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
    )
    answer = open_db(db, create=False).attest(text, **chosen)
    if fmt is ListFormat.table:
        show_attestation(answer)
    else:  # the candidates as data (each with its verdict); the answer in words on stderr
        emit(answer.hits, fmt, show_attestation)
        err().print(answer.message, highlight=False)
