"""What pages compute from records: marked segments, word diffs, safe links, chart bars."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.web.render import Span, bars, safe_link, segments, word_diff

TEXT = "“We will go,” she said on Monday."
SEGMENTS = [
    ("quote-only", [Span(1, 12, "quote")], 0, ["“", "We will go,", "” she said on Monday."]),
    (
        "quote-speaker-cue",
        [Span(1, 12, "quote"), Span(14, 17, "speaker"), Span(18, 22, "cue")],
        0,
        ["“", "We will go,", "” ", "she", " ", "said", " on Monday."],
    ),
    (
        "offset-of-a-paragraph",
        [Span(101, 112, "quote")],
        100,
        ["“", "We will go,", "” she said on Monday."],
    ),
    (
        "overlap-dropped",
        [Span(1, 12, "quote"), Span(5, 9, "cue")],
        0,
        ["“", "We will go,", "” she said on Monday."],
    ),
    ("outside-clipped", [Span(30, 90, "quote")], 0, [TEXT[:30], TEXT[30:]]),
    ("before-the-text", [Span(5, 8, "quote")], 50, [TEXT]),
    ("empty-span", [Span(3, 3, "cue")], 0, [TEXT]),
]


@pytest.mark.parametrize(
    ("spans", "offset", "wanted"), [pytest.param(*c[1:], id=c[0]) for c in SEGMENTS]
)
def test_segments(spans: list[Span], offset: int, wanted: list[str]) -> None:
    assert [s.text for s in segments(TEXT, spans, offset)] == wanted


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(0, 30)), max_size=6),
)
def test_segments_keep_every_character_once(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [Span(start, start + length, "quote") for start, length in raw]
    assert "".join(s.text for s in segments(text, spans)) == text


DIFFS = [
    ("same", "we will go", "we will go", []),
    ("a word replaced", "we will go now", "we shall go now", ["-will", "+shall"]),
    ("a word added", "we go", "we will go", ["+will"]),
    ("punctuation differs", "go now,", "go now.", ["-now,", "+now."]),
]


@pytest.mark.parametrize(
    ("base", "other", "changes"), [pytest.param(*c[1:], id=c[0]) for c in DIFFS]
)
def test_word_diff(base: str, other: str, changes: list[str]) -> None:
    words = word_diff(base, other)
    marks = {"added": "+", "removed": "-"}
    assert [marks[w.change] + w.text for w in words if w.change != "same"] == changes
    assert [w.text for w in words if w.change != "removed"] == other.split()


LINKS = [
    ("https", "https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http-padded", "  http://example.org/ ", "http://example.org/"),
    ("javascript", "javascript:alert(1)", None),
    ("javascript-cased", " JaVaScRiPt:alert(1)", None),
    ("data", "data:text/html,<script>x</script>", None),
    ("no-host", "http:/relative", None),
    ("relative", "/quotations/1", None),
    ("bad-ipv6", "http://[::1", None),
    ("empty", "", None),
]


@pytest.mark.parametrize(("url", "wanted"), [pytest.param(*c[1:], id=c[0]) for c in LINKS])
def test_safe_link(url: str, wanted: str | None) -> None:
    assert safe_link(url) == wanted


def test_bars_scale_to_the_highest() -> None:
    got = bars([("2022-01", 2), ("2022-02", 8), ("2022-03", 0)], width=300, height=100)
    assert [b.height for b in got] == [25.0, 100.0, 0.0] and [b.x for b in got] == [0, 100, 200]
    assert bars([]) == []
