"""What pages show besides records: marked stretches of text, word diffs, a bar chart's
geometry and safe links. Pure functions of the API's records (no markup here: the
templates escape every value they print)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https")


def record(value: Any) -> dict[str, Any]:
    """An API result as JSON data: a record that converts itself (``to_dict``) converted,
    a dict as it is."""
    to_dict = getattr(value, "to_dict", None)
    converted = to_dict() if callable(to_dict) else value
    if not isinstance(converted, dict):
        raise TypeError(f"not a record: {type(value).__name__}")
    return converted


def records(values: Iterable[Any]) -> list[dict[str, Any]]:
    return [record(v) for v in values]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a text to mark: half-open code-point offsets, a CSS class, and the
    quotation it belongs to (for a link), if any."""

    start: int
    end: int
    role: str
    quotation: int | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    role: str | None = None  # None: plain text
    quotation: int | None = None


def segments(text: str, spans: Iterable[Span], offset: int = 0) -> list[Segment]:
    """``text`` (which starts at ``offset`` of its article) cut into plain and marked
    segments. Spans outside the text are clipped; a span overlapping an earlier one is
    dropped, so each character is marked at most once."""
    out: list[Segment] = []
    at = 0
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        lo, hi = max(s.start - offset, 0), min(s.end - offset, len(text))
        if lo < at or lo >= hi:
            continue
        if lo > at:
            out.append(Segment(text[at:lo]))
        out.append(Segment(text[lo:hi], s.role, s.quotation))
        at = hi
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def quotation_spans(view: dict[str, Any]) -> list[Span]:
    """The quotation, its speaker's mention and its cue, from a ``show`` record."""
    found = [Span(view["start"], view["end"], "quote")]
    for role, lo, hi in (
        ("speaker", view.get("speaker_start"), view.get("speaker_end")),
        ("cue", view.get("cue_start"), view.get("cue_end")),
    ):
        if lo is not None and hi is not None:
            found.append(Span(lo, hi, role))
    return found


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    change: str  # "same", "added" or "removed"


def word_diff(base: str, other: str) -> list[Word]:
    """``other`` against ``base`` word by word: words kept, added and removed, in order."""
    a, b = base.split(), other.split()
    words: list[Word] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            words += [Word(w, "same") for w in a[i1:i2]]
            continue
        words += [Word(w, "removed") for w in a[i1:i2]]
        words += [Word(w, "added") for w in b[j1:j2]]
    return words


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    x: float
    height: float


def bars(points: Sequence[tuple[str, int]], width: float = 600, height: float = 120) -> list[Bar]:
    """Bars of a small SVG chart (the project draws it: no chart library, no script)."""
    if not points:
        return []
    top = max(v for _, v in points) or 1
    step = width / len(points)
    return [
        Bar(label, value, i * step, round(height * value / top, 1))
        for i, (label, value) in enumerate(points)
    ]


def safe_link(url: str | None) -> str | None:
    """A URL fit for an ``href``: http(s) with a host, else None (``javascript:`` and
    ``data:`` URLs are shown as text, never linked)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None
