"""``api.extract_lines`` is ``quotedb extract --with-article`` run inside the caller's
process: the same records for the same lines, however they are cut into partitions."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotedb import api
from quotedb.cli.app import app

from .helpers import NOT_JSON, OWN


def lines_of(count: int) -> list[str]:
    """``count`` short articles, each its own speaker and statement."""
    return [
        json.dumps({"file": f"a{n}.txt", "text": f"Item {n}\n\n“Done by {n},” Jane Doe{n} said.\n"})
        for n in range(count)
    ]


def records(lines: list[str]) -> list[Any]:
    return [r if isinstance(r, dict) else r.reason for r in api.extract_lines(lines)]


def command_records(tmp_path: Path, lines: list[str]) -> list[Any]:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--with-article"])
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_same_records_as_the_command(tmp_path: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in OWN]
    assert records(lines) == command_records(tmp_path, lines) and len(lines) == 3


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param([NOT_JSON], ["partition:1: not a JSON object"], id="not-json"),
        pytest.param(["[1, 2]"], ["partition:1: not a JSON object"], id="not-an-object"),
        pytest.param(['{"title": "x"}'], ["partition:1:"], id="no-text"),
        pytest.param(["", "   ", NOT_JSON], ["partition:3:"], id="blank-lines-counted"),
    ],
)
def test_a_bad_line_is_a_failure_with_its_place(lines: list[str], expected: list[str]) -> None:
    got = records(lines)
    assert len(got) == len(expected)
    assert all(isinstance(g, str) and g.startswith(e) for g, e in zip(got, expected, strict=True))


def test_lines_past_one_run_keep_their_numbers_and_neighbours() -> None:
    """More lines than one worker task takes: the bad one's number counts across runs."""
    lines = lines_of(150)
    lines[99] = NOT_JSON
    got = records(lines)
    assert len(got) == 150 and got[99].startswith("partition:100:")
    assert [r["file"] for r in got if isinstance(r, dict)][98:100] == ["a98.txt", "a100.txt"]


def test_an_oversized_line_fails_alone() -> None:
    lines = lines_of(4)
    limit = len(lines[2].encode("utf-8"))
    lines[2] = lines[2].replace("Item 2", "Item 2 " + "é" * 10)  # longer in bytes than in chars
    got = [
        r if isinstance(r, dict) else r.reason for r in api.extract_lines(lines, max_bytes=limit)
    ]
    assert len(got) == 4 and "over the" in got[2] and got[2].startswith("partition:3:")
    assert [r["file"] for r in got if isinstance(r, dict)] == ["a0.txt", "a1.txt", "a3.txt"]


def test_bytes_and_strings_alike() -> None:
    lines = lines_of(3)
    assert records(lines) == [
        r if isinstance(r, dict) else r.reason
        for r in api.extract_lines([line.encode("utf-8") + b"\n" for line in lines])
    ]


def test_partition_rows_hold_a_record_or_a_failure() -> None:
    rows = list(api.extract_partition([*lines_of(2), NOT_JSON]))
    assert [r["failure"] is None for r in rows] == [True, True, False]
    assert [json.loads(r["record"] or "{}").get("file") for r in rows[:2]] == ["a0.txt", "a1.txt"]
    assert all((r["record"] is None) != (r["failure"] is None) for r in rows)


WHOLE = lines_of(12)
WHOLE_RECORDS = records(WHOLE)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(WHOLE)), max_size=4))
def test_any_cut_into_partitions_gives_the_same_records(cuts: list[int]) -> None:
    bounds = [0, *sorted(cuts), len(WHOLE)]
    parts = [WHOLE[a:b] for a, b in itertools.pairwise(bounds)]
    assert [r for part in parts for r in records(part)] == WHOLE_RECORDS
