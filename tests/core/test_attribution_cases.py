"""Speaker resolution, one short article per pattern: pronouns with gender, "it"/"they" for
organisations, nominals, documents, and the parties of a reported exchange."""

from __future__ import annotations

import pytest

from quotedb.core.gender import guess
from quotedb.core.pipeline import extract
from quotedb.core.types import QuoteKind, SpeakerKind

CASES = [
    pytest.param(
        "Morgan Vale is back on tour after a long dispute with her former label.\n"
        "Vale posted a long message last week, and Peter Hall and Brian Cole of the label "
        "answered her.\n"
        '"I only want to sing my own songs," she said.\n',
        "I only want to sing my own songs,",
        "Morgan Vale",
        id="she-the-only-woman-by-pronouns",
    ),
    pytest.param(
        "Rachel Dunn and Harry Stone met in 2019.\n"
        "Stone later moved to Leeds.\n"
        '"I cannot be left alone," she remembered telling Harry.\n',
        "I cannot be left alone,",
        "Rachel Dunn",
        id="she-not-the-listener",
    ),
    pytest.param(
        "Ms. Robin Hale runs the bakery with Mr. Sam Ortiz.\n"
        'Ortiz bakes the bread. "We open at six every day," she said.\n',
        "We open at six every day,",
        "Robin Hale",
        id="honorific-gender",
    ),
    pytest.param(
        "Acme Records have twice denied doing anything wrong.\n"
        '"At no point did we block her," they said in a statement.\n',
        "At no point did we block her,",
        "Acme Records",
        id="they-the-organisation",
    ),
    pytest.param(
        "Acme Records have denied the claims.\n"
        "Now they have written to the organisers of the Awards.\n"
        '"We have agreed to grant every licence," it says.\n',
        "We have agreed to grant every licence,",
        "Acme Records",
        id="it-the-organisation",
    ),
    pytest.param(
        "Two soldiers died in a crash, the Northland army said in a statement on Monday.\n"
        '"The cause of the crash is under investigation," the statement said.\n',
        "The cause of the crash is under investigation,",
        "Northland army",
        id="the-statement-its-author",
    ),
    pytest.param(
        "In May, the Federal Water Agency announced new rules.\n"
        'At the time, the agency said in a statement that it chose "short-term" permits '
        "for farms.\n",
        "short-term",
        "Federal Water Agency",
        id="the-agency-the-organisation",
    ),
    pytest.param(
        "Paulo Ramos has agreed to coach the national team.\n"
        "He had been out of work since May.\n"
        'The 56-year-old said on Tuesday: "I am excited to be joining such a club."\n',
        "I am excited to be joining such a club.",
        "Paulo Ramos",
        id="the-56-year-old",
    ),
    pytest.param(
        "Dan Kemp has finished filming his new series.\n"
        '"It makes you more human and more patient," said the actor.\n',
        "It makes you more human and more patient,",
        "Dan Kemp",
        id="said-the-actor",
    ),
    pytest.param(
        "Victor L. Crane Jr., 55, pleaded guilty on Monday to threatening a senator.\n"
        "Crane faces up to ten years in prison.\n"
        "He was arrested in April for a call to the offices of Senator Nora Bell.\n"
        "During the call, he asked about her votes, called Bell a “traitor” and said, "
        "“somebody should stop her for good,” the prosecutor’s office said.\n",
        "somebody should stop her for good,",
        "Victor L. Crane Jr.",
        id="caller-not-the-callee",
    ),
    pytest.param(
        "Cmdr. Sean Lake, a spokesperson for the task force, told reporters that the claim "
        '"is plainly false."\n',
        "is plainly false.",
        "Sean Lake",
        id="name-a-spokesperson-told",
    ),
    pytest.param(
        "Ravi Menon, a trade professor at Ames, said the talks had stalled. "
        '"Nobody knows what comes next for the farmers," he said.\n',
        "Nobody knows what comes next for the farmers,",
        "Ravi Menon",
        id="apposition-makes-a-person",
    ),
    pytest.param(
        "Upon hearing the news, Mia Lund offered her place to Tom Reyes.\n"
        "“Can I give it to Tom?” Lund tearfully asked before hugging him.\n",
        "Can I give it to Tom?",
        "Mia Lund",
        id="name-adverb-verb-after-question",
    ),
    pytest.param(
        "The envoy to Portugal warned that the ministry “will not stand by and watch” "
        "if talks fail.\n",
        "will not stand by and watch",
        "The envoy",
        id="name-in-the-modifier-of-a-role",
    ),
    pytest.param(
        "The researchers of a survey published in the Bayside Medical Review argued "
        "that the scheme was “a clear gain for most families.”\n",
        "a clear gain for most families.",
        "The researchers",
        id="name-past-a-participle-modifier",
    ),
    pytest.param(
        "A friend of Oliver Grant said the storm was “the worst night in forty years.”\n",
        "the worst night in forty years.",
        "a friend of Oliver Grant",  # the description whole; Oliver Grant is not the speaker
        id="person-noun-of-a-name",
    ),
    pytest.param(
        "The ambassador to Portugal Nadia Reyes said the ministry was “ready to talk at any "
        "hour.”\n",
        "ready to talk at any hour.",
        "Nadia Reyes",
        id="titled-name-after-the-modifier",
    ),
    pytest.param(
        "Paul Ames, the director of the Hillcrest Museum, said the loan was “a gift to the "
        "whole town.”\n",
        "a gift to the whole town.",
        "Paul Ames",
        id="apposed-role-of-an-organisation",
    ),
    pytest.param(
        "Mayor Ruth Dale was campaigning for Tom Birch, who praised her “steady hand in hard "
        "years” on Friday.\n",
        "steady hand in hard years",
        "Tom Birch",
        id="verb-before-the-preposition-is-no-modifier",
    ),
    pytest.param(
        "A man pleaded guilty to threatening Rep. Ilhan Oyelaran on Monday.\n"
        "Mark Dunne faces up to ten years in prison.\n"
        "He was arrested in April for a call to her offices.\n"
        "Oyelaran is one of the first two Somali women elected to the House.\n"
        'A staff member recalled that he said, "I will come for her," the prosecutor said.\n',
        "I will come for her,",
        "Mark Dunne",
        id="he-not-the-woman-the-copula-describes",
    ),
    pytest.param(
        "Jordan's foreign minister Kamal Haddad warned of grave consequences.\n"
        "Chief negotiator Saeb Tarik said they would take a series of measures.\n"
        '"We are going to the General Assembly and we will ask for a vote," he added.\n',
        "We are going to the General Assembly and we will ask for a vote,",
        "Saeb Tarik",
        id="he-the-role-named-person-of-unknown-gender",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), CASES)
