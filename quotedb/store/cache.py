"""What the writer has learnt about stored speakers, kept for one transaction.

Ingest asks the same questions for every article (who is filed under this alias, who bears
a surname like this one, which labels people pinned, which names a speaker goes by), and
asking the database each time cost more than extraction. The answers are loaded once per
transaction, without flushing, and kept up to date by the writes that change them
(:mod:`quotedb.store.speakers`).

Speakers are plain records here (:class:`Known`), not ORM objects: the ORM's bookkeeping
for thousands of names a second cost more than matching them. The cache is their identity
map (one record per id) and holds their writes (new speakers, new aliases, new labels)
until :func:`write` runs them as a few statements: before rows refer to the speakers
(unless foreign keys are checked at commit), and when the batch is flushed.

A cache belongs to one :class:`~quotedb.store.batch.WriteBatch` (one transaction); a batch
whose rows were changed behind its back (corrections, through the ORM) starts a new one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, func, or_, select, update

from quotedb.db.models import ALIASES, SPEAKERS, Correction
from quotedb.db.models import Quotation as QuotationRow
from quotedb.read.speakers import starting_with
from quotedb.store import plain

if TYPE_CHECKING:
    from quotedb.store.batch import WriteBatch

PREFIX = 3  # people are blocked on their surname's first letters (see ``fitting``)


@dataclass(slots=True, eq=False)
class Known:
    """A speaker as the writer sees it; ``aliases`` maps each alias key to its surface."""

    id: int
    name: str
    kind: str
    name_key: str
    aliases: dict[str, str] = field(default_factory=dict)
    created: bool = False  # in this transaction: no rows of theirs were stored before


@dataclass(slots=True)
class NameForms:
    """A speaker's names as attributions use them: each (name, article) counted once."""

    seen: set[tuple[str, int]] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, display: str, article_id: int) -> None:
        if (display, article_id) not in self.seen:
            self.seen.add((display, article_id))
            self.counts[display] += 1


@dataclass(slots=True)
class SpeakerCache:
    by_id: dict[int, Known] = field(default_factory=dict)
    by_alias: dict[str, set[Known]] = field(default_factory=dict)
    by_prefix: dict[tuple[str, str], set[Known]] = field(default_factory=dict)
    new_aliases: dict[str, set[Known]] = field(default_factory=dict)  # maybe not written
    new_prefixes: dict[str, set[Known]] = field(default_factory=dict)
    forms: dict[Known, NameForms] = field(default_factory=dict)
    pinned: set[int] | None = None
    redirects: dict[tuple[str, str], int] | None = None  # (alias key, kind): merged or split
    split_targets: set[int] | None = None  # speakers made by splits
    corrected: set[str] | None = None  # hashes of articles with quotation corrections
    # Writes not run yet (see ``write``):
    unwritten: dict[Known, None] = field(default_factory=dict)  # new speakers, in order
    alias_rows: list[dict[str, Any]] = field(default_factory=list)
    relabelled: dict[Known, None] = field(default_factory=dict)  # stored, with a new label
    # Ids of the speakers this transaction created, in order: the article that made each
    # is the slice its store added (see ``made_since``), however many share the transaction.
    made: list[int] = field(default_factory=list)

    def carried(self) -> SpeakerCache:
        """The cache as the next transaction may use it once this one committed (all its
        writes run): nothing is new any more. Name forms follow stored rows only while no
        split sends rows elsewhere (see ``redirect_rows``); else they are read again."""
        assert not (self.unwritten or self.alias_rows or self.relabelled), "write() first"
        for speaker in self.by_id.values():
            speaker.created = False
        self.made = []
        self.new_aliases, self.new_prefixes = {}, {}
        if self.redirects:
            self.forms = {}
        return self


def _by_id(speakers: set[Known]) -> list[Known]:
    return sorted(speakers, key=lambda s: s.id)


def filed_under(batch: WriteBatch, keys: set[str]) -> list[Known]:
    """Speakers with an alias of one of these keys, by id."""
    c = batch.speakers
    load_aliases(batch, keys)
    return _by_id(set().union(*(c.by_alias[k] for k in keys)))


def load_aliases(batch: WriteBatch, keys: Iterable[str]) -> None:
    """Who is filed under these alias keys, for the keys not known yet (one query)."""
    c = batch.speakers
    missing = sorted({k for k in keys if k not in c.by_alias})
    for k in missing:
        c.by_alias[k] = set(c.new_aliases.get(k, ()))
    for chunk in _chunks(missing):
        stmt = _speakers(ALIASES.c.key).join(ALIASES).where(ALIASES.c.key.in_(chunk))
        for key, speaker in _adopt(batch, stmt):
            c.by_alias[key].add(speaker)


