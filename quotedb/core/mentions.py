"""Mentions of possible speakers: names, pronouns, nominals, organisations, unnamed sources.

No tagger: a noun phrase is read backwards from a cue over tokens that can belong to one
(capitalised words, nouns, determiners) and stops at function words and punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedb.core.names import clean_run
from quotedb.core.namewords import GROUP_NOUNS, ORG_SUFFIXES, is_given_name
from quotedb.core.types import SpeakerKind


def words(spaced: str) -> frozenset[str]:
    """A lexicon written as one space-separated string."""
    return frozenset(spaced.split())


# The leading lookahead (every token starts with a non-space) makes the engine skip spaces.
TOKEN = re.compile(
    r"(?=\S)(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St)\.|(?:[A-Z]\.){2,}"
    r"|[A-Z]\.(?=\s[A-Z])|[\w’'-]+|\x1a+|[^\w\s])"
)
PRONOUNS = words("he she they it we i you who")
HONORIFIC = {"mr.": "m", "mrs.": "f", "ms.": "f", "miss": "f", "sir": "m", "dame": "f"}
TITLES = words(
    "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. sgt. capt. prof. rev. president secretary "
    "minister senator governor representative congressman congresswoman mayor chairman "
    "chairwoman director chief judge justice ambassador general adviser advisor spokesman "
    "spokeswoman leader speaker candidate nominee sheriff attorney commissioner premier "
    "chancellor king queen prince pope former foreign prime vice deputy state press sec. gop "
    "democratic republican democrat u.s. us house white of defense homeland security national"
    " executive ceo host anchor correspondent commentator pastor superintendent officer "
    "lawyer analyst strategist pollster economist professor dean the a an his her their its"
)
PERSON_TITLES = words(
    "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. sgt. capt. prof. rev. president secretary "
    "minister senator governor representative congressman congresswoman mayor chairman "
    "chairwoman director judge justice ambassador spokesman spokeswoman speaker candidate "
    "nominee sheriff commissioner premier chancellor king queen prince pope"
)
CALENDAR = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday"
)
ORG_HEADS = words(
    "ministry department administration campaign committee party government agency office "
    "commission council court newspaper network magazine paper kremlin pentagon times post "
    "journal news press service bureau corporation company institute university association "
    "union foundation center centre fund group organization organisation board police embassy"
    " army navy military congress senate parliament cabinet team staff coalition website site"
    " station channel statement report poll survey study release spokespeople cnn reuters ap "
    "nbc abc cbs msnbc fox bbc politico breitbart fbi cia nato un"
)
PERSON_NOUNS = words(
    "official officials diplomat diplomats source sources aide aides spokesman spokeswoman "
    "spokesperson analyst analysts expert experts adviser advisers advisor advisors person "
    "people man woman voter voters supporter supporters critic critics observer observers "
    "resident residents member members lawmaker lawmakers senator senators candidate "
    "candidates minister ministers secretary president leader leaders strategist strategists "
    "staffer staffers officer officers worker workers activist activists organizer organizers"
    " protester protesters participant participants friend friends executive executives "
    "economist economists pollster pollsters republicans democrats attendee attendees "
    "delegate delegates percent respondents majority plurality prosecutor prosecutors "
    "lawyer lawyers attorney attorneys investigator investigators researcher researchers "
    "scientist scientists historian historians author authors editor editors writer writers "
    "reporter reporters journalist journalists columnist columnists commentator commentators "
    "scholar scholars professor professors doctor doctors judge judges donor donors ally "
    "allies opponent opponents rival rivals advocate advocates conservatives liberals "
    "progressives insider insiders negotiator negotiators regulator regulators authorities "
    "citizen citizens employee employees parent parents veteran veterans student students "
    "fan fans aide"
)
# Words that end a noun phrase read backwards (not part of it).
STOP = words(
    "of in on at to for with by from about after before during into over under since than as "
    "like and but or nor while when because if although though that which whom where so is "
    "was were are be been being has have had having would will could can should may might "
    "must did does do not never also then later again once still just even too only recently "
    "previously repeatedly often further already reportedly publicly privately separately "
    "there here this these those what how why whether said says told asked added who it its "
    "yet however meanwhile instead"
)
SKIP_BEFORE_CUE = words(
    "has have had would will could can should may might must did does do not never also then "
    "later again once still just even too only recently previously repeatedly often further "
    "already reportedly publicly privately separately first last once quickly simply has been"
    " was is were flatly bluntly angrily now however"
)
STARTERS = STOP | words(
    "the a an his her their its but and still meanwhile asked following describing yet now "
    "both all during under in on at for with from by about after before when while as if "
    "although because since among between new says said"
)
DETERMINERS = words("the a an his her their its our my your one some several")
INDEFINITE = words("a an one some several two three many other another")
# Common first names, only to tell "he" from "she" candidates when no Mr./Ms. is used.
_FIRST_NAMES_F = words(
    "jen hillary mary patricia jennifer linda elizabeth barbara susan jessica sarah karen "
    "nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol "
    "amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley "
    "angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel "
    "catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia "
    "kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline "
    "frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia "
    "judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany "
    "natalie isabella charlotte rose alexis kayla carly sarah nikki michele elizabeth "
    "kellyanne huma donna debbie loretta chelsea ivanka melania condoleezza nancy dianne "
    "kamala kirsten claire tammy jill megyn hope kristen dana katy ana jennifer sonya angela "
    "theresa"
)
_FIRST_NAMES_M = words(
    "james john robert michael william david richard joseph thomas charles christopher daniel"
    " matthew anthony antony mark donald steven paul andrew joshua kenneth kevin brian george"
    " edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen "
    "larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack "
    "dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold"
    " jeremy ethan carl keith roger gerald christian terry sean arthur austin noah lawrence "
    "jesse joe bryan billy jordan albert dylan bruce willie gabriel alan juan logan wayne "
    "ralph roy eugene randy vincent russell louis philip bobby johnny bradley barack bernie "
    "ted marco jeb ben chris mike rand rick bill newt rudy reince corey jim tim sam sergey "
    "sergei vladimir vladimir dmitry antonio antónio volodymyr bob tom dick ron steve lindsey"
    " mitch harry al kevin dan greg jon martin howard glenn rush sean tucker reince bobby "
    "jeff marco lincoln orrin wendell"
)


Token = tuple[int, int, str]  # start, end, text


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase found next to a cue: its span and its words."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def words(self) -> list[str]:
        return [t[2] for t in self.tokens]


def tokens(masked: str, start: int, end: int) -> list[Token]:
    """Tokens of ``masked[start:end]`` with absolute offsets."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(masked, start, end)]


