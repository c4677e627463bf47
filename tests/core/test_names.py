"""Names: a name taken apart, its keys, and when two names are one person."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotedb.core.names import name_key, parse_name, same_person, split_role
from quotedb.core.text import fold_index, fold_name

PARSED = [
    pytest.param("Foreign Minister Sergey V. Lavrov", "Sergey V. Lavrov", id="role-stripped"),
    pytest.param("Donald Trump, Jr.", "Donald Trump Jr.", id="suffix-after-comma"),
    pytest.param("Mr. Lavrov", "Lavrov", id="honorific-dropped"),
    pytest.param("Ursula von der Leyen", "Ursula von der Leyen", id="surname-particles"),
]


@pytest.mark.parametrize(("text", "display"), PARSED)
def test_parse_name(text: str, display: str) -> None:
    name = parse_name(text)
    assert name is not None and name.display == display


@pytest.mark.parametrize("word", ["he", "Him", "them", "who"])
def test_pronoun_is_no_name(word: str) -> None:
    assert parse_name(word) is None


def test_split_role_of_title() -> None:
    assert split_role("Secretary of State Antony Blinken") == (
        "Secretary of State",
        ["Antony", "Blinken"],
    )


SAME = [
    pytest.param("Sergey Lavrov", "Sergei Lavrov", True, id="transliterated-given-name"),
    pytest.param("Donald Trump", "Donald Trump Jr.", False, id="suffixes-disagree"),
    pytest.param("Jo Reed", "Tom Reed", False, id="given-names-disagree"),
    pytest.param("José Núñez", "Jose Nunez", True, id="accents-folded"),
]


@pytest.mark.parametrize(("a", "b", "same"), SAME)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_the_two_folds_differ() -> None:
    """Names fold by compatibility (ß is ss); the index folds as FTS5 does."""
    assert fold_name("Straße Ñ") == "strasse n"
    assert fold_index("Straße") == "straße" and fold_index("Ñu") == "nu"
    assert name_key("Dr. José Núñez") == ("jose", "nunez")


@given(st.text(alphabet=st.sampled_from(list("AaéÉßñ .’-")), max_size=20))
def test_name_key_is_folded(text: str) -> None:
    key = name_key(text)
    assert all(k == fold_name(k) for k in key)
