"""The quotation record read from the database (ORM objects or a Core row), with the
search and ``who`` hits built on it; the record's shape itself is in
:mod:`quotedb.read.shapes`, which extraction uses without SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, Join, bindparam, select

from quotedb.db.models import Article, Quotation, Speaker
from quotedb.read.shapes import (
    ArticleRecord,
    QuotationRecord,
    article_label,
    extracted_record,
    file_name,
)

__all__ = [
    "RECORD_COLUMNS",
    "RECORD_ROWS",
    "ArticleRecord",
    "QuotationRecord",
    "SearchHit",
    "WhoHit",
    "article_label",
    "extracted_record",
    "file_name",
    "quotation_record",
    "record_join",
    "records_by_id",
]


@dataclass(frozen=True, slots=True)
class SearchHit(QuotationRecord):
    """A search match: the quotation's record, its score (higher is better) and the
    quotation's text with each match between marks."""

    score: float = 0.0
    snippet: str = ""
    context: str | None = None  # the paragraph's matching window (``search --context``)

    def to_dict(self) -> dict[str, Any]:
        found = {"score": self.score, "snippet": self.snippet}
        return (
            QuotationRecord.to_dict(self)
            | found
            | ({"context": self.context} if self.context is not None else {})
        )


@dataclass(frozen=True, slots=True)
class WhoHit(QuotationRecord):
    """A candidate of ``who``: the record, its 0-100 similarity to the remembered words,
    and what it attests of them (see :mod:`quotedb.read.verdicts`)."""

    similarity: float = 0.0
    verdict: str = ""
    # The same speaker's renderings in other languages (id, language, text, shared anchors),
    # or why none is given.
    renderings: tuple[dict[str, Any], ...] = ()
    renderings_note: str | None = None
    renderings_untold: bool = False  # quoted in other languages; which renders it, unknown

    def to_dict(self) -> dict[str, Any]:
        extra = {
            "similarity": self.similarity,
            "verdict": self.verdict,
            "renderings": list(self.renderings),
            "renderings_note": self.renderings_note,
        }
        return QuotationRecord.to_dict(self) | extra


def quotation_record(q: Quotation) -> dict[str, Any]:
    """A stored quotation's record as JSON data."""
    return QuotationRecord.of(q).to_dict()


_q, _a, _s = Quotation.__table__.c, Article.__table__.c, Speaker.__table__.c
# What QuotationRecord.of reads, as one Core query: loading ORM objects (with their
# article and speaker joined) costs a search more than finding its matches.
RECORD_COLUMNS = (
    _q.id, _q.start, _q.end, _q.text, _q.kind, _s.name, _s.kind.label("speaker_kind"),
    _q.speaker_mention, _q.speaker_start, _q.speaker_end, _q.cue, _q.confidence,
    _q.cluster_id, _a.id.label("article_id"), _a.title, _a.outlet, _a.published, _a.url,
    _a.authors, _a.source_path, _a.content_hash, _a.language,
)  # fmt: skip


def record_join(
    source: FromClause,
    quotation_id: ColumnElement[int],
    article_on: ColumnElement[bool] | None = None,
) -> Join:
    """``source`` joined with the quotation of ``quotation_id``, its article (on
    ``article_on``, by default its id) and speaker: what ``RECORD_COLUMNS`` are selected
    from."""
    joined = (
        source
        if source is Quotation.__table__
        else source.join(Quotation.__table__, _q.id == quotation_id)
    )
    on = _a.id == _q.article_id if article_on is None else article_on
    return joined.join(Article.__table__, on).outerjoin(Speaker.__table__, _s.id == _q.speaker_id)


RECORD_ROWS = (
    select(*RECORD_COLUMNS)
    .select_from(record_join(Quotation.__table__, _q.id))
    .where(_q.id.in_(bindparam("ids", expanding=True)))
)


def records_by_id(connection: Connection, ids: list[int]) -> dict[int, QuotationRecord]:
    """The records of these quotations, by id, read without the ORM."""
    if not ids:
        return {}
    return {r.id: QuotationRecord.of_row(r) for r in connection.execute(RECORD_ROWS, {"ids": ids})}
