"""Closing-mark conventions: every pair yields the words alone, with no mark left inside."""

from __future__ import annotations

import pytest

from quotedb.core.marks import find_quotes
from quotedb.core.pipeline import extract


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            "“The bridge will open in May,’’ Ada Park said.",
            ["The bridge will open in May,"],
            id="curly-opener-two-apostrophes-closer",
        ),
        pytest.param(
            "The board said “members deserve a vote.’’ Later it met.",
            ["members deserve a vote."],
            id="partial-closed-by-two-apostrophes",
        ),
        pytest.param(
            "“We are ready,'' the mayor said.",
            ["We are ready,"],
            id="curly-opener-straight-doubled-closer",
        ),
        pytest.param(
            "He said ``the vote is final'' and sat down.",
            ["the vote is final"],
            id="latex-pair",
        ),
        pytest.param(
            "She wrote ‘‘we start at dawn’’ in her note.",
            ["we start at dawn"],
            id="doubled-single-openers",
        ),
        pytest.param(
            "She said ‘They told me ‘wait’’ and walked out.",
            ["They told me ‘wait’"],
            id="nested-single-closers-together",
        ),
        pytest.param(
            "The farmers’ union met. ‘We go on’, it said.",
            ["We go on"],
            id="plural-possessive-is-no-mark",
        ),
    ],
)
def test_closing_conventions(text: str, words: list[str]) -> None:
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == words
    for q in find_quotes(text):
        inner = text[q.start : q.end]
        assert not inner.endswith(("’’", "''", "”")), inner


def test_two_apostrophe_closer_is_attributed() -> None:
    text = "“Tolls will not rise this year,’’ Omar Velde, the transport minister, said on Monday."
    (q,) = extract(text)
    assert q.text == "Tolls will not rise this year,"
    assert q.speaker == "Omar Velde"


def test_text_after_two_apostrophe_closer_is_not_quoted() -> None:
    text = "“Tolls will stay,’’ Ida Moss said. Then she left the hall and “thanked” the staff."
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["Tolls will stay,", "thanked"]
