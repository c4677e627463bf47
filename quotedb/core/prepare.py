"""What storing an article needs of its quotations that the text alone decides.

Names resolved across the article and the titles it gives each speaker are pure functions
of the text, so ingest workers compute them beside extraction and the single database
writer only matches speakers and links rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quotedb.core.names import parse_name, resolve_corpus, roles_in
from quotedb.core.types import Quotation
from quotedb.core.utterances import words_of

SpeakerKey = tuple[str, str]  # (name, kind)


@dataclass(frozen=True, slots=True)
class Prepared:
    quotations: list[Quotation]  # speakers resolved within the article
    roles: dict[SpeakerKey, list[str]]  # titles the article gives each speaker
    words: dict[str, tuple[str, ...]]  # each quotation's words, as clustering compares them


def prepare(text: str, quotations: list[Quotation]) -> Prepared:
    resolved = resolve_corpus([quotations])[0]  # "Clinton" is the article's Hillary Clinton
    names = speaker_names(resolved)
    roles = {key: roles_given(text, found) for key, found in names.items()}
    return Prepared(resolved, roles, {q.text: words_of(q.text) for q in resolved})


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
