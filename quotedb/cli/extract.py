"""``quotedb extract``: quotations from files or streams, without a database."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.progress import Progress, TextColumn, TimeElapsedColumn

from quotedb import api
from quotedb.cli.common import err, escape, out, user_errors


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@user_errors
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Files, folders, globs, or - for stdin (text or JSON Lines).",
        ),
    ] = None,
    fmt: Annotated[
        ExtractFormat,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="jsonl (one record a line) or table."
        ),
    ] = ExtractFormat.jsonl,
    terms: Annotated[bool, typer.Option(help="Include scare quotes and titles.")] = False,
    with_article: Annotated[
        bool,
        typer.Option(
            "--with-article",
            help="One JSON line per article: its text, metadata and quotations "
            "(what `quotedb ingest` loads back without extracting again).",
        ),
    ] = False,
    stream: Annotated[
        bool | None,
        typer.Option(
            "--stream/--no-stream",
            help="Extract article by article as input arrives, in constant memory "
            "[default: on for JSON Lines, stdin and --with-article; off for files, whose "
            "speakers are then named alike across all of them].",
        ),
    ] = None,
    stdin_jsonl: Annotated[
        bool, typer.Option("--stdin-jsonl", help="Read JSON Lines articles from stdin.")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-j", min=0, metavar="N", help="Processes when streaming (0: per CPU)."
        ),
    ] = 1,
    language: Annotated[
        str | None,
        typer.Option(
            metavar="CODE",
            help="The articles' language (en, de, fr, es…) instead of detecting it.",
        ),
    ] = None,
) -> None:
    """Extract quotations and speakers from articles, without a database."""
    records = api.extract_stream(
        paths,
        stdin_jsonl=stdin_jsonl,
        terms=terms,
        stream=stream,
        with_article=with_article,
        workers=workers,
        language=language,
    )
    failed = False
    with Counting(with_article) as counting:
        for record in records:
            if isinstance(record, api.Failure):
                counting.progress.console.print(
                    f"[red]failed:[/] {escape(record.reason)}", highlight=False
                )
                failed = True
            elif with_article or fmt is ExtractFormat.jsonl:
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                print_row(record)
            counting.step(record)
    if failed:
        raise typer.Exit(1)


class Counting:
    """What has been extracted so far, on stderr when it is a terminal (stdout is data);
    redrawn by hand, never from a thread (worker processes are forked)."""

    def __init__(self, articles: bool) -> None:
        console = err()
        self.progress = Progress(
            TextColumn("Extracting {task.fields[what]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            auto_refresh=False,
            disable=not console.is_terminal,
        )
        self.articles, self.done, self.failed, self.last = articles, 0, 0, 0.0
        self.task = self.progress.add_task("extract", total=None, what="")

    def __enter__(self) -> Counting:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def step(self, record: object) -> None:
        if isinstance(record, api.Failure):
            self.failed += 1
        else:
            self.done += 1
        if (now := time.monotonic()) - self.last > 0.1:
            self.last = now
            unit = "articles" if self.articles else "quotations"
            what = f"{self.done:,} {unit}, {self.failed:,} failed"
            self.progress.update(self.task, what=what)
            self.progress.refresh()


def print_row(rec: dict[str, Any]) -> None:
    speaker = rec["speaker"] or "?"
    where = f"{rec['file']}:{rec['start']}"
    out().print(f"[bold]{escape(speaker)}[/]: “{escape(rec['text'])}”  [dim]{escape(where)}[/]")
