"""``quotedb show``, ``person``, ``correct ...``, ``corrections`` and ``reextract``."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table
from rich.text import Text
from sqlalchemy import select

from quotedb.cli.common import (
    DbOption,
    FormatOption,
    ListFormat,
    err,
    open_db,
    out,
    print_json,
    user_errors,
)
from quotedb.core import EXTRACTOR_VERSION
from quotedb.db.models import Article
from quotedb.errors import QueryError
from quotedb.store import corrections as fix
from quotedb.store.reextract import Reextracted
from quotedb.store.reextract import reextract as reextract_article

if TYPE_CHECKING:
    from quotedb.read.people import QuotationView

correct_app = typer.Typer(
    help="Correct the database by hand; every correction is recorded and survives reextract.",
    no_args_is_help=True,
)


class TargetKind(StrEnum):
    person = "person"
    organization = "organization"
    unnamed = "unnamed"
    unknown = "unknown"


def highlighted(v: "QuotationView") -> Text:
    q, base = v.quotation, v.paragraph_start
    text = Text(v.paragraph)
    spans = [
        (q.start, q.end, "bold"),
        (q.speaker_start, q.speaker_end, "bold cyan underline"),
        (q.cue_start, q.cue_end, "italic yellow"),
    ]
    for start, end, style in spans:
        if start is not None and end is not None and base <= start < end <= base + len(v.paragraph):
            text.stylize(style, start - base, end - base)
    return text


@user_errors
def show(
    quotation_id: Annotated[int, typer.Argument(help="Quotation id (see quotes --format json).")],
    fmt: FormatOption = ListFormat.table,
    db: DbOption = None,
) -> None:
    """A quotation in its paragraph: speaker and cue highlighted, evidence, variants."""
    from quotedb.read.people import quotation_view, view_record

    with open_db(db).session() as session:
        v = quotation_view(session, quotation_id)
        if fmt is ListFormat.json:
            print_json(view_record(v))
            return
        print_view(v)


def say(text: str) -> None:
    """A line of data: no markup, no highlighting (names may hold brackets)."""
    out.print(text, markup=False, highlight=False)


def print_view(v: "QuotationView") -> None:
    from quotedb.read.people import resolution

    q, a = v.quotation, v.quotation.article
    out.rule(
        Text(f"#{q.id} · {a.title or a.source_path or ''} · {a.published or 'undated'}"),
        align="left",
    )
    out.print(highlighted(v))
    out.rule()
    say(f"Speaker: {resolution(q)}")
    say(f"Cue: {q.cue or '-'}   Confidence: {q.confidence:.2f}   Evidence: {q.evidence or '-'}")
    if (u := v.utterance()) is not None:
        where = f"{u['articles']} article(s): {', '.join(u['outlets']) or 'no outlet given'}"
        say(
            f"Utterance: “{u['representative']}” ({u['speaker'] or 'speaker unknown'};"
            f" first reported {u['first_reported'] or '?'}; {where})"
        )
    if v.variants:
        table = Table(
            "id", "variant", "speaker", "article", "date", title="Same utterance elsewhere"
        )
        for o in v.variants:
            art = o.article
            cells = (
                str(o.id),
                f"“{o.text}”",
                o.speaker.name if o.speaker else "unknown",
                art.title or art.source_path or "",
                str(art.published or ""),
            )
            table.add_row(*(Text(c) for c in cells))
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
    from quotedb.read.people import person_profiles, profile_record

    with open_db(db).session() as session:
        records = [profile_record(p) for p in person_profiles(session, name)]
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
    with open_db(db).session() as session:
        q = fix.get_quotation(session, quotation_id)
        c = fix.reattribute(session, q, to, kind.value)
        err.print(
            f"Quotation {q.id}: {c.previous['speaker'] or 'unknown'} -> {to or 'unknown'}",
            markup=False,
            highlight=False,
        )


@correct_app.command("not-quote")
@user_errors
def correct_not_quote(
    quotation_id: Annotated[int, typer.Argument(help="Quotation id.")], db: DbOption = None
) -> None:
    """Remove something the extractor wrongly took for a quotation."""
    with open_db(db).session() as session:
        q = fix.get_quotation(session, quotation_id)
        fix.not_quote(session, q)
        err.print(f"Quotation {quotation_id} removed (recorded).", highlight=False)


@correct_app.command("merge")
@user_errors
def correct_merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep (name or id).")],
    other: Annotated[str, typer.Argument(help="The speaker merged into it (name or id).")],
    db: DbOption = None,
) -> None:
    """Two speakers are one person: move everything of OTHER to KEEP."""
    with open_db(db).session() as session:
        a, b = fix.get_speaker(session, keep), fix.get_speaker(session, other)
        fix.merge(session, a, b)
        err.print(f"Merged {b.name!r} into {a.name!r}.", markup=False, highlight=False)


@correct_app.command("split")
@user_errors
def correct_split(
    speaker: Annotated[str, typer.Argument(help="The speaker (name or id).")],
    alias: Annotated[str, typer.Argument(help="The alias that belongs to someone else.")],
    db: DbOption = None,
) -> None:
    """Split a wrongly merged alias off into a speaker of its own."""
    with open_db(db).session() as session:
        c = fix.split(session, fix.get_speaker(session, speaker), alias)
        err.print(f"{alias!r} is now speaker {c.payload['new']}.", markup=False, highlight=False)


@correct_app.command("rename")
@user_errors
def correct_rename(
    speaker: Annotated[str, typer.Argument(help="The speaker (name or id).")],
    name: Annotated[str, typer.Argument(help="The label to show from now on.")],
    db: DbOption = None,
) -> None:
    """Choose a speaker's label by hand (automatic relabelling leaves it alone)."""
    with open_db(db).session() as session:
        c = fix.rename(session, fix.get_speaker(session, speaker), name)
        err.print(f"Renamed {c.previous['name']!r} to {name!r}.", markup=False, highlight=False)


