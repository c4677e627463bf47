"""What the writer has learnt about stored speakers, kept for one transaction.

Ingest asks the same questions for every article (who is filed under this alias, who bears
a surname like this one, which labels people pinned, which names a speaker goes by), and
asking the database each time cost more than extraction. The answers are loaded once per
transaction, without flushing, and kept up to date by the writes that change them
(:mod:`quotedb.store.speakers`). Speakers touched in this transaction (created, given an
alias or renamed) are always considered too, so that a pending change is never missed.

Dropped at the end of the transaction and on any rollback (a savepoint's too), since rows
may then have vanished; corrections drop it as well, as they move aliases and quotations.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import event, func, inspect, or_, select
from sqlalchemy.orm import Session, SessionTransaction, selectinload

from quotedb.db.models import Alias, Correction, Speaker
from quotedb.db.models import Quotation as QuotationRow

KEY = "quotedb.speaker_cache"
POOL_KEY = "quotedb.candidate_pool"  # quotedb.store.candidates: same lifetime as this cache
T = TypeVar("T")
PREFIX = 3  # people are blocked on their surname's first letters (see ``fitting``)


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
    by_alias: dict[str, set[Speaker]] = field(default_factory=dict)
    by_prefix: dict[tuple[str, str], set[Speaker]] = field(default_factory=dict)
    touched: dict[Speaker, int] = field(default_factory=dict)  # in order of first touch
    new_aliases: dict[str, set[Speaker]] = field(default_factory=dict)  # maybe not flushed
    new_prefixes: dict[str, set[Speaker]] = field(default_factory=dict)
    forms: dict[Speaker, NameForms] = field(default_factory=dict)
    pinned: set[int] | None = None
    corrected: set[str] | None = None  # hashes of articles with quotation corrections
    order: itertools.count[int] = field(default_factory=itertools.count)

    def touch(self, speaker: Speaker) -> None:
        """A speaker created, renamed or given an alias in this transaction."""
        self.touched.setdefault(speaker, next(self.order))


def per_transaction(session: Session, key: str, kind: type[T]) -> T:
    """The session's ``kind`` object under ``key``, made on first use; dropped by :func:`forget`."""
    found = session.info.get(key)
    if found is None:
        found = session.info[key] = kind()
    assert isinstance(found, kind)
    return found


def cache(session: Session) -> SpeakerCache:
    return per_transaction(session, KEY, SpeakerCache)


def forget(session: Session) -> None:
    session.info.pop(KEY, None)
    session.info.pop(POOL_KEY, None)


def reset(session: Session) -> None:
    """Start afresh after a change the cache does not follow (pending rows and cluster
    changes written first: a fresh cache reads without flushing)."""
    session.flush()
    for write in _WRITERS:
        write(session)
    forget(session)


_WRITERS: list[Callable[[Session], None]] = []


def writes_pending(write: Callable[[Session], None]) -> Callable[[Session], None]:
    """Register what writes changes kept in memory, before a reset drops them."""
    _WRITERS.append(write)
    return write


def _by_id(c: SpeakerCache, speakers: set[Speaker]) -> list[Speaker]:
    """Database order: stored speakers by id, then new ones as they will be numbered."""
    return sorted(speakers, key=lambda s: (s.id is None, s.id or c.touched.get(s, 0)))


def filed_under(session: Session, keys: set[str]) -> list[Speaker]:
    """Speakers with an alias of one of these keys, by id."""
    c = cache(session)
    load_aliases(session, keys)
    return _by_id(c, set().union(*(c.by_alias[k] for k in keys)))


def load_aliases(session: Session, keys: Iterable[str]) -> None:
    """Who is filed under these alias keys, for the keys not known yet (one query)."""
    c = cache(session)
    missing = sorted({k for k in keys if k not in c.by_alias})
    for k in missing:
        c.by_alias[k] = set(c.new_aliases.get(k, ()))
    for chunk in _chunks(missing):
        stmt = select(Alias.key, Speaker).join(Alias.speaker).where(Alias.key.in_(chunk))
        with session.no_autoflush:
            for key, speaker in session.execute(stmt.options(selectinload(Speaker.aliases))):
                c.by_alias[key].add(speaker)


def surname_block(session: Session, surname: str, kind: str) -> list[Speaker]:
    """Stored speakers of a kind whose blocking key starts like this surname, by id."""
    c = cache(session)
    prefix = surname[:PREFIX]
    load_blocks(session, [surname], kind)
    block = c.by_prefix[(kind, prefix)]
    return _by_id(c, {s for s in block if s.kind == kind and s.name_key.startswith(prefix)})


