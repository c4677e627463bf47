"""Killed at any moment, or run twice at once: nothing half-stored, lost or duplicated."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app

from .helpers import (
    NAMES,
    counts,
    distinct_hashes,
    quotedb_command,
    run_quotedb,
    scalar_count,
    write_articles,
)

QUOTES_PER_ARTICLE = 3


def check_passes(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["db", "check", "--db", db])
    assert result.exit_code == 0, result.output


def speaker_count(db: str) -> int:
    return scalar_count(db, "SELECT count(*) FROM speakers")


def wait_for_articles(db: str, proc: subprocess.Popen[str], deadline: float) -> None:
    """Until the ingest has committed something (so the kill lands mid-ingest)."""
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if counts(db)[0] > 0:
                return
        except Exception:  # schema not there yet
            pass
        time.sleep(0.05)


@pytest.mark.parametrize("seed", [7])
def test_sigkill_then_resume(runner: CliRunner, db_url: str, tmp_path: Path, seed: int) -> None:
    n = 600  # a few batches of BATCH_ARTICLES, so that the kill lands between two
    write_articles(tmp_path / "in", n)
    assert run_quotedb("db", "upgrade", "--db", db_url).returncode == 0
    proc = subprocess.Popen(
        quotedb_command("ingest", str(tmp_path / "in"), "--db", db_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    wait_for_articles(db_url, proc, time.monotonic() + 30)
    time.sleep(random.Random(seed).uniform(0.0, 0.2))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    stored, quotations = counts(db_url)
    assert stored < n, "the ingest finished before the kill: make the corpus larger"
    assert quotations == stored * QUOTES_PER_ARTICLE  # no article without all its quotations
    check_passes(runner, db_url)

    resumed = run_quotedb("ingest", str(tmp_path / "in"), "--db", db_url)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{n - stored} article(s) added" in resumed.stderr
    assert f"{stored} already stored" in resumed.stderr
    assert counts(db_url) == (n, n * QUOTES_PER_ARTICLE)
    assert distinct_hashes(db_url) == n
    check_passes(runner, db_url)


@pytest.mark.parametrize("migrated", [True, False], ids=["migrated", "fresh"])
def test_two_ingests_at_once(
    runner: CliRunner, db_url: str, tmp_path: Path, migrated: bool
) -> None:
    write_articles(tmp_path / "a", 120, start=0)
    write_articles(tmp_path / "b", 120, start=60)
    if migrated:
        assert run_quotedb("db", "upgrade", "--db", db_url).returncode == 0
    procs = [
        subprocess.Popen(
            quotedb_command("ingest", str(tmp_path / part), "--db", db_url, "--workers", "1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in ("a", "b")
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert counts(db_url) == (180, 180 * QUOTES_PER_ARTICLE)
    assert distinct_hashes(db_url) == 180
    assert speaker_count(db_url) == len(NAMES)
    check_passes(runner, db_url)
