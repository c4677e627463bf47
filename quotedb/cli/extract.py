"""``quotedb extract``: quotations from files or streams, without a database."""

import json
from enum import StrEnum
from typing import Annotated

import typer

from quotedb.cli.common import err, escape, out, user_errors
from quotedb.core import Quotation, QuoteKind, extract_corpus
from quotedb.core.utterances import cluster_labels
from quotedb.errors import InputError
from quotedb.ingest.documents import STDIN, Document, Source, discover
from quotedb.ingest.parallel import auto_workers, run
from quotedb.ingest.read import read_document
from quotedb.ingest.records import article_record
from quotedb.ingest.tasks import Extracted, Options, tasks_for


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def read_all(sources: list[Source | InputError]) -> tuple[list[Document], list[str]]:
    docs: list[Document] = []
    failures: list[str] = []
    for source in sources:
        if isinstance(source, InputError):
            failures.append(str(source))
            continue
        try:
            docs.append(read_document(source))
        except InputError as exc:
            failures.append(str(exc))
    return docs, failures


def _emit(
    doc: Document,
    quotations: list[Quotation],
    fmt: ExtractFormat,
    terms: bool,
    clusters: list[str | None] | None = None,
) -> None:
    """One article's quotations; ``clusters``: a same-utterance label per quotation."""
    from quotedb.read.records import extracted_record, file_name

    name = file_name(doc.source) or doc.source
    labels = clusters if clusters is not None else [None] * len(quotations)
    for q, label in zip(quotations, labels, strict=True):
        if q.kind is QuoteKind.TERM and not terms:
            continue
        rec = extracted_record(name, q, label)
        if fmt is ExtractFormat.jsonl:
            typer.echo(json.dumps(rec, ensure_ascii=False))
        else:
            speaker = rec["speaker"] or "?"
            where = f"{rec['file']}:{q.start}"
            out.print(f"[bold]{escape(speaker)}[/]: “{escape(q.text)}”  [dim]{escape(where)}[/]")


def _streamed(
    sources: list[Source | InputError],
    options: Options,
    workers: int,
    fmt: ExtractFormat,
    with_article: bool,
) -> list[str]:
    """Per-article extraction, written as it goes (constant memory); the failures' reasons."""
    failures: list[str] = []
    for outcome in run(tasks_for(sources, options.max_bytes), options, workers):
        if not isinstance(outcome, Extracted):
            err.print(f"[red]failed:[/] {escape(outcome.reason)}", highlight=False)
            failures.append(outcome.reason)
        elif with_article:
            record = article_record(outcome.doc, outcome.quotations)
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            _emit(outcome.doc, outcome.quotations, fmt, options.terms)
    return failures


@user_errors
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, globs, or - for stdin (text or JSON Lines)."),
    ] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
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
        int, typer.Option("--workers", "-j", min=0, help="Processes when streaming (0: per CPU).")
    ] = 1,
) -> None:
    """Extract quotations and speakers from articles, without a database."""
    if not paths and not stdin_jsonl:
        raise InputError("nothing to read: give files, folders, globs, - or --stdin-jsonl")
    inputs = paths or [STDIN]
    sources = [
        Source(None, kind="jsonl")
        if stdin_jsonl and isinstance(s, Source) and s.path is None
        else s
        for s in discover(inputs)
    ]
    if stream is None:
        stream = with_article or any(_streams(s) for s in sources)
    if stream:
        options = Options(terms=terms)
        failures = _streamed(sources, options, workers or auto_workers(), fmt, with_article)
    else:
        docs, failures = read_all(sources)
        results = extract_corpus([d.text for d in docs])
        for doc, quotations, labels in zip(docs, results, cluster_labels(results), strict=True):
            _emit(doc, quotations, fmt, terms, labels)
        for reason in failures:
            err.print(f"[red]failed:[/] {escape(reason)}", highlight=False)
    if failures:
        raise typer.Exit(1)


def _streams(source: Source | InputError) -> bool:
    return isinstance(source, Source) and (source.path is None or source.kind in ("jsonl", "json"))


def register(app: typer.Typer) -> None:
    app.command()(extract)
