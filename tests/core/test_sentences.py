"""Sentences: cut outside quotations, never after an abbreviation's period."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.marks import find_quotes
from quotedb.core.sentences import MASK, mask, split
from tests.core.stages import sentences

CASES = [
    pytest.param("He left. She stayed.", ["He left.", "She stayed."], id="plain-full-stop"),
    pytest.param(
        "“We will win. We always do,” he said. Then he left.",
        ["“We will win. We always do,” he said.", "Then he left."],
        id="no-cut-inside-a-quotation",
    ),
    pytest.param(
        "“Why now?” Maher replied. The crowd laughed.",
        ["“Why now?” Maher replied.", "The crowd laughed."],
        id="question-mark-then-name-and-verb-stays",
    ),
    pytest.param(
        "“Why now?” Nobody knew. Then he left.",
        ["“Why now?” Nobody knew.", "Then he left."],
        id="question-mark-inside-quotation-no-cut",
    ),
    pytest.param(
        "Mr. Smith met Dr. Jones. They talked.",
        ["Mr. Smith met Dr. Jones.", "They talked."],
        id="abbreviation-period-no-cut",
    ),
    pytest.param(
        "They met at 7 p.m. He says it went well.",
        ["They met at 7 p.m.", "He says it went well."],
        id="closing-abbreviation-before-opener-cuts",
    ),
    pytest.param(
        "The U.S. Army said so.", ["The U.S. Army said so."], id="dotted-abbreviation-no-cut"
    ),
    pytest.param(
        "A headline\nThe body starts.", ["A headline", "The body starts."], id="line-break-cuts"
    ),
    pytest.param("One.\n\n\nTwo.", ["One.", "Two."], id="blank-lines-belong-to-sentence-before"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_mask_keeps_length_and_hides_quoted_words() -> None:
    text = "He said “no more” twice."
    m = mask(text, find_quotes(text))
    assert len(m) == len(text) and m == "He said “" + MASK * 7 + "” twice."


TEXTS = st.text(alphabet=st.sampled_from(list("“”\"' aA.?!\nMr")), max_size=200)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_sentences_tile_the_text(text: str) -> None:
    quotes = find_quotes(text)
    spans = split(mask(text, quotes), quotes)
    pos = 0
    for a, b in spans:
        assert a == pos < b
        pos = b
        for q in quotes:
            assert not (a < q.start < b <= q.end - 1 and b < q.end)  # no cut inside the words
    assert pos == len(text)
