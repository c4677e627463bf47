"""A surname alone completed to the full name of the page's own subject tags, and never
when the article shows a second bearer of that surname. Every article here is made up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app
from quotedb.core import extract
from quotedb.ingest.html import read_html
from quotedb.ingest.subjects import complete_surnames, surname_completions

from .test_metadata import page

ONE_ROE = (
    "President Halloway spoke to farmers in the north on Monday.\n\n"
    "“The harvest has never been better,” Halloway said. “We are selling more than ever.”\n"
)
TWO_ROES = ONE_ROE + "\nMarisol Halloway and Teodor Halloway visited a school in the capital.\n"


def labels(text: str, subjects: list[str]) -> list[str | None]:
    return [q.speaker for q in complete_surnames(text, extract(text), subjects)]


@pytest.mark.parametrize(
    ("text", "subjects", "expected"),
    [
        pytest.param(ONE_ROE, ["Farming", "Vernon Halloway"], "Vernon Halloway", id="completed"),
        pytest.param(ONE_ROE, ["Farming", "Exports"], "Halloway", id="no-person-tagged"),
        pytest.param(ONE_ROE, ["Vernon Halloway", "Marisol Halloway"], "Halloway", id="two-tagged"),
        pytest.param(ONE_ROE, ["Vernon Ashcombe"], "Halloway", id="other-surname"),
        pytest.param(ONE_ROE, ["VERNON HALLOWAY"], "Halloway", id="shouted-tag-is-no-name"),
    ],
)
def test_surname_completed_only_when_one_person_fits(
    text: str, subjects: list[str], expected: str
) -> None:
    assert set(labels(text, subjects)) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(ONE_ROE, {"Halloway": "Vernon Halloway"}, id="only-bearer"),
        pytest.param(TWO_ROES, {}, id="another-bearer-in-the-text"),
        pytest.param(
            ONE_ROE + "\nVernon Halloway won in 2020.\n",
            {"Halloway": "Vernon Halloway"},
            id="same-person-in-full",
        ),
    ],
)
def test_completion_needs_the_text_to_show_no_other_bearer(
    text: str, expected: dict[str, str]
) -> None:
    assert surname_completions(text, ["Vernon Halloway"]) == expected


def test_bare_surname_stays_among_the_aliases() -> None:
    (q, *_) = complete_surnames(ONE_ROE, extract(ONE_ROE), ["Vernon Halloway"])
    assert (q.speaker, "Halloway" in q.aliases) == ("Vernon Halloway", True)


def test_a_speaker_of_the_same_surname_blocks_the_completion() -> None:
    first, *rest = extract(ONE_ROE)
    other = replace(first, speaker="Marisol Halloway")
    got = complete_surnames(ONE_ROE, [other, *rest], ["Vernon Halloway"])
    assert {q.speaker for q in got} == {"Marisol Halloway", "Halloway"}


def test_page_keywords_are_its_subjects() -> None:
    head = (
        '<meta name="keywords" content="Bridges, Alma Verity, Transport">'
        '<meta name="news_keywords" content="Alma Verity, County Council">'
    )
    _, meta = read_html(page(head), "p.html")
    assert meta.subjects == ["Alma Verity", "County Council", "Bridges", "Transport"]


def test_extract_names_a_tagged_surname_in_full(runner: CliRunner, tmp_path: Path) -> None:
    body = "".join(f"<p>{para}</p>" for para in ONE_ROE.split("\n") if para) + (
        "<p>Exports of grain rose by a fifth over the year, the ministry said in its"
        " latest report on the state of the rural economy and its markets abroad.</p>"
    )
    head = '<meta name="keywords" content="Farming, Vernon Halloway">'
    (tmp_path / "p.html").write_bytes(page(head, body=body))
    result = runner.invoke(app, ["extract", str(tmp_path / "p.html"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"speaker": "Vernon Halloway"' in result.output
