"""Person names: parsing, keys for matching, compatibility, and one label per person.

Outlets name one person many ways ("Foreign Minister Sergey V. Lavrov", "Sergei Lavrov",
"Mr. Lavrov") and two people alike ("Donald Trump", "Donald Trump Jr."). Everything here
errs towards keeping people apart: a merge needs compatible given names, agreeing suffixes
and, for a misspelt surname, a long name and a full given name on both sides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from quotedb.core.introduced import introducing_description
from quotedb.core.lexicon import (
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FRAGMENT_WORDS,
    GLUE_PREFIXES,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_PRONOUNS,
    NAME_TITLES,
    NOT_NAMES,
    OCCUPATIONS,
    ORG_CONTEXT_NOUNS,
    ORG_FOLLOWERS,
    ORG_HEADS,
    ORG_NOUNS_BEFORE,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    PLACE_PAIRS,
    PLACES,
    REGNAL_TITLES,
    ROLE_HEADS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SUFFIXES,
    SURNAME_PARTICLES,
)
from quotedb.core.namewords import is_given_name, mostly_given
from quotedb.core.text import fold_name
from quotedb.core.types import Quotation, SpeakerKind

if TYPE_CHECKING:
    from nicknames import NickNamer

MAX_NAME_TOKENS = 5
_TOKEN = re.compile(r"[^\W\d_][\w.’'-]*")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name taken apart; ``role`` is the title written before it, if any."""

    given: str | None
    middle: tuple[str, ...]
    surname: str
    suffix: str | None
    role: str | None = None

    @property
    def display(self) -> str:
        """The name as a label: no title, no honorific."""
        parts = [self.given, *self.middle, self.surname, self.suffix]
        return " ".join(p for p in parts if p)

    @property
    def completeness(self) -> int:
        return (self.given is not None) * 2 + len(self.middle) + (self.suffix is not None)


@lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", fold_name(token).removesuffix("’s").removesuffix("'s"))


def split_role(text: str) -> tuple[str | None, list[str]]:
    """The title before a name and the name's tokens ("Secretary of State", [Antony, Blinken])."""
    head, _, tail = re.split(r"[(;]", text)[0].partition(",")
    tokens = _TOKEN.findall(head)
    if _bare(tail.strip()).rstrip(".") in SUFFIXES:  # "Donald Trump, Jr."
        tokens.append(tail.strip())
    for i in range(len(tokens) - 1, -1, -1):
        if _bare(tokens[i]) not in ROLE_HEADS:
            continue
        end = i + 1
        if end < len(tokens) and _bare(tokens[end]) == "of":  # "Secretary of State"
            end += 2 if end + 1 < len(tokens) and _bare(tokens[end + 1]) != "the" else 3
        rest = tokens[end:]
        if any(_bare(t).rstrip(".") not in SUFFIXES for t in rest):
            return " ".join(tokens[:end]), rest
    return None, tokens


@lru_cache(maxsize=65536)
def parse_name(text: str) -> PersonName | None:
    """A person's name from a mention; None for pronouns and empty text."""
    role, tokens = split_role(text)
    if role is not None and _bare(role.split()[-1]) in NAME_TITLES and len(role.split()) == 1:
        role = None
    tokens = [t.removesuffix("’s").removesuffix("'s").strip(".,’'") or t for t in tokens]
    while tokens and _bare(tokens[0]).rstrip(".") in NAME_TITLES | HONORIFICS | NOT_NAMES:
        tokens = tokens[1:]
    noise = [i for i, t in enumerate(tokens[:-1]) if _bare(t) in NOT_NAMES]
    if noise:  # "Hollande Says Donald Trump"
        tokens = tokens[noise[-1] + 1 :]
    suffix = None
    if len(tokens) > 1 and (key := _bare(tokens[-1]).rstrip(".")) in SUFFIXES:
        suffix, tokens = SUFFIXES[key], tokens[:-1]
    context, tokens = clean_run(tokens)
    if any(_is_role_word(t) for t in context):
        role = " ".join(filter(None, (role, " ".join(context))))
    if len(tokens) > MAX_NAME_TOKENS:  # a headline run into a name: keep its end
        tokens = tokens[-2:]
    if tokens and not _written_as_name(tokens[-1]) and _written_as_name(text.split()[0]):
        return None  # "The 56-year-old": a description, capitalised at a sentence start
    if not tokens or (len(tokens) == 1 and _bare(tokens[0]) in NAME_PRONOUNS):
        return None
    if len(tokens) == 1 and (regnal := _regnal(role)):  # "Prince Andrew": one name, titled
        rest = role.rsplit(" ", 1)[0] if role and " " in role else None
        return PersonName(regnal, (), tokens[0], suffix, rest)
    cut = len(tokens) - 1
    while cut > 1 and _bare(tokens[cut - 1]) in SURNAME_PARTICLES:
        cut -= 1
    surname = " ".join(tokens[cut:])
    if cut == 0:
        return PersonName(None, (), surname, suffix, role)
    given, middle = tokens[0], tuple(_initial(t) for t in tokens[1:cut])
    return PersonName(_initial(given), middle, surname, suffix, role)


def _regnal(role: str | None) -> str | None:
    """The title a person is named by with one name ("Prince", "Pope"), ending a role."""
    last = role.split()[-1] if role else ""
    return last if last[:1].isupper() and _bare(last) in REGNAL_TITLES else None


# ---------------------------------------------------------------- what is not a name

_FUNCTION = frozenset(
    "at in on by with from to of for about after as would could should did does do is are was"
    " were has have had ask".split()
)
_PARTICLE_HEAD = re.compile(r"^(?:[a-z]{1,3}[-’'])?[A-Z]")  # "al-Assad", "d’Estaing"


def _is_role_word(token: str) -> bool:
    """An occupation or title ("coach", "CEO", "Singer-guitarists")."""
    bare = _bare(token)
    return (
        bare in OCCUPATIONS or bare in ROLE_HEADS or any(p in OCCUPATIONS for p in bare.split("-"))
    )


