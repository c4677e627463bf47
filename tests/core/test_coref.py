"""Coreference: the document's people, keyed by surname, and who a pronoun goes to."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core import coref

CANONICAL = [
    pytest.param(
        "Secretary of State Antony J. Blinken spoke. Later Mr. Blinken left.",
        "blinken",
        "Antony J. Blinken",
        id="fullest-name-titles-stripped",
    ),
    pytest.param("Sen. Jo Reed came. Reed stayed.", "reed", "Jo Reed", id="abbreviated-title"),
    pytest.param(
        "Jo Roe’s plan failed. Roe left.", "roe", "Jo Roe", id="possessive-is-the-same-person"
    ),
]


@pytest.mark.parametrize(("text", "key", "name"), CANONICAL)
def test_canonical(text: str, key: str, name: str) -> None:
    e = coref.build(text).entity(key)
    assert e is not None and e.canonical == name


def test_run_never_crosses_a_blank_line() -> None:
    """A headline ending in a name is not part of the name opening the next paragraph."""
    doc = coref.build("Talks on Ukraine\n\nJo Reed said so.")
    e = doc.entity("reed")
    assert e is not None and e.canonical == "Jo Reed"


def test_main_subject_skips_subordinate_and_possessive() -> None:
    text = "While Lee Hart waited, Jo Reed’s aide spoke and Tom Ruiz left."
    doc = coref.build(text)
    occ = doc.main_subject(0, len(text), "")
    assert occ is not None and text[occ.start : occ.end] == "Tom Ruiz"


def test_with_role_finds_the_titled_person() -> None:
    text = "Mayor Bill Dean spoke. Then the mayor left."
    doc = coref.build(text)
    occ = doc.with_role(text.index("the mayor"), "mayor")
    assert occ is not None and text[occ.start : occ.end] == "Mayor Bill Dean"


DESCRIBED = [
    pytest.param(
        "Rep. Ilhan Oyelaran spoke. Oyelaran is one of the first two Somali women elected.",
        "oyelaran",
        "f",
        True,
        id="copula-noun-beats-the-first-name",
    ),
    pytest.param("Nadir Kell, a father of three, came.", "kell", "m", True, id="apposition-noun"),
    pytest.param("We met spokeswoman Rin Sato.", "sato", "f", True, id="noun-before-the-name"),
    pytest.param(
        "Chief negotiator Saeb Tarik left.", "tarik", "", True, id="role-before-makes-a-person"
    ),
    pytest.param(
        "Zorv Molt was married to a woman.", "molt", "", False, id="verb-ends-the-description"
    ),
]


@pytest.mark.parametrize(("text", "key", "gender", "person"), DESCRIBED)
def test_described_by_a_noun(text: str, key: str, gender: str, person: bool) -> None:
    e = coref.build(text).entity(key)
    assert e is not None and (e.gender, e.person) == (gender, person)


def test_unknown_gender_yields_to_a_known_one() -> None:
    """ "she": Roe (a woman, named in a possessive) rather than Poe, whose gender no word says."""
    text = "Ms. Ann Roe's songs were bought, and Zorv Poe, a spokesperson for the firm, sold them."
    doc = coref.build(text)
    occ = doc.main_subject(0, len(text), "f")
    assert occ is not None and text[occ.start : occ.end].startswith("Ms. Ann Roe")


WORDS = st.sampled_from(["Jo", "Reed", "Mr.", "of", "State", "said", "he", ".", "\n", "Lee’s"])


@given(st.lists(WORDS, max_size=20))
@settings(max_examples=200, deadline=None)
def test_occurrences_sorted_inside_text(words: list[str]) -> None:
    text = " ".join(words)
    doc = coref.build(text)
    assert doc.starts == sorted(doc.starts)
    for o in doc.occurrences:
        assert 0 <= o.start < o.end <= len(text) and o.key in doc.entities
