"""Turning a source into documents: bytes, decoding, front matter, HTML, JSON records."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from quotedb.core import Quotation
from quotedb.errors import InputError
from quotedb.ingest.documents import (
    Document,
    Metadata,
    Source,
    open_regular,
)
from quotedb.ingest.encoding import decode
from quotedb.ingest.front import split_front_matter
from quotedb.ingest.infer import infer_metadata
from quotedb.ingest.limits import DEFAULT_MAX_BYTES
from quotedb.ingest.records import (
    carried_quotations,
    document_from_record,
    parse_json_line,
)


@dataclass(slots=True)
class Parsed:
    """A document, with the quotations its record carried (``None``: extract them)."""

    doc: Document
    quotations: list[Quotation] | None = None


@dataclass(frozen=True, slots=True)
class Pending:
    """One article still to parse: where it is, and the parsing, which the caller runs
    (inside its time limit: front matter, a page and metadata inference take time too)."""

    where: str
    parse: Callable[[], Parsed]


def settle(item: Pending | InputError) -> Parsed | InputError:
    """Parse one article; any failure costs this article alone, reported where it is."""
    if isinstance(item, InputError):
        return item
    try:
        return item.parse()
    except InputError as exc:
        return exc
    except RecursionError:
        return InputError(f"{item.where}: nested too deeply to read")
    except Exception as exc:  # a reader's bug must cost one article, not the ones after it
        return InputError(f"{item.where}: cannot read it ({exc!r})")


def read_bytes(
    source: Source, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> bytes:
    if source.path is None:
        data = read_at_most(stdin or sys.stdin.buffer, max_bytes + 1)
    else:
        with open_regular(source.path, source.label) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise InputError(too_large(source.label, size, max_bytes))
            try:
                data = read_at_most(fh, max_bytes + 1)
            except OSError as exc:
                raise InputError(f"{source.label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(too_large(source.label, len(data), max_bytes))
    return data


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes, read a megabyte at a time: ``read(limit)`` would first set
    aside all of ``limit``, however little the stream holds."""
    chunks: list[bytes] = []
    left = limit
    while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def too_large(label: str, size: int, limit: int) -> str:
    mb = 1024 * 1024
    return f"{label}: {size / mb:.3g} MB is over the {limit / mb:.3g} MB limit (--max-mb)"


def read_document(source: Source, overrides: Metadata | None = None) -> Document:
    """The one article a text or HTML source holds; ``overrides`` beat everything else."""
    for item in parse_source(read_bytes(source), source, overrides):
        if isinstance(item, InputError):
            raise item
        return item.doc
    raise InputError(f"{source.label}: no article in it")


def parse_source(
    data: bytes, source: Source, overrides: Metadata | None = None
) -> Iterator[Parsed | InputError]:
    """Every article in a file's bytes, parsed; a bad one is reported in place."""
    return (settle(item) for item in pending_source(data, source, overrides))


def pending_source(
    data: bytes, source: Source, overrides: Metadata | None = None
) -> Iterator[Pending | InputError]:
    """Every article in a file's bytes, to parse one at a time."""
    if source.kind == "jsonl":
        yield from pending_lines(data.splitlines(), source.label, 1, overrides)
    elif source.kind == "json":
        try:
            yield from _pending_json(data, source.label, overrides)
        except InputError as exc:
            yield exc
    else:
        yield Pending(source.label, lambda: Parsed(_text_or_html(data, source, overrides)))


def _text_or_html(data: bytes, source: Source, overrides: Metadata | None) -> Document:
    label = source.label
    if source.kind == "html":
        from quotedb.ingest.html import read_html

        text, found = read_html(data, label)
    else:
        text, found = split_front_matter(decode(data, label), label)
    meta = (overrides or Metadata()).merged(source.manifest or Metadata()).merged(found)
    return Document(text=text, source=label, meta=meta.merged(infer_metadata(text)))


def parse_lines(
    lines: Iterable[bytes], label: str, first: int, overrides: Metadata | None = None
) -> Iterator[Parsed | InputError]:
    """JSON Lines, parsed: each line its own article, reported as ``label:N``."""
    return (settle(item) for item in pending_lines(lines, label, first, overrides))


def pending_lines(
    lines: Iterable[bytes], label: str, first: int, overrides: Metadata | None = None
) -> Iterator[Pending]:
    """JSON Lines: each line its own article, reported as ``label:N``."""
    for number, line in enumerate(lines, start=first):
        if line.strip():
            where = f"{label}:{number}"
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            yield Pending(where, _line_parser(line, where, overrides))


def _line_parser(line: bytes, where: str, overrides: Metadata | None) -> Callable[[], Parsed]:
    return lambda: parse_record(parse_json_line(line, where), where, overrides)


def parse_record(record: dict[str, object], where: str, overrides: Metadata | None) -> Parsed:
    doc = document_from_record(record, where, overrides)
    doc.meta = doc.meta.merged(infer_metadata(doc.text))
    return Parsed(doc, carried_quotations(record, doc.text, where))


def _pending_json(
    data: bytes, label: str, overrides: Metadata | None
) -> Iterator[Pending | InputError]:
    """A JSON file: one article object, a list of them, or JSON Lines after all."""
    try:
        raw = json.loads(decode(data, label))
    except ValueError:
        yield from pending_lines(data.splitlines(), label, 1, overrides)
        return
    except RecursionError:
        yield InputError(f"{label}: nested too deeply to read")
        return
    records = raw if isinstance(raw, list) else [raw]
    for index, record in enumerate(records):
        where = f"{label}[{index}]" if isinstance(raw, list) else label
        if not isinstance(record, dict):
            yield InputError(f"{where}: not an article object")
        else:
            yield Pending(where, _record_parser(record, where, overrides))


def _record_parser(
    record: dict[str, object], where: str, overrides: Metadata | None
) -> Callable[[], Parsed]:
    return lambda: parse_record(record, where, overrides)
