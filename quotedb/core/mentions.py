"""Mentions of possible speakers: names, pronouns, nominals, organisations, unnamed sources.

No tagger: a noun phrase is read backwards from a cue over tokens that can belong to one
(capitalised words, nouns, determiners) and stops at function words and punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotedb.core.lexicon import (
    CALENDAR,
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    GROUP_NOUNS,
    HONORIFIC_GENDER,
    INDEFINITE,
    MALE_FIRST_NAMES,
    ORG_HEADS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    PP_HEADS,
    PRONOUNS,
    RUN_PARTICLES,
    SKIP_BEFORE_CUE,
    STARTERS,
    STOP,
    TITLES,
)
from quotedb.core.names import clean_run
from quotedb.core.namewords import is_given_name
from quotedb.core.text import Token
from quotedb.core.types import SpeakerKind


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase found next to a cue: its span and its words."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


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
        if i >= 1 and toks[i][2] in PP_HEADS:
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
        if i >= 2 and toks[i][2] in PP_HEADS | {"through", "outside", "near", "across"}:
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


def name_of(words: list[str]) -> list[str]:
    """The personal name inside a phrase: the last capitalised run, without leading titles."""
    run: list[str] = []
    best: list[str] = []
    for w in words:
        if _capital(w) or (w in RUN_PARTICLES and run):
            run.append(w)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    while best and best[-1] in RUN_PARTICLES:
        best.pop()
    best = _person_of(best)
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


def _person_of(run: list[str]) -> list[str]:
    """ "Ann Fox of Acme's Lab": the person, not the place she works at ("Secretary of
    State" has no first name before its "of")."""
    for n, w in enumerate(run):
        if w not in ("of", "at") or n < 2 or run[0].lower() in TITLES:
            continue
        owner = any(t.endswith(("’s", "'s")) for t in run[n + 1 :])  # "of Acme's Lab"
        if owner or is_given_name(run[0]):
            return run[:n]
    return run


def gender_of(first: str, honorific: str = "") -> str:
    """'m', 'f' or '' from an honorific or a common first name."""
    if honorific:
        return HONORIFIC_GENDER.get(honorific.lower(), "")
    lf = first.lower()
    return "f" if lf in FEMALE_FIRST_NAMES else "m" if lf in MALE_FIRST_NAMES else ""


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
