"""Attribution: the phrase each quotation is linked to, by the stage alone (no coreference)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.attribution import headline_link, signature_link
from quotedb.core.marks import find_quotes
from quotedb.core.sentences import mask
from tests.core.stages import links, speakers

CASES = [
    pytest.param("“We will win,” she said.", ["she"], id="quotation-led-cue-after"),
    pytest.param("“We will win,” said Mr. Blinken.", ["Mr. Blinken"], id="inverted-cue"),
    pytest.param("Jane Roe said, “We will win.”", ["Jane Roe"], id="cue-before"),
    pytest.param(
        "Lee Varga issued a statement saying “we will strike” soon.",
        ["Lee Varga"],
        id="object-of-ing-cue-does-not-speak",
    ),
    pytest.param(
        "He wrote a letter to the mayor asking “why now” again.",
        ["He"],
        id="object-after-preposition-does-not-speak",
    ),
    pytest.param(
        "Jo Hart, a Lee ally, defended the speech, saying “it was fine” later.",
        ["Jo Hart"],
        id="participle-after-comma-main-subject",
    ),
    pytest.param("He laughed and said “no chance” twice.", ["He"], id="and-said-verb-own-subject"),
    pytest.param(
        "Officials backed an inflation formula called the “chained index” last year.",
        ["Officials"],
        id="naming-verb-thing-named-does-not-speak",
    ),
    pytest.param(
        "He told reporters that Lee had agreed “to the terms” in May.",
        ["He"],
        id="strong-cue-wins-over-nearer-weak",
    ),
    pytest.param(
        "“It was over,” Jane Roe, 67, a retired nurse in Ames, said.",
        ["Jane Roe"],
        id="name-apposition-then-verb",
    ),
    pytest.param(
        "“We are ready to govern again,” they conclude.",
        ["they"],
        id="verb-tied-to-closing-mark",
    ),
    pytest.param(
        "In a new poll, 31 percent said “the economy” matters most.",
        ["a new poll"],
        id="poll-is-the-source",
    ),
    pytest.param("They want “firepower” now.", [None], id="short-scare-quote-no-link"),
    pytest.param(
        "Lee Varga, a Hart ally, defended the plan “because it costs nothing at all” today.",
        ["Lee Varga"],
        id="long-quotation-sentence-subject",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_dash_signature() -> None:
    text = "“Keep going no matter what.” ― Jo Green"
    m = mask(text, find_quotes(text))
    (q,) = find_quotes(text)
    link = signature_link(m, q)
    assert link is not None and text[link.phrase.start : link.phrase.end] == "Jo Green"


def test_headline_subject() -> None:
    text = "Clinton Calls Violence ‘Genocide’\nThe body."
    (q,) = find_quotes(text)
    link = headline_link(mask(text, [q]), 0, q)
    assert link is not None and text[link.phrase.start : link.phrase.end] == "Clinton"


WORDS = st.sampled_from(["“a b c d,”", "said", "he", "Jo", "Lee", ",", "told", "the", "mayor", "."])


@given(st.lists(WORDS, max_size=14))
@settings(max_examples=300, deadline=None)
def test_linked_phrase_outside_quotations(words: list[str]) -> None:
    text = " ".join(words)
    quotes = find_quotes(text)
    for link in links(text):
        if link is None:
            continue
        assert 0 <= link.phrase.start < link.phrase.end <= len(text)
        for q in quotes:
            assert link.phrase.end <= q.start or link.phrase.start >= q.end
        if link.cue is not None:
            assert text[link.cue.start : link.cue.end] == link.cue.text
