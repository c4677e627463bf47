"""Which stored speakers a user-typed name may denote (every listing's ``--by``).

Reading needs this as much as writing does (the writer files new names under the same
keys), so it lives on the read side and the store imports it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quotedb.core.names import (
    PersonName,
    compatible,
    name_key,
    org_key,
    parse_name,
    surname_key,
)
from quotedb.core.text import fold_name
from quotedb.core.types import SpeakerKind
from quotedb.db.models import Alias, Speaker

PERSON = SpeakerKind.PERSON.value


def alias_key(name: str) -> str:
    return " ".join(name_key(name)) or fold_name(name).strip()


def starting_with(column: Any, prefix: str) -> Any:
    """``column`` starts with ``prefix``, as a range an index can answer (``LIKE`` is not)."""
    return column.between(prefix, prefix + "\U0010ffff")


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


def matching_speaker_ids(session: Session, name: str) -> list[int]:
    """Ids of the speakers a user-typed name may denote (see :func:`lookup`)."""
    return [s.id for s in lookup(session, name)]
