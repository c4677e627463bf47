"""The quotation record's shape: one typed record per quotation, whether it was read from
the database or has just been extracted, without the database layer (``quotedb extract``
builds these records and never imports SQLAlchemy).

Field names follow the scorer's format (``file``, ``start``, ``end``, ``speaker``, ...), so
that an export from the database and ``quotedb extract`` can be scored alike. Exports,
the API and the CLI format these records; none of them builds its own.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Row

    from quotedb.core import Quotation as Extracted
    from quotedb.db.models import Article, Quotation


def file_name(source: str | None) -> str | None:
    return PurePath(source).name if source else None


def article_label(title: str | None, source: str | None, article_id: int | None) -> str:
    """How every output names an article: its title, else its file's name, else its id."""
    return title or file_name(source) or (f"article {article_id}" if article_id else "untitled")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The article a stored quotation comes from."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None  # ISO date
    url: str | None
    authors: list[str] | None
    source: str | None
    content_hash: str | None = None  # not shown: it makes the quotations' public keys
    language: str | None = None  # ISO 639-1; None for articles stored before it was kept

    @classmethod
    def of(cls, a: Article) -> ArticleRecord:
        published = a.published.isoformat() if a.published else None
        return cls(
            a.id,
            a.title,
            a.outlet,
            published,
            a.url,
            a.authors,
            a.source_path,
            a.content_hash,
            a.language,
        )

    @property
    def label(self) -> str:
        return article_label(self.title, self.source, self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "authors": self.authors,
            "source": self.source,
            "language": self.language,
        }

    def reference(self) -> dict[str, Any]:
        """The short form that ``show`` and ``person`` print: no URL, no authors."""
        return {
            "id": self.id,
            "title": self.title,
            "label": self.label,
            "outlet": self.outlet,
            "published": self.published,
            "source": self.source,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class QuotationRecord:
    """A quotation as every output shows it. A stored one has an ``id`` and an
    ``article``; an extracted one has neither, but its ``evidence``. ``speaker_kind`` is
    the extractor's (a document is ``unnamed`` here, as the scorers expect; the listings
    and ``speaker_kind="document"`` tell documents apart)."""

    file: str | None
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_kind: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    confidence: float  # rounded to 3 places
    cluster: int | str | None
    id: int | None = None
    article: ArticleRecord | None = None
    evidence: str | None = None

    @classmethod
    def of(cls, q: Quotation) -> QuotationRecord:
        """The record of a stored quotation (its article and speaker loaded)."""
        a, s = q.article, q.speaker
        return cls(
            file=file_name(a.source_path),
            start=q.start,
            end=q.end,
            text=q.text,
            kind=q.kind,
            speaker=s.name if s else None,
            speaker_kind=s.kind if s else None,
            speaker_mention=q.speaker_mention,
            speaker_start=q.speaker_start,
            speaker_end=q.speaker_end,
            cue=q.cue,
            confidence=round(q.confidence, 3),
            cluster=q.cluster_id,
            id=q.id,
            article=ArticleRecord.of(a),
        )

    @classmethod
    def of_row(cls, r: Row[*tuple[Any, ...]]) -> QuotationRecord:
        """The record from a row of ``RECORD_COLUMNS`` (and maybe more after them): the
        same values as :meth:`of`. Read by position: by name costs a lookup per field."""
        (qid, start, end, text, kind, name, speaker_kind, mention, s_start, s_end, cue,
         confidence, cluster, article_id, title, outlet, published, url, authors, source,
         content_hash, language, *_) = r  # fmt: skip
        article = ArticleRecord(
            article_id,
            title,
            outlet,
            published.isoformat() if published else None,
            url,
            authors,
            source,
            content_hash,
            language,
        )
        return cls(
            file_name(source), start, end, text, kind, name, speaker_kind, mention, s_start,
            s_end, cue, round(confidence, 3), cluster, qid, article,
        )  # fmt: skip

    @classmethod
    def extracted(cls, file: str, q: Extracted, cluster: str | None = None) -> QuotationRecord:
        """The record of a quotation ``extract`` found (``cluster``: its utterance label)."""
        m = q.mention
        return cls(
            file=file,
            start=q.start,
            end=q.end,
            text=q.text,
            kind=q.kind.value,
            speaker=q.speaker,
            speaker_kind=q.speaker_kind.value,
            speaker_mention=m.text if m else None,
            speaker_start=m.start if m else None,
            speaker_end=m.end if m else None,
            cue=q.cue.text if q.cue else None,
            confidence=round(q.confidence, 3),
            cluster=cluster,
            evidence=q.evidence,
        )

    @property
    def key(self) -> str | None:
        """A stored quotation's public key (article hash and span): the same in every
        database that stores the article, for links and exports."""
        digest = self.article.content_hash if self.article is not None else None
        return f"{digest}:{self.start}-{self.end}" if digest else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``id``, ``key`` and ``article`` for stored quotations,
        ``evidence`` for extracted ones, in the order outputs have always had."""
        head: dict[str, Any] = {} if self.id is None else {"id": self.id}
        if self.key is not None:
            head["key"] = self.key
        body: dict[str, Any] = {
            "file": self.file,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "speaker_mention": self.speaker_mention,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "cue": self.cue,
            "confidence": self.confidence,
        }
        if self.evidence is not None:
            body["evidence"] = self.evidence
        body["cluster"] = self.cluster
        if self.article is not None:
            body["article"] = self.article.to_dict()
        return head | body

    @property
    def outlet(self) -> str | None:
        return self.article.outlet if self.article is not None else None

    @property
    def published(self) -> str | None:
        return self.article.published if self.article is not None else None

    def fields(self) -> dict[str, Any]:
        """The record's fields as keyword arguments, for a record that adds some."""
        return {f.name: getattr(self, f.name) for f in fields(QuotationRecord)}


def extracted_record(file: str, q: Extracted, cluster: str | None = None) -> dict[str, Any]:
    """An extracted quotation's record as JSON data."""
    return QuotationRecord.extracted(file, q, cluster).to_dict()
