"""Kinds: a Title Case quotation where works are named is a title, a quotation named a slogan
is a slogan everywhere in its text; markup is no quotation."""

from __future__ import annotations

import pytest

from quotedb.core.kinds import is_markup, is_title, slogan_words
from quotedb.core.marks import find_quotes
from quotedb.core.pipeline import extract
from quotedb.core.types import QuoteKind

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


SLOGANS = [
    pytest.param(
        "The county launched a campaign with the slogan “Litter. We see it.” on Monday.",
        True,
        id="after-the-slogan",
    ),
    pytest.param(
        "What is this odd tagline?\n“Litter. We see it.”\nNobody knows.",
        True,
        id="after-a-question-on-the-line-before",
    ),
    pytest.param("The “Litter. We see it.” awareness campaign ran a year.", True, id="noun-after"),
    pytest.param(
        "“We will win,” campaign officials said.", False, id="a-comma-then-campaign-is-speech"
    ),
    pytest.param(
        "He called it a “crazy system” during a campaign stop.",
        False,
        id="a-preposition-before-campaign",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SLOGANS)
def test_slogan_words(text: str, expected: bool) -> None:
    quotes = find_quotes(text)
    assert bool(slogan_words(text, quotes)) is expected


def test_every_rendering_of_a_slogan_is_a_term() -> None:
    """Named a slogan once, the same words elsewhere (here a tweet's cue) are no speech."""
    text = (
        "County says ‘Litter. We See It’\n"
        "The county chose the slogan “Litter, we see it.” for its new campaign.\n"
        "“Litter. We see it.” Mayor Ann Roe tweeted on Monday.\n"
        "“We spent a year on the plan and it works,” Roe said.\n"
    )
    kinds = {q.text: q.kind for q in extract(text)}
    assert [k for w, k in kinds.items() if w.lower().startswith("litter")] == [QuoteKind.TERM] * 3
    assert kinds["We spent a year on the plan and it works,"] is QuoteKind.DIRECT
