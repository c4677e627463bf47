"""Cues: where a cue starts and ends, and which cues report an utterance."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.core.cues import CUE_WORDS, STARTS, cue_end, is_strong
from tests.core.stages import at, toks

CUE_SPANS = [
    pytest.param("she said it", "said", 1, id="one-word-cue"),
    pytest.param("Said Ellis: no", "Said", 1, id="capitalised-said-opens-inverted"),
    pytest.param("according to the mayor", "according", 2, id="two-word-cue"),
    pytest.param("According to the mayor", "According", 2, id="two-word-cue-capitalised"),
    pytest.param("as he put it", "put", 2, id="put-it"),
    pytest.param("Secretary of State Blinken", "State", 0, id="capitalised-state-is-no-cue"),
    pytest.param("officials say so", "say", 1, id="bare-form-that-is-a-verb"),
    pytest.param("a state visit", "state", 0, id="bare-state-is-no-cue"),
    pytest.param("the dean commented: yes", "commented", 1, id="commented-is-a-cue"),
    pytest.param("his comments on it", "comments", 0, id="comments-is-a-noun"),
    pytest.param("terror attacks there", "attacks", 0, id="attacks-is-a-noun"),
    pytest.param("she likened it to war", "likened", 1, id="likened-frames-words"),
]


@pytest.mark.parametrize(("text", "word", "length"), CUE_SPANS)
def test_cue_end(text: str, word: str, length: int) -> None:
    ts = toks(text)
    k = at(ts, word)
    assert cue_end(ts, k) == (k + length if length else 0)


STRENGTH = [
    pytest.param("said", True, id="said-strong"),
    pytest.param("told", True, id="told-strong"),
    pytest.param("Added", True, id="case-does-not-matter"),
    pytest.param("described", False, id="described-weak"),
    pytest.param("called", False, id="called-weak"),
    pytest.param("commented", True, id="commented-strong"),
    pytest.param("compared", False, id="compared-weak"),
    pytest.param("according to", True, id="according-to-strong"),
]


@pytest.mark.parametrize(("cue", "strong"), STRENGTH)
def test_is_strong(cue: str, strong: bool) -> None:
    assert is_strong(cue) is strong


@given(st.lists(st.sampled_from(sorted(STARTS | {"the", "to", "it", "on", "x"})), max_size=8))
def test_cue_end_is_past_its_start_or_zero(words: list[str]) -> None:
    ts = toks(" ".join(words))
    for k in range(len(ts)):
        end = cue_end(ts, k)
        assert end == 0 or k < end <= min(k + 2, len(ts))
        if ts[k].text in CUE_WORDS:
            assert end == k + 1
