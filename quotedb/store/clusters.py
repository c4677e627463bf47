"""Same-utterance clusters at ingest: a new article's quotations join stored renderings.

Only cheap candidates are compared (:mod:`quotedb.store.candidates`): the newest stored
quotations of the quotation's speaker, and quotations of articles published within a few
days whose speaker is unknown (any speaker's, for an unattributed quotation); only pairs
that share half the words worth sharing of the sparer one, found without looking at the
others (:func:`matching`). Rows are written with plain statements: ingest clusters thousands of
quotations per second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from quotedb.core.utterances import (
    MIN_CONTENT_WITHOUT_SPEAKER,
    blocking_of,
    content_of,
    is_short,
    representative,
    same_utterance,
    words_of,
)
from quotedb.db.models import CLUSTERS, QUOTATIONS, Cluster, Quotation
from quotedb.store import candidates, plain
from quotedb.store.candidates import Candidate
from quotedb.store.ids import reserve

if TYPE_CHECKING:
    from quotedb.store.batch import WriteBatch


def cluster_article(
    batch: WriteBatch,
    rows: list[Candidate],
    published: dt.date | None,
    kinds: list[str],
    *,
    stored: bool = False,
) -> None:
    """Link each of an article's new rows (``kinds`` theirs) to the stored rows of its
    utterance. ``stored``: the rows are in the database already, without a cluster; else
    they are inserted after this, in their clusters (see :func:`placed`).

    Stored rows become the pool's first: loading a speaker's or a day's rows reads them
    too, and one row must be one object, or a join would miss the cluster it is in. Rows
    not stored yet join the pool once the speakers' and days' rows are loaded.
    """
    wanted = [r for r, kind in zip(rows, kinds, strict=True) if kind != "term"]
    if stored:
        rows = candidates.add_new(batch, rows, published)
    days = candidates.window(published)
    candidates.load_speakers(batch, {r.speaker_id for r in wanted if r.speaker_id is not None})
    if any(len(content_of(r.text)) >= MIN_CONTENT_WITHOUT_SPEAKER for r in wanted):
        candidates.load_days(batch, days)
    else:
        days = []  # no quotation of the article may match an unattributed one
    if not stored:
        rows = candidates.add_new(batch, rows, published)
    new = [r for r, kind in zip(rows, kinds, strict=True) if kind != "term"]
    if not new:
        return
    groups = repeats(new)
    followers = {f.id for group in groups for f in group[1:]}
    quoted = sorted({r.speaker_id for r in new if r.speaker_id is not None})
    leaders = [r for r in new if r.id not in followers]
    # an unattributed quotation may be any of the article's speakers'
    found = [
        matching(batch, r, quoted if r.speaker_id is None else [r.speaker_id], days, followers)
        for r in leaders
    ]  # joins move rows between clusters, never change what renders what
    joined = {m.cluster_id for ms in found for m in ms if m.cluster_id is not None}
    candidates.load_members(batch, joined)  # in one query, not one per join
    candidates.load_cluster_speakers(batch, joined)
    for r, matched in zip(leaders, found, strict=True):
        matches = linkable(batch, r, matched)
        if matches:
            join(batch, [r, *matches])
    for group in groups:
        if len(group) > 1:
            join(batch, group)


def matching(
    batch: WriteBatch, r: Candidate, speakers: list[int], days: list[dt.date], skip: set[int]
) -> list[Candidate]:
    """Candidates that render ``r``'s utterance, by id."""
    return [c for c in sharing(batch, r, speakers, days, skip) if same_utterance(r, c)]


