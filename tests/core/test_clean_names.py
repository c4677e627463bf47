"""Clean speaker labels: roles split off, clutter and common words never become people."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quotedb.core import extract, extract_corpus
from quotedb.core.names import (
    _without_shouting,
    clean_run,
    fuller_name,
    named_mid_sentence,
    parse_name,
    settle_names,
)
from quotedb.core.types import Mention, SpeakerKind


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
    assert (quotes[0].speaker or "").endswith("High Commissioner")


def test_person_of_an_organisation_is_the_person() -> None:
    from quotedb.core.mentions import name_of

    assert name_of("said geologist Rosaly Lopes of Acme's Ray Lab".split()) == [
        "Rosaly",
        "Lopes",
    ]
    assert name_of("Secretary of State Ann Fox".split())[-2:] == ["Ann", "Fox"]


ORGANISATIONS = [
    pytest.param(
        "The study was published on Monday.\n\n“Heavy use in the teenage years carries real"
        " risks,” the journal Acta Neurology argued.",
        "Acta Neurology",
        id="journal-noun-and-field",
    ),
    pytest.param(
        "Layoffs hit the chain.\n\n“We are restructuring our newsrooms,” said Dunmore Media"
        " in a memo.",
        "Dunmore Media",
        id="suffix",
    ),
    pytest.param(
        "A spokesperson for Quillo declined to comment on the ban.\n\n“We will keep removing"
        " such posts,” Quillo said on Friday.",
        "Quillo",
        id="spokesperson-for",
    ),
    pytest.param(
        "Quillo said it would review the rules.\n\n“We take this seriously,” Quillo wrote.",
        "Quillo",
        id="said-it",
    ),
    pytest.param(
        "Fires spread in the north.\n\n“The order is in force until Sunday,” the Northland"
        " Governor's Office of Emergency Services said.",
        "Northland Governor's Office of Emergency Services",
        id="whole-office-name",
    ),
    pytest.param(
        "Talks resumed.\n\n“We will not sit on our hands,” China said in a statement.",
        "China",
        id="place-speaks-as-government",
    ),
    pytest.param(
        "Quillo employs 400 people.\n\n“We will take decisive action against these accounts,”"
        " Quillo said.",
        "Quillo",
        id="name-then-employs",
    ),
    pytest.param(
        "Quillo, a giant of retail, opened a store.\n\n“We are delighted with the outcome of"
        " these talks,” Quillo said.",
        "Quillo",
        id="apposition",
    ),
]


def test_banner_words_leave_the_name() -> None:
    assert _without_shouting("DON'T MISS Quillo") == "Quillo"
    assert _without_shouting("TJ Watt") == "TJ Watt"
    assert _without_shouting("JAMA Neurology") == "JAMA Neurology"


@pytest.mark.parametrize(("text", "speaker"), ORGANISATIONS)
def test_organisations_typed_by_context(text: str, speaker: str) -> None:
    quotes = [q for q in extract(text) if q.speaker]
    assert quotes, "the quotation should be attributed"
    assert (quotes[-1].speaker, quotes[-1].speaker_kind) == (speaker, SpeakerKind.ORGANIZATION)


def test_person_without_context_stays_a_person() -> None:
    text = "Ravel Quint won the race.\n\n“I felt strong all day,” Quint said afterwards."
    quotes = [q for q in extract(text) if q.speaker]
    assert (quotes[0].speaker, quotes[0].speaker_kind) == ("Ravel Quint", SpeakerKind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Another week passed.\n\nAnother said: “We have waited long enough for this.”",
            id="lone-determiner",
        ),
        pytest.param(
            "Holt explains the plan.\n\nHolt shares the plan he used: “Save half, spend the"
            " rest and never borrow.”",
            id="clause-with-pronoun",
        ),
        pytest.param(
            "“Never give up on the people you love,” I always tell my students.",
            id="first-person",
        ),
        pytest.param(
            "And I’d say: “Never give up on the people you love, whatever happens.”",
            id="contraction",
        ),
    ],
)
def test_fragments_are_no_speakers(text: str) -> None:
    speakers = {q.speaker for q in extract(text) if q.speaker}
    assert not {s for s in speakers if " he " in f" {s} " or s in ("Another", "I always", "I’d")}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "A spokesperson for the Northland Foreign Office repeated the position.\n\n“We"
            " urge calm on all sides,” the spokesperson said.",
            "a spokesperson for the Northland Foreign Office",
            id="named-group",
        ),
        pytest.param(
            "A nurse on the ward told reporters.\n\n“He stopped breathing twice that night,”"
            " the nurse said.",
            "a nurse on the ward",
            id="plain-place",
        ),
    ],
)
def test_description_names_its_group(text: str, speaker: str) -> None:
    quotes = [q for q in extract(text) if q.speaker]
    assert (quotes[0].speaker, quotes[0].speaker_kind) == (speaker, SpeakerKind.UNNAMED)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "A 61-year-old woman fell ill after a week of cleaning a barn.\n\n“I could not"
            " climb the stairs,” the patient said.",
            "a 61-year-old woman",
            id="patient-of-an-age-description",
        ),
        pytest.param(
            "An 80-year-old man was rescued from the roof.\n\n“The water came in the"
            " windows,” the man said.",
            "an 80-year-old man",
            id="same-noun-as-the-description",
        ),
        pytest.param(
            "A 19-year-old-student crossed the river at night.\n\n“Nobody stopped me,”"
            " the student said.",
            "a 19-year-old student",
            id="hyphen-glued-to-the-noun",
        ),
        pytest.param(
            "A 34-year-old man and a 36-year-old woman were treated.\n\n“We lost"
            " everything,” the woman said.",
            "a 36-year-old woman",
            id="gender-picks-the-one",
        ),
    ],
)
def test_unnamed_source_keeps_its_introduction(text: str, speaker: str) -> None:
    quotes = [q for q in extract(text) if q.speaker]
    assert (quotes[0].speaker, quotes[0].speaker_kind) == (speaker, SpeakerKind.UNNAMED)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A 52-year-old man and a 47-year-old man were injured.\n\n“It happened in"
            " seconds,” the patient said.",
            id="two-described-people",
        ),
        pytest.param(
            "A 29-year-old woman was arrested.\n\n“She ran the red light,” the witness"
            " told police.\n\nA 40-year-old man was also hurt.",
            id="another-described-later",
        ),
        pytest.param(
            "“I saw the smoke first,” the witness said.\n\nA 29-year-old woman was later arrested.",
            id="introduced-after-the-quote",
        ),
        pytest.param(
            "A 72-year-old woman was found safe.\n\n“The search was long,” the man said.",
            id="gender-disagrees",
        ),
        pytest.param(
            "A 47-year-old father waited at the gate.\n\n“No!” the crowd cried when the"
            " result came.",
            id="collective-noun-is-many-people",
        ),
    ],
)
def test_unnamed_source_never_takes_a_doubtful_introduction(text: str) -> None:
    quotes = [q for q in extract(text) if q.speaker]
    assert quotes
    assert "year-old" not in (quotes[0].speaker or "")


def test_description_stays_when_the_text_places_it_twice() -> None:
    text = (
        "A nurse on the ward and a nurse at the clinic said so.\n\n“He stopped breathing twice"
        " that night,” the nurse said."
    )
    quotes = [q for q in extract(text) if q.speaker]
    assert quotes[0].speaker == "the nurse"


def test_first_name_in_brackets_completes_a_surname() -> None:
    text = "“Coach (Arlo) Penner came in and said keep going,” he said.\n\nPenner said it was fine."
    assert fuller_name(text, "Penner") == "Arlo Penner"


def test_initials_spelt_out_by_the_text() -> None:
    text = (
        "Agents of Harbour and Border Watch stopped the boat.\n\n“The crew was detained at"
        " sea without incident,” HBW said in a statement."
    )
    quotes = [q for q in extract(text) if q.speaker]
    assert (quotes[0].speaker, quotes[0].speaker_kind) == (
        "Harbour and Border Watch",
        SpeakerKind.ORGANIZATION,
    )


def test_description_loses_a_trailing_participle() -> None:
    text = "“The mortality rate in the camps is alarming,” the letter said."
    q = next(q for q in extract(text) if q.speaker)
    signed = replace(q, speaker="the letter signed", speaker_kind=SpeakerKind.UNNAMED)
    headline = replace(q, speaker="FEUDS The", speaker_kind=SpeakerKind.ORGANIZATION)
    settled = settle_names(text, [signed, headline])
    assert [s.speaker for s in settled] == ["the letter", None]


def _said_by(text: str, speaker: str, kind: SpeakerKind) -> tuple[str | None, SpeakerKind]:
    """The settled speaker of the text's first quotation, had extraction named ``speaker``
    where the text last writes it (a mention ``the Institute`` for "Institute", say)."""
    q = next(q for q in extract(text))
    at = text.rfind(speaker) if speaker in text else text.casefold().rfind(speaker.casefold())
    lead = text.rfind(" ", 0, max(0, at - 1)) + 1
    start = lead if text[lead:at].strip().casefold() in ("the", "a") else at
    mention = Mention(start, at + len(speaker), text[start : at + len(speaker)])
    q = replace(q, speaker=speaker, speaker_kind=kind, mention=mention)
    (settled,) = settle_names(text, [q])
    return settled.speaker, settled.speaker_kind


PERSON, ORG, UNNAMED = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.UNNAMED


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "settled"),
    [
        pytest.param(
            "Prince Edmund gave an interview.\n\n“I regret nothing about that trip,” Edmund said.",
            "Edmund",
            PERSON,
            ("Prince Edmund", PERSON),
            id="first-name-under-a-regnal-title",
        ),
        pytest.param(
            "The heir, Edmund, was away.\n\n“It was a fine day for all of us,” Edmund said.",
            "Edmund",
            PERSON,
            (None, SpeakerKind.UNKNOWN),
            id="lone-first-name-dropped",
        ),
        pytest.param(
            "Mr. Kelly spoke first.\n\n“We will keep going whatever they say,” Kelly said.",
            "Kelly",
            PERSON,
            ("Kelly", PERSON),
            id="first-name-used-as-a-surname",
        ),
        pytest.param(
            "The Coastal Dune Grass Act protects the grass on the dunes.\n\n“It is a good"
            " law for the coast,” the act said.",
            "Dune Grass",
            PERSON,
            (None, SpeakerKind.UNKNOWN),
            id="words-of-a-title",
        ),
        pytest.param(
            "The Coastal Dune Grass Act keeps the grass and the water clean.\n\n“It is a"
            " good law for the coast,” Water said.",
            "Water",
            PERSON,
            (None, SpeakerKind.UNKNOWN),
            id="common-word-capitalised",
        ),
        pytest.param(
            "Ask Dr. Lenny, a column by Lenny Hale, ran for years.\n\n“He was kind to every"
            " reader who wrote,” Lenny said.",
            "Lenny",
            PERSON,
            ("Lenny Hale", PERSON),
            id="honorific-inside-a-run",
        ),
        pytest.param(
            "Who has dropped out so far? Ann Rusk is out.\n\n“It was an honour to run,”"
            " Dropped Out Ann Rusk said.",
            "Dropped Out Ann Rusk",
            PERSON,
            ("Ann Rusk", PERSON),
            id="headline-words-before-a-name",
        ),
        pytest.param(
            "“We are ready for the vote whenever it comes,” Cruz said at the Capitol.",
            "Cruz",
            PERSON,
            ("Cruz", PERSON),
            id="surname-that-may-be-a-first-name",
        ),
        pytest.param(
            "“He allowed a passer rating of just 22.4 in coverage,” QFT HBC Hawks wrote.",
            "HBC Hawks",
            PERSON,
            ("HBC Hawks", ORG),
            id="initials-lead-an-account",
        ),
        pytest.param(
            "The company flat-out denied the claims.\n\n“We never used her music,” the"
            " statement said.",
            "The company flat-out",
            UNNAMED,
            ("The company", UNNAMED),
            id="description-ends-on-its-noun",
        ),
        pytest.param(
            "A reporter's source inside the Delta camp, a refugee, spoke to us.\n\n“Nobody"
            " is allowed to leave the camp at night,” the source said.",
            "the source",
            UNNAMED,
            ("a source inside the Delta camp", UNNAMED),
            id="possessive-description",
        ),
        pytest.param(
            "The nurses, members of a new group Nurses Against Flu, wrote to the board.\n\n"
            "“Every child in custody needs the shot,” the nurses said.",
            "the nurses",
            UNNAMED,
            ("Nurses Against Flu", ORG),
            id="members-of-a-named-group",
        ),
        pytest.param(
            "Our reporter's source inside the Delta camp, a refugee, spoke to us.\n\n“Nobody"
            " is allowed to leave at night,” the Delta camp said.",
            "the Delta camp",
            UNNAMED,
            ("a source inside the Delta camp", UNNAMED),
            id="place-taken-for-its-source",
        ),
        pytest.param(
            "“The tariffs are paid at home,” says a study by the Institute for Coastal Policy"
            " Research, a think tank.",
            "Institute",
            ORG,
            ("Institute for Coastal Policy Research", ORG),
            id="organisation-name-continued",
        ),
        pytest.param(
            "The authors of the review published in a journal argued the point.\n\n“The"
            " risk is real but small for most users,” the authors said.",
            "the authors",
            UNNAMED,
            ("the authors of the review", UNNAMED),
            id="group-first-written-whole",
        ),
        pytest.param(
            "The Chinese Harbour and Border Watch and Inspection closed the port.\n\n“The"
            " risk to the public is low,” the Chinese HBW said.",
            "Chinese HBW",
            ORG,
            ("Chinese Harbour and Border Watch and Inspection", ORG),
            id="initials-with-their-country",
        ),
    ],
)
def test_settled_speakers(
    text: str, speaker: str, kind: SpeakerKind, settled: tuple[str | None, SpeakerKind]
) -> None:
    assert _said_by(text, speaker, kind) == settled


@pytest.mark.parametrize(
    ("written", "name", "role"),
    [
        pytest.param("Prince Edmund", "Prince Edmund", None, id="regnal-title-and-name"),
        pytest.param("Presiden Okafor", "Okafor", None, id="misspelt-title"),
        pytest.param("Prince Fielder", "Prince Fielder", None, id="first-name-prince"),
    ],
)
def test_parse_name_titles(written: str, name: str, role: str | None) -> None:
    parsed = parse_name(written)
    assert parsed is not None
    assert (parsed.display, parsed.role) == (name, role)


def test_label_that_only_modifies_a_person_gives_way_to_the_mention() -> None:
    text = (
        "The Admiralty called the claims “plainly false” in a note to a Fleet News Admiralty"
        " correspondent on Monday."
    )
    q = next(q for q in extract(text))
    at = text.index("The Admiralty")
    mention = Mention(at, at + len("The Admiralty"), "The Admiralty")
    said = replace(q, speaker="Fleet News Admiralty", speaker_kind=ORG, mention=mention)
    (settled,) = settle_names(text, [said])
    assert (settled.speaker, settled.speaker_kind) == ("Admiralty", ORG)
