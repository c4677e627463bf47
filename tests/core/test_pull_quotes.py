"""Quotations printed on a line of their own (subheadings, bullets, a headline's lead) are
speech with no cue beside them; a quoted phrase inside a sentence with no cue stays a term."""

from __future__ import annotations

import pytest

from quotedb.core.pipeline import extract
from quotedb.core.types import QuoteKind

BODY = "The report was sent to the ministry on Friday, officials said.\n"


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        pytest.param(
            BODY + "“The wells are running dry”\nThe letter went on for four pages.\n",
            "The wells are running dry",
            QuoteKind.DIRECT,
            id="subheading-line",
        ),
        pytest.param(
            BODY
            + "Here are the highlights:\n- “My warnings were ignored”\nShe spoke for an hour.\n",
            "My warnings were ignored",
            QuoteKind.DIRECT,
            id="bullet-line",
        ),
        pytest.param(
            "‘We lost everything’: floods leave a valley homeless\n" + BODY,
            "We lost everything",
            QuoteKind.DIRECT,
            id="headline-lead-before-colon",
        ),
        pytest.param(
            BODY + "The decision was seen as “deeply unfair” by many in the valley.\n",
            "deeply unfair",
            QuoteKind.TERM,
            id="phrase-in-sentence-stays-term",
        ),
        pytest.param(
            BODY + "“Harvest”\nThe second part of the report covers the crops.\n",
            "Harvest",
            QuoteKind.TERM,
            id="one-word-line-stays-term",
        ),
    ],
)
def test_pull_quotes(text: str, words: str, kind: QuoteKind) -> None:
    (q,) = [q for q in extract(text) if q.text == words]
    assert q.kind is kind
