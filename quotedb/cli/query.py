"""``quotedb quotes``, ``people``, ``person`` and ``show``: who said what."""

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

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
    language: LanguageOption = None,
    since: DateOption = None,
    until: DateOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List quotations, oldest first: by a speaker, from an outlet, in a date range."""
    records = open_db(db).quotes(
        by,
        outlet=outlet,
        since=as_date(since),
        until=as_date(until),
        min_confidence=min_confidence,
        limit=limit,
        language=language,
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


@user_errors
def person(
    name: Annotated[
        str, typer.Argument(help="Any name or alias; a bare surname lists every bearer.")
    ],
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """A speaker's names, roles, quotations per outlet, first and last quoted."""
    records = open_db(db).person(name)
    if fmt is ListFormat.json:
        print_json(records)
        return
    for r in records:
        out.print(Text(r["name"], style="bold"), Text(f"({r['kind']}, id {r['id']})"))
        say(f"  aliases: {', '.join(r['aliases'])}")
        say(f"  roles: {', '.join(sorted({x['role'] for x in r['roles']})) or '-'}")
        per_outlet = ", ".join(f"{o}: {n}" for o, n in r["outlets"].items())
        say(f"  quotations: {r['quotations']} ({per_outlet or 'none'})")
        say(f"  quoted from {r['first_quoted'] or '?'} to {r['last_quoted'] or '?'}")


@user_errors
def show(
    quotation_id: Annotated[int, typer.Argument(help="Quotation id (see quotes --format json).")],
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """A quotation in its paragraph: speaker and cue highlighted, evidence, variants."""
    record = open_db(db).show(quotation_id)
    if fmt is ListFormat.json:
        print_json(record)
        return
    print_view(record)


def say(text: str) -> None:
    """A line of data: no markup, no highlighting (names may hold brackets)."""
    out.print(text, markup=False, highlight=False)


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


def print_view(r: dict[str, Any]) -> None:
    a = r["article"]
    out.rule(
        Text(f"#{r['id']} · {a['title'] or a['source'] or ''} · {a['published'] or 'undated'}"),
        align="left",
    )
    out.print(highlighted(r))
    out.rule()
    say(f"Speaker: {r['resolution']}")
    say(
        f"Cue: {r['cue'] or '-'}   Confidence: {r['confidence']:.2f}   "
        f"Evidence: {r['evidence'] or '-'}"
    )
    say(f"Confidence {r['confidence_explanation']}")
    if (u := r["utterance"]) is not None:
        where = f"{u['articles']} article(s): {', '.join(u['outlets']) or 'no outlet given'}"
        say(
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
                art["title"] or art["source"] or "",
                art["published"] or "",
            )
            table.add_row(*(Text(c) for c in cells))
        out.print(table)
