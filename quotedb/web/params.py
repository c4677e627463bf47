"""The query parameters every listing takes, with their limits: the CLI's filters under the
CLI's names, checked before a query runs (a bad value is a 422, never a 500)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import HTTPException, Query

MAX_QUERY = 500  # characters of a search or `who` text
MAX_NAME = 300  # characters of a name or outlet
MAX_PAGE = 200  # rows of one page
MAX_OFFSET = 10_000  # how deep paging goes
DEFAULT_PAGE = 20

Text = Annotated[str | None, Query(max_length=MAX_QUERY, description="Words or a phrase.")]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]
Day = Annotated[
    str | None, Query(max_length=40, description="A date: 2022-01-18, 18 Jan 2022, 2022-01, 2022.")
]
Confidence = Annotated[
    float | None, Query(ge=0.0, le=1.0, description="Only attributions at least this likely.")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Shown = Annotated[  # rows before a cursor's page: numbers its rows, reads nothing
    int, Query(ge=0, le=2**63 - 1, description="How many rows came before this page.")
]
Cursor = Annotated[
    str | None,
    Query(max_length=40, description="Start after this cursor (a page's `next`): no depth limit."),
]


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of a listing, as ``quotedb.api`` takes them."""

    by: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    quote_kind: str | None = None
    speaker_kind: str | None = None
    min_confidence: float | None = None

    def api(self) -> dict[str, Any]:
        """The keyword arguments of ``quotedb.api`` reads (its ``Select``)."""
        return {
            "by": self.by,
            "outlet": self.outlet,
            "since": self.since,
            "until": self.until,
            "quote_kind": self.quote_kind,
            "speaker_kind": self.speaker_kind,
            "min_confidence": self.min_confidence,
        }

    def query(self) -> dict[str, str]:
        """The filters given, as query-string values (for links that keep them)."""
        values = {
            "by": self.by,
            "outlet": self.outlet,
            "since": self.since,
            "until": self.until,
            "quote_kind": self.quote_kind,
            "speaker_kind": self.speaker_kind,
            "min_confidence": None if self.min_confidence is None else f"{self.min_confidence:g}",
        }
        return {k: v for k, v in values.items() if v}


def filters(
    by: Name = None,
    outlet: Name = None,
    since: Day = None,
    until: Day = None,
    quote_kind: Annotated[
        str | None, Query(max_length=20, description="direct, partial or term")
    ] = None,
    kind: Annotated[str | None, Query(max_length=20, description="quote_kind's old name")] = None,
    speaker_kind: Annotated[
        str | None,
        Query(
            max_length=20,
            description="person, organization, unnamed, document, unknown or validated",
        ),
    ] = None,
    min_confidence: Confidence = None,
) -> Filters:
    """The filters of a request (a FastAPI dependency), as the CLI names them; strings
    with control characters, which no name holds and some databases refuse, are a 422.
    The API checks the rest (a kind it does not know, a date it cannot read: 400)."""
    for value in (by, outlet, since, until, quote_kind, kind, speaker_kind):
        printable(value)
    return Filters(  # a field left blank in a form, or holding only spaces: no filter
        _given(by),
        _given(outlet),
        _given(since),
        _given(until),
        _given(quote_kind) or _given(kind),
        _given(speaker_kind),
        min_confidence,
    )


def _given(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def printable(value: str | None) -> str | None:
    """``value`` unless it holds a control character (a 422 then)."""
    if value is not None and any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        raise HTTPException(422, "a parameter holds a control character")
    if value is not None and any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise HTTPException(422, "a parameter holds an unpaired surrogate")
    return value
