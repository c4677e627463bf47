"""Matching a person against a block of stored people first rules most of them out on their
surname keys alone (``may_bear``); it must never rule out one whose whole name fits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.names import compatible, has_full_given, parse_name, surname_key
from quotedb.store.speakers import may_bear

GIVEN = ["", "J.", "John", "Jon", "Johnny", "Jane", "Sergey", "Sergei", "Ted", "Heidi"]
SURNAMES = [
    "Cruz", "Cruze", "Lavrov", "Lawrow", "Zelensky", "Zelenskyy", "Johnson", "Johnston",
    "Jonson", "Van Der Beek", "O'Neill", "ONeill", "Martinez-Lopez", "Martínez",
]  # fmt: skip
NAMES = st.builds(
    lambda g, s: f"{g} {s}".strip(), st.sampled_from(GIVEN), st.sampled_from(SURNAMES)
)


@given(NAMES, NAMES)
@settings(max_examples=400, deadline=None)
def test_the_surname_prefilter_keeps_every_person_who_fits(wanted: str, stored: str) -> None:
    name, label = parse_name(wanted), parse_name(stored)
    assert name is not None and label is not None
    fits = label.given is not None and compatible(name, label)
    kept = may_bear(stored, surname_key(name), has_full_given(name))
    assert kept or not fits
    if label.given is None:
        assert not kept  # a bare surname never bears a full name's match
