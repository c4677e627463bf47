"""The name list read in one piece gives gender-guesser's own detector, name for name."""

from __future__ import annotations

from gender_guesser.detector import Detector

from quotedb.core.namewords import detector, is_given_name


def test_the_whole_file_reader_reads_what_the_package_reads() -> None:
    assert detector().names == Detector(case_sensitive=False).names


def test_genders_and_given_names_come_from_the_list() -> None:
    assert detector().get_gender("Angela") == "female"
    assert detector().get_gender("John") == "male"
    assert is_given_name("Kurt") and is_given_name("Eva-Marie")
    assert not is_given_name("Parliament")
