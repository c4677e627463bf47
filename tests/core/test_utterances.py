"""Utterances: the words renderings of one statement share, and when two are one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.core.utterances import content_of, normalize, similar_words

NORMALIZED = [
    pytest.param("We can’t go.", "we can not go", id="curly-contraction-spelt-out"),
    pytest.param("They're HERE", "they are here", id="case-and-contraction"),
    pytest.param("Señor Núñez", "senor nunez", id="transliterated"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZED)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_content_words_drop_stop_words_and_short_words() -> None:
    assert content_of("We will not go to the big summit") == ("big", "summit")


SIMILAR = [
    pytest.param("We will win this.", "we will win this", True, id="punctuation-only"),
    pytest.param(
        "the deal is dead",
        "I think the deal is dead and buried for good",
        True,
        id="partial-inside-longer",
    ),
    pytest.param("We will win.", "We will lose.", False, id="short-must-match"),
]


@pytest.mark.parametrize(("a", "b", "same"), SIMILAR)
def test_similar_words(a: str, b: str, same: bool) -> None:
    assert similar_words(a, b) is same


@given(st.text(max_size=80), st.text(max_size=80))
def test_similarity_is_symmetric(a: str, b: str) -> None:
    assert similar_words(a, b) == similar_words(b, a)
