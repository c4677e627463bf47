"""Re-extraction: a stored article's quotations replaced by the current extractor's.

A quotation found again keeps its id (:mod:`quotedb.store.identity`); the ids of those
not found are retired and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.core import EXTRACTOR_VERSION, QuoteKind, extract
from quotedb.core.languages.detect import detect_language
from quotedb.db.models import Article
from quotedb.store import clusters, identity
from quotedb.store.articles import Target, store_quotations
from quotedb.store.batch import writing


@dataclass(slots=True)
class Reextracted:
    """What re-extracting articles did to their quotations."""

    quotations: int = 0  # stored now
    kept: int = 0  # of them, with the id they had
    vanished: list[int] = field(default_factory=list)  # ids no longer anyone's

    def add(self, other: Reextracted) -> None:
        self.quotations += other.quotations
        self.kept += other.kept
        self.vanished.extend(other.vanished)


def reextract(session: Session, article: Article) -> Reextracted:
    """Replace the article's quotations, keeping the ids of those found again, then replay
    its corrections."""
    with writing(session) as batch:
        stored = [identity.Known(q.id, q.start, q.end, q.text) for q in article.quotations]
        old_clusters = {q.cluster_id for q in article.quotations}
        article.quotations.clear()
        session.flush()
        clusters.prune(session, old_clusters)
        batch.rows_changed()  # the names the old rows gave their speakers
        if article.language is None:  # stored before languages were recorded
            article.language = detect_language(article.text) or "en"
        found = [q for q in extract(article.text, article.language) if q.kind is not QuoteKind.TERM]
        retired = identity.retired(session, article.content_hash)
        kept = identity.match(stored + retired, found)
        used = set(kept.values())
        identity.revive(session, [k.id for k in retired if k.id in used])
        gone = [k for k in stored if k.id not in used]
        identity.retire(session, article.content_hash, gone)
        store_quotations(batch, Target.of(article), found, fresh=False, kept=kept)
    article.extractor_version = EXTRACTOR_VERSION
    session.expire(article, ["quotations"])  # written without the ORM
    now = {q.id for q in article.quotations}
    return Reextracted(len(now), len(now & {k.id for k in stored}), [k.id for k in gone])


def article_ids(session: Session, *, outdated: bool = False) -> list[int]:
    """The stored articles to re-extract, in id order (``outdated``: only those another
    extractor version produced)."""
    stmt = select(Article.id).order_by(Article.id)
    if outdated:
        stmt = stmt.where(Article.extractor_version != EXTRACTOR_VERSION)
    return list(session.scalars(stmt))
