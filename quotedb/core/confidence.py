"""An attribution's confidence as the probability that its speaker is right.

The attribution rules each give a raw score, but a score of 0.9 from one rule and 0.9 from
another were right at very different rates. This stage turns what an attribution rests on
(the rule, where the cue stands, how the speaker was reached, what kind of speaker it is)
into features and a logistic model fitted on PolNeAR train (``benchmarks/fit_confidence.py``)
maps them to a probability. The model is data (``data/confidence.json``): refitting it
changes no code.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from operator import attrgetter

from quotedb.core.cues import is_strong
from quotedb.core.types import Quotation, SpeakerKind

_PRONOUN = re.compile(r"\bpronoun (\w+) ->")
_NOMINAL = re.compile(r"\bnominal\b|\bthe \w+ ->")
_POSITIONS = (
    "continuation",
    "previous sentence",
    "previous paragraph",
    "colon",
    "headline",
    "sentence subject",
    "later cue",
    "before-quote",
    "after-quote",
    "inverted",
    "embedded post",
)


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: a bias and one weight per feature name."""

    bias: float
    weights: Mapping[str, float]

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))


def features(q: Quotation, strong: Callable[[str], bool] = is_strong) -> dict[str, float]:
    """What an attribution rests on, as named numbers (0/1 flags and a few magnitudes);
    ``strong``: whether a cue reports speech, in the text's language."""
    if q.mention is None:
        return {}
    ev = q.evidence
    out: dict[str, float] = {"raw": q.confidence}
    for name in _POSITIONS:
        if name in ev:
            out["at:" + name] = 1.0
    pronoun = _PRONOUN.search(ev)
    if pronoun:
        out["via:pronoun"] = 1.0
        out["pronoun:" + pronoun.group(1).lower()] = 1.0
    elif _NOMINAL.search(ev):
        out["via:nominal"] = 1.0
    else:
        out["via:name"] = 1.0
    out["speaker:" + (str(q.speaker_kind) if q.speaker else "unresolved")] = 1.0
    out["quote:" + str(q.kind)] = 1.0
    if q.cue is not None:
        out["cue:strong" if strong(q.cue.text) else "cue:weak"] = 1.0
    else:
        out["cue:none"] = 1.0
    words = (q.speaker or "").split()
    out["label:one-word"] = float(len(words) == 1)
    out["label:lowercase-word"] = float(
        q.speaker_kind is SpeakerKind.PERSON and any(w[:1].islower() for w in words)
    )
    gap = q.mention.start - q.end if q.mention.start >= q.end else q.start - q.mention.end
    out["gap"] = min(max(gap, 0), 400) / 100.0
    out["length"] = min(len(q.text), 400) / 100.0
    return out


@cache
def model() -> Model:
    """The shipped model (read once: it is package data, never written at run time)."""
    raw = json.loads(resources.files("quotedb.core").joinpath("data/confidence.json").read_text())
    return Model(bias=float(raw["bias"]), weights={k: float(v) for k, v in raw["weights"].items()})


def calibrate(
    quotes: list[Quotation],
    fitted: Model | None = None,
    strong: Callable[[str], bool] = is_strong,
) -> list[Quotation]:
    """The same quotations, each attribution's confidence replaced by its probability of being
    right (that the mention it rests on is the speaker's); with no mention, nothing is claimed
    and the confidence is 0."""
    m = fitted or model()
    return [
        _with_confidence(q, round(m.probability(features(q, strong)), 3))
        if q.mention
        else (q if q.confidence == 0.0 else _with_confidence(q, 0.0))
        for q in quotes
    ]


_FIELDS = tuple(f.name for f in fields(Quotation))
_CONFIDENCE = _FIELDS.index("confidence")
_VALUES = attrgetter(*_FIELDS)


def _with_confidence(q: Quotation, confidence: float) -> Quotation:
    """``replace(q, confidence=…)`` at half its cost (it runs once per quotation)."""
    values = list(_VALUES(q))
    values[_CONFIDENCE] = confidence
    return Quotation(*values)