def _capital(w: str) -> bool:
    return w[:1].isupper()


def _np_word(w: str, modifier: bool = False) -> bool:
    """Whether a word can sit in a noun phrase; before its head an -ing or -ed word can too
    ("the gambling tycoon", "the embattled mayor"), never at its end (that is a verb)."""
    lw = w.lower()
    if not (w[:1].isalnum()) or lw in STOP:
        return False
    if _capital(w) or lw.endswith(("’s", "'s")):
        return True
    return not lw.endswith(("ly",) if modifier else ("ed", "ing", "ly"))


def phrase_before(toks: list[Token], k: int, depth: int = 0) -> Phrase | None:
    """The noun phrase ending just before token ``k`` (a cue), skipping adverbs and auxiliaries.

    ``Name, an appositive, said`` yields Name; a pronoun stands alone.
    """
    j = k - 1
    while (
        j >= 0
        and k - j <= 5
        and (
            toks[j][2].lower() in SKIP_BEFORE_CUE
            or (toks[j][2].endswith("ly") and toks[j][2].islower())
            or toks[j][2].lower() in CALENDAR
            or (
                toks[j][2].lower() in {"on", "last", "this", "earlier"}
                and j + 1 < k
                and toks[j + 1][2].lower() in CALENDAR
            )
        )
    ):
        j -= 1
    if j >= 2 and toks[j][2] == "," and toks[j - 1][2] == ")":
        j -= 1  # "Sen. Jack Reed (D-R.I.), said"
    if j >= 1 and toks[j][2] == ")":
        # "Sen. Marco Rubio (R-Fla.) said": step over the parenthesis.
        i = j
        while i > 0 and j - i < 12 and toks[i][2] != "(":
            i -= 1
        if toks[i][2] == "(":
            j = i - 1
    if j < 0:
        return None
    if toks[j][2] == ",":
        # Appositive or participial phrase: "Sam Charap, a Russian analyst at RAND, said".
        i = j - 1
        while i >= 0 and j - i <= 30 and toks[i][2] != "," and toks[i][2][0] != "\x1a":
            if toks[i][2] in {"”", "“", '"', ":", ";"} or (
                toks[i][2] == "." and toks[i - 1][2].islower()
            ):
                return None
            i -= 1
        if i < 0 or toks[i][2] != "," or j - i < 2:
            return None
        first = toks[i + 1][2]
        short_tag = j - i <= 4 and (first[:1].isdigit() or "-" in first)  # ", 44," ", R-Ky.,"
        if (
            _capital(first)
            and first.lower() not in DETERMINERS | TITLES
            and not (first.endswith(("’s", "'s", "s’", "s'")) or short_tag)
        ):
            # "the assailant, John McGraw, told": the name is the apposition itself.
            name = toks[i + 1 : j]
            if (
                len(name) <= 4
                and all(_capital(t[2]) or t[2] == "." for t in name)
                and (
                    i >= 2
                    and toks[i - 1][2][:1].isalpha()
                    and toks[i - 2][2].lower() != "whose"  # "Rubio, whose hometown, Miami, is"
                    and (not _capital(toks[i - 1][2]) or _described(toks, i))
                )
            ):
                return Phrase(name[0][0], name[-1][1], tuple(name))
            return None
        # At most two appositives deep: "A, an aide, who ..., said" but never a long list.
        return phrase_before(toks, i, depth + 1) if i >= 1 and depth < 2 else None
    w = toks[j][2]
    if w.lower() == "who" and j >= 1:
        # "a campaign surrogate who said": the relative pronoun with its antecedent.
        ante = _walk_back(toks, j - 1 if toks[j - 1][2] == "," else j)
        if ante is not None:
            return Phrase(ante.start, toks[j][1], (*ante.tokens, toks[j]))
    if w.lower() in PRONOUNS:
        return Phrase(toks[j][0], toks[j][1], (toks[j],))
    got = _walk_back(toks, j + 1)
    if got is not None:
        # "Trump at the time said": step over a prepositional phrase to its subject.
        i = j - len(got.tokens)
        if i >= 1 and toks[i][2] in _PP_HEADS:
            h = i - 1
            while h > 0 and i - h < 4 and toks[h][2].lower() in SKIP_BEFORE_CUE:
                h -= 1  # "Beck, who has in the past described"
            w = toks[h][2]
            if w.lower() in PRONOUNS - {"who", "it"}:
                return Phrase(toks[h][0], toks[h][1], (toks[h],))
            if w.lower() == "who" and depth < 2 and h < i - 1:
                return phrase_before(toks, h + 1, depth + 1)
            subject = _walk_back(toks, i)
            if subject is not None and (
                _capital(subject.words[-1]) or subject.words[-1].lower() in PERSON_NOUNS
            ):
                return subject  # "Trump at the time said", "a staffer in the room wondered"
        if i >= 2 and toks[i][2] in _PP_HEADS | {"through", "outside", "near", "across"}:
            # "Protesters marching through the streets chanted": the participle's subject.
            ing = toks[i - 1][2]
            if ing.islower() and ing.endswith("ing") and len(ing) > 4:
                subject = _walk_back(toks, i - 1)
                if subject is not None and (
                    _capital(subject.words[-1]) or subject.words[-1].lower() in PERSON_NOUNS
                ):
                    return subject
    return got


