"""Quotations that are not speech: titles of works and shows, slogans, and markup attribute
values.

A title is Title Case and sits where a name of a work does: after a possessive ("NBC's
“Meet the Press”"), a preposition ("on “Fox and Friends”") or a noun such as "book".
A slogan is named so once ("the slogan “…”", "“…” ad campaign"); every quotation of the
same words in the text is the slogan then, though a headline may print it with no noun.
Those are kept as ``term`` so they cost no precision; markup (author="…") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotedb.core.lexicon import (
    PP_HEADS,
    SLOGAN_AFTER,
    SLOGAN_NOUNS,
    STOP,
    TITLE_SLOT,
    TITLE_SMALL_WORDS,
)
from quotedb.core.marks import QuoteSpan

_WORD = re.compile(r"[\w’'-]+")
_PREV = re.compile(r"([\w’'-]+)[\s(]*$")
# The next word or two after a closing mark, the quotation not ending in a comma (“…,”
# campaign officials said is speech).
_NEXT_WORDS = re.compile(r"[^\S\n]+(?:([a-z]+)[^\S\n]+)?([a-z]+)\b")


def slogan_words(text: str, quotes: Sequence[QuoteSpan]) -> frozenset[tuple[str, ...]]:
    """The words of every quotation the text names as a slogan, folded for comparison."""
    out: set[tuple[str, ...]] = set()
    for q in quotes:
        before = text[max(0, q.open_at - 40) : q.open_at].rstrip(" \t\n(:?,").rsplit(None, 1)
        named = bool(before) and before[-1].lower() in SLOGAN_NOUNS
        if not named and text[q.end - 1 : q.end] != ",":
            nxt = _NEXT_WORDS.match(text, q.close_end)
            named = (
                nxt is not None
                and nxt.group(2) in SLOGAN_AFTER
                and nxt.group(1) not in STOP  # "“crazy system” during a campaign stop"
                and nxt.group(1) not in PP_HEADS
            )
        if named:
            out.add(folded(text[q.start : q.end]))
    return frozenset(out)


def folded(words: str) -> tuple[str, ...]:
    """A quotation's words, case and punctuation aside ("Meth, we’re on it" = "Meth. We're")."""
    return tuple(w.lower() for w in _FOLD.findall(words))


_FOLD = re.compile(r"\w+")


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