def _glue_points(token: str) -> list[int]:
    """Where a token is two words written together ("NoemKristi"), not a name's own
    capital ("McDonald", "DeSantis", "LeBron")."""
    points: list[int] = []
    start = 0
    for i in range(1, len(token) - 1):
        if token[i].isupper() and token[i - 1].islower() and token[i + 1].islower():
            left = token[start:i]
            if len(left) >= 3 and left.casefold() not in GLUE_PREFIXES:
                points.append(i)
                start = i
    return points


def _unglue(tokens: list[str]) -> list[str]:
    """The one name in a run of names written together by page clutter ("Ann FoxAnn Lee
    FoxOhio"): kept only when the pieces repeat a word or the run opens with a first name."""
    if len(tokens) < 2:
        return tokens
    segments: list[list[str]] = [[]]
    for t in tokens:
        cuts = _glue_points(t)
        if not cuts:
            segments[-1].append(t)
            continue
        bounds = [0, *cuts, len(t)]
        pieces = [t[a:b] for a, b in pairwise(bounds)]
        segments[-1].append(pieces[0])
        segments += [[p] for p in pieces[1:]]
    if len(segments) == 1:
        return tokens
    seen = [{fold_name(w) for w in seg} for seg in segments]
    repeated = any(a & b for n, a in enumerate(seen) for b in seen[n + 1 :])
    if not repeated and not is_given_name(tokens[0]):
        return tokens
    people = [seg for seg in segments if len(seg) > 1 and is_given_name(seg[0])]
    return (people or [max(segments, key=len)])[0]


def _written_as_name(token: str) -> bool:
    """Capitalised, or a lowercase particle glued to a capital ("al-Assad")."""
    return token[:1].isupper() or _PARTICLE_HEAD.match(token) is not None


def _context_word(tokens: Sequence[str], i: int, typed: bool) -> bool:
    """Whether token ``i`` (not the last) is written around a name rather than in it.

    ``typed``: the run has no capital at all (a user's "tim cook"), so case tells nothing.
    """
    t = tokens[i]
    bare = _bare(t)
    after = len(tokens) - i - 1
    if t[:1].islower():
        return not (typed or bare in SURNAME_PARTICLES or _PARTICLE_HEAD.match(t))
    if t.endswith(("’s", "'s", "s’", "s'")) or bare in _FUNCTION or bare in NOT_NAMES:
        return True
    if bare.rstrip(".") in NAME_TITLES or bare.rstrip(".") in HONORIFICS:
        return True  # "Ask Dr. Ann": an honorific inside the run, before the name
    if t.isupper() and len(t) > 1 and re.sub(r"[’']", "", t).isalpha():
        return after >= 2 or bare in OCCUPATIONS  # "CEO Ann Fox", not "TJ Watt"
    if "-" in t and any(p in _FUNCTION | OCCUPATIONS for p in bare.split("-")[1:]):
        return True  # "Day-by-day", "Singer-guitarists"
    if bare in OCCUPATIONS or bare in ROLE_HEADS or _misspelt_role(bare, t):
        return True
    if bare.endswith("ing") and len(bare) > 5 and not is_given_name(t):
        return True  # "Hosting Cook"
    if bare in PLACES and not is_given_name(t):  # "Virginia" and "Jordan" may be names
        return after >= 2 or is_given_name(tokens[i + 1])
    return after >= 2 and (bare, _bare(tokens[i + 1])) in PLACE_PAIRS


@lru_cache(maxsize=65536)
def _misspelt_role(bare: str, token: str) -> bool:
    """A long title written a letter wrong ("Presiden"), not a first name (the first
    letter is kept: misspellings seldom change it)."""
    return (
        len(bare) >= 6
        and any(Levenshtein.distance(bare, r) == 1 for r in _LONG_ROLES.get(bare[:1], ()))
        and not is_given_name(token)
    )


_LONG_ROLES = {
    c: [r for r in sorted(ROLE_HEADS) if len(r) >= 6 and r[0] == c]
    for c in {r[0] for r in ROLE_HEADS}
}  # titles a misspelling may stand for, by first letter


