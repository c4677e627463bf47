"""Where a parsed query matches a text: term frequencies and highlighted snippets.

Tokens are what both engines index: runs of letters and digits, compared lower-cased
and without diacritics, so "Zelenskyy’s" holds the tokens "zelenskyy" and "s".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedb.db.fulltext import TOKEN as TOKEN
from quotedb.db.fulltext import fold as fold  # the search side folds as the index does
from quotedb.search.parse import SearchQuery, Term

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: replaced by the caller's markers
WINDOW = 32  # words in a snippet


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # folded


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), fold(m.group())) for m in TOKEN.finditer(text)]


def term_words(term: Term) -> list[str]:
    return [fold(w) for w in TOKEN.findall(term.text)]


def occurrences(toks: list[Token], term: Term) -> list[tuple[int, int]]:
    """Token index spans [i, j) where the term occurs."""
    words = term_words(term)
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
    """A query compiled to regular expressions: fast checks on plain ASCII texts, the
    token comparison of :func:`occurrences` on texts with accents or other scripts."""

    def __init__(self, query: SearchQuery) -> None:
        self.query = query
        self.patterns = [self._pattern(t) for t in query.terms]
        self.groups: list[list[int]] = []
        n = 0
        for group in query.groups:
            self.groups.append(list(range(n, n + len(group))))
            n += len(group)

    @staticmethod
    def _pattern(term: Term) -> tuple[re.Pattern[str], bool]:
        """The term's pattern, and whether it is for the lower-cased text.

        A pattern that starts with a lookbehind is tried at every position of the text;
        one that starts with a literal word is found by a fast scan for that word, ten
        times faster. So ASCII words are looked for in the lower-cased text (no
        IGNORECASE) and the check that no letter precedes comes after the first word."""
        words = term_words(term)
        body = r"[\W_]+".join(re.escape(w) for w in words)
        tail = "" if term.prefix else r"(?![^\W_])"
        if all(w.isascii() for w in words):
            first = re.escape(words[0])
            after = body[len(first) :]
            return re.compile(first + rf"(?<![^\W_]{first})" + after + tail), True
        return re.compile(r"(?<![^\W_])" + body + tail, re.IGNORECASE), False

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
            return all(any(occurrences(toks, t) for t in group) for group in self.query.groups)
        subjects = self._subjects(text)
        return all(any(self.patterns[i][0].search(subjects[i]) for i in g) for g in self.groups)


def snippet(text: str, query: SearchQuery, window: int = WINDOW) -> str:
    """The text (or its best window of ``window`` words) with every match marked ⟦…⟧."""
    toks = tokens(text)
    spans = sorted(s for t in query.terms for s in occurrences(toks, t))
    if not toks:
        return text
    first = spans[0][0] if spans else 0
    lo = max(0, min(first - window // 4, len(toks) - window))
    hi = min(len(toks), lo + window)
    begin = 0 if lo == 0 else toks[lo].start
    end = len(text) if hi == len(toks) else toks[hi - 1].end
    out, pos = [], begin
    for i, j in spans:
        if i < lo or j > hi or toks[i].start < pos:
            continue
        out += [text[pos : toks[i].start], OPEN, text[toks[i].start : toks[j - 1].end], CLOSE]
        pos = toks[j - 1].end
    out.append(text[pos:end])
    return ("…" if begin else "") + "".join(out) + ("…" if end < len(text) else "")