def _described(toks: list[Token], comma: int) -> bool:
    """ "The leader of the League, Jo Green, said": a described role, then the name."""
    got = _walk_back(toks, comma)
    if got is None or got.words[0].lower() not in DETERMINERS:
        return False
    i = comma - len(got.tokens) - 1
    return i >= 0 and toks[i][2].lower() == "of"


_PP_HEADS = words("at in on during after before for with without like from by")


def _walk_back(toks: list[Token], k: int) -> Phrase | None:
    """The noun phrase made of the tokens just before token ``k``."""
    j = k - 1
    if j < 0:
        return None
    picked: list[Token] = []
    i = j
    while i >= 0 and len(picked) < 8:
        w = toks[i][2]
        lw = w.lower()
        if (
            lw in {"of", "and"}
            and picked
            and _capital(picked[-1][2])
            and i > 0
            and (_capital(toks[i - 1][2]))
        ):
            picked.append(toks[i])
            i -= 1
            continue
        if lw in DETERMINERS:
            picked.append(toks[i])
            break
        if not _np_word(w, bool(picked)) or (
            picked and lw.endswith(("’s", "'s")) and not _capital(w)
        ):
            break
        picked.append(toks[i])
        i -= 1
    if not picked:
        return None
    picked.reverse()
    if picked[0][2].lower() not in DETERMINERS and not any(
        _capital(t[2]) or t[2].lower() in PERSON_NOUNS or t[2].lower() in ORG_HEADS for t in picked
    ):
        return None
    if picked[-1][2].lower().endswith(("’s", "'s")):
        return None  # a possessive is not a subject
    return Phrase(picked[0][0], picked[-1][1], tuple(picked))


