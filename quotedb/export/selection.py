"""Which quotations an export holds: by speaker, phrase, article, outlet, dates, kind."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quotedb.db.models import Quotation
from quotedb.read.filters import Filter
from quotedb.read.quotations import find_quotes
from quotedb.read.search import search_quotations


def select_quotations(session: Session, f: Filter, phrase: str | None = None) -> list[Quotation]:
    """Matches of ``phrase`` best first, else every selected quotation, oldest first."""
    return search_quotations(session, phrase, f) if phrase else find_quotes(session, f)