def test_speaker(text: str, quoted: str, speaker: str) -> None:
    qs = {q.text: q for q in extract(text)}
    got = qs[quoted].speaker
    assert got is not None and got.rstrip(".") == speaker.rstrip("."), qs[quoted].evidence


def test_the_caller_called_the_callee_a_name() -> None:
    """ "called Bell a “traitor”": the caller's word, not Bell's."""
    text = CASES[9].values[0]
    assert isinstance(text, str)
    term = next(q for q in extract(text) if q.text == "traitor")
    assert term.speaker is None or term.speaker.startswith("Victor L. Crane")


def test_organisation_is_typed() -> None:
    text = CASES[3].values[0]
    assert isinstance(text, str)
    (q,) = [q for q in extract(text) if q.kind is not QuoteKind.TERM]
    assert q.speaker_kind is SpeakerKind.ORGANIZATION
    assert q.mention is not None and q.mention.named.text == "Acme Records"


def test_they_for_two_people_stays_unresolved() -> None:
    """People as the subject: "they" is not an organisation named further back."""
    text = (
        "Acme Records denied the claims.\n"
        "Senator Jane Roe and Representative Mark Poe wrote to the label.\n"
        '"They have a duty to their artists," they said.\n'
    )
    (q,) = [q for q in extract(text) if q.text.startswith("They have")]
    assert q.speaker is None


