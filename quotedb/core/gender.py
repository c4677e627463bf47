"""The gender a first name suggests, from the project's short list or gender-guesser's
offline name dictionary (shipped inside the package: nothing is downloaded).

A name the dictionary calls "mostly" male or female is a weak guess: the article's own
pronouns about the person outrank it (coref votes them).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from quotedb.core.mentions import gender_of
from quotedb.core.namewords import detector


class Guess(NamedTuple):
    """'m', 'f' or '' and whether the guess is firm (an honorific or an unambiguous name)."""

    gender: str
    firm: bool
    first_name: bool  # the word is a known first name at all


_NONE = Guess("", False, False)


@lru_cache(maxsize=65536)
def guess(first: str, honorific: str = "") -> Guess:
    """What a first name (or an honorific) says about the person's gender."""
    if honorific:
        g = gender_of("", honorific)
        return Guess(g, bool(g), False)
    listed = gender_of(first)
    if listed:
        return Guess(listed, True, True)
    if "-" in first:
        return guess(first.split("-")[0])  # "Eva-Marie": the first part decides
    if len(first) < 2 or not first[:1].isupper() or not first.isalpha():
        return _NONE
    said = detector().get_gender(first)
    if said in {"male", "female"}:
        return Guess(said[0], True, True)
    if said in {"mostly_male", "mostly_female"}:
        return Guess(said[7], False, True)
    return Guess("", False, said == "andy")
