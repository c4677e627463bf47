"""The ``quotedb`` command: a thin layer over :mod:`quotedb.api`."""

import gc

import typer

from quotedb.cli import db, export, extract, ingest, people, query, search

app = typer.Typer(
    name="quotedb",
    help="Who said what, where and when: a quote attribution database for news.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

for module in (ingest, people, query, search, export, extract, people):
    module.register(app)
app.add_typer(db.app, name="db")


def main() -> None:
    # Imports live until exit: frozen, the run's and exit's full GC passes stop rescanning them.
    gc.freeze()
    app()
