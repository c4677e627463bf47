"""First names, read from the list the gender-guesser package ships (nothing is
downloaded): whether a capitalised word can open a person's name."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypeGuard

import gender_guesser.detector
from gender_guesser.detector import Detector

from quotedb.core.datacache import remembered

_LIST = "data/nam_dict.txt"
_FORMAT = 1  # of the cache entry: bump when what _lists decodes changes


@cache
def given_names() -> frozenset[str]:
    """First names of many countries (casefolded), from the gender-guesser package's list."""
    return _lists()[0]


def _read_given_names(path: Path) -> frozenset[str]:
    """About 45,000 names, read in a twentieth of a second."""
    found: set[str] = set()
    with path.open("rb") as fh:
        for line in fh:
            if line[:1] not in (b"#", b"=") and len(line) > 29:
                name = line[3:29].decode("utf-8", "replace").strip()
                found.add(name.replace("+", "-").casefold())
    return frozenset(found)


@cache
def _lists() -> tuple[frozenset[str], dict[str, dict[str, str]]]:
    """The given names and the detector's table of genders, both read from the list once
    (0.17 s of every extraction) and kept decoded in the user's cache (0.05 s to read)."""
    package = Path(gender_guesser.detector.__file__).parent  # where Detector reads it
    path = package / _LIST

    def decoded() -> tuple[frozenset[str], dict[str, dict[str, str]]]:
        return _read_given_names(path), _WholeFileDetector(case_sensitive=False).names

    sources = [path, package / "detector.py"]  # the list, and the code that reads it
    return remembered("namelist", str(_FORMAT), sources, decoded, _lists_shape)


def _lists_shape(value: object) -> TypeGuard[tuple[frozenset[str], dict[str, dict[str, str]]]]:
    """Whether a cached value is a pair of a name set and a table (a shallow check)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], frozenset)
        and isinstance(value[1], dict)
    )


def is_given_name(word: str) -> bool:
    """A first name in the list ("Kurt", "Kristi"), or one half of a hyphenated one."""
    low = word.casefold().rstrip(".")
    names = given_names()
    return low in names or ("-" in low and low.split("-")[0] in names)


class _WholeFileDetector(Detector):  # type: ignore[misc]
    """gender-guesser's detector, its list read in one piece: the package reads it through
    ``codecs`` a line at a time, which costs more than the parsing itself. The lines are
    the ones ``codecs`` gives (it too splits on every Unicode line boundary), so the names
    and genders are the same."""

    def _parse(self, filename: str) -> None:
        self.names: dict[str, dict[str, str]] = {}
        with open(filename, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        for line in lines:
            self._eat_name_line(line.strip())


class _ListedDetector(Detector):  # type: ignore[misc]
    """gender-guesser's detector over a table already read (``Detector.names``)."""

    def __init__(self, names: dict[str, dict[str, str]]) -> None:
        self.case_sensitive = False
        self.names = names


@cache
def detector() -> Detector:
    """gender-guesser's detector (case-insensitive), built on first use: one for the names
    and the genders both."""
    return _ListedDetector(_lists()[1])


@cache
def mostly_given(word: str) -> bool:
    """A word the name list knows as a first name only, for men or for women ("Andrew"),
    not one that is as often a surname or either ("Cruz", "Taylor")."""
    return word[:1].isupper() and detector().get_gender(word) in ("male", "female")
