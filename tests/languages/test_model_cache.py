"""The language model's cache: written by the first load, read by the next, and never the
reason a load fails or a text reads differently (a damaged file or a folder that cannot be
written falls back to py3langid's own load)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from py3langid.langid import LanguageIdentifier

from quotedb.core.datacache import ENV_VAR, cache_dir
from quotedb.core.languages import detect as detection
from quotedb.core.languages import model_cache
from quotedb.core.languages.model_cache import cache_name, load_identifier

TEXTS = [
    "Der Bürgermeister sagte am Montag, die neue Brücke werde vor dem Sommer freigegeben.",
    "Le maire a déclaré lundi que le nouveau pont serait ouvert avant la fin de l'été.",
    "El alcalde dijo el lunes que el nuevo puente se abrirá antes del final del verano.",
    "The mayor said on Monday that the new bridge would open before the end of summer.",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    """py3langid's own load, without any cache."""
    return LanguageIdentifier.from_model_file(model_cache.model_file(), norm_probs=True)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache file as a first load writes it."""
    folder = tmp_path_factory.mktemp("cache")
    load_identifier(folder)
    return folder / cache_name(model_cache.model_file())


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


def assert_same(identifier: LanguageIdentifier, reference: LanguageIdentifier) -> None:
    """Every attribute equal (arrays of the same types and values), every answer alike."""
    for slot in LanguageIdentifier.__slots__:
        assert _same(getattr(identifier, slot), getattr(reference, slot)), slot
    for text in TEXTS:
        assert identifier.classify(text) == reference.classify(text)
        assert identifier.rank(text) == reference.rank(text)


def _refuse_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> LanguageIdentifier:
        raise AssertionError("the model was decoded")

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", refuse)


def test_first_load_writes_the_cache(written: Path) -> None:
    assert written.is_file() and written.stat().st_size > 10_000_000
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temporary left


def test_next_load_reads_it_alone(
    written: Path, reference: LanguageIdentifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_the_model(monkeypatch)
    assert_same(load_identifier(written.parent), reference)


@pytest.mark.parametrize(
    "damage",
    [b"", b"not an array", b"\x93NUMPY\x01\x00garbage"],
    ids=["empty", "not_npy", "bad_header"],
)
def test_a_damaged_cache_falls_back_and_is_written_again(
    damage: bytes, written: Path, reference: LanguageIdentifier, tmp_path: Path
) -> None:
    path = tmp_path / written.name
    path.write_bytes(damage)
    assert_same(load_identifier(tmp_path), reference)
    assert path.stat().st_size == written.stat().st_size


def test_a_truncated_cache_falls_back(
    written: Path, reference: LanguageIdentifier, tmp_path: Path
) -> None:
    path = tmp_path / written.name
    path.write_bytes(written.read_bytes()[: written.stat().st_size // 2])
    assert_same(load_identifier(tmp_path), reference)


def test_a_cache_that_cannot_be_written_is_no_error(
    reference: LanguageIdentifier, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    assert_same(load_identifier(blocker / "cache"), reference)


def test_an_older_cache_is_removed(written: Path, tmp_path: Path) -> None:
    shutil.copy(written, tmp_path / written.name.replace("py3langid-", "py3langid-0.0.1-"))
    unrelated = tmp_path / "other.txt"
    unrelated.write_text("kept")
    load_identifier(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([written.name, "other.txt"])


def test_the_environment_names_the_folder(
    written: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert cache_dir() == tmp_path
    shutil.copy(written, tmp_path)
    _refuse_the_model(monkeypatch)
    detection.release_model()
    try:
        assert detection.detect(TEXTS[0]) == "de"
    finally:
        detection.release_model()


def test_without_the_environment_the_user_cache_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert cache_dir().name == "quotedb"
