"""The same articles, in any order, give the same speakers (both backends).

A bare surname goes to the one named person who bears it, or stays a speaker of its own
while several do; an unnamed source is one article's unless described alike; an
organisation goes by its fullest name. Which article came first must not decide any of it.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

import pytest

from quotedb.api import Database

ARTICLES = {
    "cruz-named": (
        "Sen. Ted Cruz of Texas spoke to voters in Houston on Tuesday.\n\n"
        "“We will win this state and we will win it big,” Cruz said."
    ),
    "cruz-bare": "“The spending plan is dead on arrival in the Senate,” Mr. Cruz said on Monday.",
    "cruz-bare-again": "“We are ready for the vote whenever it comes,” Sen. Cruz said.",
    "cruz-wife": (
        "Heidi Cruz campaigned in Des Moines on Saturday.\n\n"
        "“He is a fighter and he never gives up,” Heidi Cruz said."
    ),
    "rubio-named": (
        "Marco Rubio of Florida met donors in Miami.\n\n"
        "“Our campaign has the momentum now,” Rubio said."
    ),
    "rubio-bare": "“I am not going anywhere until the end,” Rubio said in a radio interview.",
    "kasich-bare": "“We are going to keep going all the way,” Kasich said in Ohio on Friday.",
    "kasich-named": (
        "Gov. John Kasich held a town hall meeting in New Hampshire.\n\n"
        "“People want someone who gets things done,” Kasich said."
    ),
    "spokesperson-placed": (
        "A spokesperson for the Northland Foreign Office repeated the position.\n\n"
        "“We urge calm on all sides,” the spokesperson said."
    ),
    "spokesperson-bare": "“We have nothing to add at this stage,” the spokesperson said.",
    "agency-spelt": (
        "Agents of Harbour and Border Watch stopped the boat.\n\n"
        "“The crew was detained at sea without incident,” HBW said in a statement."
    ),
    "agency-initials": "“Two more boats were turned back overnight,” HBW said on Sunday.",
    "man-described": "A man waved from the balcony.\n\n“Get out of here now,” the man said.",
    "man-bare": "“Nobody warned us about the water,” Man said at the door.",
}

# The speakers the articles give, whatever their order: "Cruz" could be either Cruz.
EXPECTED = Counter(
    {
        "Ted Cruz": 1,
        "Heidi Cruz": 1,
        "Cruz": 2,
        "Marco Rubio": 2,
        "John Kasich": 2,
        "a spokesperson for the Northland Foreign Office": 1,
        "the spokesperson": 1,  # another article's: nobody says whose
        "Harbour and Border Watch": 2,
        "the man": 2,
    }
)


def _orders() -> list[list[str]]:
    names = sorted(ARTICLES)
    shuffled = [random.Random(seed).sample(names, len(names)) for seed in range(4)]
    return [names, names[::-1], *shuffled]


def speakers_after(db_url: str, folder: Path, order: list[str]) -> Counter[str]:
    """Each article ingested on its own, in this order: speakers and their quotations."""
    folder.mkdir()
    with Database(db_url) as db:
        for name in order:
            path = folder / f"{name}.txt"
            path.write_text(ARTICLES[name], encoding="utf-8")
            db.ingest([str(path)])
        return Counter({p.name: p.quotations for p in db.people()})


@pytest.mark.parametrize("order", _orders(), ids=[f"order-{i}" for i in range(6)])
def test_same_speakers_in_any_order(db_url: str, tmp_path: Path, order: list[str]) -> None:
    assert speakers_after(db_url, tmp_path / "in", order) == EXPECTED


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        pytest.param(
            ["cruz-bare", "cruz-named"], {"Ted Cruz": 2}, id="surname-first-joins-full-name"
        ),
        pytest.param(
            ["cruz-named", "cruz-bare", "cruz-wife"],
            {"Ted Cruz": 1, "Cruz": 1, "Heidi Cruz": 1},
            id="second-bearer-takes-the-surname-back",
        ),
        pytest.param(
            ["cruz-bare", "cruz-wife", "cruz-named"],
            {"Ted Cruz": 1, "Cruz": 1, "Heidi Cruz": 1},
            id="surname-given-to-the-first-bearer-then-back",
        ),
    ],
)
def test_bare_surname_follows_its_bearers(
    db_url: str, tmp_path: Path, articles: list[str], expected: dict[str, int]
) -> None:
    for i, order in enumerate(itertools.islice(itertools.permutations(articles), 3)):
        got = speakers_after(
            db_url if i == 0 else str(tmp_path / f"{i}.db"), tmp_path / str(i), list(order)
        )
        assert got == Counter(expected), order


@pytest.mark.parametrize("order", _orders()[:3], ids=[f"batch-order-{i}" for i in range(3)])
def test_same_speakers_ingested_in_one_batch(db_url: str, tmp_path: Path, order: list[str]) -> None:
    """One ingest of a folder: the articles share a transaction, and what it keeps in memory."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(order):
        (folder / f"{i:02}-{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    with Database(db_url) as db:
        db.ingest([str(folder)])
        assert Counter({p.name: p.quotations for p in db.people()}) == EXPECTED


# The surname's first bearer comes back in a later article of the same transaction after a
# second bearer arrived: that is no new person, so nothing is settled again (settling again
# would give the second bearer's bare "Marlow" quotations to a speaker "Marlow").
BEARER_RETURNS = {
    "1-mayor": (
        "Samuel Marlow, the mayor of Eastport, spoke on Monday about the campaign.\n\n"
        "“Ignorance makes both our cities less safe,” Marlow said."
    ),
    "2-mother": (
        "Greta Marlow stood beside her husband at the convention. “Vote for unity,” Marlow"
        " said. Their son, Captain Hugo Marlow, died abroad in 2004. “He does not know what"
        " the word sacrifice means,” Marlow said."
    ),
    "3-mayor-again": (
        "Samuel Marlow answered the candidate again on Tuesday.\n\n"
        "“We will not be divided,” Samuel Marlow said."
    ),
    "4-parents": (
        "Kurt Marlow and Greta Marlow spoke to reporters in Ridgeford.\n\n"
        "“Most people are against this kind of nonsense,” Greta Marlow said."
    ),
}


def attributions(db: Database) -> list[tuple[str, str | None]]:
    return sorted((q.text, q.speaker) for q in db.quotes(limit=None))


def test_one_transaction_gives_what_one_article_at_a_time_gives(
    db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in BEARER_RETURNS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    paths = sorted(str(p) for p in folder.iterdir())
    with Database(db_url) as db:
        db.ingest(paths)  # one transaction
        together = attributions(db)
    with Database(str(tmp_path / "apart.db")) as db:
        for path in paths:
            db.ingest([path])
        apart = attributions(db)
    assert together == apart
    assert [s for t, s in apart if "unity" in t or "sacrifice" in t] == ["Greta Marlow"] * 2
