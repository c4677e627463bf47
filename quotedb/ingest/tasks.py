"""Units of extraction work, small enough to ship to a worker process and back.

A task is a file to read, or a run of JSON Lines already read (so that a dump of millions
of articles streams through in bounded memory). Working on a task never touches the
database: it yields documents with their quotations, or failures, in input order.
"""

from __future__ import annotations

import io
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO

from quotedb.core import Quotation, QuoteKind
from quotedb.core.languages.detect import detect_language
from quotedb.errors import InputError
from quotedb.ingest.documents import Document, Metadata, Source, open_regular
from quotedb.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from quotedb.ingest.read import (
    Pending,
    pending_lines,
    pending_source,
    read_bytes,
    settle,
    too_large,
)
from quotedb.ingest.subjects import complete_surnames
from quotedb.store.prepare import Prepared, prepare

LINES_PER_TASK = 64
BYTES_PER_TASK = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileTask:
    source: Source
    data: bytes | None = None  # read already (stdin: workers cannot read it)


@dataclass(frozen=True, slots=True)
class LinesTask:
    label: str
    first: int  # line number of lines[0], counting from 1
    lines: list[bytes]


Task = FileTask | LinesTask


@dataclass(frozen=True, slots=True)
class Options:
    overrides: Metadata | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    terms: bool = False  # keep scare quotes and titles
    timeout: float | None = DEFAULT_TIMEOUT  # seconds of extraction per article
    for_store: bool = False  # also prepare what the database writer needs (ingest)
    pair_texts: bool = True  # ... with the SQLite pair index's texts (not for PostgreSQL)
    language: str | None = None  # every article's language, whatever it reads as


@dataclass(slots=True)
class Extracted:
    doc: Document
    quotations: list[Quotation]
    size: int = 0  # input bytes it stood for, for progress
    prepared: Prepared | None = None  # for the store, worked out here rather than by the writer

    @property
    def stored(self) -> list[Quotation] | Prepared:
        return self.prepared or self.quotations


@dataclass(slots=True)
class Failed:
    label: str
    reason: str
    size: int = field(default=0)


Outcome = Extracted | Failed


def tasks_for(sources: Iterable[Source | InputError], max_bytes: int) -> Iterator[Task | Failed]:
    """Tasks in input order; JSON Lines are cut into runs as they are read."""
    for source in sources:
        if isinstance(source, InputError):
            yield Failed("", str(source))
        elif source.path is None:
            yield from _stdin_tasks(source, max_bytes)
        elif source.kind == "jsonl":
            try:
                stream = open_regular(source.path, source.label)
            except InputError as exc:
                yield Failed(source.label, str(exc))
                continue
            with stream:
                yield from _line_tasks(source.label, stream, max_bytes)
        else:
            yield FileTask(source)


def _stdin_tasks(source: Source, max_bytes: int) -> Iterator[Task | Failed]:
    """JSON Lines when stdin's first character opens an object; else one article."""
    stream = sys.stdin.buffer
    if not isinstance(stream, io.BufferedReader):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type, unused-ignore]
    head = stream.peek(1 << 16).lstrip(b"\xef\xbb\xbf \t\r\n")
    if source.kind == "jsonl" or head.startswith(b"{"):
        yield from _line_tasks(source.label, stream, max_bytes)
        return
    try:
        yield FileTask(source, read_bytes(source, max_bytes, stream))
    except InputError as exc:
        yield Failed(source.label, str(exc))


