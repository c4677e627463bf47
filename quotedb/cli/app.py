"""The ``quotedb`` command: a thin layer over :mod:`quotedb.api`.

One module per group of commands: ingest (ingest, reextract), extract, query (quotes,
people, person, show, articles, outlets, statements), search (search, who), export,
corrections (correct ..., corrections), db and serve (the web server). The help lists the
commands in the order they are registered here, which is the README's.
"""

import gc
from typing import Annotated

import typer

from quotedb.cli import corrections, db, export, extract, ingest, query, search, serve
from quotedb.cli.help import HELP_NAMES, Command, Group

app = typer.Typer(
    name="quotedb",
    help="Who said what, where and when: a quote attribution database for news.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    context_settings=HELP_NAMES,
    cls=Group,
)

PANELS = {
    "Ingest and extract": (ingest.ingest, extract.extract, ingest.reextract),
    "Who said what": (
        query.quotes,
        search.search,
        search.who,
        query.people,
        query.person,
        query.show,
        query.statements,
        query.articles,
        query.outlets,
    ),
    "Citation lists": (export.export,),
    "Corrections": (corrections.corrections,),
}
for panel, commands in PANELS.items():
    for command in commands:
        app.command(rich_help_panel=panel, context_settings=HELP_NAMES, cls=Command)(command)
app.add_typer(corrections.correct_app, name="correct", rich_help_panel="Corrections")
app.add_typer(db.app, name="db", rich_help_panel="The database")
app.command(rich_help_panel="The web interface", context_settings=HELP_NAMES, cls=Command)(
    serve.serve
)


def package_version() -> str:
    # Imported here: importlib.metadata costs 45 ms of every command's start-up otherwise.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotedb")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"quotedb {package_version()}")
        raise typer.Exit()


@app.callback()
def main_options(
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=show_version,
            is_eager=True,
            help="Print quotedb's version and exit.",
        ),
    ] = False,
) -> None:
    """Who said what, where and when: a quote attribution database for news."""


def main() -> None:
    # Imports live until exit: frozen, the run's and exit's full GC passes stop rescanning them.
    gc.freeze()
    # Ingest keeps many small objects alive (caches, the clustering pool): collecting young
    # objects every 700 allocations rescanned them often (0.1 s of 2.8 s ingesting 840 articles).
    gc.set_threshold(20_000, 10, 10)
    app()
