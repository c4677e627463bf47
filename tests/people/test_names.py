"""Names: parsing, the never-merge cases, one label per person across documents."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.core import extract
from quotedb.core.names import (
    canonical_label,
    first_named,
    name_key,
    parse_name,
    resolve_corpus,
    roles_in,
    same_person,
)
from quotedb.core.types import Quotation, SpeakerKind
from quotedb.store.prepare import prepare


@pytest.mark.parametrize(
    ("text", "display", "role"),
    [
        ("Secretary of State Antony J. Blinken", "Antony J. Blinken", "Secretary of State"),
        ("White House press secretary Jen Psaki", "Jen Psaki", "White House press secretary"),
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Russian Foreign Minister"),
        ("Mr. Lavrov", "Lavrov", None),
        ("Donald Trump, Jr.", "Donald Trump Jr.", None),
        ("Ursula von der Leyen", "Ursula von der Leyen", None),
    ],
)
def test_parse_name(text: str, display: str, role: str | None) -> None:
    parsed = parse_name(text)
    assert parsed is not None
    assert (parsed.display, parsed.role) == (display, role)


def test_pronouns_are_not_names() -> None:
    assert parse_name("she") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergey V. Lavrov", "Sergei Lavrov"),
        ("Sergey Lavrov", "Mr. Lavrov"),
        ("Antony J. Blinken", "Antony Blinke"),
        ("António Guterres", "Antonio Guterres"),
        ("Jen Psaki", "Jennifer Psaki"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Donald Trump", "Donald Trump Jr."),
        ("Bill Clinton", "Hillary Clinton"),
        ("Mario Rossi", "Maria Rossi"),
        ("Sergey V. Lavrov", "Sergey A. Lavrov"),
        ("Mr. Blinke", "Blinken"),  # never fuzzy without given names
        ("Ann Kim", "Ann Kin"),  # never fuzzy on short surnames
        ("A. Blinke", "Antony Blinken"),  # an initial is not enough for a misspelling
    ],
)
def test_never_merged(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_name_key_drops_titles_and_accents() -> None:
    assert name_key("Secretary-General António Guterres") == ("antonio", "guterres")
    assert name_key("Mr. Lavrov") == ("lavrov",)


def test_canonical_label_prefers_frequent_complete_names() -> None:
    forms = {"Antony Blinken": 3, "Antony J. Blinken": 2, "Antony Blinke": 1, "Blinken": 5}
    assert canonical_label(forms) == "Antony Blinken"
    assert canonical_label({"Lavrov": 2, "Mr. Lavrov": 1}) == "Lavrov"


def q(speaker: str, *aliases: str, kind: SpeakerKind = SpeakerKind.PERSON) -> Quotation:
    return Quotation(0, 5, "words", speaker=speaker, speaker_kind=kind, aliases=aliases)


def labels(docs: list[list[Quotation]]) -> list[list[str | None]]:
    return [[x.speaker for x in doc] for doc in resolve_corpus(docs)]


def test_one_label_per_person_across_documents() -> None:
    docs = [
        [q("Sergey Lavrov", "Mr. Lavrov"), q("Antony Blinken")],
        [q("Sergey V. Lavrov", "Lavrov"), q("Antony J. Blinken", "Mr. Blinken")],
        [q("Sergei Lavrov"), q("Antony Blinke"), q("Blinken")],
        [q("Lavrov"), q("Sergey Lavrov")],
    ]
    out = labels(docs)
    assert {x for doc in out for x in doc} == {"Sergey Lavrov", "Antony J. Blinken"}


def test_relatives_stay_apart() -> None:
    out = labels([[q("Donald Trump"), q("Donald Trump Jr.")], [q("Mr. Trump", "Donald Trump")]])
    assert out == [["Donald Trump", "Donald Trump Jr."], ["Donald Trump"]]


def test_ambiguous_surname_is_not_guessed() -> None:
    docs = [[q("Bill Clinton")], [q("Hillary Clinton")], [q("Clinton")]]
    assert labels(docs) == [["Bill Clinton"], ["Hillary Clinton"], ["Clinton"]]


def test_ambiguous_surname_resolved_by_its_article() -> None:
    docs = [[q("Bill Clinton")], [q("Hillary Clinton"), q("Mrs. Clinton")]]
    assert labels(docs) == [["Bill Clinton"], ["Hillary Clinton", "Hillary Clinton"]]


def test_surname_sharers_in_one_article_stay_apart() -> None:
    docs = [[q("Jake Sullivan"), q("Jane Sullivan")]]
    assert labels(docs) == [["Jake Sullivan", "Jane Sullivan"]]


def test_organisations_are_not_people() -> None:
    docs = [
        [q("the Kremlin", kind=SpeakerKind.ORGANIZATION)],
        [q("Kremlin", kind=SpeakerKind.ORGANIZATION)],
    ]
    out = labels(docs)
    assert out[0] == out[1] and out[0][0] in ("Kremlin", "the Kremlin")


def test_surname_mentions_outvote_a_misspelling() -> None:
    forms = {"Antony Blinken": 1, "Antony Blinke": 1, "US Secretary of State Antony Blinke": 1}
    assert canonical_label({**forms, "Blinken": 5, "Mr. Blinken": 2}) == "Antony Blinken"


def test_roles_before_and_beside_names() -> None:
    text = (
        "White House press secretary Jen Psaki said so. One note came from the United Nations "
        "secretary-general, António Guterres, who spoke. Sam Charap, a senior political "
        "scientist at RAND, agreed. Talks between President Joe Biden and Mr. Putin."
    )
    assert roles_in(text, "Jen Psaki") == ["White House press secretary"]
    assert roles_in(text, "António Guterres") == ["United Nations secretary-general"]
    assert roles_in(text, "Joe Biden") == ["President"]
    assert roles_in(text, "Sam Charap") == []  # "scientist" is not a title word
    assert first_named(text, ["Psaki", "Jen Psaki"]) == "White House press secretary Jen Psaki"


names = st.builds(
    lambda g, m, s, x: " ".join(p for p in (g, m, s, x) if p),
    st.sampled_from(["", "Sergey", "Sergei", "Bill", "William", "Hillary", "Jen", "A."]),
    st.sampled_from(["", "V.", "J."]),
    st.sampled_from(["Lavrov", "Clinton", "Blinken", "Blinke", "Kim"]),
    st.sampled_from(["", "Jr.", "III"]),
)


@given(names, names)
def test_same_person_is_symmetric(a: str, b: str) -> None:
    assert same_person(a, b) == same_person(b, a)


@given(names)
def test_a_name_is_its_own_person(a: str) -> None:
    assert same_person(a, a)


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("While Trump", "Trump"),
        ("Francois Hollande Says Donald Trump", "Donald Trump"),
        ("Democratic front-runner Hillary Clinton", "Hillary Clinton"),
        ("Edward Said", "Edward Said"),
        ("Theresa May", "Theresa May"),
    ],
)
def test_sentence_words_are_not_names(text: str, display: str) -> None:
    parsed = parse_name(text)
    assert parsed is not None and parsed.display == display


def test_headline_ending_in_a_name_gives_no_title() -> None:
    """A run of capitalised words stops at a blank line: the headline's last word is not
    part of the title that opens the next paragraph."""
    text = (
        "Talks end without a deal on Ukraine\n\n"
        "US Secretary of State Jane Roe greets her counterpart.\n\n"
        "“We will keep talking,” Ms. Roe said."
    )
    found = extract(text)
    assert [q.speaker for q in found] == ["Jane Roe"]
    roles = prepare(text, found).roles
    assert roles[("Jane Roe", "person")] == ["US Secretary of State"]
