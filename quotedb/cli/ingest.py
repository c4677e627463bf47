"""``quotedb ingest``: articles in, quotations stored."""

import contextlib
import time
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from quotedb.cli.common import (
    DateOption,
    DbOption,
    err,
    escape,
    migrate_db,
    open_db,
    user_errors,
)
from quotedb.errors import InputError
from quotedb.ingest.documents import Metadata, Source, discover
from quotedb.ingest.parallel import auto_workers
from quotedb.ingest.pipeline import ingest_sources
from quotedb.ingest.read import DEFAULT_MAX_BYTES
from quotedb.ingest.tasks import DEFAULT_TIMEOUT, Extracted, Outcome

REFRESH_SECONDS = 0.1
MB = 1024 * 1024


class ArticleRate(ProgressColumn):
    """Articles done and articles per second (the bar itself measures input bytes)."""

    def render(self, task: Task) -> Text:
        done = int(task.fields.get("articles", 0))
        elapsed = task.elapsed or 0.0
        rate = done / elapsed if elapsed > 0 else 0.0
        return Text(f"{done} articles, {rate:,.0f} articles/s", style="progress.data.speed")


def _input_bytes(sources: list[Source | InputError]) -> int | None:
    total = 0
    for s in sources:
        if isinstance(s, Source):
            if s.path is None:
                return None
            with contextlib.suppress(OSError):
                total += s.path.stat().st_size
    return total


@user_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    title: Annotated[
        str | None, typer.Option(help="Title (else manifest, front matter, text).")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet that published the articles.")] = None,
    date: DateOption = None,
    url: Annotated[str | None, typer.Option(help="URL of the article.")] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-j", min=0, help="Extraction processes (0: one per CPU core, up to 8)."
        ),
    ] = 1,
    max_mb: Annotated[
        float, typer.Option("--max-mb", min=0.001, help="Refuse articles larger than this.")
    ] = DEFAULT_MAX_BYTES / MB,
    timeout: Annotated[
        float,
        typer.Option(min=0, help="Give up on an article whose extraction takes longer (0: never)."),
    ] = DEFAULT_TIMEOUT,
    db: DbOption = None,
) -> None:
    """Ingest articles (text, Markdown, HTML, JSON Lines): extract their quotations and store
    them. Re-ingesting adds nothing; an interrupted ingest resumes where it stopped."""
    # The schema is brought to head while the first articles are extracted (a new
    # database's migration costs a fifth of a second); the connection is checked now.
    database = open_db(db, migrate=False)
    overrides = Metadata(
        title=title, outlet=outlet, url=url, published=date.date().isoformat() if date else None
    )
    sources = list(discover(paths))
    total = _input_bytes(sources)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        ArticleRate(),
        TimeElapsedColumn(),
    )
    # No refresh thread: worker processes are forked, and forking beside a thread that may
    # hold a lock (the console's) can hang them.
    with Progress(
        *columns,
        console=err,
        transient=True,
        auto_refresh=False,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("Ingesting", total=total, articles=0)
        last = [0.0]

        def advance(outcome: Outcome) -> None:
            done = int(progress.tasks[0].fields["articles"]) + isinstance(outcome, Extracted)
            progress.update(task, advance=outcome.size, articles=done)
            if (now := time.monotonic()) - last[0] > REFRESH_SECONDS:
                last[0] = now
                progress.refresh()

        try:
            report = ingest_sources(
                database.sessions,
                sources,
                overrides,
                workers=workers or auto_workers(),
                max_bytes=int(max_mb * MB),
                timeout=timeout or None,
                on_outcome=advance,
                prepare=lambda: migrate_db(database, db),
            )
        except KeyboardInterrupt:
            progress.stop()
            err.print("Interrupted: what was stored is complete; run again to resume.")
            raise typer.Exit(130) from None
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    for _label, reason in report.failed:
        err.print(f"[red]failed:[/] {escape(reason)}", highlight=False)
    err.print(
        f"{report.added} article(s) added with {report.quotations} quotation(s), "
        f"{report.duplicates} already stored, {len(report.failed)} failed "
        f"({database.description})",
        highlight=False,
    )
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
