"""An unnamed source under the description that introduced it.

News introduces an unnamed person once, by age and a person noun ("A 43-year-old man went
to his doctor"), then refers back with a definite noun ("the patient said"). The label a
reader can cite is the introduction, so "the patient" becomes "a 43-year-old man", but only
when the text introduces exactly one such person of a fitting gender: two described people
are never merged into one.
"""

from __future__ import annotations

import re

from quotedb.core.lexicon import (
    COLLECTIVE_NOUNS,
    DOCUMENT_SOURCES,
    GENDERED_NOUNS,
    GROUP_NOUNS,
    OCCUPATIONS,
    PERSON_NOUNS,
)

_AGED = re.compile(
    r"(?<![\w’'-])([Aa]n?)[^\S\n]+(\d{1,3})[-\s]year[-\s]old[-\s]+([a-z]+)(?![\w’'-])"
)
_AGED_NOUNS = frozenset(GENDERED_NOUNS) | PERSON_NOUNS | OCCUPATIONS


def introducing_description(text: str, name: str) -> str | None:
    """The one age description ("a 43-year-old man") the text gives before it first writes
    this definite description ("the patient"); None when there are several or none."""
    noun = _definite_noun(name)
    if noun is None or "year" not in text:  # most texts describe no one by age
        return None
    first = _first_use(text, f"the {noun}")
    if first is None:
        return None
    gender = GENDERED_NOUNS.get(noun)
    found: dict[str, int] = {}
    for m in _AGED.finditer(text):
        said = GENDERED_NOUNS.get(m[3])
        if m[3] in _AGED_NOUNS and not (gender and said and said != gender):
            found.setdefault(f"{m[1].lower()} {m[2]}-year-old {m[3]}", m.start())
    if len(found) != 1:
        return None
    ((label, at),) = found.items()
    return label if at < first else None  # introduced before the reader meets "the patient"


def _definite_noun(name: str) -> str | None:
    """The noun of "the patient": one singular person word, not a group or a document."""
    words = name.split()
    if len(words) != 2 or words[0].casefold() != "the":
        return None
    noun = words[1]
    if not (noun.isalpha() and noun.islower()):
        return None
    plural = noun.endswith("s") and not noun.endswith("ss")
    group = noun in GROUP_NOUNS and noun not in GENDERED_NOUNS  # "the crowd", not "the man"
    if plural or group or noun in COLLECTIVE_NOUNS or noun in DOCUMENT_SOURCES:
        return None
    return noun


def _first_use(text: str, phrase: str) -> int | None:
    """Where the phrase first stands as whole words, any case."""
    m = re.search(rf"(?<![\w’'-]){re.escape(phrase)}(?![\w’'-])", text, re.I)
    return m.start() if m else None
