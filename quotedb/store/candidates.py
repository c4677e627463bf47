"""Stored quotations a new one may be compared with, kept for one transaction.

Clustering a new quotation looks at its speaker's newest quotations and at quotations of
articles published within a few days. Asking the database for those pools article by article made
ingest quadratic in a prolific speaker's history, so they are loaded once per transaction
(per speaker, per publication day) and indexed by blocking word; rows the transaction adds
or re-clusters are kept current here. A pool belongs to a
:class:`~quotedb.store.batch.WriteBatch`, like the speaker cache (and may be handed on to
the next batch, see :class:`Carry`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from quotedb.core.utterances import blocking_of, head_of
from quotedb.db.models import Article, Cluster, Quotation
from quotedb.store.cache import SpeakerCache

if TYPE_CHECKING:
    from quotedb.store.batch import WriteBatch

WINDOW = dt.timedelta(days=3)
MAX_PER_DAY = 2000  # quotations of one publication day kept as candidates, newest first
MAX_PER_SPEAKER = 2000  # ... of one speaker, newest article first
MAX_CARRIED = 200_000  # rows a pool may hold to be kept for the next batch


@dataclass(slots=True, eq=False)
class Candidate:
    """A stored quotation as clustering sees it; ``cluster_id`` follows the writes."""

    id: int
    text: str
    speaker_id: int | None
    article_id: int
    cluster_id: int | None

    @property
    def speaker(self) -> int | None:
        """The speaker key same_utterance compares (a row is its own rendering)."""
        return self.speaker_id

    @property
    def source(self) -> int:
        return self.article_id


@dataclass(slots=True)
class Pool:
    rows: dict[int, Candidate] = field(default_factory=dict)
    by_speaker: dict[int, Index] = field(default_factory=dict)
    by_day: dict[dt.date, Index] = field(default_factory=dict)
    by_article: dict[int, Index] = field(default_factory=dict)  # this transaction's articles
    members: dict[int, set[Candidate]] = field(default_factory=lambda: defaultdict(set))
    cluster_speakers: dict[int, int | None] = field(default_factory=dict)
    complete: set[int] = field(default_factory=set)  # clusters all of whose rows are here
    # Cluster changes not written yet (see quotedb.store.clusters.write_pending):
    created: set[int] = field(default_factory=set)
    dropped: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)
    moved: dict[int, Candidate] = field(default_factory=dict)

    def known(self, row: Candidate) -> Candidate:
        """The pool's one object for a row (loaded twice: by speaker and by day)."""
        found = self.rows.setdefault(row.id, row)
        if found.cluster_id is not None:
            self.members[found.cluster_id].add(found)
        return found

    def move(self, row: Candidate, cluster_id: int | None) -> None:
        if row.cluster_id is not None:
            self.members[row.cluster_id].discard(row)
        row.cluster_id = cluster_id
        if cluster_id is not None:
            self.members[cluster_id].add(row)


@dataclass(slots=True)
class Index:
    """Rows by blocking word: under every word (``every``), and under the first half of
    their words in one fixed order (``head``): a row sharing half of its words with a
    wordier quotation shares one of those (see :func:`quotedb.store.clusters.matching`)."""

    every: dict[str, list[Candidate]] = field(default_factory=dict)
    head: dict[str, list[Candidate]] = field(default_factory=dict)


def _add(index: Index, row: Candidate) -> None:
    for word in blocking_of(row.text):
        index.every.setdefault(word, []).append(row)
    for word in head_of(row.text):
        index.head.setdefault(word, []).append(row)


_COLUMNS = (
    Quotation.id,
    Quotation.text,
    Quotation.speaker_id,
    Quotation.article_id,
    Quotation.cluster_id,
)


