"""Re-extraction: a stored article's quotations replaced by the current extractor's."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quotedb.core import EXTRACTOR_VERSION, QuoteKind, extract
from quotedb.db.models import Article
from quotedb.store import cache, clusters
from quotedb.store.articles import store_quotations


def reextract(session: Session, article: Article) -> int:
    """Replace the article's quotations, then replay its corrections; the new count."""
    old_clusters = {q.cluster_id for q in article.quotations}
    article.quotations.clear()
    session.flush()
    clusters.prune(session, old_clusters)
    cache.reset(session)  # the names the old rows gave their speakers
    store_quotations(
        session, article, [q for q in extract(article.text) if q.kind is not QuoteKind.TERM]
    )
    article.extractor_version = EXTRACTOR_VERSION
    return len(article.quotations)
