"""Utterances: the words renderings of one statement share, and when two are one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.core import utterances
from quotedb.core.utterances import (
    MIN_CONTENT_WITHOUT_SPEAKER,
    Utterance,
    blocking_of,
    candidate_pairs,
    content_of,
    normalize,
    similar_words,
)

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


def _brute_pairs(items: list[Utterance]) -> list[tuple[int, int]]:
    """candidate_pairs by its definition, every pair weighed (no word is too common here)."""
    out = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.speaker is not None and b.speaker is not None and a.speaker != b.speaker:
                continue
            if (a.speaker is None or b.speaker is None) and min(
                len(content_of(a.text)), len(content_of(b.text))
            ) < MIN_CONTENT_WITHOUT_SPEAKER:
                continue
            shared = len(blocking_of(a.text) & blocking_of(b.text))
            if shared and 2 * shared >= min(len(blocking_of(a.text)), len(blocking_of(b.text))):
                out.append((i, j))
    return out


WORDS = ["budget", "deficit", "taxes", "border", "wall", "jobs", "the", "we", "will"]


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=7),
            st.sampled_from([None, "ann", "bob"]),
        ),
        max_size=14,
    )
)
def test_candidate_pairs_are_the_pairs_sharing_half_the_sparer_words(
    rows: list[tuple[list[str], str | None]],
) -> None:
    items = [Utterance(" ".join(words), speaker, k) for k, (words, speaker) in enumerate(rows)]
    assert list(candidate_pairs(items)) == _brute_pairs(items)


PAIRS = [
    pytest.param(
        [("we will cut the budget deficit", "ann"), ("the budget deficit will be cut", "ann")],
        [(0, 1)],
        id="same-speaker-shared-words",
    ),
    pytest.param(
        [("we will cut the budget deficit", "ann"), ("we will cut the budget deficit", "bob")],
        [],
        id="two-known-speakers-never-paired",
    ),
    pytest.param(
        [("we will cut the budget deficit", "ann"), ("cut the budget deficit", None)],
        [(0, 1)],
        id="unattributed-with-content-pairs-anybody",
    ),
    pytest.param(
        [("budget deficit", "ann"), ("budget deficit", None)],
        [],
        id="unattributed-needs-three-content-words",
    ),
    pytest.param(
        [("taxes border budget", "ann"), ("budget jobs growth wall", "ann")],
        [],
        id="one-word-of-three-is-not-half",
    ),
    pytest.param(
        [("taxes rise", "ann"), ("taxes rise", "ann"), ("taxes rise", "ann"), ("rise", "ann")],
        [(0, 1), (0, 2), (1, 2)],
        id="too-common-word-proposes-nothing",
    ),
]


@pytest.mark.parametrize(("rows", "expected"), PAIRS)
def test_candidate_pairs(
    rows: list[tuple[str, str | None]],
    expected: list[tuple[int, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(utterances, "MAX_POSTINGS", 3)  # "rise" is in four: too common
    items = [Utterance(text, speaker, k) for k, (text, speaker) in enumerate(rows)]
    assert list(candidate_pairs(items)) == expected
