"""Human corrections: applied now, recorded with what they replaced, replayed after re-extraction.

A quotation is addressed by its article's content hash and its span, so a correction finds
its quotation again in a newer extraction (the one whose span overlaps it most); people are
addressed by id and name.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.core.names import canonical_label, compatible, parse_name
from quotedb.db.models import (
    Alias,
    Article,
    Cluster,
    Correction,
    Quotation,
    Role,
    Speaker,
    storable_id,
)
from quotedb.errors import QueryError
from quotedb.read.speakers import alias_key, find_speakers, lookup
from quotedb.store import cache, clusters, identity
from quotedb.store.batch import WriteBatch, writing
from quotedb.store.speakers import (
    MERGE,
    PERSON,
    RENAME,
    SPLIT,
    blocking_key,
    stored_speaker,
)

REATTRIBUTE, NOT_QUOTE = "reattribute", "not-quote"
ARTICLE = "article"  # an article's metadata edited by hand, or re-applied from a manifest
ARTICLE_FIELDS = ("title", "outlet", "authors", "published", "url")


def record(session: Session, action: str, q: Quotation | None = None, **fields: Any) -> Correction:
    previous = fields.pop("previous", {})
    row = Correction(action=action, payload=fields, previous=previous)
    if q is not None:
        row.article_hash, row.start, row.end = q.article.content_hash, q.start, q.end
    session.add(row)
    session.flush()
    return row


def get_quotation(session: Session, quotation_id: int) -> Quotation:
    q = session.get(Quotation, quotation_id) if storable_id(quotation_id) else None
    if q is None:
        raise QueryError(f"no quotation with id {quotation_id}")
    return q


def get_speaker(session: Session, name: str, kind: str | None = None) -> Speaker:
    """The one speaker a name or id denotes; a clear error when none or several do."""
    numeric = name.isdigit() and storable_id(int(name))
    if numeric and (found := session.get(Speaker, int(name))) is not None:
        return found
    matches = find_speakers(session, name) or lookup(session, name, kind)
    if kind is not None:
        matches = [s for s in matches if s.kind == kind]
    if not matches:
        raise QueryError(f"no speaker named {name!r}")
    if len(matches) > 1:
        listed = ", ".join(f"{s.id} ({s.name}, {s.kind})" for s in matches)
        raise QueryError(f"{name!r} names several speakers: {listed}; give an id")
    return matches[0]


def _speaker_state(q: Quotation) -> dict[str, Any]:
    sp = q.speaker
    return {"speaker": sp.name if sp else None, "kind": sp.kind if sp else None}


def target(session: Session, name: str, kind: str) -> Speaker:
    """The speaker a correction names: an existing one it denotes unambiguously, or a new one."""
    try:
        return get_speaker(session, name, kind)
    except QueryError:
        if name.isdigit() or len(find_speakers(session, name) or lookup(session, name, kind)) > 1:
            raise
        with writing(session) as batch:
            return stored_speaker(batch, name, kind)


def set_speaker(session: Session, q: Quotation, speaker: Speaker | None) -> None:
    old_cluster = q.cluster_id
    q.speaker = speaker
    q.corrected = True
    q.cluster_id = None
    clusters.prune(session, [old_cluster])


def reattribute(session: Session, q: Quotation, name: str | None, kind: str) -> Correction:
    """Give a quotation to a person or organisation, or to nobody (``name`` None)."""
    previous = _speaker_state(q)
    speaker = None if name is None else target(session, name, kind)
    set_speaker(session, q, speaker)
    session.flush()
    return record(
        session, REATTRIBUTE, q,
        speaker=speaker.name if speaker else None,
        speaker_id=speaker.id if speaker else None,
        kind=kind, previous=previous,
    )  # fmt: skip


def not_quote(session: Session, q: Quotation) -> Correction:
    """Remove what the extractor took for a quotation."""
    row = record(session, NOT_QUOTE, q, previous={"text": q.text, **_speaker_state(q)})
    old_cluster = q.cluster_id
    _remove(session, q, q.article.content_hash)
    clusters.prune(session, [old_cluster])
    session.flush()
    return row


def _remove(session: Session, q: Quotation, article_hash: str) -> None:
    """Delete a quotation; its id is retired, never given to another."""
    known = identity.Known(q.id, q.start, q.end, q.text)
    identity.retire(session, article_hash, [known])
    session.delete(q)


def merge(session: Session, keep: Speaker, other: Speaker) -> Correction:
    """One person known under two speakers: everything of ``other`` moves to ``keep``."""
    if keep.id == other.id:
        raise QueryError("a speaker cannot be merged with itself")
    previous = {
        "id": other.id,
        "name": other.name,
        "kind": other.kind,
        "aliases": [a.alias for a in other.aliases],
    }
    keys = sorted({a.key for a in other.aliases} | {alias_key(other.name)} - {""})
    added = [a.alias for a in other.aliases if all(k.key != a.key for k in keep.aliases)]
    moved = list(session.scalars(select(Quotation).where(Quotation.speaker_id == other.id)))
    previous["quotations"] = [q.id for q in moved]  # ids outlive re-extraction: for undo
    for q in moved:
        q.speaker_id = keep.id
    for c in session.scalars(select(Cluster).where(Cluster.speaker_id == other.id)):
        c.speaker_id = keep.id
    for alias in list(other.aliases):
        if all(a.key != alias.key for a in keep.aliases):
            keep.aliases.append(Alias(alias=alias.alias, key=alias.key))
    for role in list(other.roles):
        if all((r.role, r.article_id) != (role.role, role.article_id) for r in keep.roles):
            keep.roles.append(Role(role=role.role, article_id=role.article_id))
    session.delete(other)
    session.flush()
    return record(
        session, MERGE, into=keep.id, into_name=keep.name, keys=keys, added=added,
        previous=previous,
    )  # fmt: skip


def split(session: Session, speaker: Speaker, alias: str) -> Correction:
    """An alias wrongly merged into a speaker becomes a speaker of its own, with its quotations."""
    key = alias_key(alias)
    exact = [a for a in speaker.aliases if a.key == key]
    if not exact:
        raise QueryError(f"{speaker.name!r} has no alias {alias!r}")
    kept = speaker.name
    if alias_key(kept) == key:  # the label itself goes: the kept one is named by the rest
        kept = canonical_label(Counter(a.alias for a in speaker.aliases if a not in exact))
    moved = exact + [
        a for a in speaker.aliases if a not in exact and _goes_with(a, alias, speaker.kind, kept)
    ]
    if len(moved) == len(speaker.aliases):
        raise QueryError(f"{alias!r} is the only name of {speaker.name!r}")
    keys = {a.key for a in moved}
    label, kept_label = exact[0].alias, _label_after_split(speaker, keys)
    if alias_key(label) == alias_key(kept_label):
        raise QueryError(f"{speaker.name!r} and {alias!r} would share one label; rename first")
    previous = {"name": speaker.name}
    new = Speaker(name=label, kind=speaker.kind, name_key=blocking_key(label, speaker.kind))
    for a in moved:
        speaker.aliases.remove(a)
        new.aliases.append(Alias(alias=a.alias, key=a.key))
    speaker.name, speaker.name_key = kept_label, blocking_key(kept_label, speaker.kind)
    session.add(new)
    session.flush()
    _move_mentioned(session, speaker, new, keys)
    return record(
        session, SPLIT, speaker=speaker.id, alias=alias, new=new.id, kind=speaker.kind,
        keys=sorted(keys), previous=previous,
    )  # fmt: skip


def _label_after_split(speaker: Speaker, moved: set[str]) -> str:
    """The kept speaker's label: as it was, unless it names the person split off."""
    if alias_key(speaker.name) not in moved:
        return speaker.name
    left = [a.alias for a in speaker.aliases if a.key not in moved]
    return canonical_label(Counter(left)) or left[0]