@pytest.mark.parametrize(
    ("first", "gender", "firm"),
    [
        pytest.param("Kristi", "f", True, id="listed"),
        pytest.param("Harry", "m", True, id="male"),
        pytest.param("Taylor", "m", False, id="mostly-male-is-weak"),
        pytest.param("Eva-Marie", "f", True, id="hyphenated"),
        pytest.param("Acme", "", False, id="not-a-name"),
    ],
)
def test_first_name_guess(first: str, gender: str, firm: bool) -> None:
    g = guess(first)
    assert (g.gender, g.firm) == (gender, firm)


def test_article_pronouns_outrank_a_weak_first_name() -> None:
    text = (
        "Taylor Quinn released her new album on Friday.\n"
        "Quinn said her label had tried to stop her.\n"
        '"I just want to sing," she said.\n'
    )
    (q,) = [q for q in extract(text) if q.text.startswith("I just")]
    assert q.speaker == "Taylor Quinn"


FRAMING_CUES = [
    pytest.param(
        "Lead author Dr. Ana Ruiz, a professor at Ames, commented: "
        '"Heavy use in the teens has lasting costs."\n',
        "Heavy use in the teens has lasting costs.",
        "Ana Ruiz",
        id="commented-colon",
    ),
    pytest.param(
        'Another critic, Paul Vance, likened the rules to "tearing up the charter."\n',
        "tearing up the charter.",
        "Paul Vance",
        id="likened-to",
    ),
    pytest.param(
        'Nora Hale compared the mayor to a coach who is "working the referees."\n',
        "working the referees.",
        "Nora Hale",
        id="compared-to",
    ),
    pytest.param(
        'The fact-checkers at Truthmeter rated the mayor\'s claim as "mostly false."\n',
        "mostly false.",
        "Truthmeter",
        id="rated-as",
    ),
    pytest.param(
        'A judge ruled that he had a "history of absconding" and denied bail.\n',
        "history of absconding",
        "a judge",
        id="ruled-that",
    ),
    pytest.param(
        'Checkers looked at Dana Ruiz’s claim that there were "thousands of break-ins" in '
        "the city.\n",
        "thousands of break-ins",
        "Dana Ruiz",
        id="a-named-possessive-claim-that",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), FRAMING_CUES)
def test_framing_cue_speaker(text: str, quoted: str, speaker: str) -> None:
    qs = {q.text: q for q in extract(text)}
    assert qs[quoted].kind is not QuoteKind.TERM and qs[quoted].speaker == speaker


def test_a_remark_treated_as_something_is_not_its_owners_quotation() -> None:
    """Only "claim that", "claim:" or the quotation right after ties it to the owner."""
    text = (
        "Mr. Lee Hart treated Mrs. Ann Roe's remark first as a compliment -- "
        '"That makes me smart" -- and moved on.\n'
    )
    (q,) = extract(text)
    assert q.speaker != "Ann Roe"


SEQUENCES = [
    pytest.param(
        "Ana Ruiz said the council had tried every means to stop the plan.\n"
        '"They wanted us to give up and they used every trick to do it. We will not."\n',
        "They wanted us to give up and they used every trick to do it. We will not.",
        "Ana Ruiz",
        id="paragraph-of-quotation-after-reported-speech",
    ),
    pytest.param(
        "On Monday, Paul Vance noted there should be “no shame” in asking for help.\n"
        '"My wife and I have been through three of those first visits already."\n',
        "My wife and I have been through three of those first visits already.",
        "Paul Vance",
        id="paragraph-of-quotation-after-a-partial-quotation",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), SEQUENCES)
def test_sequence_speaker(text: str, quoted: str, speaker: str) -> None:
    qs = {q.text: q for q in extract(text)}
    assert qs[quoted].speaker == speaker, qs[quoted].evidence


def test_no_paragraph_guess_for_a_quotation_inside_a_sentence() -> None:
    """Only a paragraph that is the quotation alone takes the paragraph before's speaker."""
    text = (
        "Ana Ruiz said the council had tried every means to stop the plan.\n"
        'Critics of the plan have called it "a waste of time and money for everyone" for '
        "years.\n"
    )
    (q,) = extract(text)
    assert q.speaker != "Ana Ruiz"


