"""Properties: offsets are valid, nothing raises, and time grows linearly."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.pipeline import extract

MARKY = st.text(alphabet=st.sampled_from(list("“”‘’\"'„«» aA.,\n:—Mr said he")), max_size=300)


@given(st.one_of(st.text(max_size=400), MARKY))
@settings(max_examples=300, deadline=None)
def test_offsets_valid(text: str) -> None:
    for q in extract(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.mention is not None:
            assert text[q.mention.start : q.mention.end] == q.mention.text
        assert 0.0 <= q.confidence <= 1.0


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract(text)
        best = min(best, time.process_time() - t0)
    return best


def test_linear_on_runs_of_marks() -> None:
    for unit in ['"', "“", "‘", "'", "“a ", "he said “", "”, he said. "]:
        small, big = _seconds(unit * 25_000), _seconds(unit * 100_000)
        assert big < 12 * max(small, 1e-3), (unit, small, big)


def test_linear_on_one_endless_sentence() -> None:
    """Many quotations, cues, names and commas in a single sentence (no full stop)."""
    for unit in [
        "“a,” he said, ",
        "“a” and ",
        "He, a man, said “x” ",
        "Mr. A, the b, said “c,” ",
        "Tom Lee said “x,” and he said “y,” ",
    ]:
        small, big = _seconds(unit * 2_000), _seconds(unit * 8_000)
        assert big < 12 * max(small, 1e-3), (unit, small, big)
