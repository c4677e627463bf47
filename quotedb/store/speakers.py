"""Finding the stored speaker a name refers to, or adding one.

People are matched on their names' compatibility (:mod:`quotedb.core.names`), never on a
bare surname several stored people share. ``Speaker.name_key`` is a blocking key: the
surname's key for people, the whole name's key for organisations and unnamed sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from quotedb.core.names import (
    PersonName,
    canonical_label,
    compatible,
    name_key,
    org_key,
    parse_name,
    surname_key,
)
from quotedb.core.text import fold_name
from quotedb.core.types import SpeakerKind
from quotedb.db.models import ROLES, Alias, Role, Speaker
from quotedb.store import cache, plain
from quotedb.store.cache import Known, starting_with
from quotedb.store.ids import reserve

PERSON = SpeakerKind.PERSON.value
RENAME, MERGE = "rename", "merge"  # corrections that pin a person's label
RELABEL = "quotedb.relabel"  # session.info: people whose names changed


class ArticleRef(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...


def alias_key(name: str) -> str:
    return " ".join(name_key(name)) or fold_name(name).strip()


def blocking_key(name: str, kind: str) -> str:
    parsed = parse_name(name) if kind == PERSON else None
    return surname_key(parsed) if parsed is not None else org_key(name) or alias_key(name)


def find_speakers(session: Session, name: str) -> list[Speaker]:
    """Speakers known by this name (any alias; case, accents and honorifics ignored)."""
    keys = {alias_key(name), org_key(name)} - {""}
    stmt = select(Speaker).join(Alias).where(Alias.key.in_(keys)).distinct()
    return list(session.scalars(stmt.order_by(Speaker.id)))


def lookup(session: Session, name: str, kind: str | None = None) -> list[Speaker]:
    """Speakers a user-typed name may denote: any alias, or a compatible person's name.

    "Sergei Lavrov", "sergey lavrov", "Mr. Lavrov" and "Lavrov" all find Sergey V. Lavrov;
    a bare surname finds every person who bears it.
    """
    found = {s.id: s for s in find_speakers(session, name)}
    parsed = parse_name(name) if kind in (None, PERSON) else None
    if parsed is not None:
        found |= {s.id: s for s in fitting(session, parsed)}
    return [s for _, s in sorted(found.items()) if kind is None or s.kind == kind]


def add_alias(session: Session, speaker: Known, alias: str) -> bool:
    """Record one more name of a speaker; True when it is new."""
    key = alias_key(alias)
    if not key or key in speaker.aliases:
        return False
    parsed = parse_name(alias) if speaker.kind == PERSON else None
    surface = parsed.display if parsed is not None and parsed.role else alias
    speaker.aliases[key] = " ".join(surface.split())
    cache.aliased(session, speaker, key, reserve(session, Alias, 1)[0])
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


def fitting(session: Session, name: PersonName) -> list[Speaker]:
    """Stored people whose label fits the name (surname spelt alike, or a letter apart).

    The surname's block is read as (id, label) pairs through the name-key index (a range,
    not a ``LIKE``); only the people who fit are loaded whole.
    """
    surname = surname_key(name)
    block = select(Speaker.id, Speaker.name).where(
        Speaker.kind == PERSON,
        or_(Speaker.name_key == surname, starting_with(Speaker.name_key, surname[:3])),
    )
    ids = [
        i
        for i, label in session.execute(block)
        if (parsed := parse_name(label)) is not None and compatible(name, parsed)
    ]
    stmt = select(Speaker).where(Speaker.id.in_(ids)).order_by(Speaker.id)
    return list(session.scalars(stmt)) if ids else []


def match_person(session: Session, name: PersonName) -> Known | None:
    """The one stored person this name denotes; None when none fits, or several do.

    A bare surname goes to the one named person it fits, else to the stored bare surname
    (unresolved). A full name never takes over a bare-surname speaker: whose quotations those
    were is not known.
    """
    block = cache.surname_block(session, surname_key(name), PERSON)
    named = [s for s in block if has_given_name(s) and fits(s, name)]
    if len(named) == 1:
        return named[0]
    if name.given is not None:
        return None
    bare = [s for s in block if not has_given_name(s) and s.name_key == surname_key(name)]
    return bare[0] if bare else None


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
    session: Session, names: list[str], person: PersonName | None, kind: str
) -> Known | None:
    name = names[0]
    if person is not None:
        by_alias = [s for s in cache.filed_under(session, {alias_key(name)}) if s.kind == kind]
        if person.given and len(by_alias) == 1:  # a full name already filed (by hand, perhaps)
            return by_alias[0]
        return match_person(session, person)
    keys = {org_key(n) for n in names} | {alias_key(n) for n in names}
    keys -= {""}
    return next((s for s in cache.filed_under(session, keys) if s.kind == kind), None)


def speaker_for(session: Session, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Known:
    """The stored speaker a document's speaker denotes; created on first sight (written
    by :func:`quotedb.store.cache.write`).

    Only aliases compatible with the person are kept: a relative named nearby is not an alias.
    """
    person = person_name([name, *aliases]) if kind == PERSON else None
    speaker = _match(session, [name, *aliases], person, kind)
    if speaker is None:
        label = person.display if person is not None else name
        key = blocking_key(label, kind)
        speaker = Known(reserve(session, Speaker, 1)[0], label, kind, key, created=True)
        cache.created(session, speaker)
    names = [name, *aliases]
    if person is not None:
        names = [n for n in names if (p := parse_name(n)) is not None and compatible(p, person)]
    changed = [add_alias(session, speaker, n) for n in names]
    if any(changed):
        rename(session, speaker)
        session.info.setdefault(RELABEL, set()).add(speaker)
    return speaker


def stored_speaker(session: Session, name: str, kind: str) -> Speaker:
    """:func:`speaker_for` as an ORM object, written: for corrections, made with the ORM."""
    known = speaker_for(session, name, kind)
    cache.write(session)
    return session.get_one(Speaker, known.id, populate_existing=True)


def prefetch(session: Session, names: Iterable[str]) -> None:
    """Look up at once the stored speakers these names may denote (a batch's speakers)."""
    names = set(names)
    cache.load_aliases(session, {alias_key(n) for n in names} | {org_key(n) for n in names})
    parsed = [p for n in names if (p := parse_name(n)) is not None]
    cache.load_blocks(session, {surname_key(p) for p in parsed}, PERSON)


def relabel_pending(session: Session) -> None:
    """Relabel the people whose names changed in this unit of work, now that its rows exist."""
    for speaker in session.info.pop(RELABEL, set()):
        rename(session, speaker)


def name_forms(session: Session, speaker: Known) -> Counter[str]:
    """Every name of the speaker, counted once per article that uses it in an attribution."""
    forms: Counter[str] = Counter(speaker.aliases.values())
    return forms + cache.name_forms(session, speaker, parse_name).counts


def rename(session: Session, speaker: Known) -> None:
    """Give a person the most frequent of their most complete names."""
    if speaker.kind != PERSON or renamed_by_hand(session, speaker.id):
        return
    label = canonical_label(name_forms(session, speaker))
    if label and label != speaker.name:
        speaker.name = label
        speaker.name_key = blocking_key(label, speaker.kind)
        cache.renamed(session, speaker)


def renamed_by_hand(session: Session, speaker_id: int) -> bool:
    """Was the label chosen by a person (a rename, or the kept side of a merge)?"""
    return speaker_id in cache.pinned_labels(session, (RENAME, MERGE))


def settle_people(
    session: Session,
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
    count_forms(session, article.id, rows, {s.id: s for s in speakers.values()})
    relabel_pending(session)
    stmt = select(Role.speaker_id, Role.role).where(Role.article_id == article.id)
    known: set[Any] = set() if fresh else {tuple(r) for r in session.execute(stmt)}
    found: list[dict[str, Any]] = []
    for key, speaker in speakers.items():
        for role in roles.get(key, ()):
            if (speaker.id, role) not in known:
                known.add((speaker.id, role))
                found.append({"speaker_id": speaker.id, "role": role, "article_id": article.id})
    for row_id, row in zip(reserve(session, Role, len(found)), found, strict=True):
        row["id"] = row_id
    if found:
        plain.run(session, insert(ROLES), found)


def count_forms(
    session: Session, article_id: int, rows: list[dict[str, Any]], speakers: dict[int, Known]
) -> None:
    """The article's attributions counted among the names of speakers already looked at
    (the others are read from the database when needed, rows and all)."""
    known = cache.cache(session).forms
    for row in rows:
        speaker = speakers.get(row["speaker_id"])
        if speaker is not None and (forms := known.get(speaker)) is not None:
            for text in (row["antecedent"], row["speaker_mention"]):
                if text and (parsed := parse_name(text)) is not None:
                    forms.add(parsed.display, article_id)
