"""Hostile inputs cost only themselves: every JSON Lines record accounted for, every stage
of an article inside --timeout and linear in its size, no alias bomb, no special file."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.core import EXTRACTOR_VERSION
from quotedb.errors import InputError
from quotedb.ingest import front
from quotedb.ingest.bylines import clean_bylines
from quotedb.ingest.html import read_html
from quotedb.ingest.infer import infer_metadata

from .helpers import article, counts, write_articles

GOOD = {"text": "“The bridge opens in May,” Mayor Ilse Brandauer said.\n"}

# One malformed record of each kind: the ones around it are stored all the same.
BAD_RECORDS = {
    "not-json": '{"text": "unfinished',
    "not-an-object": "[1, 2, 3]",
    "no-text": '{"title": "No body"}',
    "nested-too-deep": "[" * 100_000,
    "quotations-not-objects": json.dumps(
        {"text": "“Yes,” she said.", "quotations": [1], "extractor_version": EXTRACTOR_VERSION}
    ),
    "mention-a-string": json.dumps(
        {
            "text": "“Yes,” she said.",
            "extractor_version": EXTRACTOR_VERSION,
            "quotations": [{"start": 1, "end": 5, "text": "Yes,", "mention": "she"}],
        }
    ),
    "authors-nested": json.dumps({"text": "“Yes,” Ann Lee said.", "authors": [[{"x": 1}]]}),
}


def ingest(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


@pytest.mark.parametrize("bad", BAD_RECORDS, ids=list(BAD_RECORDS))
def test_every_json_line_stored_or_failed_with_its_number(
    runner: CliRunner, tmp_path: Path, bad: str
) -> None:
    lines = [json.dumps({**GOOD, "text": article(n), "id": f"a{n}"}) for n in range(70)]
    lines[3] = BAD_RECORDS[bad]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "q.db")
    code, err = ingest(runner, str(path), "--db", db)
    failed = [line for line in err.splitlines() if line.startswith("failed:")]
    stored, _ = counts(db)
    if bad == "authors-nested":  # unreadable authors are dropped, the article kept
        assert (code, stored, failed) == (0, 70, [])
        return
    assert code == 1
    assert stored == 69 and len(failed) == 1
    assert f"{path}:4:" in failed[0]


def slow(*args: object, **kwargs: object) -> object:
    time.sleep(30)
    raise AssertionError("never reached: the time limit interrupts the stage")


STAGES = {  # where each stage of one article is looked up when it runs
    "reading": ("quotedb.ingest.tasks.read_bytes", "slow.txt"),
    "front-matter": ("quotedb.ingest.read.split_front_matter", "slow.md"),
    "page": ("quotedb.ingest.html.read_html", "slow.html"),
    "inference": ("quotedb.ingest.read.infer_metadata", "slow.txt"),
    "record-inference": ("quotedb.ingest.read.infer_metadata", "slow.jsonl"),
}


@pytest.mark.parametrize("stage", STAGES, ids=list(STAGES))
def test_every_stage_inside_the_timeout(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    target, name = STAGES[stage]
    folder = tmp_path / "in"
    folder.mkdir()
    body = "“We will win,” Mayor Ann Lee said on Monday.\n"
    content = {
        "slow.txt": body,
        "slow.md": "---\ntitle: A Slow One\n---\n" + body,
        "slow.html": f"<html><body><article><p>{body}</p></article></body></html>",
        "slow.jsonl": json.dumps({"text": body}) + "\n",
    }[name]
    (folder / name).write_text(content, encoding="utf-8")
    monkeypatch.setattr(target, slow)
    started = time.monotonic()
    code, err = ingest(runner, str(folder), "--timeout", "0.5", "--db", str(tmp_path / "q.db"))
    assert time.monotonic() - started < 20
    assert code == 1 and "took over 0.5 s" in err and name in err


def _cpu_seconds(fn: Callable[[str], object], text: str) -> float:
    """Best of three in CPU time of this process: other processes' load hardly moves it."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t0)
    return best


def _page(text: str) -> object:
    return read_html(f"<html><body><article><p>{text}.</p></article></body></html>".encode(), "p")


def _front(text: str) -> object:
    return front.split_front_matter(f"---\ntitle: {text}\n---\nBody.\n", "f")


LINEAR = {  # stage, and a unit that made it quadratic
    "byline-one-long-token": (lambda t: clean_bylines([t]), "a"),
    "byline-tokens-with-at": (lambda t: clean_bylines([t]), "a@b "),
    "byline-dashes": (lambda t: clean_bylines([t]), "x - "),
    "byline-many-names": (lambda t: clean_bylines([t]), "Ab Cd; "),
    "page-one-long-word": (_page, "a"),
    "inference-long-byline": (infer_metadata, "By Ab Cd, "),
    "inference-one-line": (infer_metadata, "Word "),
    "front-matter-long-title": (_front, "x"),
}


