"""SQLAlchemy 2 typed models: the schema Alembic migrates.

Offsets are code-point offsets into ``Article.text``. People, organisations and unnamed
sources share one table (``speakers``) told apart by ``kind``, so that a quotation has one
speaker reference whatever kind of source said it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MAX_ID = 2**63 - 1  # the largest id either backend stores (a signed 64-bit integer)


def storable_id(value: int) -> bool:
    """Could a row have this id? (Asking either backend about a larger one overflows.)"""
    return 0 < value <= MAX_ID


NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}  # noqa: RUF012


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    authors: Mapped[list[str]] = mapped_column(default=list)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(16), index=True)  # ISO 639-1
    source_path: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, server_default=func.now()
    )

    quotations: Mapped[list[Quotation]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Quotation.start",
    )


# The listings' orders, undated articles last (migration 0009): a page of quotations walks
# these and each article's quotations instead of sorting the whole join.
_articles = Article.__table__.c
Index("ix_articles_oldest", _articles.published.is_(None), _articles.published, _articles.id)
Index(
    "ix_articles_newest",
    _articles.published.is_(None),
    _articles.published.desc(),
    _articles.id.desc(),
)


class Speaker(Base):
    """A person, an organisation or an explicitly unnamed source."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), index=True)  # SpeakerKind values
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, server_default=func.now()
    )

    aliases: Mapped[list[Alias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )
    roles: Mapped[list[Role]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )
    quotations: Mapped[list[Quotation]] = relationship(back_populates="speaker")


class Alias(Base):
    """One way a speaker is named; ``key`` is casefolded, accent-free, without honorifics."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Role(Base):
    """A role or title a speaker is given, kept with the article that gives it."""

    __tablename__ = "roles"
    __table_args__ = (UniqueConstraint("speaker_id", "role", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(300))
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )

    speaker: Mapped[Speaker] = relationship(back_populates="roles")


class Cluster(Base):
    """Quotations that render one utterance, whichever outlet reported it."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    representative: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )

    quotations: Mapped[list[Quotation]] = relationship(back_populates="cluster")


class Quotation(Base):
    __tablename__ = "quotations"
    __table_args__ = (
        UniqueConstraint("article_id", "start", "end"),
        Index("ix_quotations_speaker_article", "speaker_id", "article_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    speaker_mention: Mapped[str | None] = mapped_column(String(300))
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    antecedent: Mapped[str | None] = mapped_column(String(300))
    antecedent_start: Mapped[int | None] = mapped_column(Integer)
    antecedent_end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    evidence: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    corrected: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The quotation's paragraph, indexed for ``search --context`` (migration 0006).
    context: Mapped[str | None] = mapped_column(Text, deferred=True)

    article: Mapped[Article] = relationship(back_populates="quotations")
    speaker: Mapped[Speaker | None] = relationship(back_populates="quotations")
    cluster: Mapped[Cluster | None] = relationship(back_populates="quotations")


# The confidence and speaker listings' orders (migration 0011): most likely attributions
# first; speakers by name.
Index("ix_quotations_confidence", Quotation.__table__.c.confidence.desc())
Index("ix_speakers_name", Speaker.__table__.c.name)


class Correction(Base):
    """A human correction, recorded with what it replaced, replayed after re-extraction.

    A quotation is addressed by its article's content hash and its span, which survive
    re-ingesting and re-extracting; people by their names.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(30))
    article_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    previous: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, server_default=func.now()
    )


class RetiredQuotation(Base):
    """The id of a quotation that is gone (re-extraction lost it, or a person removed it).

    Kept so that the id is never given to another quotation, and given back to the same
    quotation (same article, span or text) should a later extraction find it again.
    """

    __tablename__ = "retired_quotations"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    article_hash: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    retired_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, server_default=func.now()
    )


# The tables, for the writer's plain (not ORM-enabled) statements: ingest writes many rows.
ARTICLES = Base.metadata.tables["articles"]
QUOTATIONS = Base.metadata.tables["quotations"]
ROLES = Base.metadata.tables["roles"]
CLUSTERS = Base.metadata.tables["clusters"]
SPEAKERS = Base.metadata.tables["speakers"]
ALIASES = Base.metadata.tables["aliases"]
RETIRED = Base.metadata.tables["retired_quotations"]

# One row: how many transactions wrote (PostgreSQL counts them with triggers, migration
# 0010), so the ingest writer knows whether what it loaded is still true.
WRITE_STAMPS = Table(
    "write_stamps",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("writes", BigInteger, nullable=False),
)
