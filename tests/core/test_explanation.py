"""The confidence in one line: what the attribution rests on, and the probability as a rate."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quotedb.core.explanation import explain
from quotedb.core.types import Cue, Mention, Quotation, QuoteKind, SpeakerKind

NAMED = Quotation(
    1,
    21,
    "We will respond soon",
    QuoteKind.DIRECT,
    speaker="Jane Roe",
    speaker_kind=SpeakerKind.PERSON,
    mention=Mention(24, 32, "Jane Roe"),
    cue=Cue(33, 37, "said"),
    confidence=0.955,
    evidence="after-quote said",
)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        pytest.param({}, 'a named speaker with a speech verb ("said") after the', id="named"),
        pytest.param(
            {"mention": Mention(24, 27, "She"), "evidence": "after-quote said; pronoun she -> X"},
            'the pronoun "she", taken to mean Jane Roe, with a speech verb',
            id="pronoun",
        ),
        pytest.param(
            {
                "mention": Mention(24, 37, "the spokesman"),
                "evidence": "after-quote said; the spokesman -> Jane Roe",
            },
            'the description "the spokesman", taken to mean Jane Roe',
            id="nominal",
        ),
        pytest.param(
            {"speaker": "Acme", "speaker_kind": SpeakerKind.ORGANIZATION},
            "an organisation known by one word only",
            id="one-word-organisation",
        ),
        pytest.param(
            {"speaker": "a senior official", "speaker_kind": SpeakerKind.UNNAMED},
            "an unnamed source",
            id="unnamed",
        ),
        pytest.param({"speaker": "Roe"}, "a speaker known by one word only", id="one-word-label"),
        pytest.param(
            {
                "cue": Cue(0, 6, "called"),
                "evidence": "before-quote called",
                "kind": QuoteKind.PARTIAL,
            },
            'a less direct verb ("called") before the quotation (a partial quotation)',
            id="weak-cue-partial",
        ),
        pytest.param(
            {"cue": None, "evidence": "sentence subject"},
            "with no speech verb, only the sentence's subject",
            id="sentence-subject",
        ),
        pytest.param(
            {"cue": None, "evidence": "embedded post"},
            "a named speaker as the author of an embedded post",
            id="embedded-post",
        ),
        pytest.param(
            {"cue": None, "evidence": "dash signature"},
            "signed with a dash after the quotation",
            id="dash-signature",
        ),
        pytest.param(
            {"evidence": "continuation: after-quote said"},
            "(carried over from the quotation before)",
            id="continuation",
        ),
        pytest.param(
            {"mention": Mention(400, 408, "Jane Roe")},
            "the speaker's mention far from the quoted words",
            id="far-mention",
        ),
    ],
)
def test_the_line_names_what_the_attribution_rests_on(
    changes: dict[str, object], says: str
) -> None:
    line = explain(replace(NAMED, **changes))  # type: ignore[arg-type]
    assert says in line
    assert line.startswith("0.95: ") or line.startswith("0.96: ")


def test_the_probability_reads_as_a_rate_with_the_number_shown() -> None:
    line = explain(replace(NAMED, confidence=0.875))
    shown = line.split(":")[0]
    assert line.endswith(f"about {round(float(shown) * 100)} in 100 are right")


def test_no_speaker_claims_nothing() -> None:
    assert explain(Quotation(0, 5, "hello")) == "0.00: no speaker was found, so none is claimed"
    unresolved = replace(NAMED, speaker=None, speaker_kind=SpeakerKind.UNKNOWN, confidence=0.4)
    line = explain(replace(unresolved, mention=Mention(24, 27, "she")))
    assert line == '0.40: "she" could not be tied to a name, so no speaker is given'
