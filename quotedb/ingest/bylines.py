"""Bylines as printed or tagged, cleaned into the people (or the group) who wrote the article.

Pages put far more than names into their author fields: "By", roles ("Staff Writer"), dates,
sentences ("... is a reporter"), the publisher's company, photo credits, credentials and the
wire agency. The word lists live in ``data/bylines.json`` so they can grow without code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Words:
    """The byline word lists, read once when the module is imported."""

    prefixes: tuple[str, ...]  # longest first
    joiners: frozenset[str]
    roles: frozenset[str]
    qualifiers: frozenset[str]
    placeholders: frozenset[str]
    credentials: frozenset[str]
    agencies: frozenset[str]
    companies: frozenset[str]
    photo: frozenset[str]
    sentence_verbs: frozenset[str]
    hosting: frozenset[str]
    particles: frozenset[str]
    months: frozenset[str]


def _load() -> Words:
    raw = json.loads(resources.files("quotedb.ingest").joinpath("data/bylines.json").read_text())
    sets = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    return Words(
        prefixes=tuple(sorted(raw["prefixes"], key=len, reverse=True)),
        **{k: v for k, v in sets.items() if k != "prefixes"},
    )


WORDS = _load()
# A token with an @ is matched from its first character only ((?<!\S)): tried at every
# character of a long token without one, \S+@ would scan the rest of it each time.
_EMAIL = re.compile(r"(?<!\S)\S+@\S+|https?://\S+|www\.\S+|(?<!\w)@\w+")
_SPLIT = re.compile(r"\s*(?:[;|/•·()\[\]\n]|,|\s[-–—]\s|:\s)\s*")
_NAME_CHARS = re.compile(r"^[\w .'’-]+$")
_DATE_START = re.compile(r"\b\d{4}-\d\d-\d\d|\b(?:19|20)\d\d\b")
_TOKEN_EDGE = ".,:;!?\"'“”‘’()[]"


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline says: the authors, and the agency a name was credited with."""

    authors: list[str]
    agency: str | None = None


