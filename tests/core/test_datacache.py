"""The cache of decoded data: what a first process builds, the next reads back; a damaged
file, one of the wrong shape or a folder that cannot be written only means building again."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import TypeGuard

import pytest

from quotedb.core.datacache import ENV_VAR, cache_dir, remembered

VALUE = {"ann": {"female": "1 2"}, "bob": {"male": "3"}}


def _is_table(value: object) -> TypeGuard[dict[str, dict[str, str]]]:
    return isinstance(value, dict)


class Builder:
    """Counts its builds."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, dict[str, str]]:
        self.calls += 1
        return VALUE


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "list.txt"
    path.write_text("ann F\nbob M\n")
    return path


def _remembered(folder: Path, source: Path, build: Builder) -> dict[str, dict[str, str]]:
    return remembered("table", "1", [source], build, _is_table, folder)


def test_built_once_then_read_back(tmp_path: Path, source: Path) -> None:
    build, folder = Builder(), tmp_path / "cache"
    assert _remembered(folder, source, build) == VALUE
    assert _remembered(folder, source, build) == VALUE
    assert build.calls == 1
    assert [p.name.split("-")[0] for p in folder.iterdir()] == ["table"]


def test_a_changed_source_is_built_again_and_the_old_entry_removed(
    tmp_path: Path, source: Path
) -> None:
    build, folder = Builder(), tmp_path / "cache"
    _remembered(folder, source, build)
    source.write_text("ann F\nbob M\ncyd ?\n")
    _remembered(folder, source, build)
    assert build.calls == 2 and len(list(folder.iterdir())) == 1


@pytest.mark.parametrize(
    "damage", [b"", b"\xff\x00garbage", marshal.dumps(3)], ids=["empty", "garbage", "an_int"]
)
def test_a_damaged_or_misshapen_entry_is_built_again(
    damage: bytes, tmp_path: Path, source: Path
) -> None:
    build, folder = Builder(), tmp_path / "cache"
    _remembered(folder, source, build)
    (entry,) = folder.iterdir()
    entry.write_bytes(damage)
    assert _remembered(folder, source, build) == VALUE
    assert build.calls == 2
    assert _remembered(folder, source, build) == VALUE and build.calls == 2  # rewritten


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path: Path, source: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    build = Builder()
    assert _remembered(blocker / "cache", source, build) == VALUE
    assert _remembered(blocker / "cache", source, build) == VALUE and build.calls == 2


def test_a_missing_source_is_built_without_the_cache(tmp_path: Path) -> None:
    build = Builder()
    assert _remembered(tmp_path, tmp_path / "gone.txt", build) == VALUE
    assert build.calls == 1 and list(tmp_path.iterdir()) == []


def test_the_environment_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.delenv(ENV_VAR)
    assert cache_dir().name == "quotedb"