def clean_run(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """A capitalised run split into what stands around the name and the name itself.

    "company CEO Andy Vesey" -> (company CEO, Andy Vesey); "Hosting Cook" -> (Hosting,
    Cook); a name glued to its repetitions by page clutter keeps its first clean form.
    The last word is always kept: a run is never emptied.
    """
    context, name = _clean(tuple(tokens))
    return list(context), list(name)


@lru_cache(maxsize=65536)
def _clean(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`clean_run` of one run, read once: runs recur within and across articles."""
    toks = _unglue(list(tokens))
    typed = not any(t[:1].isupper() for t in toks)
    cut = 0
    for i in range(len(toks) - 1):
        if _context_word(toks, i, typed):
            cut = i + 1
    return tuple(toks[:cut]), tuple(toks[cut:])


def _initial(token: str) -> str:
    return token + "." if len(token) == 1 else token


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """Casefolded, accent-free tokens of a name, without titles, honorifics or initials."""
    parsed = parse_name(name)
    text = parsed.display if parsed is not None else name
    tokens = tuple(t for t in re.findall(r"[a-z0-9]+", fold_name(text)) if len(t) > 1)
    return tuple(t for t in tokens if t not in HONORIFICS) or tokens


@lru_cache(maxsize=65536)
def surname_key(name: PersonName) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold_name(name.surname)))


@cache
def phonetic(token: str) -> str:
    """A spelling that transliteration variants share (Sergey/Sergei, Zelensky/Zelenskyy)."""
    s = re.sub(r"[^a-z]", "", unidecode(token).lower())
    for a, b in (("ph", "f"), ("th", "t"), ("kh", "h"), ("ks", "x"), ("ou", "u"), ("w", "v")):
        s = s.replace(a, b)
    s = s.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", s)


@cache
def _nicknamer() -> NickNamer:
    """The nicknames package's table, read when two given names first differ: importing it
    costs 30 ms of start-up (it reads its own version through importlib.metadata)."""
    from nicknames import NickNamer

    return NickNamer()


def _given_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    fa, fb = _bare(a).rstrip("."), _bare(b).rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return fa[:1] == fb[:1]
    pa, pb = phonetic(fa), phonetic(fb)
    if pa == pb:
        return True
    nicknames = _nicknamer()
    if fb in nicknames.nicknames_of(fa) or fa in nicknames.nicknames_of(fb):
        return True
    return min(len(pa), len(pb)) >= 7 and pa[0] == pb[0] and Levenshtein.distance(pa, pb) <= 1


def _surname_compatible(a: PersonName, b: PersonName) -> bool:
    full_given = has_full_given(a) and has_full_given(b)
    return surnames_compatible(surname_key(a), surname_key(b), full_given=full_given)


def surnames_compatible(sa: str, sb: str, *, full_given: bool) -> bool:
    """Could two surname keys be one person's: alike, alike once transliterated, or (when
    both names have a full given name) a letter or two apart? Plain strings, so that a
    writer can rule out most of a block of stored people before comparing whole names."""
    if sa == sb:
        return True
    if min(len(sa), len(sb)) >= 5 and phonetic(sa) == phonetic(sb):
        return True
    limit = 2 if min(len(sa), len(sb)) >= 10 else 1
    return (
        full_given
        and min(len(sa), len(sb)) >= 6
        and sa[0] == sb[0]
        and Levenshtein.distance(sa, sb) <= limit
    )


def has_full_given(name: PersonName) -> bool:
    """A given name spelt out, not an initial."""
    return bool(name.given) and len((name.given or "").rstrip(".")) > 1


@lru_cache(maxsize=65536)
def compatible(a: PersonName, b: PersonName) -> bool:
    """Could these two parsed names denote one person?"""
    if not _surname_compatible(a, b) or not _given_compatible(a.given, b.given):
        return False
    if a.given and b.given and a.suffix != b.suffix:
        return False
    return not (a.middle and b.middle and _bare(a.middle[0])[:1] != _bare(b.middle[0])[:1])


def same_person(a: str, b: str) -> bool:
    """Could two written names denote one person? ("Sergei Lavrov", "Sergey V. Lavrov": yes)."""
    pa, pb = parse_name(a), parse_name(b)
    return pa is not None and pb is not None and compatible(pa, pb)


def _full_key(name: PersonName) -> tuple[str, str, str]:
    return (_bare(name.given or ""), surname_key(name), name.suffix or "")


def canonical_label(forms: Mapping[str, int]) -> str:
    """The most frequent of the most complete names (counts are, say, articles using each).

    Bare surnames ("Mr. Blinken") vote for the full names that carry them, so a misspelt
    full name ("Antony Blinke") loses to the spelling the rest of the coverage uses.
    """
    parsed = [(p, n) for form, n in forms.items() if (p := parse_name(form)) is not None]
    full = [(p, n) for p, n in parsed if p.given and len(p.given.rstrip(".")) > 1] or parsed
    if not full:
        return max(forms, key=lambda f: (forms[f], len(f), f)) if forms else ""
    support: Counter[tuple[str, str, str]] = Counter()
    for p, n in full:
        support[_full_key(p)] += n
    surnames: Counter[str] = Counter()
    for p, n in parsed:
        surnames[surname_key(p)] += n if p.given is None else 0
    best = max(
        support, key=lambda k: (support[k] + surnames[k[1]], support[k], len(" ".join(k)), k)
    )
    surfaces: Counter[str] = Counter()
    for p, n in full:
        if _full_key(p) == best:
            surfaces[p.display] += n
    return max(surfaces, key=lambda s: (surfaces[s], len(s), s))


# ---------------------------------------------------------------- across documents


@dataclass(slots=True)
class _Entity:
    """One speaker of one document, with every name that document gives it."""

    key: tuple[int, str]
    forms: set[str]
    best: PersonName

    @property
    def doc(self) -> int:
        return self.key[0]


def _entities(docs: Sequence[list[Quotation]]) -> dict[tuple[int, str], _Entity]:
    found: dict[tuple[int, str], _Entity] = {}
    seen: set[tuple[int, str, tuple[str, ...]]] = set()  # the same names again change nothing
    for i, doc in enumerate(docs):
        for q in doc:
            if q.speaker is None or q.speaker_kind not in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN):
                continue
            if (i, q.speaker, q.aliases) in seen:
                continue
            seen.add((i, q.speaker, q.aliases))
            names = [(n, p) for n in (q.speaker, *q.aliases) if (p := parse_name(n))]
            if not names:
                continue
            ent = found.get((i, q.speaker))
            best = max((p for _, p in names), key=lambda p: p.completeness)
            if ent is None:
                found[(i, q.speaker)] = _Entity((i, q.speaker), {p.display for _, p in names}, best)
                continue
            ent.forms |= {p.display for _, p in names}
            if best.completeness > ent.best.completeness:
                ent.best = best
    return found


def _group_people(entities: Iterable[_Entity]) -> list[list[_Entity]]:
    """Named people first (every pair compatible), then bare surnames where unambiguous."""
    ordered = sorted(entities, key=lambda e: (-e.best.completeness, e.doc, e.best.display))
    groups: list[list[_Entity]] = []
    by_prefix: dict[str, list[list[_Entity]]] = {}  # surnames a letter apart share a prefix
    bare: list[_Entity] = []
    for ent in ordered:
        if ent.best.given is None:
            bare.append(ent)
            continue
        near = by_prefix.setdefault(surname_key(ent.best)[:3], [])
        fits = [g for g in near if all(compatible(ent.best, m.best) for m in g)]
        if len(fits) == 1:
            fits[0].append(ent)
        else:
            groups.append([ent])
            near.append(groups[-1])
    by_surname: dict[str, list[_Entity]] = {}
    for ent in bare:
        near = by_prefix.get(surname_key(ent.best)[:3], [])
        fits = [g for g in near if _surname_compatible(ent.best, g[0].best)]
        local = [g for g in fits if any(m.doc == ent.doc for m in g)]
        choice = local if len(local) == 1 else fits
        if len(choice) == 1:
            choice[0].append(ent)
        elif not fits:
            by_surname.setdefault(surname_key(ent.best), []).append(ent)
        else:
            groups.append([ent])  # a surname several known people share: left unresolved
    return groups + list(by_surname.values())


def _label(group: list[_Entity]) -> str:
    forms: Counter[str] = Counter()
    for ent in group:
        forms.update(ent.forms)
    return canonical_label(forms)


def _other_labels(docs: Sequence[list[Quotation]]) -> dict[tuple[int, str], str]:
    """Organisations and unnamed sources: one spelling per key ("the Kremlin", "Kremlin")."""
    forms: dict[tuple[str, str], Counter[str]] = {}
    for doc in docs:
        for q in doc:
            if q.speaker and q.speaker_kind in (SpeakerKind.ORGANIZATION, SpeakerKind.UNNAMED):
                key = (q.speaker_kind.value, org_key(q.speaker))
                forms.setdefault(key, Counter())[q.speaker] += 1
    best = {k: max(c, key=lambda f: (c[f], len(f), f)) for k, c in forms.items()}
    return {
        (i, q.speaker): best[(q.speaker_kind.value, org_key(q.speaker))]
        for i, doc in enumerate(docs)
        for q in doc
        if q.speaker and q.speaker_kind in (SpeakerKind.ORGANIZATION, SpeakerKind.UNNAMED)
    }


def org_key(name: str) -> str:
    """An organisation's or unnamed source's key: folded words, without a leading article."""
    words = re.findall(r"[a-z0-9]+", fold_name(name))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def resolve_corpus(docs: Sequence[list[Quotation]]) -> list[list[Quotation]]:
    """One label per person across documents: the most frequent of the most complete names."""
    labels = _other_labels(docs)
    for group in _group_people(_entities(docs).values()):
        label = _label(group)
        labels.update((ent.key, label) for ent in group)
    return [
        [_relabel(q, labels.get((i, q.speaker or ""))) for q in doc] for i, doc in enumerate(docs)
    ]


def _relabel(q: Quotation, label: str | None) -> Quotation:
    """The quotation under its label, the name it had kept among the aliases."""
    if label is None or q.speaker is None or label == q.speaker:
        return q
    aliases = tuple(dict.fromkeys((q.speaker, *q.aliases)))
    return replace(q.with_speaker(label), aliases=aliases)


# ---------------------------------------------------------------- roles in an article

_CLAUSE_END = re.compile(r"[,.;:—–()\n“”\"]")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


_IN_ROLE = ROLE_HEADS | ROLE_WORDS  # words a title is made of, capitalised or not
_ROLE_MODIFIERS = ROLE_WORDS - ROLE_HEADS  # never a title on their own: "press", "of"
_INNER_ARTICLE = re.compile(r"\s(?:the|a|an)\s")


def _role_phrase(words: list[str]) -> str | None:
    """A title if these words end with a role word ("White House press secretary")."""
    keep: list[str] = []
    for w in reversed(words):
        if not (w[:1].isupper() or _bare(w) in _IN_ROLE):
            break
        keep.insert(0, w)
    if not keep:
        return None  # the common case: a lowercase word right before the name
    while keep and _bare(keep[0]) in _ROLE_MODIFIERS and keep[0][:1].islower():
        keep = keep[1:]
    ends = [_bare(w) for w in keep[-3:]]
    of_title = (len(ends) >= 2 and ends[-2] == "of") or (len(ends) == 3 and ends[0] == "of")
    if keep and len(keep) <= 8 and (ends[-1] in ROLE_HEADS or of_title):
        if of_title and not any(e in ROLE_HEADS for e in ends):
            return None
        return " ".join(keep)
    return None


_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+([^,.;:()“”\"]{3,80}),")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where the name stands as whole words (a string search: no pattern per name)."""
    start = text.find(name) if name else -1
    while start != -1:
        end = start + len(name)
        if (start == 0 or not _is_word(text[start - 1])) and (
            end == len(text) or not _is_word(text[end])
        ):
            yield start, end
        start = text.find(name, start + 1)


def roles_in(text: str, name: str) -> list[str]:
    """Titles an article gives a name: before it, or in apposition either side of it."""
    found: list[str] = []
    for start, end in occurrences(text, name):
        before = _CLAUSE_END.split(text[max(0, start - 120) : start])
        head = _role_phrase(before[-1].split())
        if head is None and len(before) > 1 and not before[-1].strip():
            clause = _ARTICLE.split(before[-2].strip())[-1]  # "the U.N. chief, Name"
            head = _role_phrase(_INNER_ARTICLE.split(" " + clause)[-1].split())
        after = _APPOSITION.match(text, end)
        tail = _role_phrase(after[1].split()) if after else None
        found += [r for r in (head, tail) if r and r not in found]
    return found


def first_named(text: str, names: Iterable[str]) -> str | None:
    """How the article first names a person in full ("Foreign Minister Sergey Lavrov")."""
    best: tuple[int, str] | None = None
    for name in names:
        parsed = parse_name(name)
        if parsed is None or parsed.given is None:
            continue
        pattern = r"\s+".join(re.escape(t) for t in parsed.display.split())
        m = re.search(rf"(?<!\w){pattern}(?!\w)", text)
        if m and (best is None or m.start() < best[0]):
            role = _role_phrase(
                _CLAUSE_END.split(text[max(0, m.start() - 120) : m.start()])[-1].split()
            )
            best = (m.start(), f"{role} {m[0]}" if role else m[0])
    return best[1] if best else None


# ---------------------------------------------------------------- names the text settles

_SENTENCE_END = frozenset(".!?:;\n")
_OPENERS = frozenset("“‘([")
_ABBREVIATION = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}\.$")
_CLOSERS = "”’\"')]"
_DETERMINER = frozenset("the a an his her their its our".split())


