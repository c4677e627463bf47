"""One listing behind the search page, its ``.json``/``.csv`` and ``GET /api/quotations``:
which ``quotedb.api`` read answers a request, one page of its records, and facet counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from quotedb.api import Database, next_cursor
from quotedb.errors import QueryError
from quotedb.web.params import Filters
from quotedb.web.render import record, records

FACET_WINDOW = 200  # facets count the best (or oldest) this many matches
BANDS = (("high", 0.9), ("medium", 0.6), ("low", 0.0))  # confidence bands, lower bounds


class Mode(StrEnum):
    words = "words"  # full-text search of the quotations
    context = "context"  # ... of the paragraph around them
    who = "who"  # who said this? closest attested quotations, and a verdict


@dataclass(slots=True)
class Page:
    records: list[dict[str, Any]]
    offset: int
    limit: int
    more: bool  # is there a next page?
    window: int  # how many matches the facets counted
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    verdict: dict[str, Any] | None = None  # who: was it said, and by whom?
    next: str | None = None  # the listing's (no search) cursor of the next page


@dataclass(frozen=True, slots=True)
class Marks:
    """How a page wants matches marked: between ``marks``, the rest through ``escape``."""

    escape: Callable[[str], str] = str
    marks: tuple[str, str] = ("**", "**")


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
    marks: Marks | None = None,
    after: str | None = None,
    counted: bool = True,
) -> Page:
    """One page of matches (of everything, oldest first, without ``q``) with facets over
    the first matches. One read when the page lies inside that window, else two. The
    listing without ``q`` also gives the next page's cursor, and ``after`` starts at one
    (a search is ranked: it pages by offset); ``counted`` False: no facets for it."""
    if not q:
        return _browsed(db, f, limit, offset, after, counted)
    if after is not None:
        raise QueryError("a cursor pages the listing: page a search with offset")
    how = marks or Marks()
    # `who` weighs each candidate: it reads the page alone, its facets count the page
    size = offset + limit + 1 if mode is Mode.who else FACET_WINDOW
    if offset + limit + 1 <= size:
        window, verdict = _read(db, q, mode, f, size, 0, how)
        rows = window[offset : offset + limit + 1]
    else:
        rows, verdict = _read(db, q, mode, f, limit + 1, offset, how)
        window, _ = _read(db, q, mode, f, FACET_WINDOW, 0, how)
    return Page(
        rows[:limit], offset, limit, len(rows) > limit, len(window), facets(window), verdict
    )


def _browsed(
    db: Database, f: Filters, limit: int, offset: int, after: str | None, counted: bool
) -> Page:
    """A page of the listing, read by keyset from ``after`` when given (any depth at the
    cost of the first page), with the cursor of the next; facets count its first rows."""
    select = f.api()
    first = db.quotes(limit=FACET_WINDOW, **select) if counted else []
    if counted and after is None and offset + limit + 1 <= FACET_WINDOW:
        found = first[offset : offset + limit + 1]
    else:
        found = db.quotes(after=after, limit=limit + 1, offset=offset, **select)
    shown, more = found[:limit], len(found) > limit
    window = records(first)
    cursor = next_cursor(shown) if more else None
    return Page(records(shown), offset, limit, more, len(window), facets(window), None, cursor)


def _read(
    db: Database, q: str, mode: Mode, f: Filters, limit: int, offset: int, how: Marks
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Records of one read, and the verdict of a ``who``."""
    select = f.api() | {"limit": limit, "offset": offset}
    if mode is Mode.who:
        answer = record(db.attest(q, **select))
        return answer.pop("hits"), answer
    found = db.search(q, context=mode is Mode.context, marks=how.marks, escape=how.escape, **select)
    return records(found), None


def _kind(r: dict[str, Any]) -> str:
    return str(r.get("speaker_kind") or "unknown")


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