@pytest.mark.parametrize("case", LINEAR, ids=list(LINEAR))
def test_stages_linear_in_the_article_size(case: str) -> None:
    fn, unit = LINEAR[case]
    size = 8_000 // len(unit)
    small, big = _cpu_seconds(fn, unit * size), _cpu_seconds(fn, unit * size * 4)
    assert big < 12 * max(small, 2e-3), (case, small, big)  # quadratic is 16 times


BOMB = "".join(
    [
        "---\n",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n',
        *(
            f"{x}: &{x} [{', '.join([f'*{p}'] * 9)}]\n"
            for p, x in zip("abcdef", "bcdefg", strict=True)
        ),
        "title: *g\n---\n“We will win,” Mayor Ann Lee said.\n",
    ]
)

YAML_CASES = {
    "plain": ("title: One Two Three\nauthor: Ann Bee", None),
    "small-alias": ("who: &w Ann Bee\nauthor: *w\ntitle: *w", None),
    "bomb": (BOMB.split("---\n")[1], "expands to over"),
    "alias-inside-itself": ("a: &a [1, *a]\ntitle: x", "expands to over"),
    "broken": ("title: [unclosed", "unreadable front matter"),
}


@pytest.mark.parametrize("case", YAML_CASES, ids=list(YAML_CASES))
def test_front_matter_yaml(case: str) -> None:
    source, refusal = YAML_CASES[case]
    if refusal is None:
        assert isinstance(front.load_yaml(source, "x.md"), dict)
        return
    with pytest.raises(InputError, match=refusal):
        front.load_yaml(source, "x.md")


def test_alias_bomb_refused_quickly(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "bomb.md").write_text(BOMB, encoding="utf-8")
    assert len(BOMB.encode()) < 500
    started = time.monotonic()
    code, err = ingest(runner, str(folder), "--db", str(tmp_path / "q.db"))
    assert time.monotonic() - started < 20
    assert code == 1 and "bomb.md: front matter expands to over 10,000 values" in err
    assert counts(str(tmp_path / "q.db"))[0] == 2


@pytest.fixture
def specials(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of two articles and symlinks to a FIFO, /dev/zero and a socket; the FIFO."""
    folder = tmp_path / "in"
    write_articles(folder, 2)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (folder / "pipe.txt").symlink_to(fifo)
    (folder / "pipe").symlink_to(fifo)
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    (folder / "zero").symlink_to("/dev/zero")
    return folder, fifo


def test_special_files_skipped_never_read(
    runner: CliRunner, tmp_path: Path, specials: tuple[Path, Path]
) -> None:
    folder, fifo = specials
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(sock_path))
    try:
        (folder / "sock.txt").symlink_to(sock_path)
        started = time.monotonic()
        code, err = ingest(runner, str(folder), str(fifo), "--db", str(tmp_path / "q.db"))
    finally:
        sock.close()
    assert time.monotonic() - started < 20
    assert code == 1
    for name, kind in [
        ("pipe.txt", "a FIFO"),
        ("pipe", "a FIFO"),
        ("zero.txt", "a device"),
        ("zero.jsonl", "a device"),
        ("zero", "a device"),
        ("sock.txt", "a socket"),
    ]:
        assert f"{folder / name}: not a regular file ({kind}); skipped" in err, name
    assert f"{fifo}: not a regular file (a FIFO); skipped" in err
    assert counts(str(tmp_path / "q.db"))[0] == 2


def test_extract_skips_special_files(runner: CliRunner, specials: tuple[Path, Path]) -> None:
    folder, _ = specials
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "zero.txt: not a regular file (a device); skipped" in result.stderr


def test_endless_json_line_skipped_in_pieces(runner: CliRunner, tmp_path: Path) -> None:
    """A line over the size cap is skipped without being held whole; the next is read."""
    path = tmp_path / "dump.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(GOOD) + "\n")
        fh.write('{"text": "' + "a" * (3 * 1024 * 1024) + '"}\n')
        fh.write(json.dumps({"text": article(7)}) + "\n")
    db = str(tmp_path / "q.db")
    code, err = ingest(runner, str(path), "--max-mb", "1", "--db", db)
    assert code == 1 and f"{path}:2: 3 MB is over the 1 MB limit" in err
    assert counts(db)[0] == 2
