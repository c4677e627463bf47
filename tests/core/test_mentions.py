"""Mentions: the noun phrase a cue attaches to, read from the tokens around it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.mentions import gender_of, kind_of, name_of, phrase_after, phrase_before
from quotedb.core.types import SpeakerKind
from tests.core.stages import at, toks

BEFORE = [
    pytest.param("Jane Roe said", "said", "Jane Roe", id="name-before-cue"),
    pytest.param("she later said", "said", "she", id="pronoun-past-adverb"),
    pytest.param("Sen. Jack Reed (D-R.I.), said", "said", "Sen. Jack Reed", id="party-tag-comma"),
    pytest.param("Sen. Mark Ruiz (R-Fla.) said", "said", "Sen. Mark Ruiz", id="party-tag"),
    pytest.param(
        "Sam Moor, a Russian analyst at Rand, said", "said", "Sam Moor", id="appositive-skipped"
    ),
    pytest.param("the assailant, John Doe, told", "told", "John Doe", id="name-is-the-apposition"),
    pytest.param(
        "The leader of the League, Jo Green, said",
        "said",
        "Jo Green",
        id="described-role-then-name",
    ),
    pytest.param(
        "a campaign surrogate who said", "said", "a campaign surrogate who", id="relative-who"
    ),
    pytest.param("Trump at the time said", "said", "Trump", id="step-over-prepositional-phrase"),
    pytest.param(
        "Protesters marching through the streets chanted",
        "chanted",
        "Protesters",
        id="participle-subject",
    ),
    pytest.param("on Monday the mayor said", "said", "the mayor", id="calendar-word-skipped"),
    pytest.param("Ames's mayor said", "said", "Ames's mayor", id="capitalised-possessive-inside"),
    pytest.param("the mayor's office said", "said", "office", id="lowercase-possessive-ends"),
    pytest.param("the plan, said", "said", None, id="comma-with-nothing-before"),
]


@pytest.mark.parametrize(("text", "cue", "expected"), BEFORE)
def test_phrase_before(text: str, cue: str, expected: str | None) -> None:
    ts = toks(text)
    p = phrase_before(ts, at(ts, cue))
    assert (None if p is None else text[p.start : p.end]) == expected


AFTER = [
    pytest.param("said Mr. Blinken today", "Mr. Blinken today", id="inverted-name"),
    pytest.param("said the mayor of Ames.", "the mayor of Ames", id="inner-of"),
    pytest.param("said he", "he", id="pronoun-alone"),
    pytest.param("said Monday", None, id="calendar-is-no-speaker"),
    pytest.param("said that", None, id="function-word"),
]


@pytest.mark.parametrize(("text", "expected"), AFTER)
def test_phrase_after(text: str, expected: str | None) -> None:
    p = phrase_after(toks(text), 1)
    assert (None if p is None else text[p.start : p.end]) == expected


NAMES = [
    pytest.param("Secretary of State Antony Blinken", ["Antony", "Blinken"], id="title-cut"),
    pytest.param("Rival Hillary Clinton", ["Hillary", "Clinton"], id="known-first-name-starts"),
    pytest.param("said Jan de Vries", ["Jan", "de", "Vries"], id="particle-inside-run"),
    pytest.param("Mr. Lavrov’s", ["Lavrov"], id="possessive-dropped"),
]


@pytest.mark.parametrize(("phrase", "expected"), NAMES)
def test_name_of(phrase: str, expected: list[str]) -> None:
    assert name_of(phrase.split()) == expected


KINDS = [
    pytest.param("the Kremlin", SpeakerKind.ORGANIZATION, id="organisation-head"),
    pytest.param("the White House", SpeakerKind.ORGANIZATION, id="white-house"),
    pytest.param("a senior official", SpeakerKind.UNNAMED, id="indefinite-source"),
    pytest.param("officials", SpeakerKind.UNNAMED, id="bare-person-noun"),
    pytest.param("Jane Roe", SpeakerKind.PERSON, id="a-name"),
]


@pytest.mark.parametrize(("phrase", "expected"), KINDS)
def test_kind_of(phrase: str, expected: SpeakerKind) -> None:
    assert kind_of(phrase.split()) == expected


def test_gender_from_honorific_or_first_name() -> None:
    assert (gender_of("", "Mrs."), gender_of("Hillary"), gender_of("Barack"), gender_of("Zed")) == (
        "f",
        "f",
        "m",
        "",
    )


WORDS = st.sampled_from(["said", "the", "Mayor", "Jo", ",", "a", "who", "of", "(", ")", "he"])


@given(st.lists(WORDS, min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_phrase_before_lies_before_its_cue(words: list[str]) -> None:
    text = " ".join(words)
    ts = toks(text)
    for k in range(len(ts)):
        p = phrase_before(ts, k)
        if p is not None:
            assert 0 <= p.start < p.end <= ts[k].start
            assert p.tokens and all(t in ts for t in p.tokens)
