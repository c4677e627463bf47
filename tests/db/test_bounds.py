"""Numbers past what a database stores, outputs that cannot be written, NULs in articles,
and a database left new by an ingest stopped at once: clear lines, never a traceback."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from quotedb.api import Database
from quotedb.cli.app import app

from ..conftest import SEEDS

HUGE = str(10**25)

HUGE_IDS = {
    "show": (["show", HUGE], f"no quotation with id {HUGE}"),
    "not-quote": (["correct", "not-quote", HUGE], f"no quotation with id {HUGE}"),
    "reattribute": (["correct", "speaker", HUGE, "--to", "X"], f"no quotation with id {HUGE}"),
    "undo": (["correct", "undo", HUGE], f"no correction with id {HUGE}"),
    "article": (["correct", "article", HUGE, "--title", "X"], f"no article with id {HUGE}"),
    "rename-by-id": (["correct", "rename", HUGE, "X"], f"no speaker named '{HUGE}'"),
    "merge-by-id": (["correct", "merge", "Sergey Lavrov", HUGE], f"no speaker named '{HUGE}'"),
    "export-article": (["export", "--article", HUGE], f"no article with id {HUGE}"),
}
HUGE_LIMITS = {  # more than any table holds: everything
    "quotes": ["quotes", "--limit", HUGE, "--format", "json"],
    "search": ["search", "right path", "--limit", HUGE, "--format", "json"],
    "who": ["who", "the right path", "--limit", HUGE, "--format", "json"],
    "export": ["export", "--limit", HUGE],
}


def invoke(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), args
    return result


@pytest.fixture
def seeded(runner: CliRunner, env_db: str) -> str:
    assert invoke(runner, "ingest", str(SEEDS)).exit_code == 0
    return env_db


@pytest.mark.parametrize("case", HUGE_IDS, ids=list(HUGE_IDS))
def test_huge_ids_are_missing_ids(runner: CliRunner, seeded: str, case: str) -> None:
    args, message = HUGE_IDS[case]
    result = invoke(runner, *args)
    assert result.exit_code == 1 and message in result.stderr


@pytest.mark.parametrize("case", HUGE_LIMITS, ids=list(HUGE_LIMITS))
def test_huge_limits_mean_everything(runner: CliRunner, seeded: str, case: str) -> None:
    result = invoke(runner, *HUGE_LIMITS[case])
    assert result.exit_code == 0 and result.stdout.strip()


@pytest.mark.parametrize(
    "option", [["--timeout", "1e300"], ["--max-mb", "1e300"], ["--workers", HUGE]]
)
def test_huge_ingest_options_mean_no_limit(
    runner: CliRunner, env_db: str, option: list[str]
) -> None:
    result = invoke(runner, "ingest", str(SEEDS), *option)
    assert result.exit_code == 0 and "5 article(s) added" in result.stderr


def test_bad_output_paths(runner: CliRunner, seeded: str, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    cases = {
        str(tmp_path / "missing" / "out.jsonl"): "No such file or directory",
        str(tmp_path): "Is a directory",
    }
    if os.geteuid() != 0:  # root writes anywhere
        cases[str(locked / "out.jsonl")] = "Permission denied"
    for path, reason in cases.items():
        result = invoke(runner, "export", "-o", path)
        assert result.exit_code == 1, path
        assert result.stderr.strip() == f"Error: {path}: cannot write it ({reason})"


def test_nul_characters_removed_alike_on_both_backends(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    record = {
        "text": "“We will\u0000 win,” Mayor Ann\u0000 Lee said.\n",
        "title": "Tit\u0000le of it",
        "authors": ["Bea\u0000 Writer"],
    }
    (folder / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    late_nul = "Intro paragraph. " * 600 + "\u0000\n“Late,” Ann Lee said.\n"  # past the sniff
    (folder / "b.txt").write_text(late_nul, encoding="utf-8")
    assert invoke(runner, "ingest", str(folder)).exit_code == 0
    rows = json.loads(invoke(runner, "quotes", "--format", "json").stdout)
    assert {r["text"] for r in rows} == {"We will win,", "Late,"}
    assert {r["speaker"] for r in rows} == {"Ann Lee"}
    assert not any("\u0000" in json.dumps(r) for r in rows)
    check = invoke(runner, "db", "check")
    assert check.exit_code == 0 and "no problems" in check.stdout
    again = invoke(runner, "ingest", str(folder))  # the same cleaned text: already stored
    assert again.exit_code == 0 and "2 already stored" in again.stderr


def test_new_database_absent_until_migrated(tmp_path: Path) -> None:
    """Ingest opens a new database first and migrates it when an article is ready: until
    then there is no file at all."""
    path = tmp_path / "new.db"
    with Database(str(path), migrate=False) as db:
        assert not path.exists()
        assert db.migrate() is True
    assert path.exists()


def test_database_left_new_is_plainly_empty(
    runner: CliRunner, env_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest stopped as it migrates (the migration is one transaction) leaves nothing
    half-made: at most an empty database, which db check calls empty, not a problem."""

    def stopped(*args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr("quotedb.db.migrations.upgrade", stopped)
        result = invoke(runner, "ingest", str(SEEDS))
    assert result.exit_code == 130 and "Interrupted" in result.stderr
    check = invoke(runner, "db", "check")
    assert check.exit_code == 0 and "The database is empty" in check.stdout
    quotes = invoke(runner, "quotes")
    assert quotes.exit_code == 1 and "is empty: nothing stored yet" in quotes.stderr
    assert invoke(runner, "ingest", str(SEEDS)).exit_code == 0
    assert invoke(runner, "db", "check").exit_code == 0