def fold(text: str) -> str:
    """Case, accents and punctuation folded: names compare by their words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text.casefold()))


def clean_bylines(
    raws: Iterable[str], outlet: str | None = None, organisations: Iterable[str] = ()
) -> Byline:
    """Authors from raw byline strings, in order, without junk or duplicates.

    ``organisations`` are authors the page types as organisations. An organisation is kept
    only when no person is named and it is not the outlet itself (an agency-only byline
    credits the agency)."""
    people: list[str] = []
    groups = [g for g in (" ".join(o.split()) for o in organisations) if _plausible_group(g)]
    agency: str | None = None
    for raw in raws:
        if any(_bare(t) in WORDS.photo for t in raw.split()):
            continue  # a photo credit, not a byline
        for part in _parts(raw):
            name, found_agency = _name(part)
            agency = agency or found_agency
            if name is None:
                continue
            (groups if _is_group(name) else people).append(name)
    people = [_without_outlet(p, outlet) for p in people if not _same_outlet(p, outlet)]
    chosen = people or [g for g in groups if not _same_outlet(g, outlet)]
    return Byline(_unique(chosen), agency)


def split_names(value: str) -> list[str]:
    """A plain list of names given as one string: "A, B and C", "A; B", "A & B"."""
    names: list[str] = []
    for part in re.split(r"\s*[;,]\s*", value):
        names.extend(_split_joiners(part))
    return [n for n in (n.strip() for n in names) if n]


def _parts(raw: str) -> list[str]:
    text = " ".join(_EMAIL.sub(" ", raw).split())  # one space: _SPLIT is quadratic in runs
    if date := _DATE_START.search(text):
        text = text[: date.end()]  # what follows a byline's date is not the byline
    parts: list[str] = []
    for piece in _SPLIT.split(text):
        parts.extend(_split_joiners(piece))
    return [p for p in parts if p]


def _split_joiners(piece: str) -> list[str]:
    out: list[list[str]] = [[]]
    for token in piece.split():
        if token in WORDS.joiners:  # lowercase joiners only: "Y" may be an initial
            out.append([])
        else:
            out[-1].append(token)
    return [" ".join(t) for t in out if t]


def _name(part: str) -> tuple[str | None, str | None]:
    """The person or group one byline part names, and an agency credited in it."""
    tokens = _strip_prefix(part.split())
    tokens, had_role = _cut(tokens)
    tokens, agency = _strip_agency(tokens)
    trailing = WORDS.credentials | WORDS.qualifiers if had_role else WORDS.credentials
    while tokens and _bare(tokens[-1]) in trailing:
        tokens = tokens[:-1]
    if had_role and (len(tokens) < 2 or _is_acronym(tokens[0])):
        return None, agency  # "CNN Editor-at-large", "AP Sports Writer": a role, no name
    name = _case(" ".join(tokens).strip(_TOKEN_EDGE + " -"))
    if not _plausible(name):
        return None, agency
    return name, agency


def _strip_prefix(tokens: list[str]) -> list[str]:
    lowered = [t.lower().rstrip(":") for t in tokens]
    for prefix in WORDS.prefixes:
        words = prefix.split()
        if len(tokens) > len(words) and lowered[: len(words)] == words:
            return tokens[len(words) :]
    return tokens


def _cut(tokens: list[str]) -> tuple[list[str], bool]:
    """Tokens up to the first that cannot be part of a name (a role, a date, a verb)."""
    for i, token in enumerate(tokens):
        bare = _bare(token)
        if bare in WORDS.roles or bare.split("-")[0] in WORDS.roles:
            return tokens[:i], True
        if bare in WORDS.months or any(c.isdigit() for c in token):
            return tokens[:i], False
        if bare in WORDS.sentence_verbs and token.islower():
            return tokens[:i], False
        if token[:1].islower() and bare not in WORDS.particles:
            return tokens[:i], False
        if token.endswith(("'s", "’s")):
            return tokens[:i], False
    return tokens, False


def _strip_agency(tokens: list[str]) -> tuple[list[str], str | None]:
    """A name followed by its agency ("JANE ROE Associated Press"): the name, the agency."""
    for size in (4, 3, 2, 1):
        if len(tokens) >= size + 2 and fold(" ".join(tokens[-size:])) in WORDS.agencies:
            return tokens[:-size], _case(" ".join(tokens[-size:]), keep_acronyms=True)
    return tokens, None


def _is_acronym(token: str) -> bool:
    bare = token.strip(_TOKEN_EDGE)
    return (bare.isupper() and len(bare) <= 5) or bare.lower() in WORDS.agencies


def _bare(token: str) -> str:
    return token.strip(_TOKEN_EDGE).lower()


def _case(name: str, keep_acronyms: bool = False) -> str:
    """An all-capitals name in title case; a lone acronym ("AFP") stays as it is."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    if " " not in name and (keep_acronyms or len(letters) <= 6):
        return name
    return " ".join(w.capitalize() if len(w) > 1 else w for w in name.split())


_DETERMINERS = frozenset({"the", "a", "an"})  # no person's name starts with one


def _plausible(name: str) -> bool:
    tokens = name.split()
    if not tokens or len(tokens) > 5 or fold(name) in WORDS.placeholders | set(WORDS.prefixes):
        return False
    if not _NAME_CHARS.match(name):
        return False
    if not any(c.isalpha() for c in name) or _bare(tokens[-1]) in WORDS.companies:
        return False
    if _bare(tokens[0]) in _DETERMINERS:  # "The Russian …": a description, unless an agency
        return fold(name) in WORDS.agencies or fold(" ".join(tokens[1:])) in WORDS.agencies
    if len(tokens) == 1:  # one word: an acronym or a known agency, not "Berlin" or a brand
        return (name.isupper() and len(name) > 1) or fold(name) in WORDS.agencies
    return True


def _plausible_group(name: str) -> bool:
    return bool(name) and fold(name) not in WORDS.placeholders and len(name.split()) <= 6


def _is_group(name: str) -> bool:
    return " " not in name or fold(name) in WORDS.agencies


def _same_outlet(name: str, outlet: str | None) -> bool:
    if not outlet:
        return False
    a, b = (fold(x).removeprefix("the ").split() for x in (name, outlet))
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def _without_outlet(name: str, outlet: str | None) -> str:
    """A name without the outlet printed after it ("Jane Roe USA TODAY")."""
    tokens, words = name.split(), fold(outlet or "").split()
    if (
        words
        and len(tokens) > len(words) + 1
        and fold(" ".join(tokens[-len(words) :])) == " ".join(words)
    ):
        return " ".join(tokens[: -len(words)])
    return name


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out
