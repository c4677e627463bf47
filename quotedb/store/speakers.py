"""Finding the stored speaker a name refers to, or adding one.

People are matched on their names' compatibility (:mod:`quotedb.core.names`), never on a
bare surname several stored people share. ``Speaker.name_key`` is a blocking key: the
surname's key for people, the whole name's key for organisations and unnamed sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select

from quotedb.core.names import (
    PersonName,
    canonical_label,
    compatible,
    has_full_given,
    org_key,
    parse_name,
    surname_key,
    surnames_compatible,
)
from quotedb.core.types import SpeakerKind
from quotedb.db.models import ROLES, Alias, Correction, Role, Speaker
from quotedb.read.speakers import alias_key
from quotedb.store import cache
from quotedb.store.cache import Known
from quotedb.store.ids import reserve

if TYPE_CHECKING:
    from quotedb.store.batch import WriteBatch

PERSON = SpeakerKind.PERSON.value
UNNAMED = SpeakerKind.UNNAMED.value
RENAME, MERGE = "rename", "merge"  # corrections that pin a person's label
SPLIT = "split"  # with MERGE: corrections that send a name to a chosen speaker
ANY_KIND = ""  # a merge recorded without the kind of the speaker merged away


class ArticleRef(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...


def blocking_key(name: str, kind: str) -> str:
    parsed = parse_name(name) if kind == PERSON else None
    return surname_key(parsed) if parsed is not None else org_key(name) or alias_key(name)


def add_alias(batch: WriteBatch, speaker: Known, alias: str) -> bool:
    """Record one more name of a speaker; True when it is new."""
    key = alias_key(alias)
    if not key or key in speaker.aliases:
        return False
    parsed = parse_name(alias) if speaker.kind == PERSON else None
    surface = parsed.display if parsed is not None and parsed.role else alias
    speaker.aliases[key] = " ".join(surface.split())
    cache.aliased(batch, speaker, key, reserve(batch, Alias, 1)[0])
    return True


def has_given_name(speaker: Known) -> bool:
    label = parse_name(speaker.name)
    return label is not None and label.given is not None


def fits(speaker: Known, name: PersonName) -> bool:
    """Is the name compatible with the speaker's label (their best-supported name)?

    The label, not every alias: one odd alias from a noisy extraction must not make every
    later mention of the person look like somebody else.
    """
    label = parse_name(speaker.name)
    return label is not None and compatible(name, label)


def match_person(batch: WriteBatch, name: PersonName) -> Known | None:
    """The one stored person this name denotes; None when none fits, or several do.

    A bare surname goes to the one named person it fits, else to the stored bare surname
    (unresolved). A full name never takes over a bare-surname speaker: whose quotations those
    were is not known.
    """
    key, full = surname_key(name), has_full_given(name)
    block = cache.surname_block(batch, key, PERSON)
    named = [s for s in block if may_bear(s.name, key, full) and fits(s, name)]
    if len(named) == 1:
        return named[0]
    if name.given is not None:
        return None
    bare = [s for s in block if not has_given_name(s) and s.name_key == surname_key(name)]
    return bare[0] if bare else None


def may_bear(stored: str, key: str, full_given: bool) -> bool:
    """Is ``stored`` a name with a given name whose surname may be the one keyed ``key``?
    (The part of ``compatible`` that rules out most of a block, on strings: a block of a
    large archive holds hundreds of people.)"""
    found = _surname_of(stored)
    return found is not None and surnames_compatible(
        key, found[0], full_given=full_given and found[1]
    )


@lru_cache(maxsize=65536)
def _surname_of(name: str) -> tuple[str, bool] | None:
    """(surname key, whether the given name is spelt out) of a name with a given name."""
    label = parse_name(name)
    if label is None or label.given is None:
        return None
    return surname_key(label), has_full_given(label)


def person_name(names: list[str]) -> PersonName | None:
    """Who a document's speaker is: its name, completed by aliases that agree with it.

    Aliases from a noisy extraction may name relatives ("Bill Clinton" beside "Clinton"):
    a bare name takes a fuller alias only when all its fuller aliases agree.
    """
    parsed = [p for n in names if (p := parse_name(n)) is not None]
    if not parsed or parsed[0].given:
        return parsed[0] if parsed else None
    fuller = [p for p in parsed[1:] if p.given and compatible(p, parsed[0])]
    if fuller and all(compatible(a, b) for a in fuller for b in fuller):
        return max(fuller, key=lambda p: p.completeness)
    return parsed[0]


def _match(
    batch: WriteBatch, names: list[str], person: PersonName | None, kind: str
) -> Known | None:
    name = names[0]
    if person is not None:
        by_alias = [s for s in cache.filed_under(batch, {alias_key(name)}) if s.kind == kind]
        if person.given and len(by_alias) == 1:  # a full name already filed (by hand, perhaps)
            return by_alias[0]
        return match_person(batch, person)
    if kind == UNNAMED:  # "the spokesperson" of one article is not another's, named fuller
        own = {org_key(name), alias_key(name)} - {""}
        found = [s for s in cache.filed_under(batch, own) if s.kind == kind]
        return next((s for s in found if org_key(s.name) == org_key(name)), None)
    keys = {org_key(n) for n in names} | {alias_key(n) for n in names}
    keys -= {""}
    return next((s for s in cache.filed_under(batch, keys) if s.kind == kind), None)


def other_label(speaker: Known, names: Iterable[str] = ()) -> str:
    """An organisation's or unnamed source's label, whichever article named it first: the
    fullest of its names ("Customs and Border Protection" over "CBP"); for organisations
    without an article ("Kremlin"), for descriptions with one ("the man")."""
    forms = [speaker.name, *speaker.aliases.values(), *names]  # aliases alike share a key
    forms = [f for f in forms if _same_name(f, speaker.name, speaker.kind)]
    lead = speaker.kind == UNNAMED
    return max(forms, key=lambda f: (len(org_key(f)), _has_article(f) == lead, f[:1].isupper(), f))


def _same_name(a: str, b: str, kind: str) -> bool:
    """Two names of one organisation or source: alike once folded, or (organisations) one
    the initials of the other ("CBP", "Customs and Border Protection")."""
    ka, kb = org_key(a), org_key(b)
    return ka == kb or (kind != UNNAMED and (_initials(a) == kb or _initials(b) == ka))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).casefold()


def _has_article(name: str) -> bool:
    return name.split()[0].casefold() in ("the", "a", "an") if name.split() else False


def speaker_for(batch: WriteBatch, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Known:
    """The stored speaker a document's speaker denotes; created on first sight (written
    by :func:`quotedb.store.cache.write`).

    Only aliases compatible with the person are kept: a relative named nearby is not an alias.
    """
    person = person_name([name, *aliases]) if kind == PERSON else None
    speaker = redirected(batch, name, kind) or _match(batch, [name, *aliases], person, kind)
    if speaker is None:
        label = person.display if person is not None else name
        key = blocking_key(label, kind)
        speaker = Known(reserve(batch, Speaker, 1)[0], label, kind, key, created=True)
        cache.created(batch, speaker)
    names = [name, *aliases]
    if person is not None:
        names = [n for n in names if (p := parse_name(n)) is not None and compatible(p, person)]
    if redirects(batch):  # a name a person sent to another speaker is not this one's
        names = [n for n in names if redirected(batch, n, kind) in (None, speaker)]
    changed = [add_alias(batch, speaker, n) for n in names]
    if kind != PERSON and (any(changed) or any(n != speaker.name for n in names)):
        _relabel_other(batch, speaker, names)
    elif any(changed):
        rename(batch, speaker)
        batch.relabel[speaker] = None
    return speaker


def _relabel_other(batch: WriteBatch, speaker: Known, names: Iterable[str] = ()) -> None:
    """An organisation or unnamed source under its fullest name (see :func:`other_label`)."""
    label = other_label(speaker, names)
    if label != speaker.name and not renamed_by_hand(batch, speaker.id):
        speaker.name = label
        speaker.name_key = blocking_key(label, speaker.kind)
        cache.renamed(batch, speaker)


def redirects(batch: WriteBatch) -> dict[tuple[str, str], int]:
    """Names that merges and splits sent to a chosen speaker: (alias key, kind) -> speaker id.

    Later corrections win. Re-extraction and new articles find the person a person chose,
    not the speaker the extractor would make again (a merged name split off anew).
    """
    c = batch.speakers
    if c.redirects is None:
        stmt = select(Correction).where(Correction.action.in_((MERGE, SPLIT)))
        c.redirects = {}
        for row in batch.session.scalars(stmt.order_by(Correction.id)):
            c.redirects.update(dict.fromkeys(redirected_names(row), _redirect_target(row)))
    return c.redirects


def redirected_names(row: Correction) -> list[tuple[str, str]]:
    """The (alias key, kind) pairs a merge or split correction sends elsewhere."""
    if row.action == MERGE:
        kind = row.previous.get("kind", ANY_KIND)
        keys = row.payload.get("keys") or [alias_key(a) for a in row.previous.get("aliases", ())]
    else:
        kind = row.payload.get("kind", PERSON)
        keys = row.payload.get("keys") or [alias_key(row.payload.get("alias", ""))]
    return [(k, kind) for k in keys if k]


def _redirect_target(row: Correction) -> int:
    return int(row.payload["into"] if row.action == MERGE else row.payload["new"])


def redirected(batch: WriteBatch, name: str, kind: str) -> Known | None:
    """The speaker a merge or split chose for this name, while it exists."""
    table, key = redirects(batch), alias_key(name)
    target = table.get((key, kind), table.get((key, ANY_KIND)))
    return cache.by_id(batch, target) if target is not None else None


def redirect_rows(batch: WriteBatch, rows: list[dict[str, Any]]) -> None:
    """Rows whose speaker mention a split sent to another speaker, given to that speaker."""
    table = redirects(batch)
    if not table:
        return
    for row in rows:
        if row["speaker_id"] is None:
            continue
        for text in (row["speaker_mention"], row["antecedent"]):
            target = table.get((alias_key(text), PERSON)) if text else None
            if target is not None and target != row["speaker_id"] and _split_target(batch, target):
                row["speaker_id"] = target
                break


def _split_target(batch: WriteBatch, speaker_id: int) -> bool:
    """Is this a speaker a split made (mentions of its names go to it), and does it exist?"""
    c = batch.speakers
    if c.split_targets is None:
        stmt = select(Correction.payload).where(Correction.action == SPLIT)
        c.split_targets = {int(p["new"]) for p in batch.session.scalars(stmt)}
    return speaker_id in c.split_targets and cache.by_id(batch, speaker_id) is not None


def stored_speaker(batch: WriteBatch, name: str, kind: str) -> Speaker:
    """:func:`speaker_for` as an ORM object, written: for corrections, made with the ORM."""
    known = speaker_for(batch, name, kind)
    cache.write(batch)
    return batch.session.get_one(Speaker, known.id, populate_existing=True)


def prefetch(batch: WriteBatch, names: Iterable[str]) -> None:
    """Look up at once the stored speakers these names may denote (a batch's speakers)."""
    names = set(names)
    cache.load_aliases(batch, {alias_key(n) for n in names} | {org_key(n) for n in names})
    parsed = [p for n in names if (p := parse_name(n)) is not None]
    cache.load_blocks(batch, {surname_key(p) for p in parsed}, PERSON)


def relabel_pending(batch: WriteBatch) -> None:
    """Relabel the people whose names changed in this unit of work, now that its rows exist."""
    relabel, batch.relabel = batch.relabel, {}
    for speaker in relabel:
        rename(batch, speaker)


def name_forms(batch: WriteBatch, speaker: Known) -> Counter[str]:
    """Every name of the speaker, counted once per article that uses it in an attribution."""
    forms: Counter[str] = Counter(speaker.aliases.values())
    return forms + cache.name_forms(batch, speaker, parse_name).counts


def rename(batch: WriteBatch, speaker: Known) -> None:
    """Give a person the most frequent of their most complete names."""
    if speaker.kind != PERSON:
        _relabel_other(batch, speaker)
        return
    if renamed_by_hand(batch, speaker.id):
        return
    label = canonical_label(name_forms(batch, speaker))
    if label and label != speaker.name:
        speaker.name = label
        speaker.name_key = blocking_key(label, speaker.kind)
        cache.renamed(batch, speaker)


def renamed_by_hand(batch: WriteBatch, speaker_id: int) -> bool:
    """Was the label chosen by a person (a rename, or the kept side of a merge)?"""
    return speaker_id in cache.pinned_labels(batch, (RENAME, MERGE))


def settle_people(
    batch: WriteBatch,
    article: ArticleRef,
    roles: dict[tuple[str, str], list[str]],
    rows: list[dict[str, Any]],
    speakers: dict[tuple[str, str], Known],
    *,
    fresh: bool,
) -> None:
    """Once the rows exist: each person's label from all their names, their roles here.

    ``fresh``: the article is new, so no stored role names it yet.
    """
    count_forms(batch, article.id, rows, {s.id: s for s in speakers.values()})
    relabel_pending(batch)
    stmt = select(Role.speaker_id, Role.role).where(Role.article_id == article.id)
    if not fresh:
        batch.write_rows()  # roles kept for COPY are stored ones too
    known: set[Any] = set() if fresh else {tuple(r) for r in batch.session.execute(stmt)}
    found: list[dict[str, Any]] = []
    for key, speaker in speakers.items():
        for role in roles.get(key, ()):
            if (speaker.id, role) not in known:
                known.add((speaker.id, role))
                found.append({"speaker_id": speaker.id, "role": role, "article_id": article.id})
    for row_id, row in zip(reserve(batch, Role, len(found)), found, strict=True):
        row["id"] = row_id
    batch.insert(ROLES, found)


def count_forms(
    batch: WriteBatch, article_id: int, rows: list[dict[str, Any]], speakers: dict[int, Known]
) -> None:
    """The article's attributions counted among the names of speakers already looked at
    (the others are read from the database when needed, rows and all)."""
    known = batch.speakers.forms
    for row in rows:
        speaker = speakers.get(row["speaker_id"])
        if speaker is not None and (forms := known.get(speaker)) is not None:
            for text in (row["antecedent"], row["speaker_mention"]):
                if text and (parsed := parse_name(text)) is not None:
                    forms.add(parsed.display, article_id)
