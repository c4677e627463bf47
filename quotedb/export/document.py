"""One export: a selection of quotations written in a format or a citation style."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from quotedb.db.models import Quotation
from quotedb.export.bibliography import write_bibtex, write_csl_json, write_ris
from quotedb.export.choices import CitationStyle, ExportFormat, GroupBy
from quotedb.export.citation import cite_all
from quotedb.export.formats import write_csv, write_jsonl, write_markdown
from quotedb.export.selection import select_quotations, select_records
from quotedb.export.styles import STYLES
from quotedb.read.filters import Filter
from quotedb.read.records import QuotationRecord, quotation_record

Groups = list[tuple[str, list[Quotation]]]


def group_label(q: Quotation, by: GroupBy) -> tuple[tuple[object, ...], str]:
    """(sort key, heading) of the group a quotation belongs to."""
    if by is GroupBy.speaker:
        name = q.speaker.name if q.speaker else None
        return (name is None, (name or "").casefold()), name or "Unknown speaker"
    a = q.article
    title = a.title or (a.source_path or f"Article {a.id}").rsplit("/", 1)[-1]
    return (a.published is None, a.published or "", a.id), title


def grouped(quotations: list[Quotation], by: GroupBy | None) -> Groups:
    if by is None:
        return [("", quotations)]
    groups: dict[tuple[object, ...], tuple[str, list[Quotation]]] = {}
    for q in quotations:
        key, label = group_label(q, by)
        groups.setdefault(key, (label, []))[1].append(q)
    return [groups[k] for k in sorted(groups, key=lambda k: tuple(map(str, k)))]


def write_json(groups: Groups, out: TextIO, by: GroupBy | None) -> int:
    if by is None:
        return write_json_records(map(QuotationRecord.of, groups[0][1]), out)
    data = [{"group": g, "quotations": [quotation_record(q) for q in qs]} for g, qs in groups]
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return sum(len(qs) for _, qs in groups)


def write_style(groups: Groups, out: TextIO, style: CitationStyle) -> int:
    """Quotations as cited in the style (under group headings), then the reference list."""
    name, render, heading = STYLES[style.value]
    flat = [q for _, qs in groups for q in qs]
    rendered = render(cite_all(flat))
    lines = [f"# Quotations ({name})", ""]
    i = 0
    for label, qs in groups:
        if label:
            lines += [f"## {label}", ""]
        for _ in qs:
            lines += [rendered.quotations[i], ""]
            i += 1
    if rendered.notes:
        lines += ["# Notes", "", *[x for note in rendered.notes for x in (note, "")]]
    lines += [f"# {heading}", "", *[x for ref in rendered.references for x in (ref, "")]]
    out.write("\n".join(lines).rstrip("\n") + "\n")
    return len(flat)


FLAT_WRITERS: dict[ExportFormat, Callable[[list[Quotation], TextIO], int]] = {
    ExportFormat.csv: lambda qs, out: write_csv(map(QuotationRecord.of, qs), out),
    ExportFormat.jsonl: lambda qs, out: write_jsonl(map(QuotationRecord.of, qs), out),
    ExportFormat.bibtex: lambda qs, out: write_bibtex(cite_all(qs), out),
    ExportFormat.biblatex: lambda qs, out: write_bibtex(cite_all(qs), out, biblatex=True),
    ExportFormat.ris: lambda qs, out: write_ris(cite_all(qs), out),
    ExportFormat.csl_json: lambda qs, out: write_csl_json(cite_all(qs), out),
}


def write_export(
    quotations: list[Quotation],
    out: TextIO,
    fmt: ExportFormat = ExportFormat.jsonl,
    style: CitationStyle | None = None,
    group_by: GroupBy | None = None,
    csl: Path | None = None,
) -> int:
    """Write the quotations; a CSL file, then a style, win over the format. Returns how
    many were written."""
    groups = grouped(quotations, group_by)
    if csl is not None:
        from quotedb.export.csl import write_csl_style  # citeproc-py is an optional extra

        return write_csl_style(cite_all(q for _, qs in groups for q in qs), out, csl)
    if style is not None:
        return write_style(groups, out, style)
    if fmt is ExportFormat.json:
        return write_json(groups, out, group_by)
    if fmt is ExportFormat.markdown:
        return write_markdown(groups, out)
    return FLAT_WRITERS[fmt]([q for _, qs in groups for q in qs], out)


def write_json_records(records: Iterable[QuotationRecord], out: TextIO) -> int:
    data = [r.to_dict() for r in records]
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(data)


# Formats made of the records alone, ungrouped: written from rows as they are read.
RECORD_WRITERS: dict[ExportFormat, Callable[[Iterable[QuotationRecord], TextIO], int]] = {
    ExportFormat.jsonl: write_jsonl,
    ExportFormat.csv: write_csv,
    ExportFormat.json: write_json_records,
}


@dataclass(frozen=True)
class Written:
    """What an export wrote: how many quotations, and the id of the last one in the
    listing's order (the next page starts after it; None when none was written)."""

    count: int
    last_id: int | None


class _LastSeen:
    """Records passed through as they stream, remembering the last one's id."""

    def __init__(self, records: Iterable[QuotationRecord]) -> None:
        self.records = records
        self.last_id: int | None = None

    def __iter__(self) -> Iterator[QuotationRecord]:
        for record in self.records:
            self.last_id = record.id
            yield record


def prepared_export(
    session: Session,
    f: Filter,
    phrase: str | None,
    fmt: ExportFormat = ExportFormat.jsonl,
    style: CitationStyle | None = None,
    group_by: GroupBy | None = None,
    csl: Path | None = None,
) -> Callable[[TextIO], Written]:
    """The selection made (its query run, so that a bad one fails before any file is
    opened) and what writes it. Records alone make JSON Lines, CSV and ungrouped JSON,
    streamed as they are read; citations, Markdown and groups need the quotations'
    articles (a citation's sentence comes from the text). The last id is the selection's
    last in the listing's order, whatever order groups or a style print them in."""
    if style is None and csl is None and group_by is None and fmt in RECORD_WRITERS:
        records = _LastSeen(select_records(session, f, phrase))

        def write_records(out: TextIO) -> Written:
            return Written(RECORD_WRITERS[fmt](records, out), records.last_id)

        return write_records
    rows = select_quotations(session, f, phrase)

    def write_rows(out: TextIO) -> Written:
        count = write_export(rows, out, fmt, style, group_by, csl)
        return Written(count, rows[-1].id if rows else None)

    return write_rows
