"""What storing an article needs that its text alone decides, and the article as stored.

Names resolved across the article, the titles it gives each speaker and what the SQLite
pair index stores for each quotation are pure functions of the text, so ingest workers
compute them beside extraction (:func:`prepare`) and hand them to the single database
writer with the article: it only matches speakers and links rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quotedb.core.names import parse_name, resolve_corpus, roles_in
from quotedb.core.types import Quotation
from quotedb.db.fulltext import pair_text

SpeakerKey = tuple[str, str]  # (name, kind)


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article to store, as the store takes it (whatever it was read from)."""

    text: str
    content_hash: str
    source: str  # where it was read: a path, or "<stdin>"
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date, checked when stored
    url: str | None = None
    dateline: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    quotations: list[Quotation]  # speakers resolved within the article
    roles: dict[SpeakerKey, list[str]]  # titles the article gives each speaker
    pairs: dict[str, str]  # what the SQLite pair index stores for each quotation's text


def prepare(text: str, quotations: list[Quotation], *, pairs: bool = True) -> Prepared:
    """``pairs``: work out the SQLite pair texts too (PostgreSQL's index makes its own)."""
    resolved = resolve_corpus([quotations])[0]  # "Clinton" is the article's Hillary Clinton
    names = speaker_names(resolved)
    roles = {key: roles_given(text, found) for key, found in names.items()}
    pair_texts = {q.text: pair_text(q.text) for q in resolved} if pairs else {}
    return Prepared(resolved, roles, pair_texts)


def speaker_names(quotations: list[Quotation]) -> dict[SpeakerKey, set[str]]:
    """Every name the article uses for each speaker: label, aliases and mentions."""
    names: dict[SpeakerKey, set[str]] = {}
    for q in quotations:
        if q.speaker:
            found = names.setdefault((q.speaker, q.speaker_kind.value), {q.speaker})
            found.update(q.aliases)
            found.update(m.text for m in (q.mention, q.mention and q.mention.named) if m)
    return names


def roles_given(text: str, names: Iterable[str]) -> list[str]:
    """The titles an article gives a speaker known by these names, in order."""
    found: list[str] = []
    searched: set[str] = set()  # a name under two titles: its own are found already
    for display, role in sorted({(p.display, p.role or "") for n in names if (p := parse_name(n))}):
        found += [role] if role else []
        if display not in searched:
            searched.add(display)
            found += roles_in(text, display)
    return list(dict.fromkeys(found))
