"""The corrections made by hand, as records a person can read: which quotation (its id
and words) or which speaker or article each one changed."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.db.models import Article, Correction, Quotation


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    """A correction; ``quotation_id`` and ``quotation`` (its words) when it is about a
    quotation (a removed one keeps its words in ``previous``)."""

    id: int
    action: str
    quotation_id: int | None
    quotation: str | None
    article_hash: str | None
    start: int | None
    end: int | None
    payload: dict[str, Any]
    previous: dict[str, Any]
    created_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def correction_record(session: Session, c: Correction) -> CorrectionRecord:
    found = _quotation(session, c)
    words = found.text if found is not None else c.previous.get("text")
    return CorrectionRecord(
        id=c.id,
        action=c.action,
        quotation_id=found.id if found is not None else None,
        quotation=words if isinstance(words, str) else None,
        article_hash=c.article_hash,
        start=c.start,
        end=c.end,
        payload=dict(c.payload),
        previous=dict(c.previous),
        created_at=c.created_at.isoformat() if c.created_at else None,
    )


def _quotation(session: Session, c: Correction) -> Quotation | None:
    if c.article_hash is None or c.start is None or c.end is None:
        return None
    stmt = (
        select(Quotation)
        .join(Article, Article.id == Quotation.article_id)
        .where(
            Article.content_hash == c.article_hash,
            Quotation.start == c.start,
            Quotation.end == c.end,
        )
    )
    return session.scalars(stmt).first()
