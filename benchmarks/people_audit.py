"""Ingest a folder into a fresh database and flag speaker labels that look like no one's name.

    python benchmarks/people_audit.py FOLDER [--db URL] [--all]

The tests are general, never a list of known bad labels:

- ``common``: a one-word label, or a person's label without a first name, with a word the
  ingested texts write in lower case more often than capitalised mid-sentence ("Subsoil
  Water", "Centre"): a common word, not a name;
- ``lexicon``: a word of the label is a role, an occupation, a pronoun or a sentence word
  from ``quotedb.core.lexicon`` ("CEO", "Hosting", "flat-out", "When");
- ``lowercase``: a person's or organisation's label opening in lower case;
- ``digits``: a digit in a person's label;
- ``first-name``: a person labelled by one word that is a known first name ("Andrew");
- ``glued``: two words of a person's label written together ("NoemKristi");
- ``long``: a person's label of more than four words (a headline or a clause run in);
- ``surname``: a bare surname while a person with a full name of that surname is stored;
- ``repeated``: two speakers of one kind under one label.

Prints each flagged label with its tests and quotations, then one summary line:
speakers, flagged speakers, flagged quotations. ``--all`` lists every label.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from quotedb.api import Database
from quotedb.core import lexicon
from quotedb.core.names import _glue_points, parse_name, surname_key
from quotedb.core.namewords import is_given_name
from quotedb.db.models import Article
from quotedb.read.quotations import SpeakerCount

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SENTENCE_WORDS = (
    lexicon.NAME_PRONOUNS
    | lexicon.FRAGMENT_WORDS
    | lexicon.BREAKERS
    | lexicon.LEADING_SUBORDINATE
    | lexicon.CLAUSE_PREPOSITIONS
) - {"of", "de", "da", "van", "von", "la", "le", "del", "di", "and", "the"}
_ROLE_WORDS = lexicon.OCCUPATIONS | lexicon.ROLE_HEADS | lexicon.NOT_NAMES | lexicon.NAME_TITLES


def case_counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised after a sentence's
    first word (a capital a sentence start explains tells nothing)."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for text in texts:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z][a-z’'-]+)", text):
            word = m[1]
            (lower if word[0].islower() else upper)[word.casefold()] += 1
    return lower, upper


def tests(
    speaker: SpeakerCount,
    lower: Counter[str],
    upper: Counter[str],
    full_surnames: set[str],
) -> list[str]:
    """The tests a label fails (see the module docstring)."""
    label, kind = speaker.name, speaker.kind
    words = _WORD.findall(label)
    folded = [w.casefold().strip(".’'") for w in words]
    found: list[str] = []
    if kind in ("unnamed", "document"):  # descriptions, not names
        return ["lexicon"] if any(w in lexicon.NAME_PRONOUNS for w in folded) else []
    common_words = [w for w in folded if lower[w] > 2 * upper[w] + 2]
    named = any(is_given_name(w) for w in words)
    if common_words and (len(words) == 1 or (kind == "person" and not named)):
        found.append("common")
    given = len(words) > 1 and is_given_name(words[0])  # "Will Roe": a name, not a modal
    common = [w for i, w in enumerate(folded) if (w in _ROLE_WORDS or w in _SENTENCE_WORDS)]
    if kind == "person" and common and not (given and common == folded[:1]):
        found.append("lexicon")
    if label[:1].islower():
        found.append("lowercase")
    if kind == "person" and any(c.isdigit() for c in label):
        found.append("digits")
    if kind == "person" and len(words) == 1 and is_given_name(words[0]):
        found.append("first-name")
    if kind == "person" and any(_glue_points(w) for w in words):
        found.append("glued")
    if kind == "person" and len(words) > 4:
        found.append("long")
    parsed = parse_name(label) if kind == "person" else None
    if parsed is not None and parsed.given is None and surname_key(parsed) in full_surnames:
        found.append("surname")
    return found


def audit(db: Database, show_all: bool) -> tuple[int, int, int]:
    """Print the flagged labels; (speakers, flagged speakers, flagged quotations)."""
    people = db.people(limit=None)
    with db.session() as s:
        texts = list(s.scalars(select(Article.text)))
    lower, upper = case_counts(texts)
    full_surnames = {
        surname_key(p)
        for sp in people
        if sp.kind == "person" and (p := parse_name(sp.name)) is not None and p.given
    }
    labels = Counter((sp.name, sp.kind) for sp in people)
    flagged = quotations = 0
    for sp in people:
        found = tests(sp, lower, upper, full_surnames)
        if labels[(sp.name, sp.kind)] > 1:
            found.append("repeated")
        if found:
            flagged += 1
            quotations += sp.quotations
        if found or show_all:
            print(f"{sp.quotations:4}  {sp.kind:12}  {sp.name!r:45}  {' '.join(found)}")
    return len(people), flagged, quotations


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder")
    ap.add_argument("--db", help="a database URL (default: SQLite in a temporary folder)")
    ap.add_argument("--all", action="store_true", help="list every label, flagged or not")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.db or str(Path(tmp) / "audit.db"))
        report = db.ingest([args.folder])
        total, flagged, quotations = audit(db, args.all)
        db.close()
    print(f"{report.added} articles, {total} speakers: {flagged} flagged ({quotations} quotations)")


if __name__ == "__main__":
    main()
