"""Sentence and paragraph boundaries that never fall inside a quotation.

Attribution works on the text *outside* quotations, so sentences are cut on the masked
text: a quotation of several sentences stays inside the one sentence that frames it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from quotedb.core.lexicon import ABBREVIATIONS, CLOSING_ABBREVIATIONS
from quotedb.core.marks import QuoteSpan

MASK = "\x1a"  # stands for every quoted character in the masked text

# The leading lookahead lets the regex engine skip to candidate characters (see marks._MARK).
_BOUNDARY = re.compile(
    r"(?=[.!?\n])(?:[.!?][\"”’'»«“)\]]*(?=\s+[\"“‘'«»„¿¡(\[]*[A-Z0-9À-ÖØ-Þ])|\n+)"
)
# “…?” Maher replied. / “…?” Roe tearfully asked. — a name or pronoun and a verb (an
# adverb may come between) right after a closing mark still belong to the quotation's
# sentence.
_ATTRIBUTION_AHEAD = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'-]*\s+){1,4}|(?:he|she|they|it|we|i)\s+"
    r"|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},[^.!?\"“”\n]{1,90},\s+)"
    r"(?:[a-z]{3,}ly\s+)?(?:[a-z]+ed|says|said|told|wrote|adds|asks|[a-z]+s)\b"
)
_OPENER = re.compile(r"\s+(?:He|She|They|It|We|I|The|But|And|This|That|His|Her|Their)\b")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _abbreviation(word: str, text: str, cut: int) -> bool:
    """A period that ends an abbreviation, not the sentence ("at 7 p.m. He says" ends it)."""
    if word in CLOSING_ABBREVIATIONS and _OPENER.match(text, cut):
        return False
    return word in ABBREVIATIONS or len(word) == 1


def mask(text: str, quotes: Sequence[QuoteSpan]) -> str:
    """``text`` with every quoted word replaced by MASK (same length, so offsets hold)."""
    parts: list[str] = []
    pos = 0
    for q in quotes:
        parts.append(text[pos : q.start])
        parts.append(MASK * (q.end - q.start))
        pos = q.end
    parts.append(text[pos:])
    return "".join(parts)


_ORDINAL = re.compile(r"(?<!\d)\d{1,2}$")


def split(text: str, quotes: Sequence[QuoteSpan], ordinals: bool = False) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` covering ``text``; paragraph breaks always cut.
    ``ordinals``: the language writes "am 30. März", a number's period ends no sentence."""
    opens = [q.open_at for q in quotes]
    closes = [q.close_end for q in quotes]
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        at, cut = m.span()
        mark = text[at]
        if mark != "\n":
            k = bisect.bisect_right(opens, cut) - 1
            if k >= 0 and closes[k] > cut:
                continue  # inside a quotation
            if mark == ".":
                w = _WORD_BEFORE.search(text, max(0, at - 12), at)
                if w and _abbreviation(w.group(1).lower(), text, cut):
                    continue
                if ordinals and _ORDINAL.search(text, max(0, at - 3), at):
                    continue
            elif cut > at + 1 and text[at + 1] in "\"”’'" and _ATTRIBUTION_AHEAD.match(text, cut):
                continue  # “…?” Maher replied.
        if cut > pos:
            if out and text[pos:cut].isspace():
                out[-1] = (out[-1][0], cut)  # blank lines belong to the sentence before
            else:
                out.append((pos, cut))
        pos = cut
    if pos < len(text):
        out.append((pos, len(text)))
    return out
