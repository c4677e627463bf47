"""Two people of one surname in one article stay two; a bare surname and a pronoun go to
the one the evidence points to (extract end to end, articles written for these tests)."""

from __future__ import annotations

import pytest

from quotedb.core import coref, extract

SPEAKERS = [
    pytest.param(
        "Vernon Halloway opened the plant on Friday with his wife, Marisol Halloway.\n\n"
        "“This is a great day for the town,” Marisol Halloway said.\n\n"
        "“We built it together,” Vernon Halloway said.\n\n"
        "“The work starts Monday,” Halloway added.",
        ["Marisol Halloway", "Vernon Halloway", "Vernon Halloway"],
        id="husband-wife-bare-surname-follows-the-latest",
    ),
    pytest.param(
        "Robert Anselm, 71, founded the mill. His son, Daniel Anselm, 45, runs it now.\n\n"
        "“I never thought it would last,” the elder Anselm said.\n\n"
        "“We want to hire again,” the younger Anselm said.",
        ["Robert Anselm", "Daniel Anselm"],
        id="father-son-the-elder-and-the-younger-by-age",
    ),
    pytest.param(
        "Carl Weston Jr. manages the team his father, Carl Weston, built.\n\n"
        "“He taught me everything,” the younger Weston said.",
        ["Carl Weston Jr"],
        id="father-son-the-younger-by-suffix",
    ),
    pytest.param(
        "Tom Rusk and his brother Pete Rusk farm the valley. Pete Rusk took over the "
        "dairy last year.\n\n“Milk prices are brutal,” Rusk said.",
        ["Pete Rusk"],
        id="brothers-surname-follows-the-one-named-last",
    ),
    pytest.param(
        "Greta Lindqvist met Oskar Lindqvist at the station.\n\n"
        "“The train was late again,” she said.\n\n“I waited an hour,” he said.",
        ["Greta Lindqvist", "Oskar Lindqvist"],
        id="pronouns-after-two-bearers-of-different-gender",
    ),
    pytest.param(
        "Mark Dorsey and Paul Dorsey own the bakery. Mark Dorsey bakes; Paul Dorsey sells.\n\n"
        "“Bread is our life,” Dorsey said.",
        ["Paul Dorsey"],
        id="same-gender-bare-surname-keeps-the-most-recent",
    ),
    pytest.param(
        "Mr. Halloway and Marisol Halloway spoke. Vernon Halloway runs the plant.\n\n"
        "“Mind the gap,” Mrs. Halloway said.",
        ["Marisol Halloway"],
        id="honorific-gender-picks-the-bearer",
    ),
    pytest.param(
        "Sen. Jo Reed came. “We stay,” Reed said. Joanna Reed is no relation.",
        ["Jo Reed"],
        id="one-bearer-takes-the-bare-surname",
    ),
    pytest.param(
        "Gordon Pell toured the harbour on Tuesday.\n\n"
        "Pell campaign spokesman Ivan Sorel told reporters that Pell would return in May. "
        "However, he could not say when the tour would end.\n\n"
        "“We have no dates yet,” he said.",
        ["Ivan Sorel"],
        id="surname-qualifying-a-noun-is-no-pronoun-subject",
    ),
    pytest.param(
        "Nora Vance and her husband, Hugh Vance, ran for the council. Hugh Vance spoke "
        "first.\n\n“We can do better,” Vance said, adding that she would vote no.",
        ["Nora Vance"],
        id="bare-surname-goes-to-the-bearer-its-own-clause-calls-she",
    ),
    pytest.param(
        "Nora Vance and her husband, Hugh Vance, ran for the council. Hugh Vance spoke "
        "first.\n\n“We can do better,” Vance told Ella Moss, who said she would vote no.",
        ["Hugh Vance"],
        id="a-pronoun-after-another-name-says-nothing-of-the-surname",
    ),
]


@pytest.mark.parametrize(("text", "speakers"), SPEAKERS)
def test_speakers(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in extract(text)] == speakers


def test_two_bearers_are_two_entities_without_the_bare_alias() -> None:
    doc = coref.build("Bill Marsh spoke. Hillary Marsh spoke. Marsh left.")
    people = {e.canonical: e for e in doc.entities.values()}
    assert set(people) == {"Bill Marsh", "Hillary Marsh"}
    assert all("Marsh" not in e.forms for e in people.values())


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Donald J. Darrow spoke. Donald Darrow left.", id="middle-initial"),
        pytest.param("Hillary Rodham Marsh spoke. Hillary Marsh left.", id="middle-name"),
        pytest.param("John Darrow spoke. Later J. Darrow left.", id="initial"),
        pytest.param("Bill Marsh spoke. William Marsh left.", id="nickname"),
    ],
)
def test_one_person_written_two_ways_stays_one(text: str) -> None:
    assert len(coref.build(text).entities) == 1
