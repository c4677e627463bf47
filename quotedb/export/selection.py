"""Which quotations an export holds: by speaker, phrase, article, outlet, dates, kind."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from quotedb.db.models import Quotation
from quotedb.read.filters import Filter
from quotedb.read.quotations import find_quotes, quotation_records
from quotedb.read.records import QuotationRecord
from quotedb.read.search import search_quotations, search_records


def select_quotations(session: Session, f: Filter, phrase: str | None = None) -> list[Quotation]:
    """Matches of ``phrase`` best first, else every selected quotation, oldest first."""
    return search_quotations(session, phrase, f) if phrase else find_quotes(session, f)


def select_records(
    session: Session, f: Filter, phrase: str | None = None
) -> Iterable[QuotationRecord]:
    """The same selection as records: matches of ``phrase`` best first, else streamed in
    the listing's order (an index's, so no sort of the whole join)."""
    return search_records(session, phrase, f) if phrase else quotation_records(session, f)
