"""Any listing's records (quotations, hits, people, articles, outlets, statements) as
JSON, JSON Lines or CSV: the same data a table shows, for programs and spreadsheets."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from quotedb.export.formats import safe_cell

LISTING_FORMATS = ("json", "jsonl", "csv")


def flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested records lifted to the top (``article`` -> ``article_title``, ...), lists
    joined with "; ": one CSV row per record."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row |= flat(value, f"{name}_")
        elif isinstance(value, list | tuple):
            row[name] = "; ".join(
                json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value
            )
        else:
            row[name] = value
    return row


def write_listing(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write the rows in ``fmt`` (json, jsonl, csv); how many were written."""
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        flats = [flat(r) for r in rows]
        names = list(dict.fromkeys(k for r in flats for k in r))
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for r in flats:
            writer.writerow({k: safe_cell(v) for k, v in r.items()})
    else:
        raise ValueError(f"not a listing format: {fmt}")
    return len(rows)
