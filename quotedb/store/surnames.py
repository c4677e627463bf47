"""Bare surnames follow the people who bear them, whatever order the articles came in.

An article that calls someone only "Cruz" is stored under the one named person of that
surname, or under a speaker "Cruz" of its own while none or several are known. Were that
decided only when the article arrives, the stored speakers would depend on the order of
the articles: "Cruz" first makes a speaker of its own that a later "Ted Cruz" never takes
over; "Ted Cruz" first takes every "Cruz", even after "Heidi Cruz" arrives. So when a named
person is added, the surname's speakers are settled again:

- a bare-surname speaker whom the new person alone fits joins them;
- the person who was the surname's only bearer gives back the quotations of the articles
  that never named them in full: whose those are is no longer known.

Speakers a correction chose (renamed, merged, split) are left as a person set them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update

from quotedb.core.names import PersonName, compatible, fuller_name, parse_name, surname_key
from quotedb.db.models import ALIASES, ARTICLES, CLUSTERS, QUOTATIONS, ROLES, SPEAKERS
from quotedb.store import cache, clusters, plain
from quotedb.store.cache import Known
from quotedb.store.speakers import (
    MERGE,
    PERSON,
    RENAME,
    has_given_name,
    may_bear,
    redirects,
    rename,
    speaker_for,
)

if TYPE_CHECKING:
    from quotedb.store.batch import WriteBatch


def settle(batch: WriteBatch, article_id: int, speakers: Iterable[Known], added: set[int]) -> None:
    """The surnames of the named people an article added (``added``: the speakers its
    store created, not those an earlier article of the same transaction did, so that
    how articles are batched never changes the speakers), settled again (see above); the
    article's own rows and speakers stay as they are (its clusters are being made)."""
    speakers = list(speakers)
    present = {s.id for s in speakers}
    for person in [s for s in speakers if s.id in added and s.kind == PERSON]:
        label = parse_name(person.name)
        if label is not None and label.given is not None:
            _settle(batch, person.id, label, present, article_id)


def _settle(
    batch: WriteBatch, person_id: int, label: PersonName, present: set[int], article_id: int
) -> None:
    bare_name = PersonName(None, (), label.surname, None)
    key = surname_key(label)
    block = cache.surname_block(batch, key, PERSON)
    bearers = [s for s in block if may_bear(s.name, key, False) and _bears(s, bare_name)]
    if [s.id for s in bearers] == [person_id]:
        joined = [s for s in block if not has_given_name(s) and _bare_of(s, label)]
        moved = [s for s in joined if not _held(batch, s) and s.id not in present]
        if moved:
            _absorb(batch, person_id, moved)
    elif len(bearers) == 2:  # the other one held the surname alone until now
        (before,) = [s for s in bearers if s.id != person_id]
        if not _held(batch, before):
            _give_back(batch, before, label.surname, article_id)


def _bears(speaker: Known, bare: PersonName) -> bool:
    label = parse_name(speaker.name)
    return label is not None and compatible(bare, label)


def _bare_of(speaker: Known, label: PersonName) -> bool:
    """Is this speaker, known by a surname alone, one the named person may be?"""
    bare = parse_name(speaker.name)
    return bare is not None and bare.given is None and compatible(bare, label)


def _held(batch: WriteBatch, speaker: Known) -> bool:
    """Did a correction choose this speaker (label, merge or split)?"""
    chosen = cache.pinned_labels(batch, (RENAME, MERGE)) | set(redirects(batch).values())
    return speaker.id in chosen


def _absorb(batch: WriteBatch, person_id: int, others: list[Known]) -> None:
    """Bare-surname speakers joined to the one person who bears their surname."""
    cache.write(batch)
    batch.write_rows()  # rows kept for COPY may name the speakers
    clusters.write_pending(batch)  # clusters not written yet may name them too
    s = batch.session
    person = cache.by_id(batch, person_id)
    assert person is not None
    for other in others:
        _pool_moved(batch, other.id, person_id, None)
        ids = {"old": other.id, "new": person_id}
        _move_roles(batch, other.id, person_id, None)
        for table in (QUOTATIONS, CLUSTERS):
            stmt = update(table).where(table.c.speaker_id == ids["old"])
            plain.run(s, stmt.values(speaker_id=ids["new"]))
        fresh = [k for k in other.aliases if k not in person.aliases]
        if fresh:
            moving = update(ALIASES).where(
                ALIASES.c.speaker_id == other.id, ALIASES.c.key.in_(fresh)
            )
            plain.run(s, moving.values(speaker_id=person_id))
        plain.run(s, delete(ALIASES).where(ALIASES.c.speaker_id == other.id))
        plain.run(s, delete(SPEAKERS).where(SPEAKERS.c.id == other.id))
        cache.merged(batch, other, person)
    rename(batch, person)