@correct_app.command("undo")
@user_errors
def correct_undo(
    correction_id: Annotated[int, typer.Argument(help="Correction id (see corrections).")],
    db: DbOption = None,
) -> None:
    """Take a correction back: its change reverted, its record removed."""
    with open_db(db).session() as session:
        c = fix.undo(session, correction_id)
        err.print(f"Correction {correction_id} ({c.action}) undone.", highlight=False)


def correction_record(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "action": c.action,
        "article_hash": c.article_hash,
        "start": c.start,
        "end": c.end,
        "payload": c.payload,
        "previous": c.previous,
        "created_at": c.created_at.isoformat() if c.created_at else None,
    }


@user_errors
def corrections(fmt: FormatOption = ListFormat.table, db: DbOption = None) -> None:
    """List the corrections made by hand, oldest first."""
    with open_db(db).session() as session:
        records = [correction_record(c) for c in fix.list_corrections(session)]
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


@user_errors
def reextract(
    outdated: Annotated[
        bool, typer.Option("--outdated", help="Only articles extracted by another version.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Re-run the current extractor over stored articles, then replay the corrections."""
    database = open_db(db)
    stmt = select(Article.id).order_by(Article.id)
    if outdated:
        stmt = stmt.where(Article.extractor_version != EXTRACTOR_VERSION)
    with database.session() as session:
        ids = list(session.scalars(stmt))
    total = Reextracted()
    with Progress(console=err, transient=True) as progress:
        for article_id in progress.track(ids, description="Re-extracting"):
            with database.session() as session:  # one transaction per article
                total.add(reextract_article(session, session.get_one(Article, article_id)))
    err.print(
        f"Re-extracted {len(ids)} article(s) with extractor {EXTRACTOR_VERSION}: "
        f"{total.quotations} quotation(s), {total.kept} with the id they had; "
        f"{len(total.vanished)} vanished"
        + (f" (ids {ids_listed(total.vanished)})." if total.vanished else "."),
        highlight=False,
    )


def ids_listed(ids: list[int], most: int = 50) -> str:
    shown = ", ".join(map(str, sorted(ids)[:most]))
    return shown + (f", ... ({len(ids) - most} more)" if len(ids) > most else "")


def register(app: typer.Typer) -> None:
    app.command()(show)
    app.command()(person)
    app.command()(corrections)
    app.command()(reextract)
    app.add_typer(correct_app, name="correct")