def _word_at(text: str, word: str) -> Iterator[int]:
    """Starts of ``word`` as a whole word, written as given."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not _is_word(text[start - 1])) and (
            end == len(text) or not (_is_word(text[end]) or text[end] == "-")
        ):
            yield start
        start = text.find(word, start + 1)


def named_mid_sentence(text: str, word: str) -> bool:
    """Whether the text writes the word capitalised where a sentence does not start: a
    name is ("said Vogel"); a capitalised common word of another language is not."""
    for start in _word_at(text, word):
        before = text[max(0, start - 12) : start].rstrip(" \t")
        if not before:
            continue  # the text opens with it
        if before[-1] in _OPENERS:
            continue  # a quotation or a bracket opens here
        if _ABBREVIATION.search(before):
            return True  # "Mr. Lavrov", "Sergey V. Lavrov"
        if before[-1] in _CLOSERS:
            return True  # '?" Schiff asked': a quotation's speaker named after it
        if before[-1] not in _SENTENCE_END:
            return True
    return False


_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*[^\S\n]+){1,3}$")  # "James P. " before Kennedy
_AFTER = re.compile(r"(?:,?[^\S\n]+(?:Jr|Sr|II|III|IV)\b\.?)?(?![\w’'-])")  # ", Jr."
_ASIDE = re.compile(r"\(([A-Z][a-z’'-]+)\)[^\S\n]+$")
_NEXT = re.compile(r"(?:[^\S\n]+[A-Z][\w’'-]*){1,2}")  # " Swift" after Taylor


def _runs_with(text: str, word: str) -> Iterator[str]:
    """The capitalised runs that end or start with the word, read around each occurrence
    (a look at a few characters, not a pattern run over the whole text)."""
    for start in _word_at(text, word):
        end = start + len(word)
        before = _BEFORE.search(text, max(0, start - 60), start)
        if before is not None:
            tail = _AFTER.match(text, end)
            yield text[before.start() : tail.end() if tail else end]
        after = _NEXT.match(text, end)
        if after is not None:
            yield text[start : after.end()]
        aside = _ASIDE.search(text, max(0, start - 30), start)
        if aside is not None:
            yield f"{aside[1]} {word}"  # "Coach (Ann) Fox": the first name in brackets


def fuller_name(text: str, word: str) -> str | None:
    """The one full name the text gives a person it also calls by one word: the surname
    ("James P. Kennedy Jr." for Kennedy), else the first word ("Taylor Swift" for Taylor).
    None when the text gives several people that word."""
    surnames: list[PersonName] = []
    firsts: list[PersonName] = []
    for run in _runs_with(text, word):
        p = parse_name(run)
        if p is None or p.given is None:
            continue
        if p.surname == word:
            surnames.append(p)
        elif p.given == word and not p.middle:
            firsts.append(p)
    found = surnames or firsts
    if not found or not all(compatible(a, b) for a in found for b in found):
        return None
    full = max(found, key=lambda p: (p.completeness, len(p.display))).display
    return None if _common_word_name(text, full) else full  # "Subsoil Water" for Water


def _description(q: Quotation) -> str:
    """An organisation written as a common noun ("statement") as the description it is."""
    said = q.mention.text if q.mention is not None else q.speaker or ""
    if said.split()[:1] and said.split()[0].lower() in _DETERMINER:
        return said[0].lower() + said[1:]
    return f"the {said}"


def _acronym(word: str) -> bool:
    """Initials written as one word ("CDC"), not one person's initials ("J.R.")."""
    return len(word) >= 2 and word.isupper() and word.isalpha()


