"""Where a compiled query matches a text: term frequencies and highlighted snippets.

Tokens are what both engines index: runs of letters and digits, compared lower-cased
and without diacritics, so "Zelenskyy’s" holds the tokens "zelenskyy" and "s".
Highlights are spans of the snippet's text, never markers inside it, so whatever the
quotation holds (``**``, brackets) cannot be taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quotedb.db.fulltext import TOKEN, fold
from quotedb.read.terms import CompiledQuery, CompiledTerm

WINDOW = 32  # words in a snippet


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # folded


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), fold(m.group())) for m in TOKEN.finditer(text)]


def occurrences(toks: list[Token], term: CompiledTerm) -> list[tuple[int, int]]:
    """Token index spans [i, j) where the term occurs."""
    words = term.words
    n = len(words)
    if not n:
        return []
    found = []
    for i in range(len(toks) - n + 1):
        if all(toks[i + k].text == words[k] for k in range(n - 1)):
            last = toks[i + n - 1].text
            if last == words[-1] or (term.prefix and last.startswith(words[-1])):
                found.append((i, i + n))
    return found


NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\u2010-\u2027\u00a0]")


def plain(text: str) -> bool:
    """Whether the text has no letters beyond ASCII (``isascii`` first: it is much faster)."""
    return text.isascii() or not NON_ASCII_LETTER.search(text)


class Matcher:
    """Verifies a compiled query on texts: its fast patterns on plain ASCII texts, the
    token comparison of :func:`occurrences` on texts with accents or other scripts."""

    def __init__(self, query: CompiledQuery) -> None:
        self.query = query
        self.patterns = [(t.pattern, t.on_lowered) for t in query.terms]

    def _subjects(self, text: str) -> list[str]:
        lowered = text.lower()
        return [lowered if low else text for _, low in self.patterns]

    def frequencies(self, text: str) -> tuple[list[int], int]:
        """Occurrences of each term in the text, and the text's length in tokens."""
        if not plain(text):
            toks = tokens(text)
            return [len(occurrences(toks, t)) for t in self.query.terms], len(toks)
        subjects = self._subjects(text)
        counts = [len(p.findall(s)) for (p, _), s in zip(self.patterns, subjects, strict=True)]
        return counts, len(TOKEN.findall(text))

    def matches(self, text: str) -> bool:
        """Whether every group of the query has a term occurring in the text."""
        if not plain(text):
            toks = tokens(text)
            terms = self.query.terms
            return all(any(occurrences(toks, terms[i]) for i in g) for g in self.query.groups)
        subjects = self._subjects(text)
        return all(
            any(self.patterns[i][0].search(subjects[i]) for i in g) for g in self.query.groups
        )


@dataclass(frozen=True, slots=True)
class Snippet:
    """A quotation's text, or its best window, with the matches as [start, end) spans."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, open_mark: str, close_mark: str, escape: Callable[[str], str] = str) -> str:
        """The text with each match between the marks; ``escape`` applies to the text only."""
        out, pos = [], 0
        for start, end in self.spans:
            out += [escape(self.text[pos:start]), open_mark, escape(self.text[start:end])]
            out.append(close_mark)
            pos = end
        out.append(escape(self.text[pos:]))
        return "".join(out)


def snippet(text: str, query: CompiledQuery, window: int = WINDOW) -> Snippet:
    """The text (or its best window of ``window`` words) and where the matches are."""
    toks = tokens(text)
    spans = sorted(s for t in query.terms for s in occurrences(toks, t))
    if not toks:
        return Snippet(text, ())
    first = spans[0][0] if spans else 0
    lo = max(0, min(first - window // 4, len(toks) - window))
    hi = min(len(toks), lo + window)
    begin = 0 if lo == 0 else toks[lo].start
    end = len(text) if hi == len(toks) else toks[hi - 1].end
    shift = begin - (1 if begin else 0)  # a leading "…" takes one place
    found, pos = [], begin
    for i, j in spans:
        if i < lo or j > hi or toks[i].start < pos:
            continue
        found.append((toks[i].start - shift, toks[j - 1].end - shift))
        pos = toks[j - 1].end
    shown = ("…" if begin else "") + text[begin:end] + ("…" if end < len(text) else "")
    return Snippet(shown, tuple(found))
