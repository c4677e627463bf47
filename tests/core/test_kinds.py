"""Kinds: a Title Case quotation where works are named is a title; markup is no quotation."""

from __future__ import annotations

import pytest

from quotedb.core.kinds import is_markup, is_title
from quotedb.core.marks import find_quotes

TITLES = [
    pytest.param("He spoke on NBC’s “Meet the Press” today.", True, id="after-a-possessive"),
    pytest.param("She appeared on “Fox and Friends” again.", True, id="after-a-preposition"),
    pytest.param("Her book “The Long Road Home” sold well.", True, id="after-a-work-noun"),
    pytest.param("He said “We Will Win” to cheers.", False, id="after-a-cue-verb"),
    pytest.param("Her book “the long road” sold.", False, id="lowercase-is-no-title"),
    pytest.param(
        "Her book “One Two Three Four Five Six Seven Eight Nine Ten Eleven” sold.",
        False,
        id="more-than-ten-words",
    ),
    pytest.param("Story\n“Our Plan”\nText follows.", True, id="subheading-on-its-own-line"),
    pytest.param("“Our Plan”\nText follows.", False, id="headline-may-quote-speech"),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_is_title(text: str, expected: bool) -> None:
    (q,) = find_quotes(text)
    assert is_title(text, q) is expected


def test_markup_attribute_value() -> None:
    text = 'A photo author="Jane Roe" and “real words here,” she said.'
    first, second = find_quotes(text)
    assert is_markup(text, first) and not is_markup(text, second)
