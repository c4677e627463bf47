"""Clean speaker labels: roles split off, clutter and common words never become people."""

from __future__ import annotations

import pytest

from quotedb.core import extract, extract_corpus
from quotedb.core.names import clean_run, fuller_name, named_mid_sentence, parse_name
from quotedb.core.types import SpeakerKind


@pytest.mark.parametrize(
    ("written", "name", "role"),
    [
        pytest.param(
            "company CEO Dana Whitlow", "Dana Whitlow", "company CEO", id="lowercase-role"
        ),
        pytest.param(
            "Public Prosecution Mia Ekdal", "Mia Ekdal", "Public Prosecution", id="office"
        ),
        pytest.param("Hosting Brook", "Brook", None, id="participle"),
        pytest.param("th-ranked Valdane", "Valdane", None, id="ordinal-fragment"),
        pytest.param("surveillance authority extension Odum", "Odum", None, id="fragment"),
        pytest.param(
            "NASA Administrator Jim Corren", "Jim Corren", "NASA Administrator", id="acronym"
        ),
        pytest.param("Ukraine Kurt Halvey", "Kurt Halvey", None, id="place-before-name"),
        pytest.param("Day-by-day Pelham", "Pelham", None, id="hyphenated-word"),
        pytest.param(
            "Singer-guitarists Tom Rusk", "Tom Rusk", "Singer-guitarists", id="hyphen-role"
        ),
        pytest.param(
            "Westfield coach Billy Arno", "Billy Arno", "Westfield coach", id="team-coach"
        ),
        pytest.param("Kristi VaneKristi Lynn VaneOhio", "Kristi Vane", None, id="glued-repeats"),
        pytest.param("Michael McDonald", "Michael McDonald", None, id="mc"),
        pytest.param("Ron DeSantis", "Ron DeSantis", None, id="de"),
        pytest.param("LeBron James", "LeBron James", None, id="le"),
        pytest.param("Virginia Marsh", "Virginia Marsh", None, id="place-as-first-name"),
        pytest.param("TJ Watt", "TJ Watt", None, id="initials-first-name"),
        pytest.param("Bashar al-Assad", "Bashar al-Assad", None, id="particle-glued"),
        pytest.param(
            "Martin Luther King Jr.", "Martin Luther King Jr.", None, id="role-word-surname"
        ),
        pytest.param("tim cook", "tim cook", None, id="typed-lowercase"),
    ],
)
def test_parse_name_splits_roles_and_clutter(written: str, name: str, role: str | None) -> None:
    parsed = parse_name(written)
    assert parsed is not None
    assert parsed.display == name
    assert parsed.role == role


@pytest.mark.parametrize(
    "written",
    [pytest.param("The 56-year-old", id="age"), pytest.param("The spokesman", id="nominal")],
)
def test_descriptions_are_not_names(written: str) -> None:
    assert parse_name(written) is None


def test_clean_run_never_empties_a_run() -> None:
    assert clean_run(["Administrator"]) == ([], ["Administrator"])


def test_named_mid_sentence() -> None:
    text = 'Quando arrived. "We won," Rusk said. Quando left.'
    assert named_mid_sentence(text, "Rusk")
    assert not named_mid_sentence(text, "Quando")
    assert named_mid_sentence("He met Mr. Rusk.", "Rusk")


def test_fuller_name_needs_one_person() -> None:
    assert fuller_name("Judge Ann P. Kell Jr. ruled. Kell said no.", "Kell") == "Ann P. Kell Jr."
    assert fuller_name("Taylor Brisk sang. Taylor said so.", "Taylor") == "Taylor Brisk"
    assert fuller_name("Ann Kell and Bob Kell spoke.", "Kell") is None


ARTICLES = [
    pytest.param(
        "Tim Brook unveiled the phone on Monday.\n\nHosting Brook said: “This is the best phone"
        " we have ever made, and we are proud of it.”",
        "Tim Brook",
        SpeakerKind.PERSON,
        id="participle-before-surname",
    ),
    pytest.param(
        "The club settled the case.\n\n“We will appeal this ruling at once,” said company CEO"
        " Andy Vell.",
        "Andy Vell",
        SpeakerKind.PERSON,
        id="role-before-name",
    ),
    pytest.param(
        "The case was closed on Tuesday.\n\n“The evidence has weakened considerably over the"
        " years,” the Northland Prosecution Authority said.",
        "Northland Prosecution Authority",
        SpeakerKind.ORGANIZATION,
        id="authority-is-organisation",
    ),
    pytest.param(
        "Teachers marched on the capitol.\n\nTeachers chanted: “We want a fair contract now for"
        " every school in the state.”",
        "teachers",
        SpeakerKind.UNNAMED,
        id="group-noun",
    ),
    pytest.param(
        "Taylor Brisk sued the label.\n\n“I just want to be able to sing my own songs again,”"
        " Taylor wrote on Thursday.",
        "Taylor Brisk",
        SpeakerKind.PERSON,
        id="first-name-completed",
    ),
    pytest.param(
        "Cases rose again in the north.\n\n“The outbreak is now under control in every"
        " province,” the Irish CDC said on Friday.",
        "Irish CDC",
        SpeakerKind.ORGANIZATION,
        id="place-and-initials",
    ),
    pytest.param(
        "A helicopter crashed near the base.\n\n“The cause of the crash is under investigation"
        " by the authorities,” the statement said.",
        "the statement",
        SpeakerKind.UNNAMED,
        id="common-noun-organisation",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "kind"), ARTICLES)
def test_article_speaker_labels(text: str, speaker: str, kind: SpeakerKind) -> None:
    quotes = [q for q in extract(text) if q.speaker]
    assert quotes, "the quotation should be attributed"
    assert (quotes[0].speaker, quotes[0].speaker_kind) == (speaker, kind)


def test_capitalised_common_word_is_no_speaker() -> None:
    text = "Quando la squadra vinse, tutti risero.\n\nQuando disse: “Abbiamo vinto la partita.”"
    assert all(q.speaker != "Quando" for q in extract(text))


def test_one_page_clutter_never_relabels_a_person_elsewhere() -> None:
    clean = "“We will not back down from this fight,” said Rep. Ilse Odum."
    clutter = (
        "The bill passed.\n\n“This is a dangerous law,” surveillance authority extension Odum"
        " said on Friday."
    )
    labels = {q.speaker for doc in extract_corpus([clean, clutter]) for q in doc if q.speaker}
    assert labels == {"Ilse Odum"}


def test_title_without_a_name_is_the_office() -> None:
    text = (
        "The ruling was appealed.\n\nThe Northland Nations High Commissioner said: “These"
        " settlements break the law and must stop.”"
    )
    quotes = [q for q in extract(text) if q.speaker]
    assert quotes
    assert quotes[0].speaker_kind is SpeakerKind.ORGANIZATION
    assert quotes[0].speaker.endswith("High Commissioner")


def test_person_of_an_organisation_is_the_person() -> None:
    from quotedb.core.mentions import name_of

    assert name_of("said geologist Rosaly Lopes of Acme's Ray Lab".split()) == [
        "Rosaly",
        "Lopes",
    ]
    assert name_of("Secretary of State Ann Fox".split())[-2:] == ["Ann", "Fox"]