def surname_block(batch: WriteBatch, surname: str, kind: str) -> list[Known]:
    """Stored speakers of a kind whose blocking key starts like this surname, by id."""
    c = batch.speakers
    prefix = surname[:PREFIX]
    load_blocks(batch, [surname], kind)
    block = c.by_prefix[(kind, prefix)]
    return _by_id({s for s in block if s.kind == kind and s.name_key.startswith(prefix)})


def load_blocks(batch: WriteBatch, surnames: Iterable[str], kind: str) -> None:
    """The speakers of the blocks of these surnames not known yet (a query per 500)."""
    c = batch.speakers
    missing = sorted({p for n in surnames if (kind, p := n[:PREFIX]) not in c.by_prefix})
    for p in missing:
        c.by_prefix[(kind, p)] = set(c.new_prefixes.get(p, ()))
    name_key = SPEAKERS.c.name_key
    for chunk in _chunks(missing):
        # One pass over the speakers with a set test: SQLite would not use the name-key
        # index for hundreds of ORed ranges, and scanning with each range costs 10x more.
        short = [starting_with(name_key, p) for p in chunk if len(p) < PREFIX]
        full = [p for p in chunk if len(p) == PREFIX]
        stmt = _speakers().where(
            SPEAKERS.c.kind == kind, or_(func.substr(name_key, 1, PREFIX).in_(full), *short)
        )
        for _, speaker in _adopt(batch, stmt):
            for n in range(PREFIX + 1):
                if (block := c.by_prefix.get((kind, speaker.name_key[:n]))) is not None:
                    block.add(speaker)


def _speakers(*extra: Any) -> Select[Any]:
    return select(*extra, SPEAKERS.c.id, SPEAKERS.c.name, SPEAKERS.c.kind, SPEAKERS.c.name_key)


def _adopt(batch: WriteBatch, stmt: Select[Any]) -> list[tuple[Any, Known]]:
    """The rows' speakers as the cache's records (aliases and all): the one already known
    for an id, which may carry changes not written yet, else a new one."""
    c = batch.speakers
    found: list[tuple[Any, Known]] = []
    fresh: dict[int, Known] = {}
    for *extra, speaker_id, name, kind, name_key in plain.run(batch.session, stmt):
        known = c.by_id.get(speaker_id) or fresh.get(speaker_id)
        if known is None:
            known = fresh[speaker_id] = Known(speaker_id, name, kind, name_key)
        found.append((extra[0] if extra else None, known))
    for chunk in _chunks(sorted(fresh)):
        aliases = select(ALIASES.c.speaker_id, ALIASES.c.key, ALIASES.c.alias)
        aliases = aliases.where(ALIASES.c.speaker_id.in_(chunk)).order_by(ALIASES.c.id)
        for speaker_id, key, alias in plain.run(batch.session, aliases):
            fresh[speaker_id].aliases[key] = alias
    c.by_id.update(fresh)
    return found


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def created(batch: WriteBatch, speaker: Known) -> None:
    """A new speaker, to be inserted by ``write``."""
    c = batch.speakers
    c.by_id[speaker.id] = speaker
    c.unwritten[speaker] = None
    c.made.append(speaker.id)
    _file_prefixes(c, speaker)


def made_since(batch: WriteBatch, mark: int) -> set[int]:
    """The speakers created since ``len(batch.speakers.made)`` was ``mark``."""
    return set(batch.speakers.made[mark:])


def renamed(batch: WriteBatch, speaker: Known) -> None:
    """A speaker's label changed: it may now fall in other blocks."""
    c = batch.speakers
    if speaker not in c.unwritten:
        c.relabelled[speaker] = None
    _file_prefixes(c, speaker)


def _file_prefixes(c: SpeakerCache, speaker: Known) -> None:
    for n in range(PREFIX + 1):
        prefix = speaker.name_key[:n]
        c.new_prefixes.setdefault(prefix, set()).add(speaker)
        if (block := c.by_prefix.get((speaker.kind, prefix))) is not None:
            block.add(speaker)


def aliased(batch: WriteBatch, speaker: Known, key: str, row_id: int) -> None:
    """A new alias of the speaker (already in ``speaker.aliases``), to be inserted."""
    c = batch.speakers
    c.alias_rows.append(
        {"id": row_id, "speaker_id": speaker.id, "alias": speaker.aliases[key], "key": key}
    )
    c.new_aliases.setdefault(key, set()).add(speaker)
    if (filed := c.by_alias.get(key)) is not None:
        filed.add(speaker)


