"""Same-utterance clusters at ingest: a new article's quotations join stored renderings.

Only cheap candidates are compared: the stored quotations of the article's speakers (one
indexed query), and quotations of articles published within a few days whose speaker is
unknown (or any speaker, for the article's own unattributed quotations); in memory, only
pairs that share a word worth sharing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from quotedb.core.utterances import (
    MIN_CONTENT_WITHOUT_SPEAKER,
    Utterance,
    blocking_of,
    normalize,
    representative,
    same_utterance,
)
from quotedb.db.models import Article, Cluster, Quotation

WINDOW = dt.timedelta(days=3)
MAX_NEARBY = 5000  # quotations of nearby days looked at, newest first


class Stored(NamedTuple):
    id: int
    text: str
    speaker_id: int | None
    article_id: int


def utterance(text: str, speaker_id: int | None, article_id: int | None = None) -> Utterance:
    return Utterance(text, str(speaker_id) if speaker_id is not None else None, article_id)


def pool(session: Session, article: Article, new: list[Quotation]) -> list[Stored]:
    """Stored quotations that may render the same utterance as one of ``new``."""
    speakers = {q.speaker_id for q in new if q.speaker_id is not None}
    columns = select(Quotation.id, Quotation.text, Quotation.speaker_id, Quotation.article_id)
    rows = [Stored(*r) for r in session.execute(columns.where(Quotation.speaker_id.in_(speakers)))]
    long_enough = [
        q for q in new if len(utterance(q.text, None).content) >= MIN_CONTENT_WITHOUT_SPEAKER
    ]
    if long_enough:
        nearby = columns.join(Quotation.article)
        if all(q.speaker_id is not None for q in long_enough):  # else: may match anybody's
            nearby = nearby.where(Quotation.speaker_id.is_(None))
        if article.published is not None:
            lo, hi = article.published - WINDOW, article.published + WINDOW
            nearby = nearby.where(
                or_(Article.published.between(lo, hi), Quotation.article_id == article.id)
            )
        else:
            nearby = nearby.where(Quotation.article_id == article.id)
        latest = nearby.order_by(Quotation.id.desc()).limit(MAX_NEARBY)
        rows += [Stored(*r) for r in session.execute(latest)]
    return list({r.id: r for r in rows}.values())


def cluster_article(session: Session, article: Article) -> None:
    """Link each of the article's quotations to the stored quotations of its utterance."""
    session.flush()
    new = [q for q in article.quotations if q.kind != "term"]
    if not new:
        return
    stored = pool(session, article, new)
    index: dict[str, list[Stored]] = defaultdict(list)
    for s in stored:
        for w in blocking_of(s.text):  # an utterance's blocking words, cached by text
            index[w].append(s)
    groups = repeats(new)
    followers = {f.id for group in groups for f in group[1:]}
    for q in new:
        if q.id in followers:
            continue
        u = utterance(q.text, q.speaker_id, q.article_id)
        seen = {
            c.id: c
            for w in u.blocking
            for c in index.get(w, ())
            if c.id != q.id and c.id not in followers
        }
        found = [c.id for c in seen.values() if same_utterance(u, utterance(*c[1:]))]
        matches = linkable(q, [session.get_one(Quotation, i) for i in sorted(found)])
        if matches:
            join(session, [q, *matches])
    for group in groups:
        if len(group) > 1:
            join(session, group)


def repeats(new: list[Quotation]) -> list[list[Quotation]]:
    """The article's quotations grouped by identical wording and speaker, in order.

    An article repeating a quotation links the repeats once, not each with every other:
    linking stays linear in the article's length.
    """
    groups: dict[tuple[str, int | None], list[Quotation]] = {}
    for q in new:
        groups.setdefault((normalize(q.text), q.speaker_id), []).append(q)
    return list(groups.values())


def linkable(q: Quotation, matches: list[Quotation]) -> list[Quotation]:
    """The matches ``q`` may join: no short quotation bridging two statements, and no
    cluster holding two known speakers (an unattributed quotation may not bridge them)."""
    speaker = {m.id: m.speaker_id or cluster_speaker(m) for m in matches}
    if q.speaker_id is not None:
        matches = [m for m in matches if speaker[m.id] in (None, q.speaker_id)]
    elif len({s for s in speaker.values() if s is not None}) > 1:
        matches = [m for m in matches if speaker[m.id] is None]
    is_short = utterance(q.text, None).short
    shorts = [m for m in matches if utterance(m.text, None).short]
    longs = [m for m in matches if not utterance(m.text, None).short]
    if not is_short:
        joined = {m.cluster_id for m in longs}
        return longs + [m for m in shorts if m.cluster_id is None or m.cluster_id in joined]
    groups = {m.cluster_id or -m.id for m in longs} | {m.cluster_id for m in shorts if m.cluster_id}
    return matches if len(groups) <= 1 else [m for m in shorts if m.cluster_id is None]


def cluster_speaker(q: Quotation) -> int | None:
    return q.cluster.speaker_id if q.cluster is not None else None


def join(session: Session, members: list[Quotation]) -> Cluster:
    """Put quotations in one cluster, merging the clusters they were in."""
    ids = sorted({m.cluster_id for m in members if m.cluster_id is not None})
    if ids:
        target = session.get_one(Cluster, ids[0])
        for other in ids[1:]:
            for q in session.scalars(select(Quotation).where(Quotation.cluster_id == other)):
                q.cluster_id = target.id
            session.delete(session.get_one(Cluster, other))
    else:
        target = Cluster(representative=members[0].text)
        session.add(target)
        session.flush()
    for m in members:
        m.cluster_id = target.id
    session.flush()
    refresh(session, target)
    return target


def refresh(session: Session, cluster: Cluster) -> None:
    """Representative wording and speaker from the cluster's current members."""
    rows = list(session.scalars(select(Quotation).where(Quotation.cluster_id == cluster.id)))
    if not rows:
        return
    cluster.representative = rows[representative([r.text for r in rows])].text
    speakers = [r.speaker_id for r in rows if r.speaker_id is not None]
    cluster.speaker_id = max(set(speakers), key=speakers.count) if speakers else None


def prune(session: Session, cluster_ids: Iterable[int | None]) -> None:
    """Drop clusters left with fewer than two quotations; refresh the others."""
    session.flush()
    for cid in {c for c in cluster_ids if c is not None}:
        cluster = session.get(Cluster, cid)
        if cluster is None:
            continue
        n = session.scalar(select(func.count(Quotation.id)).where(Quotation.cluster_id == cid))
        if (n or 0) < 2:
            for q in session.scalars(select(Quotation).where(Quotation.cluster_id == cid)):
                q.cluster_id = None
            session.delete(cluster)
        else:
            refresh(session, cluster)
