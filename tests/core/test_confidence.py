"""Confidence: a probability per attribution, from features of what it rests on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.core import extract
from quotedb.core.confidence import Model, calibrate, features, model
from quotedb.core.types import Cue, Mention, Quotation, QuoteKind, SpeakerKind

NAMED = Quotation(
    0,
    20,
    "We will respond soon",
    QuoteKind.DIRECT,
    speaker="Jane Roe",
    speaker_kind=SpeakerKind.PERSON,
    mention=Mention(23, 31, "Jane Roe"),
    cue=Cue(32, 36, "said"),
    confidence=0.9,
    evidence="after-quote said",
)


@pytest.mark.parametrize(
    ("evidence", "flag"),
    [
        pytest.param("after-quote said", "via:name", id="named-speaker"),
        pytest.param("after-quote said; pronoun she -> Jane Roe", "via:pronoun", id="pronoun"),
        pytest.param("continuation: after-quote said", "at:continuation", id="continuation"),
        pytest.param("after-quote said (inverted)", "at:inverted", id="inverted"),
    ],
)
def test_features_name_what_the_attribution_rests_on(evidence: str, flag: str) -> None:
    q = Quotation(**{**_fields(NAMED), "evidence": evidence})
    assert features(q)[flag] == 1.0


def test_no_mention_claims_nothing() -> None:
    q = Quotation(0, 5, "hello")
    assert features(q) == {}
    assert calibrate([q])[0].confidence == 0.0


def test_model_maps_features_through_a_logistic() -> None:
    m = Model(bias=0.0, weights={"raw": 2.0})
    assert m.probability({}) == 0.5
    assert m.probability({"raw": 1.0}) > 0.85


def test_shipped_model_ranks_a_named_attribution_above_an_unresolved_pronoun() -> None:
    unresolved = Quotation(
        **{
            **_fields(NAMED),
            "speaker": None,
            "mention": Mention(23, 26, "she"),
            "evidence": "after-quote said",
            "confidence": 0.45,
        }
    )
    named, guess = calibrate([NAMED, unresolved])
    assert named.confidence > guess.confidence


def test_extract_gives_probabilities() -> None:
    quotes = extract("“We will respond next week,” Jane Roe said. “Not before,” Roe added.")
    assert [q.speaker for q in quotes] == ["Jane Roe", "Jane Roe"]
    assert all(0.5 < q.confidence <= 1.0 for q in quotes)
    assert model().weights


@given(st.floats(0, 1), st.integers(0, 2000), st.sampled_from(list(SpeakerKind)))
def test_confidence_is_a_probability(raw: float, gap: int, kind: SpeakerKind) -> None:
    q = Quotation(
        **{
            **_fields(NAMED),
            "confidence": raw,
            "speaker_kind": kind,
            "mention": Mention(20 + gap, 28 + gap, "Jane Roe"),
        }
    )
    (out,) = calibrate([q])
    assert 0.0 <= out.confidence <= 1.0
    assert out.evidence == q.evidence and out.speaker == q.speaker


def _fields(q: Quotation) -> dict[str, object]:
    return {name: getattr(q, name) for name in q.__slots__}  # type: ignore[attr-defined]
