"""A surname alone completed to the full name the page's own subject tags give.

Some articles never write a well-known speaker's first name ("Trump said"), while the page
tags itself with it (keywords "Tariffs, Jane Roe"). The tag is the page's word for who the
article is about, so a one-word label is completed to it, but only when the tags give one
person of that surname and the article itself shows no one else of that surname ("Mark
Roe", a speaker "Ann Roe"): two people who share a surname are never merged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from quotedb.core.namewords import is_given_name
from quotedb.core.types import Quotation, SpeakerKind

_NAME_WORD = re.compile(r"[A-Z][a-z][\w’'-]*")
_GIVEN_BEFORE = r"(?<![\w’'-])([A-Z][a-z][\w’'-]*)[^\S\n]+(?:[A-Z]\.[^\S\n]+)?"


def complete_surnames(
    text: str, quotations: list[Quotation], subjects: Sequence[str]
) -> list[Quotation]:
    """The quotations, each person labelled by a surname alone under the one full name the
    subject tags give that surname (the bare surname kept among its aliases)."""
    return completed(quotations, surname_completions(text, subjects))


def surname_completions(text: str, subjects: Sequence[str]) -> dict[str, str]:
    """Surname -> the one tagged full name, for the surnames the text gives no one else;
    small, so a run can keep it per article instead of the text."""
    out: dict[str, str] = {}
    for surname, tagged in _tagged_people(subjects).items():
        if len(tagged) == 1 and not _other_bearer(text, surname, next(iter(tagged))):
            out[surname] = next(iter(tagged))
    return out


def completed(quotations: list[Quotation], completions: Mapping[str, str]) -> list[Quotation]:
    """The quotations with bare surnames completed, unless a speaker of the article already
    has the surname with another first name."""
    if not completions:
        return quotations
    out: list[Quotation] = []
    for q in quotations:
        word = q.speaker or ""
        full = completions.get(word) if q.speaker_kind is SpeakerKind.PERSON else None
        if full is None or _rival_speaker(quotations, word, full):
            out.append(q)
            continue
        aliases = tuple(dict.fromkeys((word, *q.aliases)))
        out.append(replace(q.with_speaker(full), aliases=aliases))
    return out


def _tagged_people(subjects: Sequence[str]) -> dict[str, set[str]]:
    """Full names among the tags ("Jane Roe", not "Tariffs"), by surname."""
    by_surname: dict[str, set[str]] = {}
    for subject in subjects:
        words = subject.split()
        if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
            continue
        if is_given_name(words[0]):
            by_surname.setdefault(words[-1], set()).add(" ".join(words))
    return by_surname


def _other_bearer(text: str, surname: str, full: str) -> bool:
    """Whether the text writes the surname after another first name ("Mark Roe")."""
    given = full.split()[0]
    pattern = rf"{_GIVEN_BEFORE}{re.escape(surname)}(?![\w’'-])"
    return any(m[1] != given and is_given_name(m[1]) for m in re.finditer(pattern, text))


def _rival_speaker(quotations: list[Quotation], surname: str, full: str) -> bool:
    """Whether another speaker of the article has the surname ("Ann Roe" beside "Jane Roe")."""
    return any(
        q.speaker and q.speaker != full and q.speaker.endswith(f" {surname}") for q in quotations
    )
