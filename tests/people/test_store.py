"""Speakers, roles and clusters in the database, from constructed quotations (both backends)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.api import Database
from quotedb.core.types import Cue, Mention, Quotation, SpeakerKind
from quotedb.db.models import Quotation as Row
from quotedb.db.models import Role, Speaker
from quotedb.read.people import quotation_view, resolution
from quotedb.read.speakers import matching_speaker_ids
from quotedb.store.articles import add_article
from quotedb.store.batch import writing
from quotedb.store.prepare import NewArticle


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    with Database(db_url) as db:
        yield db


def article(session: Session, text: str, *quotes: tuple[str, str], day: str = "2022-01-21") -> None:
    """Store ``text`` with one quotation per (quoted words, speaker name as the text gives it)."""
    found = []
    for words, speaker in quotes:
        start = text.index(words)
        m = text.index(speaker, start)
        found.append(
            Quotation(
                start,
                start + len(words),
                words,
                speaker=speaker,
                speaker_kind=SpeakerKind.PERSON,
                mention=Mention(m, m + len(speaker), speaker),
                confidence=0.9,
            )
        )
    store(session, text, f"{len(text)}-{hash(text)}.txt", found, day)


def store(
    session: Session, text: str, source: str, found: list[Quotation], day: str | None = None
) -> None:
    """One article stored in a write batch of its own, as a writer stores it."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    with writing(session) as batch:
        add_article(batch, NewArticle(text, digest, source, published=day), found)


def names(session: Session) -> list[str]:
    return sorted(session.scalars(select(Speaker.name)))


def test_one_person_many_names(database: Database) -> None:
    with database.session() as s:
        article(
            s,
            "“We talked,” Foreign Minister Sergey V. Lavrov said.",
            ("We talked,", "Foreign Minister Sergey V. Lavrov"),
        )
    with database.session() as s:
        article(s, "“We listened,” Sergei Lavrov said.", ("We listened,", "Sergei Lavrov"))
    with database.session() as s:
        article(s, "“We left,” Mr. Lavrov said.", ("We left,", "Mr. Lavrov"))
    with database.session() as s:
        assert names(s) == ["Sergey V. Lavrov"]
        ids = {
            tuple(matching_speaker_ids(s, n))
            for n in ("sergey lavrov", "Sergei Lavrov", "Mr. Lavrov", "LAVROV")
        }
        assert len(ids) == 1 and len(next(iter(ids))) == 1
        roles = list(s.scalars(select(Role)))
        assert [(r.role, r.article_id is not None) for r in roles] == [("Foreign Minister", True)]


def test_never_merged(database: Database) -> None:
    with database.session() as s:
        article(
            s,
            "“Hello,” Donald Trump said. “Bye,” Donald Trump Jr. said.",
            ("Hello,", "Donald Trump"),
            ("Bye,", "Donald Trump Jr."),
        )
    with database.session() as s:
        article(s, "“Yes,” Bill Clinton said.", ("Yes,", "Bill Clinton"))
    with database.session() as s:
        article(s, "“No,” Hillary Clinton said.", ("No,", "Hillary Clinton"))
    with database.session() as s:
        article(s, "“Maybe,” Clinton said.", ("Maybe,", "Clinton"))
    with database.session() as s:
        assert names(s) == [
            "Bill Clinton",
            "Clinton",
            "Donald Trump",
            "Donald Trump Jr.",
            "Hillary Clinton",
        ]
        assert len(matching_speaker_ids(s, "Donald Trump")) == 1
        assert len(matching_speaker_ids(s, "Clinton")) == 3


def test_misspelt_surname_joins_its_person(database: Database) -> None:
    with database.session() as s:
        article(s, "“Frank talks,” Antony J. Blinken said.", ("Frank talks,", "Antony J. Blinken"))
    with database.session() as s:
        article(s, "“Good talks,” Antony Blinke said.", ("Good talks,", "Antony Blinke"))
    with database.session() as s:
        assert names(s) == ["Antony J. Blinken"]


