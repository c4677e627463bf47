"""One listing behind the search page, its ``.json``/``.csv`` and ``GET /api/quotations``:
which ``quotedb.api`` read answers a request, one page of its records, and facet counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from quotedb.api import Database
from quotedb.web.params import Filters
from quotedb.web.render import records

FACET_WINDOW = 200  # facets count the best (or oldest) this many matches
BANDS = (("high", 0.9), ("medium", 0.6), ("low", 0.0))  # confidence bands, lower bounds


class Mode(StrEnum):
    words = "words"  # full-text search of the quotations
    context = "context"  # ... and of the paragraph around them
    who = "who"  # who said this? closest attested quotations


@dataclass(slots=True)
class Page:
    records: list[dict[str, Any]]
    offset: int
    limit: int
    more: bool  # is there a next page?
    window: int  # how many matches the facets counted
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def band(confidence: float) -> str:
    return next(name for name, low in BANDS if confidence >= low)


def listing(
    db: Database,
    q: str | None,
    mode: Mode,
    f: Filters,
    *,
    limit: int,
    offset: int,
    escape: Callable[[str], str] = str,
    marks: tuple[str, str] = ("**", "**"),
) -> Page:
    """One page of matches (of everything, oldest first, without ``q``) with facets."""
    window = max(FACET_WINDOW, offset + limit + 1)
    rows = _read(db, q, mode, f, window, escape, marks)
    full = len(rows) >= window
    kept = [r for r in rows if f.speaker_kind is None or _kind(r) == f.speaker_kind]
    return Page(
        kept[offset : offset + limit],
        offset,
        limit,
        len(kept) > offset + limit or (full and len(kept) == offset + limit),
        len(rows),
        facets(rows),
    )


def _read(
    db: Database,
    q: str | None,
    mode: Mode,
    f: Filters,
    window: int,
    escape: Callable[[str], str],
    marks: tuple[str, str],
) -> list[dict[str, Any]]:
    if not q:
        rows = records(db.quotes(**f.api(), limit=window))
        return [r for r in rows if f.kind is None or r["kind"] == f.kind]
    if mode is Mode.who:
        return records(db.who(q, **f.api(), kind=f.kind, limit=window))
    return records(db.search(q, **f.api(), kind=f.kind, limit=window, marks=marks, escape=escape))


def _kind(record: dict[str, Any]) -> str:
    return str(record.get("speaker_kind") or "unknown")


def facets(rows: list[dict[str, Any]]) -> dict[str, list[tuple[str, int]]]:
    """Counts per speaker, speaker kind, outlet, month and confidence band, most first."""
    counters: dict[str, Counter[str]] = {
        "speaker": Counter(r["speaker"] for r in rows if r.get("speaker")),
        "speaker_kind": Counter(_kind(r) for r in rows),
        "outlet": Counter(r["article"]["outlet"] for r in rows if r["article"].get("outlet")),
        "month": Counter(
            r["article"]["published"][:7] for r in rows if r["article"].get("published")
        ),
        "confidence": Counter(band(r["confidence"]) for r in rows),
    }
    ordered = {k: c.most_common(12) for k, c in counters.items()}
    ordered["month"] = sorted(counters["month"].items())
    ordered["confidence"] = [(n, counters["confidence"][n]) for n, _ in BANDS]
    return ordered
