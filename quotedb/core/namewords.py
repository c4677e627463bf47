"""Word lists that tell a person's name from the words written around it.

Data, not rules: which words are occupations, places, organisation endings. None names a
person or an outlet; each is a general class of English words.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Occupations and positions written before a name ("filmmaker Charlie Ray", "CEO Ann Fox").
ROLE_NOUNS = _words(
    """administrator superintendent developer host hosts cohost co-host presenter anchor coach
    manager head boss owner founder co-founder cofounder president vice chairman chairwoman
    chair chief ceo cfo coo cto cio executive director editor editor-in-chief publisher
    producer filmmaker director actor actress singer songwriter singer-songwriter guitarist
    guitarists drummer rapper musician artist painter author writer novelist poet journalist
    reporter columnist correspondent commentator critic analyst economist strategist pollster
    scientist researcher scholar professor lecturer teacher principal student doctor
    physician surgeon nurse dentist psychologist psychiatrist therapist pharmacist lawyer
    attorney barrister solicitor prosecutor prosecutors prosecution judge justice magistrate
    sheriff deputy officer detective inspector constable sergeant lieutenant captain major
    colonel general admiral commander commissioner police officer spokesman spokeswoman
    spokesperson secretary minister premier chancellor senator representative congressman
    congresswoman governor mayor councillor councilman councilwoman alderman ambassador envoy
    diplomat consul official adviser advisor aide counsel counselor consultant investor
    billionaire millionaire businessman businesswoman entrepreneur banker trader broker
    retiree resident veteran activist campaigner organiser organizer protester volunteer
    worker employee engineer architect designer astronaut pilot driver player striker
    midfielder defender goalkeeper forward quarterback pitcher catcher linebacker guard
    center centre winger batsman bowler captain skipper champion star legend rookie
    veteran referee umpire trainer jockey boxer fighter wrestler swimmer runner sprinter
    cyclist golfer king queen prince princess duke duchess lord lady earl baron
    pope cardinal bishop archbishop priest pastor reverend rabbi imam sheikh monk nun
    candidate nominee challenger incumbent rival opponent leader chairperson treasurer
    clerk registrar auditor inspector-general attorney-general solicitor-general
    secretary-general director-general surgeon-general presidential-candidate
    mp mep msp dl ol wr qb rb te lb db cb"""
)
# Endings that make a capitalised run an organisation ("the Swedish Prosecution Authority").
ORG_SUFFIXES = _words(
    """authority authorities league club fc afc cf sc united hotspur athletic rovers wanderers
    inc inc. corp corp. co co. ltd ltd. llc plc gmbh ag sa nv lp llp group holdings partners
    capital equities securities bank airlines airways motors technologies technology
    systems labs laboratory laboratories media productions studios studio entertainment
    records pictures films publishing publishers press networks network broadcasting
    services service society institute institution academy school college university
    hospital clinic foundation trust fund charity association federation confederation
    alliance union council commission committee board agency bureau office department
    ministry directorate administration service court tribunal assembly parliament senate
    congress legislature government coalition party movement organisation organization
    center centre program programme project initiative campaign network channel radio
    television tv magazine journal newspaper times post herald tribune gazette daily weekly
    review company corporation enterprises industries international worldwide global
    brands stores mart market markets exchange insurance energy oil gas pharmaceuticals
    pharma therapeutics biotech health healthcare police army navy force forces guard
    command military ministries unit team squad orchestra band choir church mosque
    diocese parish"""
)
# Countries, US states and regions: written right before a name by a title ("envoy to
# Ukraine Ann Fox") or a headline, never part of the name.
PLACES = _words(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia
    cameroon canada chile china colombia congo croatia cuba cyprus czechia denmark ecuador
    egypt england eritrea estonia ethiopia europe finland france georgia germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania
    luxembourg macedonia malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine
    uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe america africa asia
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    london paris moscow beijing tokyo berlin washington brussels"""
)
# Adjectives of nations and parties, capitalised but never a name ("American said").
DEMONYMS = _words(
    """american americans british chinese russian french german italian spanish japanese
    korean indian iranian iraqi israeli palestinian syrian turkish ukrainian canadian
    mexican brazilian australian european african asian arab swedish norwegian danish
    dutch polish irish scottish english welsh democratic republican conservative liberal
    labour"""
)
# Places of two words, read as one ("South Dakota").
PLACE_PAIRS = frozenset(
    tuple(p.split("_"))
    for p in """south_dakota north_dakota south_carolina north_carolina new_york new_jersey
    new_mexico new_hampshire rhode_island west_virginia south_africa south_korea north_korea
    new_zealand saudi_arabia sri_lanka hong_kong united_states united_kingdom united_nations
    el_salvador costa_rica puerto_rico""".split()
)
# Starts of a glued surname that are part of it (McDonald, DeSantis, LeBron, MacArthur).
GLUE_PREFIXES = _words("mc mac de di da la le du van von fitz st o d al el ja ke de la")
# Plural or collective nouns that, capitalised at a sentence's start, describe people
# without naming anyone ("Teachers chanted").
GROUP_NOUNS = _words(
    """teachers prosecutors americans democrats republicans officials residents students
    protesters protestors demonstrators fans voters critics supporters experts analysts
    doctors nurses police officers workers employees parents lawmakers legislators
    investigators researchers scientists authorities sources insiders observers witnesses
    neighbours neighbors activists leaders members people villagers locals citizens
    diplomats officers soldiers troops militants rebels players organisers organizers
    economists historians scholars lawyers attorneys judges farmers owners customers users
    viewers readers listeners man woman men women"""
)


@cache
def given_names() -> frozenset[str]:
    """First names of many countries (casefolded), from the gender-guesser package's list.

    Read once, when first needed: about 45,000 names in a tenth of a second.
    """
    path = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    found: set[str] = set()
    with path.open("rb") as fh:
        for line in fh:
            if line[:1] not in (b"#", b"=") and len(line) > 29:
                name = line[3:29].decode("utf-8", "replace").strip()
                found.add(name.replace("+", "-").casefold())
    return frozenset(found)


def is_given_name(word: str) -> bool:
    """A first name in the list ("Kurt", "Kristi"), or one half of a hyphenated one."""
    low = word.casefold().rstrip(".")
    names = given_names()
    return low in names or ("-" in low and low.split("-")[0] in names)
