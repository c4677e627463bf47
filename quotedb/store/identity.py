"""Quotation ids that outlive re-extraction: a quotation found again keeps its id.

A new extraction's quotation takes the id of the stored one at the same span, else of one
with the same text, else of the one it overlaps most (at least half the shorter span); each
old id goes to one quotation at most. Ids left over are retired (``retired_quotations``):
never given to another quotation, given back should a later extraction find theirs again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from quotedb.core import Quotation
from quotedb.db.models import RETIRED


@dataclass(frozen=True, slots=True)
class Known:
    """A quotation that had an id: stored before re-extraction, or retired."""

    id: int
    start: int
    end: int
    text: str


def _overlap(a: Known, q: Quotation) -> int:
    return max(0, min(a.end, q.end) - max(a.start, q.start))


def match(old: Sequence[Known], new: Sequence[Quotation]) -> dict[int, int]:
    """Old ids for the new quotations (index in ``new`` -> id), each id used once."""
    found: dict[int, int] = {}
    free = {k.id: k for k in old}
    tiers = (
        lambda k, q: (k.start, k.end) == (q.start, q.end),
        lambda k, q: k.text == q.text,
        lambda k, q: 2 * _overlap(k, q) >= min(k.end - k.start, q.end - q.start) > 0,
    )
    for same in tiers:
        for i, q in enumerate(new):
            if i in found:
                continue
            fits = [k for k in free.values() if same(k, q)]
            if fits:
                best = max(fits, key=lambda k: (_overlap(k, q), -k.id))
                found[i] = best.id
                del free[best.id]
    return found


def retired(session: Session, article_hash: str) -> list[Known]:
    stmt = select(RETIRED.c.id, RETIRED.c.start, RETIRED.c.end, RETIRED.c.text)
    stmt = stmt.where(RETIRED.c.article_hash == article_hash).order_by(RETIRED.c.id)
    return [Known(*row) for row in session.execute(stmt)]


def retire(session: Session, article_hash: str, gone: Iterable[Known]) -> None:
    rows = [
        {"id": k.id, "article_hash": article_hash, "start": k.start, "end": k.end, "text": k.text}
        for k in gone
    ]
    if rows:
        session.execute(insert(RETIRED), rows)


def revive(session: Session, ids: Iterable[int]) -> None:
    """Retired ids given back to their quotations: no longer retired."""
    if ids := sorted(ids):
        session.execute(delete(RETIRED).where(RETIRED.c.id.in_(ids)))
