"""Every kind of correction survives reextract and re-ingest, can be undone, and says clearly
when what it names is missing (both backends)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(runner: CliRunner, *args: str) -> Any:
    return json.loads(run(runner, *args, "--format", "json"))


def speakers(runner: CliRunner) -> dict[int, str | None]:
    return {r["id"]: r["speaker"] for r in as_json(runner, "quotes", "--limit", "0")}


def quote_id(runner: CliRunner, words: str) -> int:
    return next(r["id"] for r in as_json(runner, "quotes", "--limit", "0") if words in r["text"])


def profile(runner: CliRunner, name: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = as_json(runner, "person", name)
    return result


def new_article(seeds_dir: Path, name: str, text: str) -> Path:
    """A folder with one short article of our own, to ingest after a correction."""
    folder = seeds_dir.parent / name
    folder.mkdir()
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def again(runner: CliRunner, seeds_dir: Path) -> None:
    """Everything that could undo a correction: reextract, then re-ingest."""
    run(runner, "reextract")
    run(runner, "ingest", str(seeds_dir))


def last_correction(runner: CliRunner) -> int:
    listed = as_json(runner, "corrections")
    return int(listed[-1]["id"])


def test_reattribute(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    moved = quote_id(runner, "right path")
    before = speakers(runner)
    run(runner, "correct", "speaker", str(moved), "--to", "Vladimir Putin")
    again(runner, seeds_dir)
    assert speakers(runner) == {**before, moved: "Vladimir Putin"}
    run(runner, "correct", "undo", str(last_correction(runner)))
    assert speakers(runner) == before
    run(runner, "reextract")
    assert speakers(runner) == before


def test_not_quote(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    dropped = quote_id(runner, "test the West")
    before = speakers(runner)
    run(runner, "correct", "not-quote", str(dropped))
    again(runner, seeds_dir)
    after = speakers(runner)
    assert dropped not in after and after == {k: v for k, v in before.items() if k != dropped}
    result = runner.invoke(app, ["show", str(dropped)])
    assert result.exit_code == 1 and f"no quotation with id {dropped}" in result.stderr
    run(runner, "correct", "undo", str(last_correction(runner)))
    assert speakers(runner) == before  # back, with its id


def test_merge(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    ministry = profile(runner, "Russian Foreign Ministry")
    assert len(ministry) == 1
    run(runner, "correct", "merge", "Sergey Lavrov", "Russian Foreign Ministry")
    merged = speakers(runner)
    again(runner, seeds_dir)
    folder = new_article(
        seeds_dir, "later", "“Talks will go on,” the Russian Foreign Ministry said on Friday.\n"
    )
    run(runner, "ingest", str(folder))
    after = speakers(runner)
    assert {k: v for k, v in after.items() if k in merged} == merged
    assert "Russian Foreign Ministry" not in after.values()
    assert [v for k, v in after.items() if k not in merged] == ["Sergey Lavrov"]
    run(runner, "correct", "undo", str(last_correction(runner)))
    back = profile(runner, "Russian Foreign Ministry")
    assert [(p["id"], p["quotations"]) for p in back] == [
        (ministry[0]["id"], ministry[0]["quotations"] + 1)
    ]
    run(runner, "reextract")
    assert profile(runner, "Russian Foreign Ministry")[0]["id"] == ministry[0]["id"]


def test_split(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    run(runner, "correct", "merge", "Sam Charap", "António Guterres")
    run(runner, "correct", "split", "Sam Charap", "António Guterres")
    split = speakers(runner)
    assert list(split.values()).count("António Guterres") == 1
    again(runner, seeds_dir)
    folder = new_article(
        seeds_dir, "later", "“Peace needs patience,” António Guterres said in Geneva.\n"
    )
    run(runner, "ingest", str(folder))
    after = speakers(runner)
    assert {k: v for k, v in after.items() if k in split} == split
    assert [v for k, v in after.items() if k not in split] == ["António Guterres"]
    guterres, charap = profile(runner, "Guterres"), profile(runner, "Charap")
    assert len(guterres) == len(charap) == 1 and guterres[0]["id"] != charap[0]["id"]
    run(runner, "correct", "undo", str(last_correction(runner)))
    assert [p["name"] for p in profile(runner, "Charap")] == ["Sam Charap"]
    assert profile(runner, "Charap")[0]["quotations"] == 3


def test_split_never_leaves_one_label_twice(
    runner: CliRunner, env_db: str, seeds_dir: Path
) -> None:
    run(runner, "ingest", str(seeds_dir))
    run(runner, "correct", "merge", "Sam Charap", "António Guterres")
    run(runner, "correct", "split", "Sam Charap", "Sam Charap")  # the label itself split off
    people = as_json(runner, "people")
    labels = [p["name"] for p in people]
    assert len(labels) == len(set(labels))
    assert {"Sam Charap", "António Guterres"} <= set(labels)
    run(runner, "reextract")
    labels = [p["name"] for p in as_json(runner, "people")]
    assert len(labels) == len(set(labels)) and {"Sam Charap", "António Guterres"} <= set(labels)


def test_rename(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    run(runner, "correct", "rename", "Joe Biden", "President Joe Biden")
    again(runner, seeds_dir)
    folder = new_article(seeds_dir, "later", "“We will help,” Joe Biden said on Tuesday.\n")
    run(runner, "ingest", str(folder))
    assert [p["name"] for p in profile(runner, "Biden") if p["kind"] == "person"] == [
        "President Joe Biden"
    ]
    run(runner, "correct", "undo", str(last_correction(runner)))
    assert [p["name"] for p in profile(runner, "Biden") if p["kind"] == "person"] == ["Joe Biden"]


@pytest.mark.parametrize(
    "args",
    [
        ("correct", "speaker", "987654", "--to", "Vladimir Putin"),
        ("correct", "not-quote", "987654"),
        ("correct", "merge", "Sam Charap", "987654"),
        ("correct", "split", "987654", "Sam Charap"),
        ("correct", "rename", "987654", "Someone"),
        ("correct", "undo", "987654"),
    ],
)
def test_missing_ids_are_clear_errors(
    runner: CliRunner, env_db: str, seeds_dir: Path, args: tuple[str, ...]
) -> None:
    run(runner, "ingest", str(seeds_dir))
    result = runner.invoke(app, list(args))
    assert result.exit_code == 1 and result.exception is not None
    assert "987654" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
