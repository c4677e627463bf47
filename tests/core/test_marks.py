"""Marks: which stretches are quoted, one hard case per row."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.marks import find_quotes
from tests.core.stages import quoted

CASES = [
    pytest.param("She said “we will win” today.", ["we will win"], id="curly-double"),
    pytest.param('He said "no way" then.', ["no way"], id="straight-double"),
    pytest.param("He said ''no way'' then.", ["no way"], id="doubled-apostrophe-is-one-mark"),
    pytest.param("Il a dit «non merci» hier.", ["non merci"], id="guillemets"),
    pytest.param("Er sagte „nein danke“ gestern.", ["nein danke"], id="low-high-german"),
    pytest.param(
        "He said ‘we don’t know’ today.", ["we don’t know"], id="apostrophe-inside-single"
    ),
    pytest.param("Russia’s plan and the boys’ club.", [], id="apostrophes-are-no-marks"),
    pytest.param(
        "She called it ‘the voters’ choice’ and left.",
        ["the voters’ choice"],
        id="plural-possessive-is-not-the-closer",
    ),
    pytest.param(
        "'It was 'like that' all day,' she said.",
        ["It was 'like that' all day,"],
        id="single-nested-in-single-counted",
    ),
    pytest.param(
        "“He told me ‘never’ twice,” she said.",
        ["He told me ‘never’ twice,"],
        id="other-family-nested-ignored",
    ),
    pytest.param(
        "“Stray mark here “the real quote” he said.",
        ["the real quote"],
        id="new-opener-restarts-after-stray-mark",
    ),
    pytest.param("“We won“ she said.", ["We won"], id="typo-opening-mark-that-can-only-close"),
    pytest.param("“Too short\nNext line.", [], id="short-quote-left-open-dropped"),
    pytest.param(
        "“This quotation never closes in its paragraph\nNext.",
        ["This quotation never closes in its paragraph"],
        id="long-quote-left-open-kept",
    ),
    pytest.param("‘Too short\nNext line.", [], id="single-quote-left-open-dropped"),
    pytest.param("It is a 'rock' ' star.", ["rock"], id="lone-mark-after-a-closed-quote"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quoted(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_multi_paragraph_quotation_continues() -> None:
    """A paragraph that opens without closing goes on in the next, which reopens."""
    text = "“The first paragraph of what she said.\n“And the second one,” she said."
    spans = find_quotes(text)
    assert [text[q.start : q.end] for q in spans] == [
        "The first paragraph of what she said.",
        "And the second one,",
    ]
    assert [(q.closed, q.continued) for q in spans] == [(False, False), (True, True)]


def test_paragraph_not_reopened_stands_alone() -> None:
    text = "“The first paragraph of what she said.\nThen the reporter wrote more."
    (q,) = find_quotes(text)
    assert not q.closed and text[q.start : q.end] == "The first paragraph of what she said."


MARKY = st.text(alphabet=st.sampled_from(list("“”‘’\"'„«»‹› aA.,s\n")), max_size=200)


@given(MARKY)
@settings(max_examples=300, deadline=None)
def test_spans_ordered_inside_text_marks_excluded(text: str) -> None:
    end = 0
    for q in find_quotes(text):
        assert end <= q.open_at < q.start <= q.end <= q.close_end <= len(text)
        assert text[q.open_at] in "“”„«»\"‘‚‹›’'"
        assert "\n" not in text[q.open_at : q.close_end]  # a paragraph break ends a quotation
        assert not text[q.start].isspace() and not text[q.end - 1].isspace()
        end = q.close_end
