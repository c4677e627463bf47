"""Storing one article with its quotations (the caller owns the transaction)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.core import EXTRACTOR_VERSION, Quotation
from quotedb.core.names import parse_name, resolve_corpus
from quotedb.core.types import SpeakerKind
from quotedb.db.models import Article, Speaker
from quotedb.db.models import Quotation as QuotationRow
from quotedb.errors import InputError
from quotedb.ingest.documents import Document
from quotedb.store.clusters import cluster_article
from quotedb.store.corrections import replay
from quotedb.store.speakers import settle_people, speaker_for


def article_by_hash(session: Session, content_hash: str) -> Article | None:
    return session.scalars(select(Article).where(Article.content_hash == content_hash)).first()


def parse_date(value: str | None, label: str = "date") -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{label}: {value!r} is not a date (use YYYY-MM-DD)") from None


def add_article(session: Session, doc: Document, quotations: list[Quotation]) -> Article:
    article = Article(
        content_hash=doc.content_hash,
        text=doc.text,
        title=doc.meta.title,
        outlet=doc.meta.outlet,
        authors=list(doc.meta.authors),
        published=parse_date(doc.meta.published, f"{doc.source}: published"),
        url=doc.meta.url,
        dateline=doc.meta.dateline,
        source_path=doc.source,
        extractor_version=EXTRACTOR_VERSION,
        ingested_at=dt.datetime.now(dt.UTC),  # given, not fetched back: inserts batch
    )
    session.add(article)
    store_quotations(session, article, quotations)
    return article


def store_quotations(session: Session, article: Article, quotations: list[Quotation]) -> None:
    """The article's quotations as rows, with their speakers, corrections and clusters."""
    quotations = resolve_corpus([quotations])[0]  # "Clinton" is the article's Hillary Clinton
    speakers = speakers_of(session, quotations)
    article.quotations.extend(
        quotation_row(q, speakers.get((q.speaker or "", q.speaker_kind.value))) for q in quotations
    )
    settle_people(session, article, quotations, speakers)
    replay(session, article)  # corrections made before, if the article is stored again
    cluster_article(session, article)


def speakers_of(session: Session, quotations: list[Quotation]) -> dict[tuple[str, str], Speaker]:
    """Stored speakers for every speaker the article quotes, before any row refers to them."""
    aliases: dict[tuple[str, str], dict[str, None]] = {}
    for q in quotations:
        if is_named(q):
            aliases.setdefault((q.speaker or "", q.speaker_kind.value), {}).update(
                dict.fromkeys(q.aliases)
            )
    return {
        (name, kind): speaker_for(session, name, kind, tuple(names))
        for (name, kind), names in aliases.items()
    }


def is_named(q: Quotation) -> bool:
    """A speaker worth storing: a person's name (not a pronoun), or any other kind of source."""
    if not q.speaker:
        return False
    return q.speaker_kind is not SpeakerKind.PERSON or parse_name(q.speaker) is not None


def quotation_row(q: Quotation, speaker: Speaker | None) -> QuotationRow:
    mention = q.mention
    named = mention.named if mention is not None else None
    return QuotationRow(
        start=q.start,
        end=q.end,
        text=q.text,
        kind=q.kind.value,
        speaker=speaker,
        speaker_mention=mention.text if mention else None,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        antecedent=named.text if named is not None and named is not mention else None,
        antecedent_start=named.start if named is not None and named is not mention else None,
        antecedent_end=named.end if named is not None and named is not mention else None,
        cue=q.cue.text if q.cue else None,
        cue_start=q.cue.start if q.cue else None,
        cue_end=q.cue.end if q.cue else None,
        confidence=q.confidence,
        evidence=q.evidence or None,
        extractor_version=EXTRACTOR_VERSION,
        corrected=False,  # given, not fetched back: the article's rows go in one statement
    )
