"""Turning a source into documents: bytes, decoding, front matter, HTML, JSON records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from quotedb.core import Quotation
from quotedb.errors import InputError
from quotedb.ingest.documents import Document, Metadata, Source, metadata_from_mapping
from quotedb.ingest.encoding import decode
from quotedb.ingest.infer import infer_metadata
from quotedb.ingest.records import (
    carried_quotations,
    document_from_record,
    parse_json_line,
)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a long article is 100 kB; a book, 1 MB


@dataclass(slots=True)
class Parsed:
    """A document, with the quotations its record carried (``None``: extract them)."""

    doc: Document
    quotations: list[Quotation] | None = None


def read_bytes(
    source: Source, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> bytes:
    if source.path is None:
        data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
    else:
        try:
            size = source.path.stat().st_size
            if size > max_bytes:
                raise InputError(too_large(source.label, size, max_bytes))
            data = source.path.read_bytes()
        except OSError as exc:
            raise InputError(f"{source.label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(too_large(source.label, len(data), max_bytes))
    return data


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
    """Every article in a file's bytes; a bad JSON line is reported in place."""
    label = source.label
    try:
        if source.kind == "jsonl":
            yield from parse_lines(data.splitlines(), label, 1, overrides)
        elif source.kind == "json":
            yield from _parse_json(data, label, overrides)
        else:
            yield Parsed(_text_or_html(data, source, overrides))
    except InputError as exc:
        yield exc


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
    """JSON Lines: each line its own article, reported as ``label:N``."""
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            yield parse_record(parse_json_line(line, where), where, overrides)
        except InputError as exc:
            yield exc


def parse_record(record: dict[str, object], where: str, overrides: Metadata | None) -> Parsed:
    doc = document_from_record(record, where, overrides)
    doc.meta = doc.meta.merged(infer_metadata(doc.text))
    return Parsed(doc, carried_quotations(record, doc.text, where))


def _parse_json(
    data: bytes, label: str, overrides: Metadata | None
) -> Iterator[Parsed | InputError]:
    """A JSON file: one article object, a list of them, or JSON Lines after all."""
    try:
        raw = json.loads(decode(data, label))
    except ValueError:
        yield from parse_lines(data.splitlines(), label, 1, overrides)
        return
    records = raw if isinstance(raw, list) else [raw]
    for index, record in enumerate(records):
        where = f"{label}[{index}]" if isinstance(raw, list) else label
        if not isinstance(record, dict):
            yield InputError(f"{where}: not an article object")
            continue
        try:
            yield parse_record(record, where, overrides)
        except InputError as exc:
            yield exc


def split_front_matter(text: str, label: str) -> tuple[str, Metadata]:
    if not text.startswith("---\n"):
        return text, Metadata()
    import frontmatter  # only Markdown with front matter needs it (and its YAML parser)

    try:
        post = frontmatter.loads(text)
    except Exception as exc:  # the YAML parser raises many kinds
        raise InputError(f"{label}: unreadable front matter ({exc})") from None
    return str(post.content), metadata_from_mapping(dict(post.metadata), label)
