"""First names, read from the list the gender-guesser package ships (nothing is
downloaded): whether a capitalised word can open a person's name."""

from __future__ import annotations

from functools import cache
from importlib import resources

from gender_guesser.detector import Detector


@cache
def given_names() -> frozenset[str]:
    """First names of many countries (casefolded), from the gender-guesser package's list.

    Read once, when first needed: about 45,000 names in a tenth of a second.
    """
    path = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    found: set[str] = set()
    with path.open("rb") as fh:
        for line in fh:
            if line[:1] not in (b"#", b"=") and len(line) > 29:
                name = line[3:29].decode("utf-8", "replace").strip()
                found.add(name.replace("+", "-").casefold())
    return frozenset(found)


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


@cache
def detector() -> Detector:
    """gender-guesser's detector, built on first use (about a tenth of a second): one for
    the names and the genders both."""
    return _WholeFileDetector(case_sensitive=False)


@cache
def mostly_given(word: str) -> bool:
    """A word the name list knows as a first name only, for men or for women ("Andrew"),
    not one that is as often a surname or either ("Cruz", "Taylor")."""
    return word[:1].isupper() and detector().get_gender(word) in ("male", "female")