def _move_mentioned(session: Session, source: Speaker, dest: Speaker, keys: set[str]) -> int:
    """The source's quotations whose speaker is mentioned by one of these names, moved."""
    moved = 0
    for q in session.scalars(select(Quotation).where(Quotation.speaker_id == source.id)):
        if keys & {alias_key(m) for m in (q.speaker_mention, q.antecedent) if m}:
            q.speaker_id, q.corrected = dest.id, True
            moved += 1
    return moved


def _goes_with(other: Alias, alias: str, kind: str, kept_label: str) -> bool:
    """Does another alias name the person split off ("Mr. Guterres" with "António Guterres")
    rather than the speaker kept?"""
    if kind != PERSON:
        return False
    mine, theirs, kept = parse_name(other.alias), parse_name(alias), parse_name(kept_label)
    if mine is None or theirs is None or not compatible(mine, theirs):
        return False
    return kept is None or not compatible(mine, kept)


def rename(session: Session, speaker: Speaker, name: str) -> Correction:
    """A label chosen by a person, kept over the automatic one."""
    previous = {"name": speaker.name}
    speaker.name = name
    speaker.name_key = blocking_key(name, speaker.kind)
    if all(a.key != alias_key(name) for a in speaker.aliases):
        speaker.aliases.append(Alias(alias=name, key=alias_key(name)))
    return record(session, RENAME, speaker=speaker.id, name=name, previous=previous)


