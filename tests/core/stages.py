"""Run the stages up to the one under test, so that each table feeds its stage real input."""

from __future__ import annotations

from quotedb.core.attribution import Link, link_sentence
from quotedb.core.marks import QuoteSpan, find_quotes
from quotedb.core.sentences import mask, split
from quotedb.core.text import Token, tokens


def quoted(text: str) -> list[str]:
    """The quoted words of each top-level quotation."""
    return [text[q.start : q.end] for q in find_quotes(text)]


def masked(text: str) -> str:
    return mask(text, find_quotes(text))


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in split(masked(text), find_quotes(text))]


def links(text: str) -> list[Link | None]:
    """Attribution's links for every quotation, sentence by sentence, in text order."""
    quotes = find_quotes(text)
    m = mask(text, quotes)
    out: list[Link | None] = []
    for lo, hi in split(m, quotes):
        inside: list[QuoteSpan] = [q for q in quotes if lo <= q.open_at < hi]
        if inside:
            out.extend(link_sentence(text, m, lo, hi, inside))
    return out


def speakers(text: str) -> list[str | None]:
    """The words of the phrase each quotation is linked to (None: no link)."""
    return [None if k is None else text[k.phrase.start : k.phrase.end] for k in links(text)]


def toks(text: str) -> list[Token]:
    return tokens(text, 0, len(text))


def at(all_tokens: list[Token], word: str) -> int:
    """Index of the first token that is ``word``."""
    return next(n for n, t in enumerate(all_tokens) if t.text == word)
