"""``quotedb ingest`` and ``reextract``: articles in, quotations stored (again)."""

import time
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from quotedb import api
from quotedb.cli.common import (
    DbOption,
    err,
    escape,
    migrate_db,
    open_db,
    user_errors,
)

REFRESH_SECONDS = 0.1
BAR_WIDTH = 20  # the progress line fits 80 columns
MB = 1024 * 1024


class ArticleRate(ProgressColumn):
    """Articles done and articles per second (the bar itself measures input bytes)."""

    def render(self, task: Task) -> Text:
        done = int(task.fields.get("articles", 0))
        elapsed = task.elapsed or 0.0
        rate = done / elapsed if elapsed > 0 else 0.0
        return Text(f"{done:,} articles {rate:,.0f}/s", style="progress.data.speed")


@user_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Files, folders, globs, or - for stdin."),
    ],
    title: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Title (else manifest, front matter, text)."),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(metavar="NAME", help="Outlet that published the articles.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Publication date: 2022-01-18 or 18 Jan 2022."),
    ] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="URL of the article.")] = None,
    language: Annotated[
        str | None,
        typer.Option(
            metavar="CODE",
            help="The articles' language (en, de, fr, es…) instead of detecting it.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-j",
            min=0,
            metavar="N",
            help="Extraction processes (0: one per CPU core, up to 8).",
        ),
    ] = 1,
    max_mb: Annotated[
        float,
        typer.Option("--max-mb", min=0.001, metavar="MB", help="Refuse articles larger than this."),
    ] = api.DEFAULT_MAX_BYTES / MB,
    timeout: Annotated[
        float,
        typer.Option(
            min=0,
            metavar="SECONDS",
            help="Give up on an article whose extraction takes longer (0: never).",
        ),
    ] = api.DEFAULT_TIMEOUT,
    update_metadata: Annotated[
        bool,
        typer.Option(
            "--update-metadata",
            help="Articles already stored take the metadata read now (flags, manifest, records).",
        ),
    ] = False,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="PostgreSQL: load pre-extracted records fast (COPY, indexes built after).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Ingest articles (text, Markdown, HTML, JSON Lines): extract their quotations and store
    them. Re-ingesting adds nothing; an interrupted ingest resumes where it stopped."""
    # The schema is brought to head while the first articles are extracted (a new
    # database's migration costs a fifth of a second); the connection is checked now.
    database = open_db(db, migrate=False)
    overrides = api.Metadata(
        title=title,
        outlet=outlet,
        url=url,
        published=api.day(date).isoformat() if date else None,
        language=api.language_code(language) if language else None,
    )
    inputs = api.Inputs(paths)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(bar_width=BAR_WIDTH),
        DownloadColumn(),
        ArticleRate(),
        TimeElapsedColumn(),
    )
    # No refresh thread: worker processes are forked, and forking beside a thread that may
    # hold a lock (the console's) can hang them.
    console = err()
    with Progress(
        *columns,
        console=console,
        transient=True,
        auto_refresh=False,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task(READING, total=inputs.size, articles=0)
        advance = Advance(progress, task)
        try:
            report = database.ingest(
                inputs,
                overrides,
                workers=workers,
                max_bytes=int(max_mb * MB),
                timeout=timeout,
                progress=advance,
                before_store=lambda: migrate_db(database, db),
                update_metadata=update_metadata,
                bulk=bulk,
                on_store=advance.storing if bulk else None,  # its transactions are long
            )
        except KeyboardInterrupt:
            progress.stop()
            err().print("Interrupted: what was stored is complete; run again to resume.")
            raise typer.Exit(130) from None
    for warning in report.warnings:
        err().print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    for _label, reason in report.failed:
        err().print(f"[red]failed:[/] {escape(reason)}", highlight=False)
    for source, stored in report.duplicate_of[:SHOWN_DUPLICATES]:
        err().print(f"already stored: {escape(source)} (same text as {escape(stored)})")
    if len(report.duplicate_of) > SHOWN_DUPLICATES:
        err().print(f"… and {len(report.duplicate_of) - SHOWN_DUPLICATES} more already stored")
    err().print(
        f"{report.added} article(s) added with {report.quotations} quotation(s), "
        f"{report.duplicates} already stored"
        + (f" ({report.updated} with their metadata updated)" if update_metadata else "")
        + f", {len(report.failed)} failed "
        f"({database.description})",
        highlight=False,
    )
    if not report.ok:
        raise typer.Exit(1)


SHOWN_DUPLICATES = 20  # duplicates named one by one; a re-ingested archive gets a count


READING = "Ingesting"


class Advance:
    """Moves the progress bar by each input's bytes, redrawn at most every REFRESH_SECONDS;
    while the writer stores a long transaction (``storing``), its description says how far
    it is, since the bar, which follows the reading, stands still meanwhile."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self.progress, self.task, self.last = progress, task, 0.0

    def __call__(self, step: api.Step) -> None:
        done = int(self.progress.tasks[0].fields["articles"]) + step.article
        self.progress.update(self.task, advance=step.size, articles=done, description=READING)
        self._refresh()

    def storing(self, where: api.Storing) -> None:
        if where.indexing:
            said = "Updating the search indexes"
        else:
            said = f"Storing {where.done:,} of {where.of:,}"
        self.progress.update(self.task, description=said)
        self._refresh(now=where.indexing or where.done == 0)

    def _refresh(self, *, now: bool = False) -> None:
        clock = time.monotonic()
        if now or clock - self.last > REFRESH_SECONDS:
            self.last = clock
            self.progress.refresh()


@user_errors
def reextract(
    outdated: Annotated[
        bool, typer.Option("--outdated", help="Only articles extracted by another version.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Re-run the current extractor over stored articles, then replay the corrections."""
    database = open_db(db)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(bar_width=BAR_WIDTH),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    console = err()
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task("Re-extracting", total=None)

        def step(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        result = database.reextract(outdated=outdated, progress=step)
    err().print(
        f"Re-extracted {result.articles} article(s) with extractor {result.extractor}: "
        f"{result.quotations} quotation(s), {result.kept} with the id they had; "
        f"{len(result.vanished)} vanished"
        + (f" (ids {ids_listed(result.vanished)})." if result.vanished else "."),
        highlight=False,
    )


def ids_listed(ids: tuple[int, ...], most: int = 50) -> str:
    """The first ``most`` ids, and how many more."""
    shown = ", ".join(map(str, ids[:most]))
    return shown + (f", ... ({len(ids) - most} more)" if len(ids) > most else "")