_PREP = r"(?:for|from|at|inside|with|on|of|in)\s+"
_NAMED_PP = _PREP + r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w’'-]*)*"
# "on the scene", "inside the Rukban camp": one noun (a name may modify it), then a verb
_PLAIN_PP = _PREP + r"the\s+(?:[A-Z][\w’'-]*\s+)?[a-z][\w’'-]*"
_PP_END = r"(?=\s*[,.;:“”\"()\n]|\s+(?:said|says|told|tells|who|which|and|added|[a-z]+ed)\b)"
_GROUP_PP = rf"(?:{_PLAIN_PP}{_PP_END}|{_NAMED_PP})"
# "a", "one", "the" (a group first written whole: "the authors of the study"), or a
# possessive ("the agency's source inside the camp": whose source it is says who it is not)
_GROUP_DET = r"(?:[Aa]n?|[Oo]ne|[Tt]he|(?P<owner>[\w-]+(?:’s|'s)))"


def _group_description(text: str, name: str) -> str | None:
    """An unnamed source under the description that places it ("a spokesperson for the
    Foreign Office" for "the spokesperson"): the one the text writes with that noun."""
    words = name.split()
    if len(words) != 2 or _bare(words[0]) not in ("the", "a", "an") or not words[1].isalpha():
        return None
    noun = words[1].lower()
    found: set[str] = set()
    for start, end in _noun_places(text, noun):  # the noun leads
        if (phrase := _determined(text, start, text[start:end])) is not None:
            found.add(phrase)
    if len(found) != 1:
        return None
    phrase = found.pop()
    return phrase[0].lower() + phrase[1:]


# What follows the noun of a group description; compiled once (a pattern per noun would
# be compiled again for every text, more nouns than the regex cache holds).
_AFTER_NOUN = re.compile(rf"\s+{_GROUP_PP}")


def _noun_places(text: str, noun: str) -> Iterator[tuple[int, int]]:
    """Where the noun starts a word and a group's phrase follows it, left to right and never
    overlapping: the noun and its phrase's span."""
    at = text.find(noun)
    while at >= 0:
        tail = None
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_’'-"):
            tail = _AFTER_NOUN.match(text, at + len(noun))
        if tail is not None:
            yield at, tail.end()
            at = text.find(noun, tail.end())
        else:
            at = text.find(noun, at + 1)


_DET_BEFORE = re.compile(rf"(?<![\w’'-]){_GROUP_DET}[^\S\n]+$")


def _determined(text: str, start: int, phrase: str) -> str | None:
    """The phrase with the determiner written before it ("a", "one", "the"), a possessive
    read as "a" ("Ann's source inside the camp": a source inside the camp); None without."""
    m = _DET_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    return f"a {phrase}" if m["owner"] else f"{text[m.start() : start]}{phrase}"


