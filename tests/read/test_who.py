"""``who``: paraphrased or translated quotations are traced back to their speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.errors import QueryError


def test_trade_space_is_blinken(seeded: Database) -> None:
    best = seeded.who("there is no trade space")[0]
    assert "Blinken" in str(best.speaker)
    assert "trade space" in best.text


def test_right_track_is_lavrov(seeded: Database) -> None:
    matches = seeded.who("I can't tell if we are on the right track")
    assert "Lavrov" in str(matches[0].speaker)
    sims = [m.similarity for m in matches]
    assert sims == sorted(sims, reverse=True) and 0 < sims[-1] <= sims[0] <= 100


def test_paraphrase_with_other_word_forms(seeded: Database) -> None:
    best = seeded.who("we didn't expect a breakthrough to happen")[0]
    assert "breakthroughs" in best.text


def test_limit_and_filters(seeded: Database) -> None:
    assert len(seeded.who("right path track", limit=2)) == 2
    by_blinken = seeded.who("we expected no breakthroughs", by="Blinken", limit=50)
    assert by_blinken and all("Blinken" in str(r.speaker) for r in by_blinken)


def test_only_stop_words_still_searches(seeded: Database) -> None:
    assert isinstance(seeded.who("we are on the"), list)


def test_nothing_to_look_for(seeded: Database) -> None:
    with pytest.raises(QueryError):
        seeded.who("“ — ”")


def test_who_cli_json(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    assert runner.invoke(app, ["ingest", str(seeds_dir)]).exit_code == 0
    result = runner.invoke(
        app, ["who", "there is no trade space", "--format", "json", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert 1 <= len(records) <= 3 and records[0]["verdict"] == "said (verbatim)"
    assert "said (verbatim) by Antony Blinken" in result.stderr
    assert "Blinken" in records[0]["speaker"] and records[0]["article"]["published"]