def _line_tasks(label: str, stream: BinaryIO, max_bytes: int) -> Iterator[LinesTask | Failed]:
    """Runs of lines as they are read: memory holds a run, never the whole stream."""
    batch: list[bytes] = []
    first, size = 1, 0
    for number, (line, length) in enumerate(_bounded_lines(stream, max_bytes), start=1):
        if line is not None:
            batch.append(line)
            size += length
        if batch and (line is None or len(batch) >= LINES_PER_TASK or size >= BYTES_PER_TASK):
            yield LinesTask(label, first, batch)
            batch, size = [], 0
        if line is None:
            where = f"{label}:{number}"
            yield Failed(where, too_large(where, length, max_bytes), length)
        if not batch:
            first = number + 1
    if batch:
        yield LinesTask(label, first, batch)


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """Each line with its length; a line over ``max_bytes`` comes as None and is skipped
    in pieces, never held whole (a stream without newlines may never end)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes:
            yield line, len(line)
            continue
        length = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(max_bytes + 1)):
            length += len(line)
        yield None, length


def work(task: Task, options: Options) -> list[Outcome]:
    """Read and extract one task; every problem becomes a :class:`Failed`, never a raise."""
    if isinstance(task, LinesTask):
        items: Iterator[Pending | InputError] = pending_lines(
            task.lines, task.label, task.first, options.overrides
        )
        size = sum(len(line) for line in task.lines)
    else:
        label = task.source.label
        try:
            with time_limit(options.timeout):
                data = task.data
                if data is None:
                    data = read_bytes(task.source, options.max_bytes)
        except InputError as exc:
            return [Failed(label, str(exc))]
        except ExtractionTimeout:
            return [Failed(label, f"{label}: reading took over {options.timeout:g} s")]
        items = pending_source(data, task.source, options.overrides)
        size = len(data)
    outcomes: list[Outcome] = []
    try:
        outcomes.extend(_outcome(item, options) for item in items)
    except Exception as exc:  # a reader's bug must cost this input, not the run
        label = task.label if isinstance(task, LinesTask) else task.source.label
        outcomes.append(Failed(label, f"{label}: cannot read it ({exc!r})"))
    if outcomes:
        outcomes[-1].size = size
    return outcomes


class ExtractionTimeout(BaseException):
    """Not an Exception: the readers' broad handlers (an HTML parser's) must let it through."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (the regex engine checks for signals too).

    Only where a timer signal can be had: Unix, the main thread (as in worker processes).
    """
    main = threading.current_thread() is threading.main_thread()
    if not seconds or not hasattr(signal, "setitimer") or not main:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise ExtractionTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _outcome(item: Pending | InputError, options: Options) -> Outcome:
    """One article read, its metadata inferred and its quotations extracted, all inside
    the time limit: a slow stage costs this article, never the run."""
    if isinstance(item, InputError):
        return _failed(item)
    where = item.where
    try:
        with time_limit(options.timeout):
            parsed = settle(item)
            if isinstance(parsed, InputError):
                return _failed(parsed)
            where = parsed.doc.source
            language = settle_language(parsed.doc, options.language)
            quotations = parsed.quotations
            if quotations is None:
                quotations = extract_quotations(parsed.doc.text, options.terms, language)
                quotations = complete_surnames(
                    parsed.doc.text, quotations, parsed.doc.meta.subjects
                )
            if options.for_store:
                return _for_store(parsed.doc, quotations, options.pair_texts)
    except ExtractionTimeout:
        return Failed(where, f"{where}: extraction took over {options.timeout:g} s (see --timeout)")
    except RecursionError:
        return Failed(where, f"{where}: text nested too deeply to extract")
    except Exception as exc:  # a bug in extraction must cost one article, not the run
        return Failed(where, f"{where}: extraction failed ({exc!r})")
    return Extracted(parsed.doc, quotations)


def _failed(error: InputError) -> Failed:
    return Failed(str(error).split(": ", 1)[0], str(error))


def _for_store(doc: Document, quotations: list[Quotation], pair_texts: bool) -> Extracted:
    """Extracted, with what the writer would otherwise work out itself, one process for all."""
    prepared = prepare(doc.text, quotations, pairs=pair_texts)
    return Extracted(doc, prepared.quotations, prepared=prepared)


def extract_quotations(
    text: str, terms: bool = False, language: str | None = None
) -> list[Quotation]:
    # Imported here: commands that only read the database import this module too.
    from quotedb.core.pipeline import extract

    return [q for q in extract(text, language) if terms or q.kind is not QuoteKind.TERM]


def settle_language(doc: Document, override: str | None = None) -> str:
    """The document's language, kept on its metadata: the override, else what the input
    declared, else what its text reads as (English when it cannot tell)."""
    found = override or doc.meta.language or detect_language(doc.text) or "en"
    doc.meta.language = found
    return found


Worker = Callable[[Task], list[Outcome]]