_ORG_NAME = r"[A-Z][\w’'-]*(?:[^\S\n]+(?:(?:for|of|and|the|on)[^\S\n]+)*[A-Z][\w’'-]*)*"


_OF_NAME = re.compile(rf"[^\S\n]+(?:for|of)[^\S\n]+(?:the[^\S\n]+)?{_ORG_NAME}")


def _org_written(text: str, q: Quotation, name: str) -> str:
    """An organisation under the name the quotation's mention writes: its name continued
    ("Centre" -> "Centre for Economic Research", "High Commissioner" -> "... for Refugees"),
    or the mention itself when the label only ever modifies someone ("VOA Pentagon
    correspondent Ann Fox" is no speaker; "the Pentagon" is)."""
    mention = q.mention
    if mention is None or not mention.text.endswith(name.split()[-1]):
        return name
    heads = ORG_HEADS | ORG_SUFFIXES | ROLE_HEADS
    m = _OF_NAME.match(text, mention.end, mention.end + 80)
    if m and _bare(name.split()[-1]) in heads:
        return name + m[0].replace("\n", " ")
    said = _ARTICLE.sub("", mention.text.strip())
    ends = [text[e : e + 30].split()[:1] for _, e in occurrences(text, name)]
    if (
        said != name
        and said[:1].isupper()
        and ends
        and all(w and _bare(w[0]) in OCCUPATIONS for w in ends)
    ):
        return said
    return name


def _members_of(text: str, name: str) -> str | None:
    """The group a description's people belong to, when the text says so in apposition
    ("The doctors, members of a new group Doctors Against Flu, ..."): it speaks for them."""
    words = name.split()
    if len(words) != 2 or _bare(words[0]) != "the" or not words[1].endswith("s"):
        return None
    noun = re.escape(words[1].lower())
    pattern = rf"\b[Tt]he\s+{noun},\s+(?:all\s+)?members\s+of\s+(?:[a-z-]+\s+){{0,4}}({_ORG_NAME})"
    found = {m[1] for m in re.finditer(pattern, text)}
    return found.pop() if len(found) == 1 else None


_PLACED = re.compile(rf"(?<![\w’'-])([a-z]+)\s+{_PREP}$")  # "source inside " before a place


def _placed_source(text: str, name: str) -> str | None:
    """A place taken for the source it places ("the Delta camp" for "a source inside the
    Delta camp"): the one person the text writes in that place."""
    words = name.split()
    if len(words) < 2 or _bare(words[0]) != "the" or _bare(words[-1]) in _SOURCE_NOUNS:
        return None
    found: set[str] = set()
    for start, end in occurrences(text, name):
        m = _PLACED.search(text, max(0, start - 30), start)
        if m and m[1] in PERSON_NOUNS and text[end : end + 1] not in ("’", "'"):
            phrase = _determined(text, m.start(), text[m.start() : end])
            found |= {phrase} if phrase else set()
    if len(found) != 1:
        return None
    phrase = found.pop()
    return phrase[0].lower() + phrase[1:]


@lru_cache(maxsize=4096)
def _spelling(initials: str) -> re.Pattern[str]:
    """The words these initials stand for, compiled once per initials (names' other
    patterns overflow the regex module's own cache, which recompiled this one per text)."""
    glue = r"(?:[^\S\n]+(?:and|of|for|the|on|&))*[^\S\n]+"
    pattern = glue.join(rf"{c}[a-z][\w’'-]*" for c in initials)
    tail = r"(?:[^\S\n]+and[^\S\n]+[A-Z][a-z][\w’'-]*)?"  # "... Control and Prevention"
    return re.compile(rf"(?<![\w’'-]){pattern}{tail}(?![\w’'-])")


def _spelt_out(text: str, initials: str) -> str | None:
    """The one name the text writes whose capitals are these initials ("Customs and
    Border Protection" for CBP), so the organisation goes by its fullest name."""
    if len(initials) > 6:
        return None
    found = {m[0] for m in _spelling(initials).finditer(text)}
    longest = max(found, key=len, default=None)
    return longest if longest and all(longest.startswith(f) for f in found) else None


def _spelt_org(text: str, name: str) -> str | None:
    """An organisation's initials spelt out, with the country words before them ("Northland
    HBW" -> "Northland Harbour and Border Watch") when the text writes it so."""
    *head, last = name.split()
    if not _acronym(last) or not all(_bare(w) in DEMONYMS or _bare(w) in PLACES for w in head):
        return None
    spelt = _spelt_out(text, last)
    if spelt is None or not head:
        return spelt
    whole = " ".join([*head, spelt])
    return whole if whole in text else None


def _fragment(name: str) -> bool:
    """A clause read as a phrase ("Holt shares the plan he", "I always"), or a lone
    determiner ("Another"): never anyone's name or description."""
    written = name.split()
    words = [_bare(w) for w in written]
    if len(words) == 1 and (words[0] in DETERMINERS or words[0] in NOT_NAMES):
        return True
    for w, t in zip(words, written, strict=True):
        raw = t.casefold().replace("'", "’").strip(".,")
        if raw in FRAGMENT_WORDS and (t[:1].islower() or raw == "i" or raw.startswith("i’")):
            return True  # a pronoun or modal, but not the surname in "He Jian"
        if w.endswith("ly") and len(w) > 4 and t[:1].islower():
            return True
    return False


