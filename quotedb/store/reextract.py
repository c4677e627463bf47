"""Re-extraction: a stored article's quotations replaced by the current extractor's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.core import EXTRACTOR_VERSION, QuoteKind, extract
from quotedb.db.models import Article
from quotedb.store import clusters
from quotedb.store.articles import Target, store_quotations
from quotedb.store.batch import writing


def reextract(session: Session, article: Article) -> int:
    """Replace the article's quotations, then replay its corrections; the new count."""
    with writing(session) as batch:
        old_clusters = {q.cluster_id for q in article.quotations}
        article.quotations.clear()
        session.flush()
        clusters.prune(session, old_clusters)
        batch.rows_changed()  # the names the old rows gave their speakers
        found = [q for q in extract(article.text) if q.kind is not QuoteKind.TERM]
        store_quotations(batch, Target.of(article), found, fresh=False)
    article.extractor_version = EXTRACTOR_VERSION
    session.expire(article, ["quotations"])  # written without the ORM
    return len(article.quotations)


def article_ids(session: Session, *, outdated: bool = False) -> list[int]:
    """The stored articles to re-extract, in id order (``outdated``: only those another
    extractor version produced)."""
    stmt = select(Article.id).order_by(Article.id)
    if outdated:
        stmt = stmt.where(Article.extractor_version != EXTRACTOR_VERSION)
    return list(session.scalars(stmt))