def sharing(
    batch: WriteBatch, r: Candidate, speakers: list[int], days: list[dt.date], skip: set[int]
) -> list[Candidate]:
    """Candidates sharing half the blocking words of the sparer of the two, by id (as
    ``extract`` pairs quotations), found without looking at the others (prefix filtering):
    one at least as wordy as ``r`` shares one of any half of ``r``'s words (its rarest here
    are taken), a sparer one shares one of the head of its own."""
    allowed = None if r.speaker_id is None else (None, r.speaker_id)  # None: anybody's
    blocking = blocking_of(r.text)
    where = list(candidates.indexes(batch, r.article_id, speakers, days))
    n = len(blocking)
    probe = sorted(blocking)
    if n > 2:  # of n words, any n // 2 + 1 will do: the rarest here
        probe.sort(key=lambda w: sum(len(x.every.get(w, ())) for x in where))
        probe = probe[: n // 2 + 1]
    seen: dict[int, Candidate] = {}
    for x in where:
        for w in probe:
            seen.update((c.id, c) for c in x.every.get(w, ()))
        for w in blocking:
            seen.update((c.id, c) for c in x.head.get(w, ()))
    return [
        c
        for cid, c in sorted(seen.items())
        if cid != r.id
        and cid not in skip
        and (not allowed or c.speaker_id in allowed)
        and _overlap(blocking, c)
    ]


def _overlap(blocking: frozenset[str], c: Candidate) -> bool:
    other = blocking_of(c.text)
    return 2 * len(blocking & other) >= min(len(blocking), len(other))


def repeats(new: list[Candidate]) -> list[list[Candidate]]:
    """The article's quotations grouped by identical wording and speaker, in order.

    An article repeating a quotation links the repeats once, not each with every other:
    linking stays linear in the article's length.
    """
    groups: dict[tuple[tuple[str, ...], int | None], list[Candidate]] = {}
    for q in new:
        groups.setdefault((words_of(q.text), q.speaker_id), []).append(q)
    return list(groups.values())


def linkable(batch: WriteBatch, q: Candidate, matches: list[Candidate]) -> list[Candidate]:
    """The matches ``q`` may join: no short quotation bridging two statements, and no
    cluster holding two known speakers (an unattributed quotation may not bridge them)."""
    if not matches:
        return []
    speaker = {m.id: m.speaker_id or _cluster_speaker(batch, m) for m in matches}
    if q.speaker_id is not None:
        matches = [m for m in matches if speaker[m.id] in (None, q.speaker_id)]
    elif len({s for s in speaker.values() if s is not None}) > 1:
        matches = [m for m in matches if speaker[m.id] is None]
    shorts = [m for m in matches if is_short(m.text)]
    longs = [m for m in matches if not is_short(m.text)]
    if not is_short(q.text):
        joined = {m.cluster_id for m in longs}
        return longs + [m for m in shorts if m.cluster_id is None or m.cluster_id in joined]
    groups = {m.cluster_id or -m.id for m in longs} | {m.cluster_id for m in shorts if m.cluster_id}
    return matches if len(groups) <= 1 else [m for m in shorts if m.cluster_id is None]


def _cluster_speaker(batch: WriteBatch, q: Candidate) -> int | None:
    return candidates.cluster_speaker(batch, q.cluster_id) if q.cluster_id else None


def join(batch: WriteBatch, members: list[Candidate]) -> int:
    """Put rows in one cluster, merging the clusters they were in; the cluster's id.

    In memory: the changes are written once, before the transaction commits.
    """
    p = batch.pool
    ids = sorted({m.cluster_id for m in members if m.cluster_id is not None})
    candidates.load_members(batch, ids)
    if ids:
        target = ids[0]
    else:
        target = reserve(batch, Cluster, 1)[0]
        p.created.add(target)
        p.complete.add(target)
    for other in ids[1:]:
        for row in list(p.members.get(other, ())):
            _move(p, row, target)
        p.dropped.add(other)
        p.changed.discard(other)
    for m in members:
        if m.cluster_id != target:
            _move(p, m, target)
    p.cluster_speakers[target] = majority([r.speaker_id for r in p.members[target]])
    p.changed.add(target)
    return target


def _by_id(row: Candidate) -> int:
    return row.id


def _move(p: candidates.Pool, row: Candidate, cluster_id: int) -> None:
    p.move(row, cluster_id)
    p.moved[row.id] = row


def insert_created(batch: WriteBatch) -> None:
    """Clusters made in memory and still in use, inserted now (rows about to be inserted
    refer to them); their representative is brought up to date when the batch is written."""
    p = batch.pool
    made = sorted(p.created - p.dropped)
    if not made:
        return
    rows = []
    for c in made:
        text, speaker = summary([(r.text, r.speaker_id) for r in sorted(p.members[c], key=_by_id)])
        rows.append({"id": c, "representative": text, "speaker_id": speaker})
    batch.insert(CLUSTERS, rows)
    p.created.difference_update(made)


def placed(batch: WriteBatch, row: Candidate) -> int | None:
    """The cluster of a row not inserted yet, which it is inserted with (not updated to)."""
    p = batch.pool
    p.moved.pop(row.id, None)
    return p.rows[row.id].cluster_id


def write_pending(batch: WriteBatch) -> None:
    """The clusters joined in memory, written: new ones, their rows, merged ones dropped."""
    p = batch.pool
    if not (p.changed or p.dropped):
        return
    batch.write_rows()  # the rows and clusters kept for COPY, which these update
    summaries = {
        c: summary([(r.text, r.speaker_id) for r in sorted(p.members[c], key=_by_id)])
        for c in p.changed
    }
    values = [
        {"cid": c, "representative": text, "speaker": speaker}
        for c, (text, speaker) in sorted(summaries.items())
    ]
    new = [v for v in values if v["cid"] in p.created]
    if new:
        rows = [{"id": v["cid"], "representative": v["representative"]} for v in new]
        batch.insert_now(CLUSTERS, rows)
    moved = [{"qid": r.id, "cid": r.cluster_id} for r in p.moved.values()]
    if moved:
        stmt = update(QUOTATIONS).where(QUOTATIONS.c.id == bindparam("qid"))
        plain.run(batch.session, stmt.values(cluster_id=bindparam("cid")), moved)
    if values:
        stmt = update(CLUSTERS).where(CLUSTERS.c.id == bindparam("cid"))
        fields: dict[str, Any] = {
            "representative": bindparam("representative"),
            "speaker_id": bindparam("speaker"),
        }
        plain.run(batch.session, stmt.values(fields), values)
    gone = sorted(p.dropped - p.created)
    if gone:
        plain.run(batch.session, delete(CLUSTERS).where(CLUSTERS.c.id.in_(gone)))
    p.created.clear()
    p.dropped.clear()
    p.changed.clear()
    p.moved.clear()


def refresh(session: Session, cluster: Cluster) -> None:
    """A cluster object brought up to date with its current members (corrections)."""
    rows = list(session.scalars(select(Quotation).where(Quotation.cluster_id == cluster.id)))
    if rows:
        cluster.representative, cluster.speaker_id = summary([(r.text, r.speaker_id) for r in rows])


def summary(rows: list[tuple[str, int | None]]) -> tuple[str, int | None]:
    """A cluster's representative wording and its members' most frequent known speaker."""
    return rows[representative([t for t, _ in rows])][0], majority([s for _, s in rows])


def majority(speakers: list[int | None]) -> int | None:
    """A cluster's speaker: its members' most frequent known one."""
    known = [s for s in speakers if s is not None]
    return max(set(known), key=known.count) if known else None


def prune(session: Session, cluster_ids: Iterable[int | None]) -> None:
    """Drop clusters left with fewer than two quotations; refresh the others.

    Clusters joined in memory must be written first (a batch's, see
    :meth:`quotedb.store.batch.WriteBatch.rows_changed`), as this reads and edits the rows.
    """
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
