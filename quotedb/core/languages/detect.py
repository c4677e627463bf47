"""The language of a text, by py3langid's model (shipped inside the package: nothing is
downloaded). Read lazily: loading the model takes most of a second, and most news in an
English archive opens so plainly English (by its function words, words other languages do
not use as theirs) that the model's answer is never in doubt: those never load it."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Characters read: an article's opening says its language (on the development pages, 1,200
# read as 3,000 do) at a third of the cost, about 3 ms an article.
SAMPLE = 1200
_MIN_LETTERS = 40  # below this a guess is noise ("Hello" reads as Breton)
_MIN_PROBABILITY = 0.8

# English words that are not (or only rarely) words of the other languages news is written
# in: "a", "an", "in", "is", "on", "so", "was", "we", "will", "do", "me", "had" and "over" are
# left out (words of German, Dutch or the Romance languages too).
ENGLISH_MARKERS = frozenset(
    "the of and to that for with his her he she it its at by from have has are were "
    "this these those be been said says not they their them him which or but would could "
    "should who what when there than about after into more one you our my if can does "
    "did just only because like other some how then any people year years new up out".split()
)
MIN_MARKERS = 6  # fewer is noise (a foreign caption quoting an English title)
MIN_SHARE = 0.12  # of its words; English news runs at 0.13-0.45, other languages under 0.1
MAX_FOREIGN_SHARE = 0.02  # words with letters beyond ASCII (names such as José are fine)

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier() -> LanguageIdentifier:
    from quotedb.core.languages.model_cache import load_identifier

    return load_identifier()  # decoded once into the user's cache, mapped after that


def release_model() -> None:
    """Let go of the model (about 80 MB) once no more texts will be read: a whole folder's
    quotations are then grouped into statements without it in memory beside them."""
    _identifier.cache_clear()


def detect(text: str) -> str | None:
    """The text's ISO 639-1 code, or None when the text is too short or too mixed to say
    (callers then read it as English, the default)."""
    sample = text[:SAMPLE]
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= _MIN_PROBABILITY else None


def plainly_english(text: str) -> bool:
    """Does the text's opening read as English beyond doubt (so the model need not run)?"""
    words = _WORD.findall(text[:SAMPLE])
    if len(words) < MIN_MARKERS:
        return False
    foreign = sum(not w.isascii() for w in words)
    if foreign > MAX_FOREIGN_SHARE * len(words):
        return False
    markers = sum(w.lower() in ENGLISH_MARKERS for w in words)
    return markers >= MIN_MARKERS and markers >= MIN_SHARE * len(words)


def detect_language(text: str) -> str | None:
    """The text's ISO 639-1 code as the language model reads it (None: cannot tell), without
    the model when the opening is plainly English."""
    return "en" if plainly_english(text) else detect(text)