def load_blocks(session: Session, surnames: Iterable[str], kind: str) -> None:
    """The speakers of the blocks of these surnames not known yet (a query per 500)."""
    c = cache(session)
    missing = sorted({p for n in surnames if (kind, p := n[:PREFIX]) not in c.by_prefix})
    for p in missing:
        c.by_prefix[(kind, p)] = set(c.new_prefixes.get(p, ()))
    for chunk in _chunks(missing):
        # One pass over the speakers with a set test: SQLite would not use the name-key
        # index for hundreds of ORed ranges, and scanning with each range costs 10x more.
        short = [starting_with(Speaker.name_key, p) for p in chunk if len(p) < PREFIX]
        full = [p for p in chunk if len(p) == PREFIX]
        stmt = select(Speaker).where(
            Speaker.kind == kind, or_(func.substr(Speaker.name_key, 1, PREFIX).in_(full), *short)
        )
        with session.no_autoflush:
            found = list(session.scalars(stmt.options(selectinload(Speaker.aliases))))
        for speaker in found:
            for n in range(PREFIX + 1):
                if (block := c.by_prefix.get((kind, speaker.name_key[:n]))) is not None:
                    block.add(speaker)


def starting_with(column: Any, prefix: str) -> Any:
    """``column`` starts with ``prefix``, as a range an index can answer (``LIKE`` is not)."""
    return column.between(prefix, prefix + "\U0010ffff")


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def renamed(session: Session, speaker: Speaker) -> None:
    """A speaker's name key changed, or it is new: it may now fall in other blocks."""
    c = cache(session)
    c.touch(speaker)
    for n in range(PREFIX + 1):
        prefix = speaker.name_key[:n]
        c.new_prefixes.setdefault(prefix, set()).add(speaker)
        if (block := c.by_prefix.get((speaker.kind, prefix))) is not None:
            block.add(speaker)


def aliased(session: Session, speaker: Speaker, key: str) -> None:
    c = cache(session)
    c.touch(speaker)
    c.new_aliases.setdefault(key, set()).add(speaker)
    if (filed := c.by_alias.get(key)) is not None:
        filed.add(speaker)


def pinned_labels(session: Session, actions: tuple[str, ...]) -> set[int]:
    """Ids of the speakers whose label a correction chose."""
    c = cache(session)
    if c.pinned is None:
        stmt = select(Correction.payload).where(Correction.action.in_(actions))
        payloads: list[dict[str, Any]] = list(session.scalars(stmt))
        c.pinned = {i for p in payloads for i in (p.get("speaker"), p.get("into")) if i}
    return c.pinned


def has_corrections(session: Session, content_hash: str) -> bool:
    c = cache(session)
    if c.corrected is None:
        stmt = select(Correction.article_hash).where(Correction.article_hash.is_not(None))
        c.corrected = set(session.scalars(stmt.distinct()))
    return content_hash in c.corrected


def name_forms(session: Session, speaker: Speaker, parse: Any) -> NameForms:
    """The names attributions give the speaker; stored rows read once per transaction, for
    every speaker the batch's names found at once (one query, not one per speaker)."""
    c = cache(session)
    forms = c.forms.get(speaker)
    if forms is None and (speaker.id is None or inspect(speaker).pending):
        forms = c.forms[speaker] = NameForms()  # new: no rows stored yet
    elif forms is None:
        found = {s for filed in c.by_alias.values() for s in filed} | {speaker}
        stored = {
            s.id: s
            for s in found
            if s not in c.forms and s.id is not None and not inspect(s).pending
        }
        for s in stored.values():
            c.forms[s] = NameForms()
        for chunk in _chunks(sorted(stored)):
            _load_forms(session, c, [stored[i] for i in chunk], parse)
        forms = c.forms[speaker]
    return forms


def _load_forms(session: Session, c: SpeakerCache, speakers: list[Speaker], parse: Any) -> None:
    by_id: dict[int | None, NameForms] = {s.id: c.forms[s] for s in speakers}
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
    with session.no_autoflush:  # rows are flushed article by article
        rows = list(session.execute(stmt))
    for speaker_id, antecedent, mention, article_id in rows:
        for text in (antecedent, mention):
            if text and (parsed := parse(text)) is not None:
                by_id[speaker_id].add(parsed.display, article_id)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, _previous: SessionTransaction) -> None:
    forget(session)


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        forget(session)
