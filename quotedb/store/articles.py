"""Storing one article with its quotations (the caller owns the transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.core import EXTRACTOR_VERSION, Quotation
from quotedb.core.names import parse_name
from quotedb.core.text import paragraph
from quotedb.core.types import SpeakerKind
from quotedb.db.models import ARTICLES, QUOTATIONS, Article
from quotedb.db.models import Quotation as QuotationRow
from quotedb.errors import InputError
from quotedb.store import cache, candidates, clusters, surnames
from quotedb.store.batch import WriteBatch
from quotedb.store.cache import Known
from quotedb.store.candidates import Candidate
from quotedb.store.clusters import cluster_article
from quotedb.store.corrections import replay
from quotedb.store.ids import reserve
from quotedb.store.prepare import NewArticle, Prepared, prepare
from quotedb.store.speakers import redirect_rows, settle_people, speaker_for


def parse_date(value: str | None, label: str = "date") -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{label}: {value!r} is not a date (use YYYY-MM-DD)") from None


@dataclass(frozen=True, slots=True)
class Target:
    """The stored article whose quotations are being written."""

    id: int
    text: str
    published: dt.date | None
    content_hash: str

    @classmethod
    def of(cls, article: Article) -> Target:
        return cls(article.id, article.text, article.published, article.content_hash)


def add_article(
    batch: WriteBatch, article: NewArticle, quotations: list[Quotation] | Prepared
) -> int:
    """Store a new article with its quotations; its id. Plain statements, not ORM objects:
    ingest writes hundreds of articles a second."""
    published = parse_date(article.published, f"{article.source}: published")
    article_id = reserve(batch, Article, 1)[0]
    values = {
        "id": article_id,
        "content_hash": article.content_hash,
        "text": article.text,
        "title": article.title,
        "outlet": article.outlet,
        "authors": list(article.authors),
        "published": published,
        "url": article.url,
        "dateline": article.dateline,
        "language": article.language,
        "source_path": article.source,
        "extractor_version": EXTRACTOR_VERSION,
    }
    batch.insert(ARTICLES, [values])
    target = Target(article_id, article.text, published, article.content_hash)
    store_quotations(batch, target, quotations, fresh=True)
    return article_id


def store_quotations(
    batch: WriteBatch,
    target: Target,
    quotations: list[Quotation] | Prepared,
    *,
    fresh: bool,
    kept: dict[int, int] | None = None,
) -> None:
    """The article's quotations as rows, with their speakers, corrections and clusters.

    ``fresh``: the article is new (nothing stored can refer to it yet). ``kept``: ids the
    quotations had before (index in ``quotations`` -> id); the others get new ones.
    """
    prepared = quotations if isinstance(quotations, Prepared) else prepare(target.text, quotations)
    quotations = prepared.quotations
    batch.pairs.update(prepared.pairs)
    mark = len(batch.speakers.made)
    speakers = speakers_of(batch, quotations)
    added = cache.made_since(batch, mark)  # by this article, not earlier ones of the batch
    if not (batch.deferred or batch.copy):  # a bulk load's go in before its other rows
        cache.write(batch)  # new speakers and aliases exist before rows refer to them
    candidates.without_quotations(batch, [s.id for s in speakers.values() if s.created])
    kept = kept or {}
    new_ids = iter(reserve(batch, QuotationRow, len(quotations) - len(kept)))
    ids = [kept[i] if i in kept else next(new_ids) for i in range(len(quotations))]
    values = [
        quotation_values(q, i, target.id, speakers.get((q.speaker or "", q.speaker_kind.value)))
        | {"context": paragraph(target.text, q.start, q.end)}
        for i, q in zip(ids, quotations, strict=True)
    ]
    redirect_rows(batch, values)  # mentions a split gave to a speaker of their own
    corrected = cache.has_corrections(batch, target.content_hash)
    if values and corrected:  # replaying corrections reads the rows
        batch.insert(QUOTATIONS, values)
    settle_people(batch, target, prepared.roles, values, speakers, fresh=fresh)
    surnames.settle(batch, target.id, speakers.values(), added)  # whatever came first
    if corrected and replay(batch, target.id, target.content_hash):  # corrections made before
        rows, kinds = stored_rows(batch.session, target.id)
        cluster_article(batch, rows, target.published, kinds, stored=True)
        return
    rows = [Candidate(v["id"], v["text"], v["speaker_id"], target.id, None) for v in values]
    kinds = [v["kind"] for v in values]
    cluster_article(batch, rows, target.published, kinds, stored=corrected)
    if values and not corrected:  # inserted once, in their clusters: no update after
        clusters.insert_created(batch)
        for v, row in zip(values, rows, strict=True):
            v["cluster_id"] = clusters.placed(batch, row)
        batch.insert(QUOTATIONS, values)


def stored_rows(session: Session, article_id: int) -> tuple[list[Candidate], list[str]]:
    stmt = select(
        QuotationRow.id,
        QuotationRow.text,
        QuotationRow.speaker_id,
        QuotationRow.article_id,
        QuotationRow.cluster_id,
        QuotationRow.kind,
    ).where(QuotationRow.article_id == article_id)
    found = list(session.execute(stmt.order_by(QuotationRow.start)))
    return [Candidate(*r[:5]) for r in found], [r[5] for r in found]


def speakers_of(batch: WriteBatch, quotations: list[Quotation]) -> dict[tuple[str, str], Known]:
    """Stored speakers for every speaker the article quotes, before any row refers to them."""
    aliases: dict[tuple[str, str], dict[str, None]] = {}
    for q in quotations:
        if is_named(q):
            aliases.setdefault((q.speaker or "", q.speaker_kind.value), {}).update(
                dict.fromkeys(q.aliases)
            )
    return {
        (name, kind): speaker_for(batch, name, kind, tuple(names))
        for (name, kind), names in aliases.items()
    }


def is_named(q: Quotation) -> bool:
    """A speaker worth storing: a person's name (not a pronoun), or any other kind of source."""
    if not q.speaker:
        return False
    return q.speaker_kind is not SpeakerKind.PERSON or parse_name(q.speaker) is not None


def quotation_values(
    q: Quotation, row_id: int, article_id: int, speaker: Known | None
) -> dict[str, Any]:
    mention = q.mention
    named = mention.named if mention is not None else None
    other = named is not None and named is not mention
    return {
        "id": row_id,
        "article_id": article_id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind.value,
        "speaker_id": speaker.id if speaker is not None else None,
        "speaker_mention": mention.text if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "antecedent": named.text if other and named else None,
        "antecedent_start": named.start if other and named else None,
        "antecedent_end": named.end if other and named else None,
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "confidence": q.confidence,
        "evidence": q.evidence or None,
        "extractor_version": EXTRACTOR_VERSION,
        "corrected": False,
        "cluster_id": None,
    }