def get_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id) if storable_id(article_id) else None
    if article is None:
        raise QueryError(f"no article with id {article_id}")
    return article


def edit_article(session: Session, article: Article, changes: dict[str, Any]) -> Correction | None:
    """Set an article's metadata fields (``ARTICLE_FIELDS``; ``published`` a date or None),
    recorded with the values they replace; None when nothing changes. Re-extraction keeps
    articles' metadata, so the edit survives it; undo restores the previous values."""
    unknown = set(changes) - set(ARTICLE_FIELDS)
    if unknown:
        raise QueryError(f"not an article field: {', '.join(sorted(unknown))}")
    new = {k: _stored_form(v) for k, v in changes.items() if _stored_form(v) != _field(article, k)}
    if not new:
        return None
    previous = {k: _field(article, k) for k in new}
    _set_fields(article, new)
    row = record(session, ARTICLE, article=article.id, fields=new, previous=previous)
    row.article_hash = article.content_hash
    session.flush()
    return row


def _stored_form(value: Any) -> Any:
    """Dates as ISO text, author lists as lists: what a correction's JSON keeps."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _field(article: Article, name: str) -> Any:
    return _stored_form(getattr(article, name))


def _set_fields(article: Article, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "published":
            value = dt.date.fromisoformat(value) if value else None
        setattr(article, name, value)


def list_corrections(session: Session) -> list[Correction]:
    return list(session.scalars(select(Correction).order_by(Correction.id)))


# ---------------------------------------------------------------- replay


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_again(article: Article, start: int, end: int) -> Quotation | None:
    """The article's quotation that overlaps the span most (at least half the shorter one)."""
    best, best_overlap = None, 0
    for q in article.quotations:
        o = _overlap((q.start, q.end), (start, end))
        if o > best_overlap and o >= 0.5 * min(q.end - q.start, end - start):
            best, best_overlap = q, o
    return best


def replay(batch: WriteBatch, article_id: int, content_hash: str) -> int:
    """Apply the article's quotation corrections again; the number applied."""
    if not cache.has_corrections(batch, content_hash):
        return 0
    batch.rows_changed()  # clusters joined in memory written: corrections read the rows
    session = batch.session
    article = session.get_one(Article, article_id)
    session.refresh(article, ["quotations"])  # its rows may have been written without the ORM
    stmt = select(Correction).where(Correction.article_hash == content_hash)
    applied = 0
    for c in session.scalars(stmt.order_by(Correction.id)):
        q = find_again(article, c.start or 0, c.end or 0)
        if q is None:
            continue
        if c.action == REATTRIBUTE:
            set_speaker(session, q, replayed_speaker(batch, c.payload))
            batch.rows_changed()  # what the batch knew of the speakers' names
        elif c.action == NOT_QUOTE:
            _remove(session, q, content_hash)  # before the orphan is flushed
            article.quotations.remove(q)
            batch.rows_changed()
        applied += 1
    session.flush()
    return applied


def replayed_speaker(batch: WriteBatch, payload: dict[str, Any]) -> Speaker | None:
    """The speaker a recorded reattribution named: by id while it exists, else by name."""
    session = batch.session
    name, kind = payload.get("speaker"), payload.get("kind") or PERSON
    if name is None:
        return None
    if (sid := payload.get("speaker_id")) is not None and (found := session.get(Speaker, sid)):
        return found
    candidates = find_speakers(session, name) or lookup(session, name, kind)
    return candidates[0] if len(candidates) == 1 else stored_speaker(batch, name, kind)


