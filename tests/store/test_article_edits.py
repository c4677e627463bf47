"""Article metadata fixed after ingest: by hand (`correct article`) or by re-applying a
manifest (`ingest --update-metadata`); both recorded, both survive reextract, both undone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from quotedb.cli.app import app

TEXT = "Talks resume\n\n“We will meet again next week,” Jane Roe said on Monday.\n"


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def article(runner: CliRunner) -> dict[str, object]:
    records = json.loads(run(runner, "quotes", "--limit", "0", "--format", "json"))
    found: dict[str, object] = records[0]["article"]
    return found


def test_edit_survives_reextract_and_is_undone(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run(runner, "ingest", str(tmp_path / "a.txt"))
    before = article(runner)
    out = run(
        runner, "correct", "article", str(before["id"]), "--title", "Talks resume",
        "--outlet", "The Ledger", "--author", "Ann Fox", "--author", "Bo Li",
        "--date", "2022-01-19",
    )  # fmt: skip
    assert "updated" in out
    run(runner, "reextract")
    after = article(runner)
    assert (after["title"], after["outlet"], after["authors"], after["published"]) == (
        "Talks resume", "The Ledger", ["Ann Fox", "Bo Li"], "2022-01-19",
    )  # fmt: skip
    (correction,) = json.loads(run(runner, "corrections", "--format", "json"))
    run(runner, "correct", "undo", str(correction["id"]))
    assert article(runner) == before


def test_missing_article_and_no_field_are_clear_errors(runner: CliRunner, env_db: str) -> None:
    missing = runner.invoke(app, ["correct", "article", "99", "--title", "x"])
    assert missing.exit_code == 1 and "no article with id 99" in missing.output
    empty = runner.invoke(app, ["correct", "article", "1"])
    assert empty.exit_code == 1 and "at least one field" in empty.output


def test_reapplied_manifest_updates_stored_metadata(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    plain, with_manifest = tmp_path / "plain", tmp_path / "manifest"
    plain.mkdir()
    (plain / "a.txt").write_text(TEXT, encoding="utf-8")
    run(runner, "ingest", str(plain))
    shutil.copytree(plain, with_manifest)
    manifest = {
        "a.txt": {"outlet": "The Ledger", "published": "2022-01-19", "authors": ["Ann Fox"]}
    }
    (with_manifest / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    unchanged = run(runner, "ingest", str(with_manifest))  # without the flag: nothing changes
    assert article(runner)["outlet"] is None and "1 already stored" in unchanged
    out = run(runner, "ingest", str(with_manifest), "--update-metadata")
    assert "1 with their metadata updated" in out
    run(runner, "reextract")
    got = article(runner)
    assert (got["outlet"], got["published"], got["authors"]) == (
        "The Ledger",
        "2022-01-19",
        ["Ann Fox"],
    )
    actions = [c["action"] for c in json.loads(run(runner, "corrections", "--format", "json"))]
    assert actions == ["article"]