OUTER_SOURCE = [
    pytest.param(
        'Ann Roe said she recalled thinking, "Nobody in this room can see me at all."\n',
        "Ann Roe",
        id="name-said-she-recalled",
    ),
    pytest.param(
        'Mayor Jane Dale said on Friday that she thinks the video should be released but said "the '
        'question is the timing."\n',
        "Mayor Jane Dale",
        id="name-said-that-she-thinks",
    ),
]


@pytest.mark.parametrize(("text", "mention"), OUTER_SOURCE)
def test_reported_pronoun_rests_on_the_outer_source(text: str, mention: str) -> None:
    """The pronoun opening a reported clause is the outer subject: the mention is the name."""
    (q,) = extract(text)
    assert q.mention is not None and q.mention.text == mention, q.evidence


def test_a_new_clause_keeps_its_own_pronoun() -> None:
    """ "… said “…,” but he said …": a clause of its own; the pronoun stays the mention."""
    text = (
        'Chief Tom Kerr said the video "did not show a gun," but he said that the footage '
        '"supports what we have heard" from witnesses.\n'
    )
    second = extract(text)[1]
    assert second.speaker == "Tom Kerr" and second.mention is not None
    assert second.mention.text == "he"


def test_another_person_after_said_keeps_the_pronoun() -> None:
    """ "Roe said that he told …": he is Hart, not Roe; the pronoun stays the mention."""
    text = (
        "Mr. Lee Hart left the meeting early.\n"
        'Ms. Ann Roe said that he told reporters "we will win the vote."\n'
    )
    (q,) = extract(text)
    assert q.speaker == "Lee Hart" and q.mention is not None and q.mention.text == "he"


def test_what_he_called_rests_on_the_main_subject() -> None:
    """ "Kay condemned what he called …": the free relative's pronoun is the main subject."""
    text = 'Secretary Tom Kay condemned what he called a "brazen breach" of the rules.\n'
    (q,) = extract(text)
    assert q.mention is not None and q.mention.text == "Secretary Tom Kay", q.evidence


def test_what_it_called_is_the_organisation_subject() -> None:
    text = (
        "The Harbor Council on Friday made a strong condemnation of the test and pledged to act "
        'against what it called "a clear threat to the peace of the region."\n'
    )
    (q,) = extract(text)
    assert q.speaker == "Harbor Council" and q.mention is not None
    assert q.mention.text.endswith("Harbor Council")


def test_headline_ending_in_who_says_it() -> None:
    """A headline's closing ", Name Says" names who said its quotation, not its subject."""
    text = "Roe ‘The Dealmaker’ Could Take On Clean Energy, Lee Hart Says.\n\nHart spoke Monday.\n"
    (q,) = extract(text)
    assert q.speaker == "Lee Hart" and q.evidence.startswith("headline speaker")


UNNAMED_ANTECEDENTS = [
    pytest.param(
        "Reporters spoke to one mother, who knew her teenage son had a public account.\n"
        "“I am so far ahead of every other parent I know when it comes to phones,” she said.\n",
        "one mother",
        id="she-the-mother-described",
    ),
    pytest.param(
        "A resident of the street watched the fire from his porch.\n"
        "“It went up in seconds and nobody could stop it,” he said.\n",
        "a resident of the street",
        id="he-a-person-noun",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), UNNAMED_ANTECEDENTS)
def test_pronoun_to_an_unnamed_person(text: str, speaker: str) -> None:
    (q,) = extract(text)
    assert q.speaker == speaker and q.speaker_kind is SpeakerKind.UNNAMED, q.evidence


def test_pronoun_never_takes_a_description_of_the_other_gender() -> None:
    text = (
        "Reporters spoke to one father, who knew his son had a public account.\n"
        "“I am so far ahead of every other parent I know when it comes to phones,” she said.\n"
    )
    (q,) = extract(text)
    assert q.speaker is None
