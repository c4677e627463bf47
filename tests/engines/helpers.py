"""A small JSON Lines dataset, and what both engines must give: the database one process
ingesting the same articles makes."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from quotedb import api
from quotedb.cli.app import app

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

# Our own short articles: a speaker named in full in one shard and by surname in another,
# one statement reported twice (one cluster across shards), and a line that is not JSON.
OWN = [
    {
        "file": "ferry-1.txt",
        "title": "Ferry back at the harbour",
        "published": "2024-03-02",
        "text": "Ferry back at the harbour\n\n“We missed it every single day,” "
        "harbour master Ines Marlowe said on the quay.\n",
    },
    {
        "file": "ferry-2.txt",
        "published": "2024-03-03",
        "text": "Timetable changes\n\n“The first boat leaves at six,” Marlowe said.\n\n"
        "“We missed it every single day,” said Ines Marlowe, the harbour master.\n",
    },
    {
        "file": "council.txt",
        "text": "Council vote\n\n“It passed by one vote,” councillor Tomas Brenner "
        "told reporters.\n",
    },
]
NOT_JSON = "{this line is not an article"


def dataset(folder: Path) -> Path:
    """The seeds (text and manifest metadata) and our articles, one JSON record a line."""
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    seeds = [
        {"file": name, "text": (SEEDS / name).read_text(encoding="utf-8"), **fields}
        for name, fields in sorted(manifest.items())
    ]
    first, second, third = (json.dumps(r, ensure_ascii=False) for r in OWN)
    lines = [first, *(json.dumps(r, ensure_ascii=False) for r in seeds), second, NOT_JSON, third]
    path = folder / "articles.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def apart(partitions: list[list[str]]) -> bool:
    """The two ferry articles (one speaker, one statement) are in different partitions."""
    where = [i for i, part in enumerate(partitions) for line in part if '"ferry-' in line]
    return len(partitions) >= 2 and len(where) == 2 and where[0] != where[1]


def clustered_across(stored: dict[str, Any]) -> bool:
    """The statement both ferry articles report is one cluster of one speaker."""
    repeated = [q for q in stored["quotations"] if q["text"].startswith("We missed it")]
    return (
        len(repeated) == 2
        and len({q["file"] for q in repeated}) == 2
        and len({q["cluster"] for q in repeated} - {None}) == 1
        and {q["speaker"] for q in repeated} == {"Ines Marlowe"}
    )


def ingest(db: str, *inputs: str) -> Result:
    """One ``quotedb ingest``, as a user runs it."""
    return CliRunner().invoke(app, ["ingest", *inputs, "--db", db])


def same_failures(engine: list[str], loaded: Result, reference: Result) -> bool:
    """The line that is not JSON failed on the engine, as in the single ingest, and the
    engine's records loaded without a failure."""
    said = [line for line in reference.stderr.splitlines() if line.startswith("failed:")]
    why = "not a JSON object"
    return (
        loaded.exit_code == 0
        and "0 failed" in loaded.stderr
        and reference.exit_code == 1
        and len(said) == len(engine) == 1
        and why in said[0]
        and why in engine[0]
    )


def dump(db: str) -> dict[str, Any]:
    """What a database holds: articles, quotations with offsets, speakers, clusters, ids."""
    with api.Database(db) as database:
        return {
            "quotations": [q.to_dict() for q in database.quotes(limit=None)],
            "speakers": [dataclasses.astuple(p) for p in database.people(limit=None)],
            "export": list(_export(database)),
        }


def _export(database: api.Database) -> Iterator[dict[str, Any]]:
    from io import StringIO

    out = StringIO()
    database.export(out)
    return (json.loads(line) for line in out.getvalue().splitlines())