def phrase_after(toks: list[Token], k: int) -> Phrase | None:
    """The noun phrase starting at token ``k`` (after an inverted cue: said Mr. Blinken)."""
    picked: list[Token] = []
    i = k
    while i < len(toks) and len(picked) < 8:
        w = toks[i][2]
        lw = w.lower()
        inner_of = lw == "of" and picked and i + 1 < len(toks) and _capital(toks[i + 1][2])
        if (lw in DETERMINERS and not picked) or inner_of:
            picked.append(toks[i])
        elif w[:1].isalnum() and (lw not in STOP or _capital(w) or (lw in PRONOUNS and not picked)):
            picked.append(toks[i])
            if lw in PRONOUNS:
                break
        else:
            break
        i += 1
    while picked and picked[-1][2].lower() in STOP | DETERMINERS:
        picked.pop()
    if not picked or picked[0][2].lower() in CALENDAR:
        return None
    return Phrase(picked[0][0], picked[-1][1], tuple(picked))


_PARTICLES = words("of de da van von bin del di le la")


def name_of(words: list[str]) -> list[str]:
    """The personal name inside a phrase: the last capitalised run, without leading titles."""
    run: list[str] = []
    best: list[str] = []
    for w in words:
        if _capital(w) or (w in _PARTICLES and run):
            run.append(w)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    while best and best[-1] in _PARTICLES:
        best.pop()
    cut = 0
    while cut < len(best) - 1 and best[cut].lower() in STARTERS:
        cut += 1
    for n, w in enumerate(best):
        if w.lower() in TITLES and n < len(best) - 1:
            cut = n + 1
    for n in range(cut + 1, len(best) - 1):
        if gender_of(best[n]) and not gender_of(best[n - 1]):
            cut = n  # "Rival Hillary Clinton": a known first name starts the name
            break
    name = best[cut:]
    if name and name[-1].endswith(("’s", "'s")):
        name[-1] = name[-1][:-2]
    return clean_run(name)[1] if len(name) > 1 else name


def gender_of(first: str, honorific: str = "") -> str:
    """'m', 'f' or '' from an honorific or a common first name."""
    if honorific:
        return HONORIFIC.get(honorific.lower(), "")
    lf = first.lower()
    return "f" if lf in _FIRST_NAMES_F else "m" if lf in _FIRST_NAMES_M else ""


def kind_of(words: list[str]) -> SpeakerKind:
    """Whether a (non-pronoun) phrase names a person, an organisation or an unnamed source."""
    lows = [w.lower() for w in words]
    head = lows[-1] if lows else ""
    if head in ORG_HEADS or (len(lows) > 1 and lows[-1] in {"house"} and lows[-2] == "white"):
        return SpeakerKind.ORGANIZATION
    if _capital(words[-1]) and head.removesuffix("’s") in ORG_SUFFIXES:
        first = next((w for w in words if _capital(w)), "")
        if len(words) == 1 or not is_given_name(first):  # "Gabrielle Union" stays a person
            return SpeakerKind.ORGANIZATION
    if len(lows) == 1 and head in GROUP_NOUNS:
        return SpeakerKind.UNNAMED  # "Teachers chanted"
    if lows and (
        lows[0] in INDEFINITE
        or (head in PERSON_NOUNS and lows[0] not in DETERMINERS and not _capital(words[-1]))
    ):
        return SpeakerKind.UNNAMED
    return SpeakerKind.PERSON
