"""The Matcher's fast patterns (literal first word, lower-cased text) find exactly what the
patterns with a leading lookbehind and IGNORECASE found, which are ten times slower."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.read.matching import Matcher, plain
from quotedb.read.terms import SearchQuery, Term, compile_query

WORDS = ["the", "The", "of", "a", "ab", "abc", "b", "X1", "1", "x", "é", "Ké", "Жук", "жук"]
SEPARATORS = [" ", "_", "-", ", ", "\u2019", "\u00a0", "", "'"]
TEXT = st.lists(st.sampled_from(WORDS + SEPARATORS), max_size=14).map("".join)
TERM = st.builds(
    Term, st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), st.booleans()
)
QUERY = st.lists(st.lists(TERM, min_size=1, max_size=2), min_size=1, max_size=2).map(
    lambda groups: SearchQuery(tuple(tuple(g) for g in groups))
)


def slow_pattern(term: Term) -> re.Pattern[str]:
    """The pattern as it was before: a leading lookbehind, IGNORECASE, the text as it is."""
    words = compile_query(SearchQuery(((term,),))).terms[0].words
    body = r"[\W_]+".join(re.escape(w) for w in words)
    tail = "" if term.prefix else r"(?![^\W_])"
    return re.compile(r"(?<![^\W_])" + body + tail, re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(query=QUERY, text=TEXT)
def test_fast_patterns_find_what_the_slow_ones_did(query: SearchQuery, text: str) -> None:
    matcher = Matcher(compile_query(query))
    if not plain(text):
        return
    slow = [slow_pattern(t) for t in query.terms]
    counts = [len(p.findall(text)) for p in slow]
    assert matcher.frequencies(text)[0] == counts
    wanted = all(any(slow[query.terms.index(t)].search(text) for t in g) for g in query.groups)
    assert matcher.matches(text) == wanted


def test_a_word_inside_another_is_no_match() -> None:
    matcher = Matcher(compile_query(SearchQuery(((Term("of the"),), (Term("ab", prefix=True),)))))
    assert matcher.matches("Proof of THE abc") and matcher.matches("of the xab, abd")
    assert not matcher.matches("proof the abc") and not matcher.matches("of theab abc")
    assert not matcher.matches("of the xab, 1ab")


def test_ascii_patterns_start_with_their_first_word() -> None:
    """re scans quickly for a literal start; a leading lookbehind is tried everywhere."""
    matcher = Matcher(compile_query(SearchQuery(((Term("Could of babaizi"),), (Term("Жук"),)))))
    (first, lowered), (other, _) = matcher.patterns
    assert lowered and first.pattern.startswith("could(?<!") and not first.flags & re.IGNORECASE
    assert other.flags & re.IGNORECASE
