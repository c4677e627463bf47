"""Bad input costs only itself: every failure named with its reason, the rest ingested."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app

from .helpers import counts, write_articles

MB = 1024 * 1024


def unbalanced_quotes(n: int) -> str:
    return "The count began. " + 'word " ' * (n // 2) + "word “ " * (n // 2) + "\n"


def nested_page(depth: int) -> str:
    body = "<div>" * depth + "<p>“Deep,” he said.</p>" + "</div>" * depth
    return f"<html><head><title>Deep</title></head><body>{body}</body></html>"


def big_article(size: int) -> bytes:
    para = b"The council met again on Monday to discuss the budget for the coming year.\n"
    return para * (size // len(para) + 1)


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Names whose reading is refused, as chmod 000 would do (tests may run as root)."""
    names: set[str] = set()
    real = os.open

    def refusing(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name in names:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    return names


def test_bad_files_reported_rest_ingested(
    runner: CliRunner, env_db: str, tmp_path: Path, unreadable: set[str]
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 3)
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 4)
    (folder / "noext-binary").write_bytes(b"\x7fELF\x00\x00" * 50)
    (folder / "invalid.txt").write_bytes("“Oui,” dit Mme Café. ".encode() + b"\xff\xfe bad")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n ")
    (folder / "huge.txt").write_bytes(big_article(50 * MB))
    (folder / "quotes.txt").write_text(unbalanced_quotes(100_000))
    (folder / "deep.html").write_text(nested_page(5000))
    (folder / "locked.txt").write_text("“Hidden,” Jane Doe said.")
    unreadable.add("locked.txt")

    started = time.monotonic()
    result = runner.invoke(app, ["ingest", str(folder), "--timeout", "2"])
    elapsed = time.monotonic() - started

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    err = result.stderr
    assert "binary.dat: unsupported kind of file (.dat)" in err
    assert "noext-binary: binary file" in err
    assert "invalid.txt: not valid UTF-8" in err
    assert "empty.txt: empty file" in err and "blank.md: empty file" in err
    assert "huge.txt: 50 MB is over the 10 MB limit" in err
    assert "deep.html:" in err
    assert "locked.txt: cannot read (Permission denied)" in err
    articles, _ = counts(env_db)
    quotes_ok = "quotes.txt:" not in err  # stored, or given up on after the timeout
    assert articles == 3 + quotes_ok
    assert elapsed < 60


def test_large_article_within_a_raised_limit(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_bytes(big_article(50 * MB))
    db = str(tmp_path / "q.db")
    started = time.monotonic()
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--max-mb", "60", "--db", db])
    assert result.exit_code == 0, result.output
    assert counts(db)[0] == 1
    assert time.monotonic() - started < 60


def test_extraction_timeout_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "slow.txt").write_text("Opening. " + "word “ " * 60_000)
    db = str(tmp_path / "q.db")
    started = time.monotonic()
    result = runner.invoke(app, ["ingest", str(folder), "--timeout", "0.5", "--db", db])
    took = time.monotonic() - started
    if result.exit_code == 0:  # an extractor fast on this input stores it
        assert counts(db)[0] == 3
    else:
        assert "slow.txt: extraction took over 0.5 s" in result.stderr
        assert counts(db)[0] == 2
    assert took < 30


def _ingest_seconds(runner: CliRunner, tmp_path: Path, name: str, data: str) -> float:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.txt").write_text(data)
    started = time.monotonic()
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / f"{name}.db")])
    assert result.exit_code == 0, result.output
    return time.monotonic() - started


@pytest.mark.parametrize(
    "make",
    [
        lambda n: 'word " ' * n,
        lambda n: big_article(n * 400).decode(),
        lambda n: "“We will go,” Jane Doe said. " * (n // 4),
    ],
    ids=["straight-unbalanced", "plain", "quoted"],
)
def test_time_linear_in_input(runner: CliRunner, tmp_path: Path, make: object) -> None:
    assert callable(make)
    n = 3_000
    small = min(_ingest_seconds(runner, tmp_path, f"s{i}", make(n)) for i in range(2))
    large = _ingest_seconds(runner, tmp_path, "large", make(4 * n))
    assert large < 12 * max(small, 0.05), (small, large)