def _give_back(batch: WriteBatch, person: Known, surname: str, article_id: int) -> None:
    """The quotations of articles that never name the person in full, to the surname's own
    speaker: another person bears the surname now."""
    label = parse_name(person.name)
    assert label is not None
    named: dict[int, bool] = defaultdict(bool)
    for row_article, *mentions in _quoted(batch, person.id):
        named[row_article] |= any(_names_in_full(m, label) for m in mentions if m)
    unsure = sorted(a for a, full in named.items() if not full and a != article_id)
    if not unsure:
        return
    bare = [
        found
        for found, text in _texts(batch, unsure)
        if not _names_in_full(fuller_name(text, surname), label)
    ]
    if not bare:
        return
    own = speaker_for(batch, surname, PERSON)
    cache.write(batch)
    batch.write_rows()  # the rows kept for COPY are moved too
    _move_roles(batch, person.id, own.id, bare)
    moving = update(QUOTATIONS).where(
        QUOTATIONS.c.speaker_id == person.id, QUOTATIONS.c.article_id.in_(sorted(bare))
    )
    plain.run(batch.session, moving.values(speaker_id=own.id))
    _pool_moved(batch, person.id, own.id, set(bare))
    for speaker in (person, own):
        cache.rows_moved(batch, speaker)
        rename(batch, speaker)


def _quoted(batch: WriteBatch, speaker_id: int) -> list[tuple[int, str | None, str | None]]:
    """(article, mention, antecedent) of the speaker's quotations: stored, and kept for COPY
    (read where they are: most speakers give nothing back, and writing the rows first would
    cost a bulk load its COPY per table)."""
    q = QUOTATIONS.c
    stmt = select(q.article_id, q.speaker_mention, q.antecedent).where(q.speaker_id == speaker_id)
    found: list[tuple[int, str | None, str | None]] = [
        (a, m, n) for a, m, n in plain.run(batch.session, stmt)
    ]
    found += [
        (r["article_id"], r["speaker_mention"], r["antecedent"])
        for r in batch.kept_quotations(speaker_id)
    ]
    return found


def _texts(batch: WriteBatch, article_ids: list[int]) -> list[tuple[int, str]]:
    """(id, text) of these articles, stored or kept for COPY."""
    stmt = select(ARTICLES.c.id, ARTICLES.c.text).where(ARTICLES.c.id.in_(article_ids))
    found: list[tuple[int, str]] = [(i, t) for i, t in plain.run(batch.session, stmt)]
    wanted = set(article_ids)
    found += [(r["id"], r["text"]) for r in batch.pending.get(ARTICLES, []) if r["id"] in wanted]
    return found


def _pool_moved(batch: WriteBatch, old: int, new: int, articles: set[int] | None) -> None:
    """The clustering pool told that rows went from one speaker to another (of these
    articles, or all): both speakers' candidates are read again when next needed."""
    p = batch.pool
    for row in p.rows.values():
        if row.speaker_id == old and (articles is None or row.article_id in articles):
            row.speaker_id = new
    p.by_speaker.pop(old, None)
    p.by_speaker.pop(new, None)
    if articles is None:
        p.cluster_speakers = {c: new if s == old else s for c, s in p.cluster_speakers.items()}


def _move_roles(batch: WriteBatch, old: int, new: int, articles: list[int] | None) -> None:
    """The titles one speaker was given (in these articles, or all), to another; a title
    both were given in one article is kept once."""
    theirs = select(ROLES.c.role, ROLES.c.article_id).where(ROLES.c.speaker_id == new)
    held = {tuple(r) for r in plain.run(batch.session, theirs)}
    mine = select(ROLES.c.id, ROLES.c.role, ROLES.c.article_id).where(ROLES.c.speaker_id == old)
    if articles is not None:
        mine = mine.where(ROLES.c.article_id.in_(sorted(articles)))
    rows = list(plain.run(batch.session, mine))
    twice = [i for i, role, article in rows if (role, article) in held]
    if twice:
        plain.run(batch.session, delete(ROLES).where(ROLES.c.id.in_(twice)))
    ids = [i for i, role, article in rows if (role, article) not in held]
    if ids:
        stmt = update(ROLES).where(ROLES.c.id.in_(ids)).values(speaker_id=new)
        plain.run(batch.session, stmt)


def _names_in_full(mention: str | None, label: PersonName) -> bool:
    found = parse_name(mention) if mention else None
    return found is not None and found.given is not None and compatible(found, label)
