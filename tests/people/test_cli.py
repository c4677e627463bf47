"""people, show, person, corrections and reextract through the CLI, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.core.names import same_person
from quotedb.db.models import Article
from tests.conftest import GOLD


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(runner: CliRunner, *args: str) -> object:
    return json.loads(run(runner, *args, "--format", "json"))


def test_people_once_each(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    people = as_json(runner, "people")
    assert isinstance(people, list)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    by_kind = {(p["kind"], p["name"]) for p in people}
    assert len(by_kind) == len(people) == len(gold["speakers"])
    for name, info in gold["speakers"].items():
        kind = "unnamed" if info["type"] == "unnamed" else info["type"]
        mine = [p for p in people if p["kind"] == kind]
        if kind == "person":
            assert sum(same_person(p["name"], name) for p in mine) == 1, name
    assert not any(same_person(p["name"], n) for p in people for n in gold["mentioned_not_quoted"])


def test_export_clusters_and_labels(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    records = [json.loads(line) for line in run(runner, "export", "--format", "jsonl").splitlines()]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    labels: dict[str, set[str]] = {}
    by_span = {(r["file"], r["start"]): r for r in records}
    members = []
    for art in gold["articles"]:
        for g in art["quotes"]:
            r = by_span[(art["file"], g["start"])]
            labels.setdefault(g["speaker"], set()).add(r["speaker"])
            if g.get("same_utterance"):
                members.append((set(g["same_utterance"]), r["cluster"]))
    assert all(len(v) == 1 for v in labels.values()), labels
    assert pair_f1(members) >= 0.9


def pair_f1(members: list[tuple[set[str], object]]) -> float:
    groups = {n: {n} for m, _ in members for n in m}
    for m, _ in members:  # groups that share a quotation are one utterance
        merged = set().union(*(groups[n] for n in m))
        for n in merged:
            groups[n] = merged
    tp = fp = fn = 0
    for i, (gi, li) in enumerate(members):
        for gj, lj in members[i + 1 :]:
            same_gold = groups[min(gi)] == groups[min(gj)]
            same_sys = li is not None and li == lj
            tp += same_gold and same_sys
            fp += same_sys and not same_gold
            fn += same_gold and not same_sys
    return 2 * tp / (2 * tp + fp + fn)


def quote_id(runner: CliRunner, words: str, file_prefix: str) -> int:
    hits = as_json(runner, "search", f'"{words}"')
    assert isinstance(hits, list)
    return next(r["id"] for r in hits if r["file"].startswith(file_prefix))


def test_show_and_person(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    qid = quote_id(runner, "right path", "000")
    shown = as_json(runner, "show", str(qid))
    assert isinstance(shown, dict)
    assert "right path" in shown["paragraph"] and shown["speaker"] == "Sergey Lavrov"
    assert len({v["article"]["id"] for v in shown["variants"]}) >= 3
    utterance = shown["utterance"]
    assert utterance["speaker"] == "Sergey Lavrov" and utterance["articles"] >= 3
    assert utterance["first_reported"] == "2022-01-21"
    text = run(runner, "show", str(qid))
    assert "Same utterance elsewhere" in text and "Sergey Lavrov" in text
    for name in ("sergey lavrov", "Sergei Lavrov", "Mr. Lavrov", "Lavrov"):
        profiles = as_json(runner, "person", name)
        assert isinstance(profiles, list) and [p["name"] for p in profiles] == ["Sergey Lavrov"]
    lavrov = profiles[0]
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(lavrov["aliases"])
    assert "Foreign Minister" in {r["role"] for r in lavrov["roles"]}
    assert (lavrov["first_quoted"], lavrov["last_quoted"]) == ("2022-01-18", "2022-01-21") and sum(
        lavrov["outlets"].values()
    ) == lavrov["quotations"]
    run(runner, "correct", "rename", "Lavrov", "Sergey [bold]Lavrov")
    assert "Sergey [bold]Lavrov" in run(runner, "person", "Lavrov")
    result = runner.invoke(app, ["show", "999999"])
    assert result.exit_code == 1 and "no quotation" in result.stderr


def test_corrections_survive_reextract(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    moved = quote_id(runner, "right path", "000")
    dropped = quote_id(runner, "test the West", "000")
    run(runner, "correct", "speaker", str(moved), "--to", "Vladimir Putin")
    run(runner, "correct", "not-quote", str(dropped))
    run(runner, "correct", "rename", "Jen Psaki", "Jennifer Psaki")
    before = as_json(runner, "show", str(moved))
    assert (
        isinstance(before, dict) and before["speaker"] == "Vladimir Putin" and before["corrected"]
    )
    run(runner, "reextract")
    assert "Re-extracted 0 article(s)" in runner.invoke(app, ["reextract", "--outdated"]).stderr
    run(runner, "ingest", str(seeds_dir))
    after = as_json(runner, "quotes", "--limit", "0", "--by", "Putin")
    assert isinstance(after, list)
    assert any("right path" in r["text"] and r["file"].startswith("000") for r in after)
    assert not as_json(runner, "search", '"test the West"')
    assert as_json(runner, "person", "Psaki")[0]["name"] == "Jennifer Psaki"  # type: ignore[index]
    listed = as_json(runner, "corrections")
    assert isinstance(listed, list)
    assert [c["action"] for c in listed] == ["reattribute", "not-quote", "rename"]
    assert listed[0]["previous"]["speaker"] == "Sergey Lavrov"


def test_merge_and_split(runner: CliRunner, env_db: str, seeds_dir: Path) -> None:
    run(runner, "ingest", str(seeds_dir))
    run(runner, "correct", "merge", "Sam Charap", "António Guterres")
    profiles = as_json(runner, "person", "Charap")
    assert isinstance(profiles, list) and profiles[0]["quotations"] == 2
    run(runner, "reextract")
    profiles = as_json(runner, "person", "Charap")
    assert isinstance(profiles, list) and len(profiles) == 1
    assert (profiles[0]["name"], profiles[0]["quotations"]) == ("Sam Charap", 2)
    run(runner, "correct", "split", "Sam Charap", "António Guterres")
    assert as_json(runner, "person", "Guterres")[0]["quotations"] == 1  # type: ignore[index]
    run(runner, "reextract")
    assert as_json(runner, "person", "Guterres")[0]["quotations"] == 1  # type: ignore[index]
    assert as_json(runner, "person", "Charap")[0]["quotations"] == 1  # type: ignore[index]
    result = runner.invoke(app, ["correct", "merge", "Nobody Here", "Sam Charap"])
    assert result.exit_code == 1 and "no speaker" in result.stderr


def test_corrections_survive_storing_an_article_again(
    runner: CliRunner, env_db: str, seeds_dir: Path
) -> None:
    run(runner, "ingest", str(seeds_dir))
    moved = quote_id(runner, "right path", "000")
    run(runner, "correct", "speaker", str(moved), "--to", "Vladimir Putin")
    with Database(env_db) as db, db.session() as s:  # as a forced re-ingest would
        s.delete(s.scalars(select(Article).where(Article.source_path.like("%000_%"))).one())
    run(runner, "ingest", str(seeds_dir))
    hits = as_json(runner, "search", '"right path"')
    assert isinstance(hits, list)
    assert [r["speaker"] for r in hits if r["file"].startswith("000")] == ["Vladimir Putin"]
