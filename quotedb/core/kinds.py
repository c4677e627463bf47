"""Quotations that are not speech: titles of works and shows, and markup attribute values.

A title is Title Case and sits where a name of a work does: after a possessive ("NBC's
“Meet the Press”"), a preposition ("on “Fox and Friends”") or a noun such as "book".
Those are kept as ``term`` so they cost no precision; markup (author="…") is dropped.
"""

from __future__ import annotations

import re

from quotedb.core.lexicon import TITLE_SLOT, TITLE_SMALL_WORDS
from quotedb.core.marks import QuoteSpan

_WORD = re.compile(r"[\w’'-]+")
_PREV = re.compile(r"([\w’'-]+)[\s(]*$")


def is_markup(text: str, q: QuoteSpan) -> bool:
    """An attribute value in markup left in the text: author="…"."""
    return q.open_at > 0 and text[q.open_at - 1] == "="


def _title_case(words: str) -> bool:
    """At most ten words, each capitalised (or a number) but small words after the first.

    Read word by word, so that a long quotation or a lowercase word ends the reading.
    """
    n = 0
    for n, m in enumerate(_WORD.finditer(words), 1):
        w = m.group()
        if n > 10 or not (
            w[:1].isupper() or w[:1].isdigit() or (n > 1 and w.lower() in TITLE_SMALL_WORDS)
        ):
            return False
    return n > 0


def is_title(text: str, q: QuoteSpan) -> bool:
    """Title Case words in a slot where works are named, or a subheading on a line of its own."""
    if not _title_case(text[q.start : q.end]):
        return False
    line_start = text.rfind("\n", 0, q.open_at) + 1
    line_end = text.find("\n", q.close_end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start : q.open_at].strip() and not text[q.close_end : line_end].strip(" .\t"):
        return line_start > 0  # the first line is the headline, which may quote speech
    prev = _PREV.search(text, max(0, q.open_at - 30), q.open_at)
    if prev is None:
        return False
    p = prev.group(1)
    return p.lower() in TITLE_SLOT or p.endswith(("’s", "'s"))


def is_pull_quote(text: str, q: QuoteSpan) -> bool:
    """A quotation that is a line of its own (a subheading or a bullet that quotes someone),
    or opens the headline before a colon: pages print speech so, with no cue beside it."""
    line_start = text.rfind("\n", 0, q.open_at) + 1
    line_end = text.find("\n", q.close_end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start : q.open_at].strip(" -–—•*\t") or len(text[q.start : q.end].split()) < 2:
        return False
    after = text[q.close_end : line_end]
    return not after.strip(" .:\t") or (line_start == 0 and after.startswith(":"))