def test_same_statement_one_cluster(database: Database) -> None:
    words = "We will respond next week in writing to all of the proposals"
    with database.session() as s:
        article(s, f"“{words},” Jen Psaki said.", (words + ",", "Jen Psaki"))
    with database.session() as s:
        article(
            s,
            f"“{words}.” Jen Psaki said. “Other things entirely here,” Jen Psaki said.",
            (words + ".", "Jen Psaki"),
            ("Other things entirely here,", "Jen Psaki"),
        )
    with database.session() as s:
        rows = list(s.scalars(select(Row).order_by(Row.id)))
        assert rows[0].cluster_id is not None and rows[0].cluster_id == rows[1].cluster_id
        assert rows[2].cluster_id is None
        assert rows[0].cluster is not None and rows[0].cluster.speaker_id == rows[0].speaker_id


def test_statement_and_its_parts_one_cluster_for_a_stored_speaker(database: Database) -> None:
    """Loading a known speaker's quotations reads the new article's rows too: clustering
    links the pool's objects for them, not copies left behind (the parts once split)."""
    with database.session() as s:
        article(s, "“Hello there,” Jane Doe said.", ("Hello there,", "Jane Doe"))
    long = (
        "the others went after him personally, just in the gutter, and it hurt them. So it was "
        "a more Rubio-style debate. And I thought he did well, because it was a substantive "
        "debate. It was more uplifting. And he did well, but not well enough"
    )
    parts = [
        "In the gutter.",
        "more Rubio-style",
        "did well, because it was a substantive debate. It was more uplifting",
        "personally, just in the gutter",
        long,
    ]
    with database.session() as s:
        text = " ".join(f"“{q}” Jane Doe said." for q in parts)
        article(s, text, *[(q, "Jane Doe") for q in parts])
    with database.session() as s:
        rows = list(s.scalars(select(Row).where(Row.text != "Hello there,")))
        assert len(rows) == 5 and len({r.cluster_id for r in rows}) == 1
        assert rows[0].cluster_id is not None


def test_pronoun_resolution_is_explained(database: Database) -> None:
    text = "Foreign Minister Sergey Lavrov spoke late.\n“We will see,” he said."
    named = Mention(0, 30, "Foreign Minister Sergey Lavrov")
    he = text.index("he said")
    start = text.index("We will")
    q = Quotation(
        start, start + 12, "We will see,", speaker="Sergey Lavrov",
        speaker_kind=SpeakerKind.PERSON, mention=Mention(he, he + 2, "he", antecedent=named),
        cue=Cue(he + 3, he + 7, "said"), confidence=0.8, evidence="pronoun",
    )  # fmt: skip
    with database.session() as s:
        store(s, text, "he.txt", [q])
    with database.session() as s:
        row = s.scalars(select(Row)).one()
        view = quotation_view(s, row.id)
        assert view.paragraph == "“We will see,” he said."
        assert resolution(row) == (
            '"he" -> Sergey Lavrov, first named as "Foreign Minister Sergey Lavrov"'
        )
        assert [r.role for r in s.scalars(select(Role))] == ["Foreign Minister"]


def test_bare_surname_resolved_by_its_article(database: Database) -> None:
    with database.session() as s:
        article(s, "“Yes,” Bill Clinton said.", ("Yes,", "Bill Clinton"))
    with database.session() as s:
        text = "“No,” Hillary Clinton said. “Never,” Clinton said."
        article(s, text, ("No,", "Hillary Clinton"), ("Never,", "Clinton"))
    with database.session() as s:
        rows = {r.text: r.speaker.name for r in s.scalars(select(Row)) if r.speaker}
        assert rows == {
            "Yes,": "Bill Clinton",
            "No,": "Hillary Clinton",
            "Never,": "Hillary Clinton",
        }


def test_unattributed_quotation_bridges_no_speakers(database: Database) -> None:
    words = "We will not allow that man to become president of the United States"
    with database.session() as s:
        article(s, f"“{words},” Bernie Sanders said.", (words + ",", "Bernie Sanders"))
    with database.session() as s:
        text = f"“{words}.”"
        q = Quotation(1, 1 + len(words) + 1, words + ".", confidence=0.1)
        store(s, text, "anon.txt", [q], "2022-01-21")
    with database.session() as s:
        article(s, f"“{words}!” John Kasich said.", (words + "!", "John Kasich"))
    with database.session() as s:
        rows = {r.text[-1]: r for r in s.scalars(select(Row))}
        assert rows[","].cluster_id is not None and rows[","].cluster_id == rows["."].cluster_id
        assert rows["!"].cluster_id != rows[","].cluster_id
