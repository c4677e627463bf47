"""``who``'s verdict and ``search --context`` on the seeds, on each backend; the ranking
that keeps fragments below whole statements; transliterated queries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.read.verdicts import (
    NONE,
    REWORDED,
    SIMILAR,
    VERBATIM,
    Thresholds,
    is_verbatim,
    thresholds,
    verdict,
)
from quotedb.read.who import significant_words, similarity

CASES = [
    pytest.param(
        "It's not covered by the Article Five commitment", None, VERBATIM, "Blinken",
        id="verbatim",
    ),
    pytest.param(
        "I can't tell if we are on the right track", None, REWORDED, "Lavrov", id="reworded"
    ),
    pytest.param("We will send American troops to Ukraine", None, NONE, None, id="made-up"),
    pytest.param(
        "The president will head to Camp David with his team", None, REWORDED, "Psaki",
        id="shortened",
    ),
    pytest.param("there is no trade space", "Blinken", VERBATIM, "Blinken", id="by-the-speaker"),
    pytest.param("frank and substantive", None, VERBATIM, "Blinken", id="a-whole-partial"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "quotation", "expected"),
    [
        pytest.param("we are", "I believe we are now on a clearer path", False, id="two-words"),
        pytest.param("dead end", "dead end.", True, id="the-whole-fragment"),
        pytest.param("clearer path in terms", "we are now on a clearer path in terms of", True,
                     id="a-run-of-words"),
        pytest.param("path clearer", "on a clearer path", False, id="out-of-order"),
    ],
)  # fmt: skip
def test_verbatim_means_the_words_in_order(query: str, quotation: str, expected: bool) -> None:
    assert is_verbatim(query, quotation) is expected


@pytest.mark.parametrize(("claim", "by", "expected", "speaker"), CASES)
def test_the_verdict(
    seeded: Database, claim: str, by: str | None, expected: str, speaker: str | None
) -> None:
    answer = seeded.attest(claim, by=by)
    assert answer.verdict == expected, answer.message
    said = answer.said_by
    assert (said is None) == (speaker is None)
    assert said is None or speaker in str(said.speaker)


def test_someone_else_said_it(seeded: Database) -> None:
    answer = seeded.attest("It's not covered by the Article Five commitment", by="Psaki")
    assert answer.verdict == NONE and answer.said_by is None
    assert answer.elsewhere is not None and "Blinken" in str(answer.elsewhere.speaker)
    assert "Antony Blinken said it (verbatim)" in answer.message
    assert seeded.attest("We will send American troops to Ukraine", by="Psaki").elsewhere is None


def test_who_says_the_verdict_first(runner: CliRunner, env_db: str, seeds_dir: str) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    shown = runner.invoke(app, ["who", "We will send American troops to Ukraine"])
    assert shown.exit_code == 0 and shown.stdout.startswith("no attested statement\n")
    other = runner.invoke(
        app, ["who", "It's not covered by the Article Five commitment", "--by", "Psaki"]
    )
    assert "Blinken said it" in other.stdout
    lines = runner.invoke(app, ["who", "right track", "--limit", "3"], env={"COLUMNS": "80"})
    assert len(lines.stdout.splitlines()) == 1 + 2 * 3, "two lines a candidate"
    assert all(len(line) <= 80 for line in lines.stdout.splitlines())


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        pytest.param(90.0, REWORDED, id="close"),
        pytest.param(55.0, SIMILAR, id="between"),
        pytest.param(20.0, NONE, id="far"),
    ],
)
def test_thresholds_decide_between_the_verdicts(score: float, expected: str) -> None:
    limits = Thresholds(reworded=60.0, similar=50.0)
    assert verdict("a remembered claim", "other words entirely", score, limits) == expected


def test_the_shipped_thresholds_are_ordered() -> None:
    limits = thresholds()
    assert 0 < limits.similar <= limits.reworded < 100


WORDS = st.text(alphabet="abcdefghijklmnop", min_size=3, max_size=8)


@given(st.lists(WORDS, min_size=4, max_size=12, unique=True), st.data())
def test_a_fragment_never_outranks_the_whole_statement(
    words: list[str], data: st.DataObject
) -> None:
    statement = " ".join(words)
    fragment = data.draw(st.sampled_from(words))
    assert similarity(statement, fragment) < similarity(statement, statement)


def test_another_script_is_transliterated() -> None:
    assert significant_words("НАТО и Лавров") == ["nato", "lavrov"]
    assert similarity("Лавров", "Lavrov") == 100.0


def test_search_in_the_paragraph(seeded: Database) -> None:
    assert seeded.search("NATO", by="Lavrov") == [], "NATO is not in his words"
    hits = seeded.search("NATO", by="Lavrov", context=True)
    assert hits and all("Lavrov" in str(h.speaker) for h in hits)
    assert all(h.context and "**NATO" in h.context for h in hits)
    with seeded.session() as s:
        from quotedb.db.models import Quotation

        for h in hits:
            paragraph = s.get_one(Quotation, h.id).context
            assert paragraph is not None and "NATO" in paragraph and h.text in paragraph
    wider = seeded.search("NATO", context=True, limit=None)
    assert len(wider) > len(hits) and {h.id for h in hits} <= {h.id for h in wider}