def _org_context(text: str, name: str) -> bool:
    """Whether the text treats a name as an organisation's: "Quill's spokesperson", "a
    spokeswoman for Quill", "Quill said it", "Quill, which", "the platform Quill"."""
    for start, end in occurrences(text, name):
        after = text[end : end + 40].casefold()
        before = text[max(0, start - 40) : start].casefold().split()
        m = re.match(r"(?:’s|'s)\s+(\w+)", after)
        if m and m[1] in ORG_CONTEXT_NOUNS:
            return True
        if re.match(r",?\s+(?:which|said it|says it|said in a statement)\b", after):
            return True
        nxt = re.match(r"\s+(\S+)", after)
        if nxt and nxt[1] in ORG_FOLLOWERS:
            return True
        appos = re.match(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?([\w-]+)", after)
        if appos and appos[1] in ORG_NOUNS_BEFORE:
            return True  # "Quill, a giant of retail"
        if before and before[-1] in ORG_NOUNS_BEFORE:
            return True
        if len(before) >= 2 and before[-1] in ("for", "at") and before[-2] in ORG_CONTEXT_NOUNS:
            return True
    return False


def _organisation_name(text: str, q: Quotation, name: str) -> str | None:
    """The organisation a person-typed label names, or None when it may be a person's.

    Only a label without a first name is retyped ("Gabrielle Union" stays a person): by its
    last word ("Dunmore Media"), by the noun the page writes before it ("the journal Acta
    Medica"), or by the way the text speaks of it ("Quill said it").
    """
    words = name.split()
    said = q.mention.text if q.mention is not None else name
    lead = [_bare(w) for w in said.split()[: -len(words)]]
    if is_given_name(words[0]) and len(words) > 1:  # "the journal Acta Medica" only
        suffix = _bare(words[-1]) in ORG_SUFFIXES
        return name if suffix and lead and lead[-1] in ORG_NOUNS_BEFORE else None
    written = _ARTICLE.sub("", said.strip())
    run = written.split()
    last = _bare(run[-1]) if run else ""
    if (
        len(run) > len(words)
        and (last in ORG_SUFFIXES or last.removesuffix("s") in ORG_SUFFIXES)
        and all(w[:1].isupper() or _bare(w) in _FUNCTION for w in run)
    ):
        return written  # "Governor's Office of Emergency Services": the whole name
    if _bare(words[-1]) in ORG_SUFFIXES:
        return name
    if (lead and lead[-1] in ORG_NOUNS_BEFORE) or _org_context(text, name):
        return name
    if len(words) == 1 and _bare(name) in PLACES and not is_given_name(name):
        return name  # "China said": its government
    if len(words) == 2 and (_bare(words[0]), _bare(words[1])) in PLACE_PAIRS:
        return name
    return None


def _settled(text: str, q: Quotation) -> tuple[str | None, SpeakerKind]:
    name, kind = q.speaker, q.speaker_kind
    if name is None:
        return name, kind
    if kind in (SpeakerKind.PERSON, SpeakerKind.UNNAMED) and _fragment(name):
        return None, SpeakerKind.UNKNOWN
    if _bare(name.split()[-1]) in ("the", "a", "an") and " " in name:
        return None, SpeakerKind.UNKNOWN  # "FEUDS The": a headline's words
    last = name.split()[-1]
    if kind is SpeakerKind.UNNAMED and len(name.split()) > 2 and re.fullmatch(r"[a-z]+ed", last):
        name = name.rsplit(" ", 1)[0]  # "the letter signed": the letter
    if kind is SpeakerKind.UNNAMED:
        name = _noun_last(name)  # "The company flat-out": the company
    if kind is SpeakerKind.ORGANIZATION and not any(c.isupper() for c in name):
        return _description(q), SpeakerKind.UNNAMED
    if kind is SpeakerKind.ORGANIZATION and (whole := _org_written(text, q, name)) != name:
        return whole, kind  # "Centre" of "the Centre for Economic Research"
    if kind is SpeakerKind.ORGANIZATION and (spelt := _spelt_org(text, name)):
        return spelt, kind  # "CBP" -> "Customs and Border Protection"
    lead, _, rest = name.partition(" ")
    if kind is SpeakerKind.ORGANIZATION and lead in ORG_NOUNS_BEFORE and rest[:1].isupper():
        return rest, kind  # "journal Acta Medica": the journal's name
    if kind is SpeakerKind.UNNAMED and (fuller := _group_description(text, name)):
        return fuller, kind
    if kind is SpeakerKind.UNNAMED and (group := _members_of(text, name)):
        return group, SpeakerKind.ORGANIZATION
    if kind is SpeakerKind.UNNAMED and (placed := _placed_source(text, name)):
        return placed, kind
    if kind is SpeakerKind.UNNAMED and (introduced := introducing_description(text, name)):
        return introduced, kind  # "the patient" of "a 43-year-old man"
    if kind is SpeakerKind.UNNAMED and name.casefold() in GROUP_NOUNS:
        return name.casefold(), kind  # "Teachers chanted": teachers, not a name
    if kind is not SpeakerKind.PERSON:
        return name, kind
    name = _common_lead(text, _without_shouting(name))
    parsed = parse_name(name)
    shown = parsed.display if parsed is not None else name  # the label the store keeps
    if _common_word_name(text, shown):
        return None, SpeakerKind.UNKNOWN  # "Subsoil Water": words of a title, no one's name
    if _acronym(name.split()[-1]) and all(
        _bare(w) in DEMONYMS or _bare(w) in PLACES for w in name.split()[:-1]
    ):
        spelt = _spelt_org(text, name)
        return spelt or name, SpeakerKind.ORGANIZATION  # "DEA", "Chinese CDC": initials
    if _initials_lead(name):
        return name, SpeakerKind.ORGANIZATION  # "PFF CLE Browns": an account, a team
    if " " not in name:
        bare = _bare(name)
        if bare in ROLE_HEADS or bare in OCCUPATIONS or bare in DEMONYMS or bare in NOT_NAMES:
            return None, SpeakerKind.UNKNOWN  # "Democratic", "American": not anyone's name
        if not named_mid_sentence(text, name):
            return None, SpeakerKind.UNKNOWN  # "Quando": capitalised only where sentences start
        full = fuller_name(text, name)
        if full is None and _written_low(text, name) and not _titled(text, name):
            return None, SpeakerKind.UNKNOWN  # "Water": a common word, capitalised here
        name = full if full is not None and not _place_led(full, name) else name
    if " " not in shown and mostly_given(shown) and full_of(text, shown) is None:
        regnal = _regnal_name(text, shown)  # "Andrew" is "Prince Andrew", or no one named
        return (regnal, kind) if regnal else (None, SpeakerKind.UNKNOWN)
    org = _organisation_name(text, q, name) or _office(q, name)
    return (_org_written(text, q, org), SpeakerKind.ORGANIZATION) if org else (name, kind)


_TITLE_BEFORE = re.compile(r"([A-Z][a-z]+)\.?[^\S\n]+$")


def full_of(text: str, word: str) -> str | None:
    """The full name the text gives a one-word name, or the word itself when the text
    writes a title before it ("Mr. Kelly": a surname, though a first name too)."""
    return fuller_name(text, word) or (word if _titled(text, word) else None)


def _titled(text: str, word: str) -> bool:
    """Whether the text writes a title or honorific before the word ("Mr. Cruz", "Sen.
    Cruz"): a surname then, though it may be a first name too."""
    titles = NAME_TITLES | HONORIFICS | ROLE_HEADS
    for start in _word_at(text, word):
        m = _TITLE_BEFORE.search(text, max(0, start - 16), start)
        if m and _bare(m[1]) in titles and _bare(m[1]) not in REGNAL_TITLES:
            return True
    return False


def _regnal_name(text: str, word: str) -> str | None:
    """The one title-and-name the text gives a first name ("Prince Andrew" for Andrew)."""
    found = set()
    for start in _word_at(text, word):
        m = _TITLE_BEFORE.search(text, max(0, start - 16), start)
        if m and _bare(m[1]) in REGNAL_TITLES:
            found.add(f"{m[1]} {word}")
    return found.pop() if len(found) == 1 else None


_SOURCE_NOUNS = PERSON_NOUNS | ORG_HEADS | GROUP_NOUNS | ROLE_NOUNS | DOCUMENT_NOUNS | OCCUPATIONS


def _noun_last(name: str) -> str:
    """A description ending on its noun: a lowercase word after the last known noun that is
    no noun itself is the clause's ("The company flat-out" -> "The company")."""
    words = name.split()
    if len(words) < 3 or not words[-1][:1].islower() or _bare(words[-1]) in _SOURCE_NOUNS:
        return name
    nouns = [i for i, w in enumerate(words[:-1]) if i > 0 and _bare(w) in _SOURCE_NOUNS]
    return " ".join(words[: nouns[-1] + 1]) if nouns else name


def _initials_lead(name: str) -> bool:
    """Initials of three letters or more beside written words ("CLE Browns"): people's
    names carry initials of one or two ("TJ Watt"), shouting writes every word in capitals."""
    words = name.split()
    return (
        len(words) > 1
        and any(
            len(w) >= 3 and _acronym(w) and not is_given_name(w) and _bare(w) not in SUFFIXES
            for w in words
        )
        and not all(w.isupper() for w in words)
    )


def _common_word_name(text: str, name: str) -> bool:
    """A "name" without a first name whose last word the text writes as a common word
    (lower case, mid-sentence): the words of a title or a law, not a person."""
    words = name.split()
    if len(words) < 2 or any(is_given_name(w) for w in words) or not words[-1].isalpha():
        return False
    return _bare(words[-1]) not in ORG_SUFFIXES and _written_low(text, words[-1])


def _common_lead(text: str, name: str) -> str:
    """A name without the headline words run into it that the text writes as common words
    ("Dropped Out Ann Fox"): what stands before the first name goes."""
    words = name.split()
    first = next((i for i, w in enumerate(words) if is_given_name(w)), 0)
    if 0 < first < len(words) - 1 and all(_written_low(text, w) for w in words[:first]):
        return " ".join(words[first:])
    return name


def _written_low(text: str, word: str) -> bool:
    """Whether the text also writes a capitalised word in lower case ("water")."""
    low = word.lower()
    return low != word and next(_word_at(text, low), None) is not None


def _office(q: Quotation, name: str) -> str | None:
    """A title with no one's name after it ("the Northland High Commissioner"): the office
    speaks, under the whole title the text writes."""
    if not _is_role_word(name.split()[-1]) or is_given_name(name.split()[0]):
        return None
    said = q.mention.text if q.mention is not None else name
    written = _ARTICLE.sub("", said.strip())
    return written if written.endswith(name) and written[:1].isupper() else name


def _without_shouting(name: str) -> str:
    """A name without a banner run into it ("DON'T MISS Ann Fox"): common words written
    in capitals before the name; initials ("NASA", "TJ") stay."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and _banner_word(words[cut]):
        cut += 1
    return " ".join(words[cut:]) if cut else name


def _banner_word(word: str) -> bool:
    bare = _bare(word)
    common = bare in NOT_NAMES or bare in NAME_TITLES or bare in HONORIFICS or "’" in word
    return len(word) >= 3 and word.upper() == word and (common or "'" in word)


def _place_led(full: str, word: str) -> bool:
    """A place's name run into the next capitalised word ("China Mobile" for China)."""
    return full.split()[0] == word and _bare(word) in PLACES and not is_given_name(word)


def settle_names(text: str, quotations: list[Quotation]) -> list[Quotation]:
    """Speakers as the whole text names them: a one-word name completed when the text
    gives one person that word, words never written as a name dropped, organisations
    written as common nouns kept as descriptions."""
    memo: dict[tuple[str, SpeakerKind], tuple[str | None, SpeakerKind]] = {}
    out: list[Quotation] = []
    for q in quotations:
        if q.speaker is None:
            out.append(q)
            continue
        key = (q.speaker, q.speaker_kind)
        if key not in memo:
            memo[key] = _settled(text, q)
        name, kind = memo[key]
        if (name, kind) == key:
            out.append(q)
        elif name is None:
            out.append(
                replace(q, speaker=None, speaker_kind=kind, aliases=(), confidence=q.confidence / 2)
            )
        else:
            aliases = tuple(a for a in dict.fromkeys((q.speaker, *q.aliases)) if a != name)
            out.append(replace(q, speaker=name, speaker_kind=kind, aliases=aliases))
    return out
