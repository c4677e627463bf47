"""``quotedb quotes``, ``people``, ``person``, ``show``, ``articles``, ``outlets`` and
``statements``: who said what, where and when."""

from collections.abc import Sequence
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from quotedb.api import DEFAULT_LIMIT, next_cursor, write_records
from quotedb.cli.common import (
    AfterOption,
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
    open_db,
    out,
    picked,
    print_json,
    say,
    user_errors,
)


def with_outlets(records: Sequence[Any]) -> bool:
    """Whether an outlet column is worth its width (some article names its outlet)."""
    return any(r.article is not None and r.article.outlet for r in records)


def quotation_table(outlets: bool, *columns: str) -> Table:
    """The quotations' table: id, the columns given, article, (outlet), date."""
    table = Table("id", *columns, "article")
    if outlets:
        table.add_column("outlet")
    table.add_column("date", no_wrap=True)
    return table


def article_cells(r: Any, outlets: bool) -> list[Text]:
    """An article's cells: its name (the one every output gives it), outlet and date."""
    a = r.article
    if a is None:
        return [Text("")] * (3 if outlets else 2)
    cells = [Text(a.label), *([Text(a.outlet or "")] if outlets else []), Text(a.published or "")]
    return cells


def speaker_cell(name: str | None) -> Text:
    return Text(name) if name else Text("unknown", style="dim")


def show_quotations(records: Sequence[Any]) -> None:
    outlets = with_outlets(records)
    table = quotation_table(outlets, "speaker", "quotation")
    for r in records:
        words = Text(f"“{r.text}”")
        table.add_row(str(r.id), speaker_cell(r.speaker), words, *article_cells(r, outlets))
    out().print(table)