def write(batch: WriteBatch) -> None:
    """The speakers, aliases and labels changed in memory, written (a statement each)."""
    c = batch.speakers
    if c.unwritten:
        now = dt.datetime.now(dt.UTC)
        rows = [
            {"id": s.id, "name": s.name, "kind": s.kind, "name_key": s.name_key, "created_at": now}
            for s in c.unwritten
        ]
        batch.insert_now(SPEAKERS, rows)
    if c.alias_rows:
        batch.insert_now(ALIASES, c.alias_rows)
    if c.relabelled:
        stmt = update(SPEAKERS).where(SPEAKERS.c.id == bindparam("speaker"))
        stmt = stmt.values(name=bindparam("label"), name_key=bindparam("key"))
        labels = [{"speaker": s.id, "label": s.name, "key": s.name_key} for s in c.relabelled]
        plain.run(batch.session, stmt, labels)
    c.unwritten, c.alias_rows, c.relabelled = {}, [], {}


def by_id(batch: WriteBatch, speaker_id: int) -> Known | None:
    """The speaker with this id, when there is one."""
    c = batch.speakers
    if speaker_id not in c.by_id:
        _adopt(batch, _speakers().where(SPEAKERS.c.id == speaker_id))
    return c.by_id.get(speaker_id)


def pinned_labels(batch: WriteBatch, actions: tuple[str, ...]) -> set[int]:
    """Ids of the speakers whose label a correction chose."""
    c = batch.speakers
    if c.pinned is None:
        stmt = select(Correction.payload).where(Correction.action.in_(actions))
        payloads: list[dict[str, Any]] = list(batch.session.scalars(stmt))
        c.pinned = {i for p in payloads for i in (p.get("speaker"), p.get("into")) if i}
    return c.pinned


def has_corrections(batch: WriteBatch, content_hash: str) -> bool:
    c = batch.speakers
    if c.corrected is None:
        stmt = select(Correction.article_hash).where(Correction.article_hash.is_not(None))
        c.corrected = set(batch.session.scalars(stmt.distinct()))
    return content_hash in c.corrected


def name_forms(batch: WriteBatch, speaker: Known, parse: Any) -> NameForms:
    """The names attributions give the speaker; stored rows read once per transaction, for
    every speaker the batch's names found at once (one query, not one per speaker)."""
    c = batch.speakers
    forms = c.forms.get(speaker)
    if forms is None and speaker.created:
        forms = c.forms[speaker] = NameForms()  # new: no rows stored yet
    elif forms is None:
        found = {s for filed in c.by_alias.values() for s in filed} | {speaker}
        stored = {s.id: s for s in found if s not in c.forms and not s.created}
        for s in stored.values():
            c.forms[s] = NameForms()
        for chunk in _chunks(sorted(stored)):
            _load_forms(batch, [stored[i] for i in chunk], parse)
        forms = c.forms[speaker]
    return forms


def _load_forms(batch: WriteBatch, speakers: list[Known], parse: Any) -> None:
    c = batch.speakers
    by_id: dict[int, NameForms] = {s.id: c.forms[s] for s in speakers}
    stmt = (
        select(
            QuotationRow.speaker_id,
            QuotationRow.antecedent,
            QuotationRow.speaker_mention,
            QuotationRow.article_id,
        )
        .where(QuotationRow.speaker_id.in_(list(by_id)))
        .distinct()
    )
    found: list[tuple[int, str | None, str | None, int]] = [
        (i, a, m, n) for i, a, m, n in plain.run(batch.session, stmt)
    ]
    for s in speakers:  # and those kept for COPY
        kept = batch.kept_quotations(s.id)
        found += [(s.id, r["antecedent"], r["speaker_mention"], r["article_id"]) for r in kept]
    for speaker_id, antecedent, mention, article_id in found:
        for text in (antecedent, mention):
            if text and (parsed := parse(text)) is not None:
                by_id[speaker_id].add(parsed.display, article_id)


def merged(batch: WriteBatch, gone: Known, into: Known) -> None:
    """A speaker whose rows were all given to another and who was deleted: forgotten, its
    aliases filed under the other (already written, as the rows were moved)."""
    c = batch.speakers
    for key, surface in gone.aliases.items():
        into.aliases.setdefault(key, surface)
        for table in (c.by_alias, c.new_aliases):
            if (filed := table.get(key)) is not None:
                filed.discard(gone)
                filed.add(into)
    for blocks in (c.by_prefix, c.new_prefixes):
        for block in blocks.values():
            block.discard(gone)
    c.by_id.pop(gone.id, None)
    c.relabelled.pop(gone, None)
    c.forms.pop(gone, None)
    rows_moved(batch, into)


def rows_moved(batch: WriteBatch, speaker: Known) -> None:
    """Stored rows were given to the speaker: its names are read again when next needed."""
    batch.speakers.forms.pop(speaker, None)
    speaker.created = False
