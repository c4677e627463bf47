"""Writers for the export formats."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from quotedb.db.models import Quotation
from quotedb.export.citation import safe_url
from quotedb.export.records import RECORD_FIELDS, flat_record
from quotedb.read.records import QuotationRecord

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_jsonl(records: Iterable[QuotationRecord], out: TextIO) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: never the start of a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(records: Iterable[QuotationRecord], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in records:
        writer.writerow({k: safe_cell(v) for k, v in flat_record(r).items()})
        n += 1
    return n


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Text that Markdown shows as typed."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown_source(q: Quotation) -> str:
    a = q.article
    parts = [f"**{md(q.speaker.name)}**" if q.speaker else "Unknown speaker"]
    if a.title:
        parts.append(f"*{md(a.title)}*")
    parts += [md(x) for x in (a.outlet, a.published.isoformat() if a.published else None) if x]
    line = ", ".join(parts)
    url = safe_url(a.url)  # http(s) only, nothing in it that ends the link
    return f"{line} <{url}>" if url else line


def write_markdown(groups: Sequence[tuple[str, Sequence[Quotation]]], out: TextIO) -> int:
    """A readable list: each quotation as a block quote with its speaker and article."""
    out.write("# Quotations\n")
    n = 0
    for label, quotations in groups:
        if label:
            out.write(f"\n## {md(label)}\n")
        for q in quotations:
            out.write(f"\n> “{md(q.text)}”\n>\n> — {markdown_source(q)}\n")
            n += 1
    return n
