"""The core's tokenizer and its two folds, so that each means one thing.

``tokens`` cuts masked text into the words and marks every stage reads (an abbreviation
keeps its period, a masked quotation is one token). The folds differ on purpose:
``fold_name`` is how names are compared (compatibility decomposition, then casefold: "ß"
is "ss"), ``fold_index`` is how the search engines index a word (canonical decomposition,
then lower case, as FTS5's ``remove_diacritics``); one cannot stand in for the other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# The leading lookahead (every token starts with a non-space) makes the engine skip spaces.
TOKEN = re.compile(
    r"(?=\S)(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St)\.|(?:[A-Z]\.){2,}"
    r"|[A-Z]\.(?=\s[A-Z])|[\w’'-]+|\x1a+|[^\w\s])"
)


class Token(NamedTuple):
    """One token: its code-point span in the text and its characters."""

    start: int
    end: int
    text: str


def tokens(masked: str, start: int, end: int) -> list[Token]:
    """Tokens of ``masked[start:end]`` with absolute offsets."""
    new = tuple.__new__  # Token's own __new__ is a Python function: a frame per token
    return [new(Token, (m.start(), m.end(), m.group())) for m in TOKEN.finditer(masked, start, end)]


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """Casefolded, accent-free text (NFKD): how names are matched."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def fold_index(token: str) -> str:
    """Lower-cased, accents removed (NFD, as FTS5's ``remove_diacritics``): how words are
    indexed for search."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line-delimited paragraph (or paragraphs) around a span: a quotation's context."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


CONTEXT_REACH = 400  # most characters of a paragraph kept on each side of a quotation


def paragraph(text: str, start: int, end: int, reach: int = CONTEXT_REACH) -> str:
    """A quotation's context: its paragraph, at most ``reach`` characters either side (cut
    between words), so that a page of one endless paragraph costs linear space."""
    lo, hi = paragraph_bounds(text, start, end)
    if start - lo > reach:
        cut = text.find(" ", start - reach, start)
        lo = cut + 1 if cut >= 0 else start - reach
    if hi - end > reach:
        cut = text.rfind(" ", end, end + reach)
        hi = cut if cut >= 0 else end + reach
    return text[lo:hi]