@user_errors
def quotes(
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
    after: AfterOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List quotations, oldest first: by a speaker or kind of speaker, from an outlet, in a
    date range. A full page ends with the cursor of the next one on stderr."""
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
    records = open_db(db, create=False).quotes(after=after, **chosen)
    empty = f"No quotations by {by!r}." if by else "No quotations found."
    emit(records, fmt, show_quotations, empty)
    if limit and len(records) == limit:
        err().print(f"Next page: --after {next_cursor(records, chosen['sort'])}", highlight=False)


def show_people(rows: Sequence[Any]) -> None:
    table = Table("id", "speaker", "kind", "quotations")
    for r in rows:
        table.add_row(str(r.id), Text(r.name), r.kind, str(r.quotations))
    out().print(table)


@user_errors
def people(
    speaker_kind: SpeakerKindOption = None,
    kind: Annotated[
        str | None, typer.Option(hidden=True, help="Old name of --speaker-kind.")
    ] = None,
    by: ByOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List speakers with their number of quotations, most quoted first (--sort speaker:
    by name)."""
    chosen = picked(
        by=by,
        speaker_kind=speaker_kind,
        outlet=outlet,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        sort=sort,
    )
    if kind is not None:
        err().print("--kind is now --speaker-kind", style="yellow")
        chosen["speaker_kind"] = chosen["speaker_kind"] or kind
    emit(open_db(db, create=False).people(**chosen), fmt, show_people, "No speakers found.")


def show_articles(rows: Sequence[Any]) -> None:
    table = Table("id", "article", "outlet", "date", "quotations")
    for r in rows:
        table.add_row(
            str(r.id), Text(r.label), Text(r.outlet or ""), r.published or "", str(r.quotations)
        )
    out().print(table)


@user_errors
def articles(
    by: ByOption = None,
    speaker_kind: SpeakerKindOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List articles, oldest first, with how many quotations each holds (--by: only
    articles quoting that speaker)."""
    chosen = picked(
        by=by,
        speaker_kind=speaker_kind,
        outlet=outlet,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        sort=sort,
    )
    emit(open_db(db, create=False).articles(**chosen), fmt, show_articles, "No articles found.")


def show_outlets(rows: Sequence[Any]) -> None:
    table = Table("outlet", "articles", "quotations", "first", "last")
    for r in rows:
        name = Text(r.outlet) if r.outlet else Text("no outlet given", style="dim")
        table.add_row(
            name,
            str(r.articles),
            str(r.quotations),
            r.first_published or "",
            r.last_published or "",
        )
    out().print(table)


@user_errors
def outlets(
    by: ByOption = None,
    speaker_kind: SpeakerKindOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List outlets by name, with their articles, quotations and first and last dates."""
    chosen = picked(
        by=by,
        speaker_kind=speaker_kind,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        sort=sort,
    )
    emit(open_db(db, create=False).outlets(**chosen), fmt, show_outlets, "No articles found.")


def show_statements(rows: Sequence[Any]) -> None:
    table = Table("id", "speaker", "statement", "times", "outlets", "first")
    for r in rows:
        speaker = Text(r.speaker) if r.speaker else Text("unknown", style="dim")
        table.add_row(
            str(r.id),
            speaker,
            Text(f"“{r.text}”"),
            str(r.renderings),
            Text(", ".join(r.outlets) or "-"),
            r.first_reported or "",
        )
    out().print(table)


@user_errors
def statements(
    statement_id: Annotated[
        int | None,
        typer.Argument(metavar="[ID]", help="One statement: every rendering of it."),
    ] = None,
    by: ByOption = None,
    speaker_kind: SpeakerKindOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    sort: SortOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List statements (one utterance, as the articles that reported it worded it), first
    reported first; with an ID, that statement's renderings."""
    database = open_db(db, create=False)
    if statement_id is not None:
        one = database.statement(statement_id)
        if fmt is not ListFormat.table:
            emit([one], fmt, show_statements)
            return
        show_statements([one])
        show_quotations(one.quotations)
        return
    chosen = picked(
        by=by,
        speaker_kind=speaker_kind,
        outlet=outlet,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        sort=sort,
    )
    emit(database.statements(**chosen), fmt, show_statements, "No statements found.")


@user_errors
def person(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME", help="Any name or alias; a bare surname lists every bearer."
        ),
    ],
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """A speaker's names, roles, quotations per outlet, first and last quoted."""
    records = open_db(db, create=False).person(name)
    if fmt is not ListFormat.table:
        data_out(records, fmt)
        return
    if not records:
        err().print(f"No speaker named {name!r}.", highlight=False)
    for r in records:
        out().print(Text(r["name"], style="bold"), Text(f"({r['kind']}, id {r['id']})"))
        say(f"  aliases: {', '.join(r['aliases'])}")
        say(f"  roles: {', '.join(sorted({x['role'] for x in r['roles']})) or '-'}")
        per_outlet = ", ".join(f"{o}: {n}" for o, n in r["outlets"].items())
        say(f"  quotations: {r['quotations']} ({per_outlet or 'none'})")
        say(f"  quoted from {r['first_quoted'] or '?'} to {r['last_quoted'] or '?'}")


def data_out(records: list[dict[str, Any]], fmt: ListFormat) -> None:
    """Records that are plain data (``person``, ``show``) in a data format."""
    write_records(records, fmt.value)


@user_errors
def show(
    quotation_id: Annotated[
        int, typer.Argument(metavar="ID", help="Quotation id (the id column of quotes).")
    ],
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """A quotation in its paragraph: speaker and cue highlighted, evidence, variants."""
    record = open_db(db, create=False).show(quotation_id)
    if fmt is not ListFormat.table:
        if fmt is ListFormat.json:
            print_json(record)  # one quotation: an object, as it has always been
        else:
            data_out([record], fmt)
        return
    print_view(record)


def highlighted(r: dict[str, Any]) -> Text:
    """The paragraph, with the quotation, the speaker's mention and the cue styled."""
    base, text = r["paragraph_start"], Text(r["paragraph"])
    spans = [
        (r["start"], r["end"], "bold"),
        (r["speaker_start"], r["speaker_end"], "bold cyan underline"),
        (r["cue_start"], r["cue_end"], "italic yellow"),
    ]
    for start, end, style in spans:
        if start is not None and end is not None and base <= start < end <= base + len(text):
            text.stylize(style, start - base, end - base)
    return text


def told(text: str) -> None:
    """A line of ``show``, wrapped at the terminal's width between words."""
    out().print(Text(text), soft_wrap=False)


def print_view(r: dict[str, Any]) -> None:
    a = r["article"]
    header = f"#{r['id']} · {a['published'] or 'undated'} · {a['outlet'] or a['label']}"
    console = out()
    console.print(Text(header, style="bold"), soft_wrap=False, overflow="ellipsis", no_wrap=True)
    if a["outlet"]:
        told(a["label"])
    console.rule()
    console.print(highlighted(r), soft_wrap=False)
    console.rule()
    told(f"Speaker: {r['resolution']}")
    told(
        f"Cue: {r['cue'] or '-'}   Confidence: {r['confidence']:.2f}   "
        f"Evidence: {r['evidence'] or '-'}"
    )
    told(f"Confidence {r['confidence_explanation']}")
    if (u := r["utterance"]) is not None:
        where = f"{u['articles']} article(s): {', '.join(u['outlets']) or 'no outlet given'}"
        told(
            f"Utterance: “{u['representative']}” ({u['speaker'] or 'speaker unknown'};"
            f" first reported {u['first_reported'] or '?'}; {where})"
        )
    if r["variants"]:
        table = Table(
            "id", "variant", "speaker", "article", "date", title="Same utterance elsewhere"
        )
        for o in r["variants"]:
            art = o["article"]
            cells = (
                str(o["id"]),
                f"“{o['text']}”",
                o["speaker"] or "unknown",
                art["label"],
                art["published"] or "",
            )
            table.add_row(*(Text(c) for c in cells))
        console.print(table)
