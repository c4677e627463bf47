"""Document entities and the resolution of pronouns and nominals to them.

Entities are keyed by person: the first bearer of a surname by the surname, another person
of that surname (a given name the first one's cannot be) by the surname and a number. The
canonical name is the fullest name the document uses (titles stripped), so "Mr. Blinken"
and "Secretary of State Antony J. Blinken" meet; a bare surname several people share goes
to the one the evidence points to (see :func:`_bearer`), never merging them.
Pronouns go to the nearest compatible person in their own sentence, else to the main
subject of the closest earlier sentence that has one (not a possessive, not in a
subordinate clause): centring, not mere recency.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from quotedb.core.gender import guess
from quotedb.core.lexicon import (
    ADVERBIAL_OPENERS,
    GENDERED_NOUNS,
    HONORIFIC_GENDER,
    LEADING_SUBORDINATE,
    OCCUPATIONS,
    OF_WORDS,
    ORG_HEADS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PRONOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_HEADS,
    STARTERS,
    SURNAME_SUFFIXES,
)
from quotedb.core.mentions import name_of
from quotedb.core.names import PersonName, compatible, parse_name
from quotedb.core.text import TOKEN

# Every run starts with a capital; the lookahead lets the regex engine skip to one. Words
# of a run are apart by a space or one line break, never a blank line: a headline ending in
# a name ("... meeting on Ukraine") is not part of the name that opens the next paragraph.
_GAP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_RUN = re.compile(
    rf"(?=[A-Z])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.{_GAP})?[A-Z][\w’'-]*"
    rf"(?:(?:{_GAP}(?:(?:of|de|da|van|von|bin|del|di|le|la){_GAP})?|-)(?:[A-Z]\.|[A-Z][\w’'-]*))*"
)


# ", a trade professor at Ames, said": a description in apposition, then a lowercase verb.
_DESCRIBED = re.compile(r",[^\S\n]+(?:a|an|the)[^\S\n][^,.;:\n\x1a]{1,80},[^\S\n]+[a-z]")
_RELATIVE = re.compile(r",\s+(?:which|who)\b")
# Nouns a name can qualify ("the Roe campaign", "Roe aides"): after a bare name no verb.
_MODIFIED_NOUNS = ORG_HEADS | PERSON_NOUNS | ROLE_HEADS
_LOOK = 40  # names examined per question, so that resolution stays linear


@dataclass(slots=True)
class Entity:
    """One person the document names, with the forms it uses for them."""

    key: str
    name: list[str]
    gender: str = ""
    person: bool = False
    # How firm ``gender`` is: 3 an honorific, 2 an unambiguous first name, 1 a likely one,
    # 0 none; the article's own pronouns ("she", "her") outrank anything below 3.
    firmness: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)  # title words used with the name: "mayor"
    age: float | None = None  # "Jane Roe, 71,": an age in apposition

    @property
    def canonical(self) -> str:
        return " ".join(self.name)


class Occurrence(NamedTuple):
    """A name mention in the running text (a tuple: a document has thousands)."""

    start: int
    end: int
    key: str
    possessive: bool


@dataclass(slots=True)
class Document:
    """Entities, name occurrences and organisation names of one text."""

    entities: dict[str, Entity]
    occurrences: list[Occurrence]
    starts: list[int]
    orgs: dict[str, str]  # head word -> fullest organisation name
    masked: str
    groups: list[Occurrence]  # organisation occurrences (key: the head word)
    group_starts: list[int]
    voted: bool = False  # whether the article's pronouns have voted on genders yet
    lowercase: dict[str, bool] = field(default_factory=dict)  # word -> written lowercase too

    def entity(self, key: str) -> Entity | None:
        return self.entities.get(key)

    def named_in(self, start: int, end: int, surname: str) -> Entity | None:
        """The person a name written in ``[start, end)`` denotes: the entity its occurrence
        was resolved to (two people may share the surname), else the surname's first bearer."""
        k = bisect.bisect_left(self.starts, start)
        found = None
        while k < len(self.occurrences) and self.occurrences[k].start < end:
            occ = self.occurrences[k]
            if occ.key.partition(_OTHER)[0] == surname:
                found = occ
            k += 1
        return self.entities[found.key] if found is not None else self.entities.get(surname)

    def with_role(self, pos: int, role: str, limit: int = 200) -> Occurrence | None:
        """The latest person before ``pos`` named with this title ("the mayor" -> Mayor Bill
        de Blasio); a bounded look back keeps resolution linear."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and limit > 0:
            occ = self.occurrences[k]
            if role in self.entities[occ.key].roles:
                return occ
            k -= 1
            limit -= 1
        return None

    def named_before(self, pos: int) -> Occurrence | None:
        """The person named right before ``pos``, a comma apart (an apposition's head)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        if k < 0 or self.masked[self.occurrences[k].end : pos] != ", ":
            return None
        occ = self.occurrences[k]
        return occ if self.entities[occ.key].person and not occ.possessive else None

    def person_before(self, pos: int, lo: int, gender: str) -> Occurrence | None:
        """Nearest compatible person occurrence in ``[lo, pos)`` (among the last few names)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        stop = k - _LOOK
        while k > stop and k >= 0 and self.occurrences[k].start >= lo:
            occ = self.occurrences[k]
            if occ.end <= pos and self._fits(occ, gender):
                return occ
            k -= 1
        return None

    def main_subject(
        self, lo: int, hi: int, gender: str, strict: bool = False
    ) -> Occurrence | None:
        """The salient person of sentence ``[lo, hi)``: first non-possessive main-clause one
        (``strict``: that one only, else any compatible person as a fallback)."""
        k = bisect.bisect_left(self.starts, lo)
        stop = k + _LOOK
        fallback = unknown = None
        while k < min(stop, len(self.occurrences)) and self.occurrences[k].start < hi:
            occ = self.occurrences[k]
            if self._fits(occ, gender):
                main = (
                    not occ.possessive
                    and not self._modifier(occ)
                    and (not self._subordinate(occ) or self._described(occ))
                )
                if gender and not self.entities[occ.key].gender:
                    # A person of unknown gender is the pronoun's only if no one of its
                    # gender is in the sentence at all ("Roe's albums … owned by Lee Poe").
                    unknown = unknown or (occ if main or strict else None)
                elif main:
                    return occ
                else:
                    fallback = fallback or occ
            k += 1
        if strict:
            return unknown
        return fallback or unknown

    def collective(self, lo: int, hi: int, plural: bool) -> tuple[Occurrence, str] | None:
        """What "it" or "they" in or after sentence ``[lo, hi)`` stands for: the sentence's
        main-clause subject when that is an organisation or a named thing that is no person
        ("Acme Records have denied it." ¶ "…," they said), else an organisation in apposition
        ("The firm, Acme Records, denies …"). A person as the subject ends the search for
        "they" (people, not an organisation, are meant: the name returned is empty) and is
        passed over for "it"."""
        found: list[tuple[Occurrence, str]] = []
        k = bisect.bisect_left(self.starts, lo)
        while k < min(len(self.occurrences), bisect.bisect_left(self.starts, lo) + _LOOK):
            occ = self.occurrences[k]
            if occ.start >= hi:
                break
            e = self.entities[occ.key]
            found.append((occ, "person" if e.person else e.canonical))
            k += 1
        g = bisect.bisect_left(self.group_starts, lo)
        while g < len(self.groups) and self.groups[g].start < hi:
            occ = self.groups[g]
            found.append((occ, self.orgs.get(occ.key, occ.key)))
            g += 1
        found.sort(key=lambda f: f[0].start)
        appositive = None
        for occ, name in found:
            if occ.possessive or self._common_word(occ):
                continue
            if plural and name == "person" and self.masked.startswith(" and ", occ.end):
                return occ, ""  # "Jane Roe and Mark Poe wrote …": they are people
            if not self._subordinate(occ) or self._relative(occ):
                if name != "person":
                    return occ, name
                if plural:
                    return occ, ""
            elif appositive is None and name != "person" and self._appositive(occ):
                appositive = (occ, name)
        return appositive

    def _common_word(self, occ: Occurrence) -> bool:
        """A capitalised function word ("Despite …"), or a single capitalised word that the
        text also writes in lowercase."""
        word = self.masked[occ.start : occ.end]
        first = word.split()[0].lower() if word.strip() else ""
        if first in LEADING_SUBORDINATE or first in ADVERBIAL_OPENERS:
            return True
        if " " in word:
            return False
        low = word.lower()
        seen = self.lowercase.get(low)
        if seen is None:
            seen = self.lowercase[low] = f" {low} " in self.masked
        return seen

    def _modifier(self, occ: Occurrence) -> bool:
        """ "Roe campaign spokesman Lee Poe said": a name qualifying the noun after it, no
        subject a later pronoun is centred on."""
        after = self.masked[occ.end : occ.end + 24].split()
        return bool(after) and after[0] in _MODIFIED_NOUNS

    def _described(self, occ: Occurrence) -> bool:
        """ "Jane Roe, a professor at Ames, said …": a subject with a description after it."""
        before = self.masked[max(0, occ.start - 12) : occ.start].split()
        if before and before[-1].lower() in LEADING_SUBORDINATE:
            return False
        return _DESCRIBED.match(self.masked, occ.end) is not None

    def _relative(self, occ: Occurrence) -> bool:
        """ "the Electoral Commission, which regulates …": a subject with a relative clause."""
        before = self.masked[max(0, occ.start - 12) : occ.start].split()
        if before and before[-1].lower() in LEADING_SUBORDINATE:
            return False
        return _RELATIVE.match(self.masked, occ.end) is not None

    def _appositive(self, occ: Occurrence) -> bool:
        return self.masked[occ.end : occ.end + 1] == "," and (
            self.masked[max(0, occ.start - 2) : occ.start] == ", "
        )

    def _subordinate(self, occ: Occurrence) -> bool:
        """Not a main-clause subject: after a subordinator or preposition (also one the run
        itself opens with: "While Lee Hart waited"), or no verb next."""
        before = self.masked[max(0, occ.start - 12) : occ.start].split()
        after = self.masked[occ.end : occ.end + 12].split()
        if before and before[-1].lower() in LEADING_SUBORDINATE:
            return True
        if self.masked[occ.start : occ.end].split()[0].lower() in LEADING_SUBORDINATE:
            return True
        return not (
            after
            and after[0][:1].islower()
            and after[0].lower() not in LEADING_SUBORDINATE
            and after[0].lower() not in {"and", "or"}
        )

    def _fits(self, occ: Occurrence, gender: str) -> bool:
        if gender and not self.voted:
            # Only a gendered pronoun needs the votes: most texts never ask.
            self.voted = True
            if any(e.person and e.firmness <= 1 for e in self.entities.values()):
                _vote_genders(self.masked, self.entities, self.occurrences, self.starts)
        e = self.entities[occ.key]
        return e.person and (not gender or not e.gender or e.gender == gender)


def _key(word: str, fold: bool = True) -> str:
    """A word without its possessive ending, casefolded unless told otherwise."""
    w = word[:-2] if word.endswith(("’s", "'s")) else word
    return w.lower() if fold else w


def _edit1(a: str, b: str) -> bool:
    """Whether two surnames differ by one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or a[i + 1 :] == b[i + 1 :]


def _misspellings(entities: dict[str, Entity]) -> dict[str, str]:
    """One misspelt surname ("Antony Blinke") joins the more frequent entity it nearly matches.

    Keys one edit apart share a one-deletion variant, so buckets of variants find the pairs
    without comparing every key with every other.
    """
    variants = {
        k: {k, *(k[:i] + k[i + 1 :] for i in range(len(k)))}
        for k, e in entities.items()
        if len(k) >= 5 and e.person and _OTHER not in k
    }
    buckets: dict[str, list[str]] = {}
    for k, vs in variants.items():
        for v in vs:
            buckets.setdefault(v, []).append(k)
    # Only a key that shares a bucket with another has a near spelling to join.
    shared = {k for keys in buckets.values() if len(keys) > 1 for k in keys}
    if not shared:
        return {}
    rank = {
        k: n for n, k in enumerate(sorted(entities, key=lambda k: -sum(entities[k].forms.values())))
    }
    alias: dict[str, str] = {}
    for k in sorted(shared, key=rank.__getitem__):
        near = {b for v in variants[k] for b in buckets[v]}
        a = entities[k]
        for big in sorted(near, key=rank.__getitem__):
            if rank[big] >= rank[k]:
                break
            b = entities[big]
            if (
                big not in alias
                and _edit1(k, big)
                and (len(a.name) < 2 or len(b.name) < 2 or a.name[0] == b.name[0])
            ):
                alias[k] = big
                for f, c in a.forms.items():
                    b.forms[f] = b.forms.get(f, 0) + c
                b.person = b.person or a.person
                if a.firmness > b.firmness:
                    b.gender, b.firmness = a.gender, a.firmness
                break
    return alias


@dataclass(frozen=True, slots=True)
class _Name:
    """What a run of capitalised words says about the entity it names."""

    key: str
    name: tuple[str, ...]  # as first written
    clean: tuple[str, ...]  # without the possessive ending
    form: str
    possessive: bool
    gender: str = ""
    person: bool = False
    roles: frozenset[str] = frozenset()
    firmness: int = 0


@dataclass(frozen=True, slots=True)
class _Org:
    """A run naming an organisation: its head word and its name."""

    head: str
    name: str  # without the possessive ending
    written: int  # the length as written, which decides the fullest name


@lru_cache(maxsize=65536)
def _read_run(text: str) -> _Name | _Org | None:
    """What a run says, which depends on its text alone: names recur within and across
    articles, so each is read once."""
    if " " not in text:
        # Fast path for the commonest run, one capitalised word: no title, no first name.
        low1 = text.lower()
        if low1 in STARTERS or low1 in PRONOUNS:
            return None  # a capitalised function word or pronoun opening a sentence
        poss = low1.endswith(("’s", "'s"))
        key = low1[:-2] if poss else low1
        if key not in ORG_HEADS:
            bare = text[:-2] if poss else text
            return _Name(key, (bare,), (bare,), bare, poss)
        words = name = [text]
    else:
        words = TOKEN.findall(text)
        name = name_of(words)
    if not name:
        return None
    if _key(name[-1]) in ORG_HEADS:
        org = [w for w in words if w.lower() not in {"the"}]
        full = " ".join([*org[:-1], _key(org[-1], fold=False)])
        return _Org(_key(org[-1]), full, len(" ".join(org)))
    # "Patrick W. Carlineo Jr.": the surname, not the suffix, keys the entity.
    suffixed = len(name) > 2 and name[-1].lower().rstrip(".,") in SURNAME_SUFFIXES
    hon = words[0] if words[0].lower() in HONORIFIC_GENDER else ""
    titled = hon != "" or any(w.lower() in PERSON_TITLES for w in words[:-1])
    clean = (*name[:-1], _key(name[-1], fold=False))
    g = guess(clean[0] if len(clean) > 1 else "", hon)
    return _Name(
        key=_key(name[-2] if suffixed else name[-1]),
        name=tuple(name),
        clean=clean,
        form=text.removesuffix("’s").removesuffix("'s"),
        possessive=text.endswith(("’s", "'s")),
        gender=g.gender,
        person=titled or (len(clean) > 1 and g.first_name),
        firmness=3 if hon else (2 if g.firm else 1) if g.gender else 0,
        roles=frozenset(
            ROLE_ABBREVIATIONS.get(w.lower(), w.lower())
            for w in words[:-1]
            if w.lower() in PERSON_TITLES
        ),
    )


def build(masked: str) -> Document:
    """Collect the document's names (outside quotations) in one regex pass."""
    occ: list[Occurrence] = []
    entities: dict[str, Entity] = {}
    orgs: dict[str, str] = {}
    groups: list[Occurrence] = []  # organisation runs, keyed by head word
    bearers: dict[str, list[str]] = {}  # surname -> keys of its other bearers
    new = tuple.__new__  # Occurrence's own __new__ is a Python function: a frame per name
    for m in _RUN.finditer(masked):
        written = m.group()
        run = _read_run(written)
        if run is None:
            continue
        start, end = m.span()
        if isinstance(run, _Org):
            if run.written > len(orgs.get(run.head, "")):
                orgs[run.head] = run.name
            groups.append(new(Occurrence, (start, end, run.head, written.endswith(_POSSESSIVE))))
            continue
        e = entities.get(run.key)
        if e is None:
            e = entities[run.key] = Entity(run.key, list(run.name))
        elif len(run.clean) > 1 or bearers.get(run.key):
            e, run = _bearer(masked, run, start, entities, bearers, occ)
        _note(masked, run, start, end, e)
        occ.append(new(Occurrence, (start, end, e.key, run.possessive)))
    alias = _misspellings(entities)
    for k, big in alias.items():
        entities[k] = entities[big]
    if alias:
        occ = [o._replace(key=alias[o.key]) if o.key in alias else o for o in occ]
    for surname, others in bearers.items():
        _drop_bare_forms([entities[surname], *(entities[k] for k in others)])
    starts = [o.start for o in occ]
    return Document(entities, occ, starts, orgs, masked, groups, [g.start for g in groups])


_POSSESSIVE = ("’s", "'s")
_LATEST_REACH = 400  # names looked back over for the latest bearer of a surname
_OTHER = "#"  # "halloway#2": the second person of that surname in the document
_AGE = re.compile(r"\.?,[^\S\n]+(\d{1,3}),")
_ELDER = re.compile(r"(?:elder|younger)[^\S\n]+$")
_PRONOUN_REACH = 80  # characters after a bare surname read for a pronoun of its clause
_CLAUSE_END = re.compile(r"[.;:!?\n“”\"]")
_WORDS = re.compile(r"[^\W\d_]+")
_SUBJECT_GENDER = {"he": "m", "she": "f"}


def _bearer(
    masked: str,
    run: _Name,
    start: int,
    entities: dict[str, Entity],
    bearers: dict[str, list[str]],
    occ: list[Occurrence],
) -> tuple[Entity, _Name]:
    """The entity a run of a known surname names, and what the run says of it. A full name
    goes to the bearer it is compatible with, or makes a new person when it gives a first
    name none of them can have; a bare surname to the one the evidence picks, and so does a
    full name whose first word may be no name ("Wisconsin Trump"), read as its surname."""
    people = [entities[run.key], *(entities[k] for k in bearers.get(run.key, ()))]
    if len(run.clean) > 1:
        label = parse_name(" ".join(run.clean))
        fit = [e for e in people if label is None or _may_be(label, run, e)]
        if fit:
            return (fit[0] if len(fit) == 1 else _latest(fit, occ)), run
        if label is not None and label.given is not None and (run.person or run.firmness >= 2):
            others = bearers.setdefault(run.key, [])
            key = f"{run.key}{_OTHER}{len(others) + 2}"
            others.append(key)
            entities[key] = Entity(key, list(run.clean))
            return entities[key], run
        surname = run.clean[-1]
        run = replace(run, name=(surname,), clean=(surname,), form=surname, gender="", firmness=0)
    return _bare_bearer(masked, run, start, people, occ), run


def _may_be(label: PersonName, run: _Name, e: Entity) -> bool:
    """Whether a parsed full name could be this entity's person (a bare entity takes any
    whose gender its honorific allows: "Mr. Roe" is not "Ann Roe")."""
    if len(e.name) < 2:
        return not (e.firmness == 3 and run.gender and e.gender and run.gender != e.gender)
    mine, theirs = [w.lower() for w in run.clean], [w.lower() for w in e.name]
    if mine == theirs[-len(mine) :] or theirs == mine[-len(theirs) :]:
        return True  # "De Blasio" of "Bill de Blasio", "Suu Kyi" of "Aung San Suu Kyi"
    known = parse_name(" ".join(e.name))
    return known is None or compatible(label, known)


def _bare_bearer(
    masked: str, run: _Name, start: int, people: list[Entity], occ: list[Occurrence]
) -> Entity:
    """Which bearer a bare surname means: the one its honorific's gender or its title fits,
    the elder or the younger ("the elder Bush": by "Sr."/"Jr." or an age in apposition),
    the article's main subject, else the one named most recently."""
    fit = people
    if run.firmness == 3 and run.gender:
        fit = [e for e in fit if not e.gender or e.gender == run.gender] or fit
    if len(fit) > 1 and (said := _pronoun_after(masked, start + len(run.form))):
        fit = [e for e in fit if e.gender == said] or fit
    if run.roles:
        fit = [e for e in fit if e.roles & run.roles] or fit
    elder = _ELDER.search(masked, max(0, start - 12), start)
    if elder is not None and len(fit) > 1:
        pick = max if elder.group().startswith("elder") else min
        for age in (_stated_age, _suffix_age):
            aged = [(a, e) for e in fit if (a := age(e)) is not None]
            if len(aged) > 1:
                return pick(aged, key=lambda ae: ae[0])[1]
    return _main_subject(fit) or _latest(fit, occ, masked)


def _pronoun_after(masked: str, end: int) -> str:
    """The gender of the first "he" or "she" after a bare surname in its own clause ("Roe
    told the audience that she believes"), when no other name comes first: the surname's
    bearer of that gender is meant ("" when there is none to go by; an object pronoun is
    more often someone else: "Roe told him")."""
    clause = _CLAUSE_END.split(masked[end : end + _PRONOUN_REACH], maxsplit=1)[0]
    for word in _WORDS.findall(clause):
        if gender := _SUBJECT_GENDER.get(word.lower()):
            return gender
        if word[0].isupper():
            return ""  # another name comes between
    return ""


def _main_subject(people: list[Entity]) -> Entity | None:
    """The bearer the article is about, if one is: named at least twice as often as any
    other so far ("Cruz said" in an article about Ted Cruz that also names his wife)."""
    if len(people) < 2:
        return None
    counts = sorted(((sum(e.forms.values()), n) for n, e in enumerate(people)), reverse=True)
    (top, n), (second, _) = counts[0], counts[1]
    return people[n] if top >= 3 and top >= 2 * second else None


def _stated_age(e: Entity) -> float | None:
    return e.age


def _suffix_age(e: Entity) -> float | None:
    """ "Sr." is older than no suffix, which is older than "Jr." (the son takes it)."""
    return {"sr": 2.0, "jr": 0.0}.get(e.name[-1].lower().rstrip("."), 1.0)


def _latest(people: list[Entity], occ: list[Occurrence], masked: str = "") -> Entity:
    """The person among these whose name the text gave last; given the text, named last
    other than in passing (a possessive, an aside: "Dorothy Woods, whose husband, Navy SEAL
    Ty Woods, was …"), when one was."""
    keys = {e.key for e in people}
    passing = None
    for o in itertools.islice(reversed(occ), _LATEST_REACH):  # bounded: linear resolution
        if o.key in keys:
            if masked and (o.possessive or _aside(masked, o)):
                passing = passing or o
                continue
            return next(e for e in people if e.key == o.key)
    found = passing.key if passing is not None else people[0].key
    return next(e for e in people if e.key == found)


def _aside(masked: str, o: Occurrence) -> bool:
    """A name set off by commas on both sides."""
    return masked[max(0, o.start - 2) : o.start] == ", " and masked.startswith(",", o.end)


def _drop_bare_forms(people: list[Entity]) -> None:
    """A surname several people share is no alias of any of them."""
    for e in people:
        for form in [f for f in e.forms if len(name_of(f.split())) < 2]:
            del e.forms[form]


def _note(masked: str, run: _Name, start: int, end: int, e: Entity) -> None:
    """What one name occurrence adds to its entity: a fuller name, a firmer gender, being a
    person, the form written and the titles used with it."""
    if len(run.clean) > len(e.name):
        e.name = list(run.clean)
    if run.firmness > e.firmness:
        e.gender, e.firmness = run.gender, run.firmness
    if not e.person:
        e.person = run.person or (masked.startswith(", ", end) and _person_apposition(masked, end))
    if e.firmness < 3 or not e.person:
        # The noun before the name ends right before its space: only a describing noun's
        # last letter there lets the noun be one (most names skip the look back).
        noun = ""
        if start > 1 and masked[start - 2] in _DESCRIBING_ENDS:
            cut = masked.rfind(" ", max(0, start - 30), start - 1)
            noun = masked[cut + 1 : start - 1] if cut >= 0 else ""
        if noun in _DESCRIBING or masked.startswith(_DESCRIPTION_OPENERS, end):
            _described_by_noun(masked, noun, end, e, len(run.clean))
    if len(run.clean) > 1 and masked.startswith((", ", "., "), end):
        age = _AGE.match(masked, end)
        if age is not None:
            e.age = float(age.group(1))
    forms = e.forms
    forms[run.form] = forms.get(run.form, 0) + 1
    if run.roles:
        e.roles.update(run.roles)


_APPOSITION = re.compile(r",[^\S\n]+(?:a|an|the)[^\S\n]([^,.;:\n\x1a]{1,80})[,.]")


def _person_apposition(masked: str, end: int) -> bool:
    """ "Eswar Prasad, a trade professor at Cornell,": a person noun in apposition makes
    the name a person's (read only where a comma and an article follow the name)."""
    if not masked.startswith(", ", end):
        return False
    m = _APPOSITION.match(masked, end)
    if m is None:
        return False
    desc = m.group(1).lower().split()
    cut = next((n for n, w in enumerate(desc) if w in OF_WORDS), len(desc))
    return any(w in PERSON_NOUNS or w in PERSON_TITLES for w in desc[:cut][-3:])


# "Roe is one of the first two women elected", "Roe, a mother of three,": a noun describing
# the name, read up to the first word that ends the description.
_DESCRIPTION = re.compile(
    r"(?:[^\S\n]+(?:is|was)[^\S\n]+|,[^\S\n]+(?=(?:a|an|the)\b))((?:[\w’'-]+[^\S\n]*){1,8})"
)
_DESCRIBING = OCCUPATIONS | PERSON_NOUNS | frozenset(GENDERED_NOUNS)  # nouns before a name
_DESCRIPTION_OPENERS = (" is ", " was ", ", a ", ", an ", ", the ")
_DESCRIBING_ENDS = frozenset(w[-1] for w in _DESCRIBING)
_DESCRIPTION_STOP = frozenset("to with by for from at in on who that and or not".split())


def _described_by_noun(masked: str, noun: str, end: int, e: Entity, words: int) -> None:
    """A noun before the name (``noun``) or describing it after says it is a person ("chief
    negotiator Saeb Erekat"), and a gendered one says which ("Omar is one of the first two
    women")."""
    if words > 1 and noun in _DESCRIBING:
        e.person = True
    gender = GENDERED_NOUNS.get(noun, "")
    if not gender and masked.startswith(_DESCRIPTION_OPENERS, end):
        m = _DESCRIPTION.match(masked, end)
        for w in m.group(1).split() if m else ():
            if w in _DESCRIPTION_STOP or w.endswith("ed"):
                break
            gender = GENDERED_NOUNS.get(w, "")
            if gender:
                break
    if gender and e.firmness < 3:
        e.gender, e.firmness, e.person = gender, 3, True


# The leading lookahead names the first letters, so the engine skips to candidates (twice
# as fast as trying the word boundary at every position).
_GENDERED = re.compile(r"(?=[HhSs])\b(?:([Hh](?:e|im|is|imself))|([Ss]he|[Hh]er(?:s|self)?))\b")
_VOTE_REACH = 300  # characters between a pronoun and the name it is taken to refer to


def _vote_genders(
    masked: str, entities: dict[str, Entity], occ: list[Occurrence], starts: list[int]
) -> None:
    """Gender from the article's own pronouns: each he/she/his/her outside quotations votes
    for the nearest person named before it (one whose honorific says otherwise is passed
    over). A clear majority outranks a weak guess from the first name ("Taylor" is mostly
    male in name lists; "she" and "her" in the article say otherwise) and fills in a gender
    the name does not tell."""
    votes: dict[str, list[int]] = {}
    for m in _GENDERED.finditer(masked):
        g = "m" if m.group(1) else "f"
        k = bisect.bisect_left(starts, m.start()) - 1
        for j in range(k, max(-1, k - 4), -1):
            o = occ[j]
            if m.start() - o.end > _VOTE_REACH:
                break
            e = entities[o.key]
            if not e.person or (e.firmness == 3 and e.gender != g):
                continue
            tally = votes.setdefault(o.key, [0, 0])
            tally[g == "f"] += 1
            break
    for key, (male, female) in votes.items():
        e = entities[key]
        n, top = male + female, max(male, female)
        if e.firmness <= 1 and top >= 0.75 * n:
            e.gender, e.firmness = ("m" if male > female else "f"), 2
