"""The name list read in one piece gives gender-guesser's own detector, name for name, and
so does the decoded copy kept in the cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gender_guesser.detector import Detector

from quotedb.core import namewords
from quotedb.core.datacache import ENV_VAR
from quotedb.core.namewords import detector, given_names, is_given_name


def _same_table(a: dict[str, dict[str, str]], b: dict[str, dict[str, str]]) -> bool:
    """Equal, in the same order too (the detector breaks ties by the order of genders)."""
    return list(a) == list(b) and all(list(a[k].items()) == list(b[k].items()) for k in b)


def test_the_whole_file_reader_reads_what_the_package_reads() -> None:
    assert _same_table(detector().names, Detector(case_sensitive=False).names)


def test_genders_and_given_names_come_from_the_list() -> None:
    assert detector().get_gender("Angela") == "female"
    assert detector().get_gender("John") == "male"
    assert is_given_name("Kurt") and is_given_name("Eva-Marie")
    assert not is_given_name("Parliament")


def _forget() -> None:
    for cached in (namewords._lists, given_names, detector):
        cached.cache_clear()


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The lists read afresh, their cache in a folder of the test's own."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    _forget()
    yield tmp_path
    _forget()


def test_the_cached_lists_are_the_lists(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_names, table = given_names(), detector().names
    assert [p.name.split("-")[0] for p in private_cache.iterdir()] == ["namelist"]
    _forget()

    def refuse(*args: object) -> None:
        raise AssertionError("the list was parsed again")

    monkeypatch.setattr(namewords._WholeFileDetector, "_parse", refuse)
    monkeypatch.setattr(namewords, "_read_given_names", refuse)
    assert given_names() == first_names
    assert _same_table(detector().names, table)
    assert _same_table(table, Detector(case_sensitive=False).names)
