"""An article's language: plainly English openings without the language model.

Loading py3langid's model costs most of a second per process and reading an article with
it about a millisecond, while most news in an English archive opens so plainly English
that the model's answer is never in doubt. Such an opening is recognised by its function
words (words other languages do not use as theirs); everything else goes to the model.
"""

from __future__ import annotations

import re

from quotedb.core.languages.detect import detect

# What detection reads of a text (its opening), and what the shortcut reads too.
SAMPLE = 1200
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
