"""Quotations by speaker, outlet, dates, kind or article, and the list of speakers
(phrase search: :mod:`quotedb.read.search`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotedb.db.models import Quotation, Speaker
from quotedb.read.filters import Filter, chronological_quotations


def find_quotes(session: Session, f: Filter) -> list[Quotation]:
    """The filter's quotations, oldest first."""
    return list(session.scalars(chronological_quotations(session, f)).unique())


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    id: int
    name: str
    kind: str
    quotations: int


def list_speakers(session: Session, kind: str | None = None) -> list[SpeakerCount]:
    n = func.count(Quotation.id)
    stmt = (
        select(Speaker.id, Speaker.name, Speaker.kind, n)
        .join(Quotation, Quotation.speaker_id == Speaker.id)
        .group_by(Speaker.id, Speaker.name, Speaker.kind)
        .order_by(n.desc(), Speaker.name)
    )
    if kind:
        stmt = stmt.where(Speaker.kind == kind)
    return [SpeakerCount(*row) for row in session.execute(stmt)]
