"""Every correction kind at once, on wire-style political news of our own (the shape of
PolNeAR's articles: datelines, titled speakers, surnames later, agencies and offices that
speak): ids, speakers and metadata hold through reextract, re-ingest of the files and of
an ``extract --with-article`` dump, on both backends; undoing all restores the start."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotedb.cli.app import app

ARTICLES = {  # paragraphs of each article
    "border.txt": (
        "Senate Democrats press for vote on border funding",
        (
            "WASHINGTON (AP) — Senate Democrats on Tuesday pressed Republican leaders to schedule"
            " a vote on emergency border funding, saying delays were hurting families."
        ),
        (
            "“Every week we wait, more children sleep on concrete floors,” said Sen. Maria "
            "Delgado of New Mexico. “This is not a partisan question.”"
        ),
        "Delgado said the bill had the support of at least eight Republicans.",
        (
            "Senate Majority Leader Thomas Crane dismissed the pressure. “We will take up the "
            "measure when it is ready, and not a day before,” Crane told reporters outside his "
            "office."
        ),
        (
            "The White House said in a statement that the president “stands ready to sign a clean"
            " bill.”"
        ),
        (
            "Crane later added that he expected negotiations to continue through the weekend. "
            "“Nobody is walking away from the table,” he said."
        ),
    ),
    "climate.txt": (
        "Governor signs climate bill amid protests",
        "SACRAMENTO, Calif. (AP) — Gov. Elena Ruiz signed a sweeping climate bill on Monday.",
        (
            "“We are done waiting for Washington,” Ruiz said at a signing ceremony. “California "
            "will lead.”"
        ),
        (
            "Oil industry groups denounced the law. “This will cost thousands of jobs in the "
            "Central Valley,” said Mark Ellison, president of the Western Petroleum Council."
        ),
        (
            "State Sen. David Okafor, who wrote the bill, said it would cut emissions by half "
            "within a decade. “The science leaves us no choice,” Okafor said."
        ),
    ),
    "trade.txt": (
        "Trade talks stall as tariffs loom",
        (
            "BRUSSELS (AP) — Trade talks between the United States and the European Union stalled"
            " on Thursday."
        ),
        (
            "“We have made proposals, and we have heard nothing back,” said Ingrid Voss, the EU "
            "trade commissioner."
        ),
        (
            "U.S. Trade Representative James Whitfield said the European offer fell short. “It "
            "does not address the core problems,” Whitfield said in a statement."
        ),
        (
            "Voss said she would travel to Washington next week. “The door remains open,” she "
            "told reporters."
        ),
        (
            "Analysts said the dispute could weigh on markets. “Investors hate uncertainty, and "
            "this is a lot of uncertainty,” said Priya Raman, an economist at Halden Research."
        ),
    ),
}
LATER = (
    "Senators return to talks\n\n"
    "WASHINGTON (AP) — Talks resumed on Monday.\n\n"
    "“We are close, closer than last week,” said Sen. Maria Delgado of New Mexico.\n\n"
    "“Investors want a deal,” said Priya Raman, an economist.\n"
)


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def rows(runner: CliRunner) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(run(runner, "quotes", "--format", "json"))
    return found


def state(runner: CliRunner) -> dict[str, Any]:
    """What a correction may change: each quotation's id and speaker, the article titles,
    the speakers' labels."""
    found = rows(runner)
    return {
        "quotations": {(r["key"], r["id"]): r["speaker"] for r in found},
        "titles": sorted({(r["article"]["id"], r["article"]["title"]) for r in found}),
        "people": sorted(p["name"] for p in json.loads(run(runner, "people", "-f", "json"))),
    }


def quote_id(runner: CliRunner, words: str) -> int:
    return next(int(r["id"]) for r in rows(runner) if words in r["text"])


def article_id(runner: CliRunner, words: str) -> int:
    return next(int(r["article"]["id"]) for r in rows(runner) if words in r["text"])


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text("\n\n".join(text) + "\n", encoding="utf-8")
    return folder


def correct_everything(runner: CliRunner) -> None:
    """One correction of each kind, as an editor would make them on these articles."""
    first = quote_id(runner, "concrete floors")  # the extractor credits the senator's state
    run(runner, "correct", "speaker", str(first), "--to", "Maria Delgado")
    run(runner, "correct", "merge", "Maria Delgado", "New Mexico")  # and the rest of it
    run(runner, "correct", "not-quote", str(quote_id(runner, "stands ready")))
    run(runner, "correct", "merge", "Ingrid Voss", "Priya Raman")  # a wrong merge...
    run(runner, "correct", "split", "Ingrid Voss", "Priya Raman")  # ...taken back by a split
    run(runner, "correct", "rename", "James Whitfield", "USTR James Whitfield")
    trade = article_id(runner, "core problems")
    run(runner, "correct", "article", str(trade), "--title", "Trade Talks Stall")


def test_every_kind_holds_through_everything(
    runner: CliRunner, env_db: str, news: Path, tmp_path: Path
) -> None:
    run(runner, "ingest", str(news))
    original = state(runner)
    correct_everything(runner)
    corrected = state(runner)
    speakers = set(corrected["quotations"].values())
    assert "New Mexico" not in speakers and "Maria Delgado" in speakers
    assert {"Priya Raman", "Ingrid Voss", "USTR James Whitfield"} <= speakers
    assert (article_id(runner, "core problems"), "Trade Talks Stall") in corrected["titles"]
    assert len(corrected["quotations"]) == len(original["quotations"]) - 1

    run(runner, "reextract")
    assert state(runner) == corrected
    run(runner, "ingest", str(news))
    assert state(runner) == corrected
    dump = run(runner, "extract", "--with-article", str(news))
    run(runner, "ingest", "-", stdin=dump)  # the same articles as records: already stored
    assert state(runner) == corrected

    later = tmp_path / "later"
    later.mkdir()
    (later / "later.txt").write_text(LATER, encoding="utf-8")
    run(runner, "ingest", str(later))
    new = {r["text"]: r["speaker"] for r in rows(runner) if r["file"] == "later.txt"}
    assert new == {
        "We are close, closer than last week,": "Maria Delgado",
        "Investors want a deal,": "Priya Raman",
    }

    for c in reversed(json.loads(run(runner, "corrections", "--format", "json"))):
        run(runner, "correct", "undo", str(c["id"]))
    run(runner, "reextract")
    undone = state(runner)
    kept = {k: v for k, v in undone["quotations"].items() if k in original["quotations"]}
    assert kept == original["quotations"]
    assert [t for t in undone["titles"] if t in original["titles"]] == original["titles"]