def load_speakers(batch: WriteBatch, speaker_ids: Iterable[int]) -> None:
    """The newest ``MAX_PER_SPEAKER`` quotations of each of these speakers not loaded yet
    (stored: one query per 50 speakers; kept for COPY: the pool's rows): a prolific
    speaker's history costs a transaction no more than a day's quotations do."""
    p = batch.pool
    missing = sorted({s for s in speaker_ids if s not in p.by_speaker})
    found: dict[int, list[Candidate]] = {s: [] for s in missing}
    for s in missing:
        p.by_speaker[s] = Index()
    for chunk in _chunks(missing, 50):
        newest = [
            select(*_COLUMNS)
            .where(Quotation.speaker_id == s)
            .order_by(Quotation.article_id.desc(), Quotation.id.desc())
            .limit(MAX_PER_SPEAKER)
            .subquery()
            for s in chunk
        ]
        stmt = union_all(*(select(*q.c) for q in newest))
        with batch.session.no_autoflush:
            for r in batch.session.execute(stmt):
                found[r.speaker_id].append(Candidate(*r))
    for s in missing:
        rows = found[s]
        kept = [p.rows[r["id"]] for r in batch.kept_quotations(s)]
        if kept:  # the newest of both
            rows = sorted(rows + kept, key=_newest_first)[:MAX_PER_SPEAKER]
        for row in rows:
            known = p.known(row)
            _add(p.by_speaker[known.speaker_id or 0], known)


def _newest_first(row: Candidate) -> tuple[int, int]:
    return -row.article_id, -row.id


def without_quotations(batch: WriteBatch, speaker_ids: Iterable[int]) -> None:
    """Speakers created just now: nothing stored to load for them."""
    p = batch.pool
    for s in speaker_ids:
        p.by_speaker.setdefault(s, Index())


def load_days(batch: WriteBatch, days: Iterable[dt.date]) -> None:
    """The newest quotations of articles published on these days, for the days not loaded."""
    p = batch.pool
    for day in sorted({d for d in days if d not in p.by_day}):
        batch.write_rows()  # rows kept for COPY are candidates too
        index = p.by_day[day] = Index()
        stmt = (
            select(*_COLUMNS)
            .join(Quotation.article)
            .where(Article.published == day)
            .order_by(Quotation.id.desc())
            .limit(MAX_PER_DAY)
        )
        with batch.session.no_autoflush:
            for r in batch.session.execute(stmt):
                _add(index, p.known(Candidate(*r)))


def add_new(batch: WriteBatch, rows: list[Candidate], published: dt.date | None) -> list[Candidate]:
    """An article's rows, just inserted, as candidates for the quotations that follow; the
    pool's objects for them."""
    p = batch.pool
    own = p.by_article.setdefault(rows[0].article_id, Index()) if rows else Index()
    known = [p.known(row) for row in rows]
    for row in known:
        _add(own, row)
        if row.speaker_id is not None and row.speaker_id in p.by_speaker:
            _add(p.by_speaker[row.speaker_id], row)
        if published is not None and published in p.by_day:
            _add(p.by_day[published], row)
    return known


def window(published: dt.date | None) -> list[dt.date]:
    if published is None:
        return []
    return [published + dt.timedelta(days=d) for d in range(-WINDOW.days, WINDOW.days + 1)]


def indexes(
    batch: WriteBatch, article_id: int, speakers: Iterable[int], days: list[dt.date]
) -> Iterator[Index]:
    """Where a quotation's candidates are: its speakers', nearby days', its article's."""
    p = batch.pool
    yield from (p.by_speaker[s] for s in speakers)
    yield from (p.by_day[d] for d in days)
    if article_id in p.by_article:
        yield p.by_article[article_id]


def load_members(batch: WriteBatch, cluster_ids: Iterable[int]) -> None:
    """Every row of these stored clusters, once (then their changes are followed here): one
    query for those not loaded yet. Rows kept for COPY need not be written first: this
    transaction's rows are all in the pool already, in their current clusters."""
    p = batch.pool
    missing = sorted({c for c in cluster_ids if c not in p.complete})
    for chunk in _chunks(missing):
        stmt = select(*_COLUMNS).where(Quotation.cluster_id.in_(chunk))
        with batch.session.no_autoflush:
            for r in batch.session.execute(stmt):
                p.known(Candidate(*r))
    p.complete.update(missing)


