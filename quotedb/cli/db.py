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
from quotedb.cli.help import HELP_NAMES, Command, group
from quotedb.errors import QueryError

app = group("Database schema: current revision, upgrade, downgrade, integrity check.")


def state(current: str | None, head: str | None) -> str:
    """The schema's revision in words."""
    if current is None:
        return f"no schema yet (an empty database; the newest revision is {head})"
    if current == head:
        return f"schema revision {current}, up to date"
    return f"schema revision {current}, behind the newest ({head}): run quotedb db upgrade"


@app.command(cls=Command)
@user_errors
def current(db: DbOption = None) -> None:
    """Show the schema revision of the database and the newest one available."""
    database = open_db(db, migrate=False)
    out().print(f"{database.description}: {state(*database.revisions())}", highlight=False)


@app.command(cls=Command)
@user_errors
def upgrade(
    revision: Annotated[
        str, typer.Argument(metavar="[REVISION]", help="Target revision, or +1 for the next.")
    ] = "head",
    db: DbOption = None,
) -> None:
    """Migrate the schema up (to the newest by default)."""
    reached = open_db(db, migrate=False).upgrade(revision)
    err().print(f"Upgraded to {reached}", highlight=False)


@app.command(cls=Command, context_settings=HELP_NAMES | {"ignore_unknown_options": True})
@user_errors
def downgrade(
    revision: Annotated[
        str,
        typer.Argument(metavar="REVISION", help="Target revision: -1 (one back), 0005, base."),
    ],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask before dropping data.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Migrate the schema down; what later revisions added (tables, columns, indexes) and
    their data are dropped: asks first unless --yes (base removes every table)."""
    database = open_db(db, migrate=False)
    current_rev, _head = database.revisions()
    if current_rev is None:
        raise QueryError("the database has no schema: nothing to downgrade")
    if not yes:
        target = "base (every table and all the data)" if revision == "base" else revision
        typer.confirm(
            f"Downgrade {database.description} from {current_rev} to {target}?"
            " What the later revisions hold is dropped.",
            abort=True,
            err=True,
        )
    reached = database.downgrade(revision)
    err().print(f"Downgraded to {reached or 'base'}", highlight=False)


@app.command(cls=Command)
@user_errors
def check(db: DbOption = None, fmt: FormatOption = ListFormat.table) -> None:
    """Verify the database: schema at head, every quotation inside its article's text and
    equal to it, no orphan rows, full-text index in step. Exit code 1 on any problem."""
    database = open_db(db, migrate=False)
    report = database.check()
    if fmt is not ListFormat.table:  # one report: JSON whichever data format is asked for
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
        out().print(
            f"The database is empty: no quotedb tables yet, nothing to check (not a problem;"
            f" the next command that stores something creates them) — {database.description}",
            highlight=False,
        )
    else:
        for line in report.checked:
            err().print(f"[dim]checked:[/] {line}", highlight=False)
        for problem in report.problems:
            err().print(f"[red]problem:[/] {escape(str(problem))}", highlight=False)
        verdict = "no problems" if report.ok else f"{len(report.problems)} problem(s)"
        out().print(
            f"{report.articles} article(s), {report.quotations} quotation(s): {verdict} "
            f"— {database.description}",
            highlight=False,
        )
    if not report.ok:
        raise typer.Exit(1)
