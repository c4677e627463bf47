"""``quotedb db``: the schema's revision, migrations up and down."""

from typing import Annotated

import typer

from quotedb.cli.common import (
    DbOption,
    FormatOption,
    ListFormat,
    err,
    escape,
    open_db,
    out,
    print_json,
    user_errors,
)

app = typer.Typer(
    help="Database schema: current revision, upgrade, downgrade, integrity check.",
    no_args_is_help=True,
)


@app.command()
@user_errors
def current(db: DbOption = None) -> None:
    """Show the schema revision of the database and the newest one available."""
    database = open_db(db, migrate=False)
    cur, head = database.revisions()
    state = "up to date" if cur == head else f"behind (head is {head})"
    out.print(f"{cur or 'empty'} ({state}) — {database.description}", highlight=False)


@app.command()
@user_errors
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    db: DbOption = None,
) -> None:
    """Migrate the schema up (to head by default)."""
    reached = open_db(db, migrate=False).upgrade(revision)
    err.print(f"Upgraded to {reached}", highlight=False)


@app.command()
@user_errors
def downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. base or -1.")],
    db: DbOption = None,
) -> None:
    """Migrate the schema down (``base`` removes every table)."""
    reached = open_db(db, migrate=False).downgrade(revision)
    err.print(f"Downgraded to {reached or 'base'}", highlight=False)


@app.command()
@user_errors
def check(db: DbOption = None, fmt: FormatOption = ListFormat.table) -> None:
    """Verify the database: schema at head, every quotation inside its article's text and
    equal to it, no orphan rows, full-text index in step. Exit code 1 on any problem."""
    database = open_db(db, migrate=False)
    report = database.check()
    if fmt is ListFormat.json:
        print_json(
            {
                "ok": report.ok,
                "empty": report.empty,
                "revision": report.revision,
                "head": report.head,
                "articles": report.articles,
                "quotations": report.quotations,
                "checked": report.checked,
                "problems": [
                    {"problem": p.what, "count": p.count, "examples": p.examples}
                    for p in report.problems
                ],
            }
        )
    elif report.empty:
        out.print(
            f"The database is empty: no quotedb tables yet, nothing to check (not a problem;"
            f" the next command that stores something creates them) — {database.description}",
            highlight=False,
        )
    else:
        for line in report.checked:
            err.print(f"[dim]checked:[/] {line}", highlight=False)
        for problem in report.problems:
            err.print(f"[red]problem:[/] {escape(str(problem))}", highlight=False)
        verdict = "no problems" if report.ok else f"{len(report.problems)} problem(s)"
        out.print(
            f"{report.articles} article(s), {report.quotations} quotation(s): {verdict} "
            f"— {database.description}",
            highlight=False,
        )
    if not report.ok:
        raise typer.Exit(1)