def load_cluster_speakers(batch: WriteBatch, cluster_ids: Iterable[int]) -> None:
    """The speakers of these stored clusters not known yet, in one query (clusters kept
    for COPY are known: the joins that made them set their speakers)."""
    p = batch.pool
    missing = sorted({c for c in cluster_ids if c not in p.cluster_speakers})
    for chunk in _chunks(missing):
        stmt = select(Cluster.id, Cluster.speaker_id).where(Cluster.id.in_(chunk))
        with batch.session.no_autoflush:
            for cid, speaker in batch.session.execute(stmt):
                p.cluster_speakers[cid] = speaker


def cluster_speaker(batch: WriteBatch, cluster_id: int) -> int | None:
    p = batch.pool
    if cluster_id not in p.cluster_speakers:  # a stored cluster (see above)
        with batch.session.no_autoflush:
            stmt = select(Cluster.speaker_id).where(Cluster.id == cluster_id)
            p.cluster_speakers[cluster_id] = batch.session.scalar(stmt)
    return p.cluster_speakers[cluster_id]


def _chunks(items: list[int], size: int = 500) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass(slots=True)
class Carry:
    """What a writer transaction loaded (clustering candidates, stored speakers), kept for
    the next one while nobody else writes.

    On SQLite, ``PRAGMA data_version`` on one connection changes when another connection
    commits. On PostgreSQL every transaction that writes quotedb's tables adds one to
    ``write_stamps`` (a trigger, migration 0010); a writer transaction adds its own one
    first, holding the stamp's row until it commits, so the next one finds exactly one more
    if nobody wrote in between. Writes elsewhere on the server cost nothing. What was
    loaded is kept only once the transaction that built it committed.
    """

    pool: Pool | None = None
    speakers: SpeakerCache | None = None
    stamp: object = None  # what the next start must find for the pool to be valid

    def resume(self, session: Session) -> Pool:
        """At a transaction's start: the kept pool, if the database is as it was left;
        else a new one (the kept speakers likewise: see :meth:`speaker_cache`)."""
        kept, self.pool = self.pool, None
        now, following = _stamps(session)
        resumed = kept is not None and now is not None and now == self.stamp
        self.stamp = following
        if not resumed:
            self.speakers = None
        return kept if kept is not None and resumed else Pool()

    def speaker_cache(self) -> SpeakerCache:
        """The speakers kept with the pool :meth:`resume` returned, or a new cache."""
        found, self.speakers = self.speakers, None
        return found.carried() if found is not None else SpeakerCache()

    def keep(self, batch: WriteBatch) -> None:
        """Just before the commit: what to hand on if the commit succeeds (not once the
        pool or the speakers grew past ``MAX_CARRIED``: a long ingest's memory stays bounded)."""
        found = batch.pool
        small = len(found.rows) <= MAX_CARRIED and len(batch.speakers.by_id) <= MAX_CARRIED
        self.pool = found if small else None
        self.speakers = batch.speakers if self.pool is not None else None
        if self.pool is not None:
            self.pool.by_article.clear()  # an article's own rows matter while it is stored

    def drop(self) -> None:
        self.pool = None
        self.speakers = None


# A writer transaction's own count, taken first: it holds the row, so no other transaction
# writes until this one ends, and its own statements are not counted again.
_COUNT_OWN_WRITE = (
    "UPDATE write_stamps SET writes = writes + 1 WHERE id = 1"
    " RETURNING writes, set_config('quotedb.counted', 'on', true)"
)


def _stamps(session: Session) -> tuple[object, object]:
    """This transaction's stamp, and the one the next will have if nobody writes before."""
    dialect = session.get_bind().dialect.name
    conn = session.connection()
    if dialect == "sqlite":
        version = conn.exec_driver_sql("PRAGMA data_version").scalar()
        stamp = id(conn.connection.dbapi_connection), int(version or 0)
        return stamp, stamp
    if dialect == "postgresql":
        writes = int(conn.exec_driver_sql(_COUNT_OWN_WRITE).scalar() or 0)
        return writes, writes + 1
    return None, None
