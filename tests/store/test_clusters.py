"""Clustering at ingest: which stored rows a new quotation is compared with."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from quotedb.api import Database
from quotedb.core.types import Mention, Quotation, SpeakerKind
from quotedb.core.utterances import blocking_of
from quotedb.db.models import Quotation as Row
from quotedb.store import candidates, clusters
from quotedb.store.articles import add_article
from quotedb.store.batch import writing
from quotedb.store.candidates import Candidate, Index, Pool
from quotedb.store.prepare import NewArticle

WORDS = ["budget", "deficit", "taxes", "border", "wall", "jobs", "growth", "we", "will", "cut"]


def _pool(rows: list[Candidate]) -> Any:
    pool = Pool()
    index = pool.by_speaker[1] = Index()
    for row in rows:
        candidates._add(index, pool.known(row))
    return SimpleNamespace(pool=pool)


def _brute(r: Candidate, rows: list[Candidate]) -> list[Candidate]:
    """Every row sharing half the sparer's blocking words, weighed one by one."""
    mine = blocking_of(r.text)
    out = []
    for c in rows:
        other = blocking_of(c.text)
        shared = len(mine & other)
        if c.id != r.id and shared and 2 * shared >= min(len(mine), len(other)):
            out.append(c)
    return out


@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=12),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
)
def test_matching_finds_every_row_sharing_half_the_sparer_words(
    stored: list[list[str]], new: list[str]
) -> None:
    rows = [Candidate(k, " ".join(words), 1, k, None) for k, words in enumerate(stored)]
    r = Candidate(100, " ".join(new), 1, 100, None)
    batch = _pool(rows)
    found = clusters.sharing(batch, r, [1], [], set())
    assert [c.id for c in found] == [c.id for c in _brute(r, rows)]


SHARING = [
    pytest.param(
        ["wall", "wall jobs growth", "wall growth cut", "wall jobs cut"],
        "budget deficit taxes border wall",
        [0],
        id="sparer-row-found-through-a-common-word-of-its-head",
    ),
    pytest.param(
        ["deficit border taxes wall jobs cut", "wall"],
        "wall cut",
        [0, 1],
        id="wordier-row-found-through-a-word-outside-its-head",
    ),
    pytest.param(
        ["budget deficit taxes border wall jobs"],
        "budget cut",
        [0],
        id="half-of-the-sparer-is-enough",
    ),
    pytest.param(
        ["budget deficit taxes border"],
        "budget cut growth",
        [],
        id="one-word-of-three-is-not",
    ),
]


@pytest.mark.parametrize(("stored", "new", "expected"), SHARING)
def test_sharing(stored: list[str], new: str, expected: list[int]) -> None:
    rows = [Candidate(k, text, 1, k, None) for k, text in enumerate(stored)]
    r = Candidate(100, new, 1, 100, None)
    assert [c.id for c in clusters.sharing(_pool(rows), r, [1], [], set())] == expected


def _quote(text: str, words: str, speaker: str) -> Quotation:
    start, m = text.index(words), text.index(speaker)
    return Quotation(
        start,
        start + len(words),
        words,
        speaker=speaker,
        speaker_kind=SpeakerKind.PERSON,
        mention=Mention(m, m + len(speaker), speaker),
        confidence=0.9,
    )


def _store(database: Database, words: str) -> None:
    text = f"“{words}” Jane Doe said."
    digest = hashlib.sha256(text.encode()).hexdigest()
    with database.session() as s, writing(s) as batch:
        add_article(batch, NewArticle(text, digest, digest[:8]), [_quote(text, words, "Jane Doe")])


OLD = "We will cut the budget deficit in half within four years"
NEWER = "Our border policy has worked for every single family here"


@pytest.mark.parametrize(
    ("kept", "joined"),
    [
        pytest.param(2000, True, id="repeat-of-a-kept-statement-joins-it"),
        pytest.param(1, False, id="older-than-the-speakers-newest-rows-not-compared"),
    ],
)
def test_a_speakers_newest_rows_are_candidates(
    db_url: str, kept: int, joined: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles without a date: the speaker's rows are the only candidates."""
    monkeypatch.setattr(candidates, "MAX_PER_SPEAKER", kept)
    with Database(db_url) as database:
        for words in (OLD, NEWER, OLD + "."):
            _store(database, words)
        with database.session() as s:
            rows = list(s.scalars(select(Row).order_by(Row.id)))
    assert (rows[0].cluster_id is not None and rows[0].cluster_id == rows[2].cluster_id) is joined
