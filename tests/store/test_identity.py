"""Quotation ids outlive reextract and re-ingest; ids that vanish are reported, never reused."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.core import Quotation, extract
from quotedb.store import identity, reextract


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def quotes(runner: CliRunner) -> dict[tuple[str, int, int], dict[str, Any]]:
    rows = json.loads(run(runner, "quotes", "--limit", "0", "--format", "json"))
    return {(r["file"], r["start"], r["end"]): r for r in rows}


def q(start: int, end: int, text: str) -> Quotation:
    return Quotation(start, end, text)


def test_match_by_span_then_text_then_overlap() -> None:
    old = [
        identity.Known(1, 0, 10, "a" * 10),
        identity.Known(2, 20, 30, "same words"),
        identity.Known(3, 40, 60, "b" * 20),
        identity.Known(4, 70, 80, "gone"),
    ]
    new = [q(0, 10, "x" * 10), q(25, 35, "same words"), q(42, 60, "b" * 18), q(90, 99, "new")]
    assert identity.match(old, new) == {0: 1, 1: 2, 2: 3}
    assert identity.match(old[:1], [q(0, 10, "x"), q(0, 10, "x")]) == {0: 1}  # one id, once
    assert identity.match(old[:1], [q(8, 30, "y")]) == {}  # 2 of 10 code points: another


def test_seeds_keep_ids_merge_and_rename(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    """The issue's check: ingest, merge, rename, reextract, re-ingest."""
    run(runner, "ingest", str(seeds_dir))
    run(runner, "correct", "merge", "Sergey Lavrov", "Russian Foreign Ministry")
    run(runner, "correct", "rename", "Joe Biden", "President Joe Biden")
    before = quotes(runner)
    run(runner, "reextract")
    run(runner, "ingest", str(seeds_dir))
    after = quotes(runner)
    assert {k: r["id"] for k, r in after.items()} == {k: r["id"] for k, r in before.items()}
    assert {k: r["speaker"] for k, r in after.items()} == {
        k: r["speaker"] for k, r in before.items()
    }
    speakers = {r["speaker"] for r in after.values()}
    assert "Russian Foreign Ministry" not in speakers and "Sergey Lavrov" in speakers
    assert "President Joe Biden" in speakers and "Joe Biden" not in speakers


def drop_last(monkeypatch: pytest.MonkeyPatch, shift: bool = False) -> None:
    """Re-extraction loses each article's last quotation (and moves the first one's start)."""

    def fewer(text: str) -> list[Quotation]:
        found = extract(text)[:-1]
        if shift and found and found[0].end - found[0].start > 4:
            first = found[0]
            found[0] = dataclasses.replace(
                first, start=first.start + 1, text=text[first.start + 1 : first.end]
            )
        return found

    monkeypatch.setattr(reextract, "extract", fewer)


def test_vanished_ids_reported_retired_and_given_back(
    runner: CliRunner, env_db: str, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(runner, "ingest", str(seeds_dir))
    before = quotes(runner)
    with monkeypatch.context() as m:
        drop_last(m, shift=True)
        result = runner.invoke(app, ["reextract"])
    assert result.exit_code == 0, result.output
    middle = quotes(runner)
    gone = {r["id"] for k, r in before.items()} - {r["id"] for r in middle.values()}
    assert len(gone) == 5 and max(r["id"] for r in before.values()) in gone
    assert f"{len(gone)} vanished (ids {', '.join(map(str, sorted(gone)))})" in result.stderr
    assert len(middle) == len(before) - 5  # the moved spans kept their ids
    assert {r["id"] for r in middle.values()} <= {r["id"] for r in before.values()}

    extra = seeds_dir.parent / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text(
        "“The bridge opens in May,” Mayor Ilse Brandauer said on Monday.\n", encoding="utf-8"
    )
    run(runner, "ingest", str(extra))
    newest = [r["id"] for k, r in quotes(runner).items() if k[0].startswith("new")]
    assert newest and not set(newest) & gone  # a retired id is never given to another

    run(runner, "reextract")  # the extractor finds them again: their ids come back
    again = {k: r for k, r in quotes(runner).items() if not k[0].startswith("new")}
    assert {k: r["id"] for k, r in again.items()} == {k: r["id"] for k, r in before.items()}
    check = runner.invoke(app, ["db", "check"])
    assert check.exit_code == 0, check.output