# ---------------------------------------------------------------- undo


def undo(session: Session, correction_id: int) -> Correction:
    """Take a correction back: its effect reverted, its record removed (not replayed again)."""
    c = session.get(Correction, correction_id) if storable_id(correction_id) else None
    if c is None:
        raise QueryError(f"no correction with id {correction_id}")
    undoers = {
        REATTRIBUTE: _undo_reattribute,
        NOT_QUOTE: _undo_not_quote,
        MERGE: _undo_merge,
        SPLIT: _undo_split,
        RENAME: _undo_rename,
        ARTICLE: _undo_article,
    }
    if c.action not in undoers:
        raise QueryError(f"correction {correction_id} ({c.action}) cannot be undone")
    session.delete(c)
    session.flush()
    undoers[c.action](session, c)
    session.flush()
    return c


def _article(session: Session, c: Correction) -> Article:
    article = session.scalar(select(Article).where(Article.content_hash == c.article_hash))
    if article is None:
        raise QueryError(f"correction {c.id}: its article is no longer stored")
    return article


def _speaker(session: Session, c: Correction, speaker_id: Any) -> Speaker:
    found = session.get(Speaker, int(speaker_id)) if speaker_id is not None else None
    if found is None:
        raise QueryError(f"correction {c.id}: speaker {speaker_id} is no longer stored")
    return found


def _undo_reattribute(session: Session, c: Correction) -> None:
    q = find_again(_article(session, c), c.start or 0, c.end or 0)
    if q is None:
        raise QueryError(f"correction {c.id}: its quotation is no longer stored")
    name, kind = c.previous.get("speaker"), c.previous.get("kind") or PERSON
    set_speaker(session, q, None if name is None else target(session, name, kind))
    q.corrected = False


def _undo_not_quote(session: Session, c: Correction) -> None:
    """The article extracted again: the quotation comes back, with the id it had."""
    from quotedb.store.reextract import reextract  # reextract stores through this module

    reextract(session, _article(session, c))


def _undo_merge(session: Session, c: Correction) -> None:
    """The merged speaker back, with its id, names and the quotations that name it."""
    keep, prev = _speaker(session, c, c.payload.get("into")), c.previous
    if session.get(Speaker, prev["id"]) is not None:
        raise QueryError(f"correction {c.id}: speaker {prev['id']} exists again")
    kind = prev.get("kind") or keep.kind
    other = Speaker(id=prev["id"], name=prev["name"], kind=kind)
    other.name_key = blocking_key(other.name, kind)
    added = {alias_key(a) for a in c.payload.get("added", ())}
    for alias in prev["aliases"]:
        other.aliases.append(Alias(alias=alias, key=alias_key(alias)))
    for a in [a for a in keep.aliases if a.key in added]:
        keep.aliases.remove(a)
    session.add(other)
    session.flush()
    stmt = select(Quotation).where(Quotation.speaker_id == keep.id)
    for q in session.scalars(stmt.where(Quotation.id.in_(prev.get("quotations", [])))):
        q.speaker_id = other.id
    _move_mentioned(session, keep, other, added)


def _undo_split(session: Session, c: Correction) -> None:
    """The speaker split off folded back into the one it came from."""
    source, new = (
        _speaker(session, c, c.payload.get("speaker")),
        _speaker(session, c, c.payload.get("new")),
    )
    for q in session.scalars(select(Quotation).where(Quotation.speaker_id == new.id)):
        q.speaker_id = source.id
    for c_row in session.scalars(select(Cluster).where(Cluster.speaker_id == new.id)):
        c_row.speaker_id = source.id
    for alias in list(new.aliases):
        if all(a.key != alias.key for a in source.aliases):
            source.aliases.append(Alias(alias=alias.alias, key=alias.key))
    source.name = c.previous.get("name", source.name)
    source.name_key = blocking_key(source.name, source.kind)
    session.delete(new)


def _undo_article(session: Session, c: Correction) -> None:
    _set_fields(get_article(session, c.payload["article"]), c.previous)


def _undo_rename(session: Session, c: Correction) -> None:
    speaker = _speaker(session, c, c.payload.get("speaker"))
    speaker.name = c.previous["name"]
    speaker.name_key = blocking_key(speaker.name, speaker.kind)
