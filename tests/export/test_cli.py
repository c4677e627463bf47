"""``quotedb export`` selections and citation lists through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from tests.export.test_formats import export


def test_selection_by_phrase_article_and_speaker(runner: CliRunner, library: Database) -> None:
    by_phrase = json.loads(export(runner, library, "-f", "json", "--phrase", '"trade space"'))
    assert [r["text"] for r in by_phrase] == ["There is no trade space there — none,"]
    first_article = by_phrase[0]["article"]["id"]
    in_article = json.loads(export(runner, library, "-f", "json", "--article", str(first_article)))
    assert {r["article"]["id"] for r in in_article} == {first_article}
    by_lavrov = json.loads(export(runner, library, "-f", "json", "--by", "Lavrov"))
    assert {r["speaker"] for r in by_lavrov} == {"Sergey V. Lavrov"}
    dated = json.loads(export(runner, library, "-f", "json", "--since", "2022-01-01"))
    assert len(dated) == 2 and all(r["article"]["published"] for r in dated)


def test_apa_list_with_groups(runner: CliRunner, library: Database) -> None:
    text = export(runner, library, "--style", "apa", "--group-by", "speaker")
    assert text.startswith("# Quotations (APA 7th edition)")
    assert text.index("## Antony J. Blinken") < text.index("## Sergey V. Lavrov")
    assert "(Lavrov, as cited in Crowley & Troianovski, 2022, para. 1)." in text
    assert "(Blinken, as cited in *R&D at 100% {costs}*, n.d., para. 1)." in text
    references = text.split("# References", 1)[1]
    assert "Crowley, M., & Troianovski, A. (2022, January 18)." in references
    assert references.count("Crowley, M.") == 1  # one entry per article


def test_mla_and_chicago_lists(runner: CliRunner, library: Database) -> None:
    mla = export(runner, library, "--style", "mla", "--by", "Lavrov")
    assert "(qtd. in Crowley and Troianovski)." in mla and "# Works Cited" in mla
    chicago = export(runner, library, "--style", "chicago", "--group-by", "article")
    assert "quoted in Michael Crowley and Anton Troianovski" in chicago
    assert "# Notes" in chicago and "# Bibliography" in chicago


def test_output_file(runner: CliRunner, library: Database, tmp_path: Path) -> None:
    target = tmp_path / "refs.ris"
    url = library.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["export", "--db", url, "-f", "ris", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").count("ER  - ") == 2
    assert "Exported 3 quotation(s) to" in result.stderr


def test_bad_phrase_is_a_clear_error(runner: CliRunner, library: Database) -> None:
    url = library.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["export", "--db", url, "--phrase", "*"])
    assert result.exit_code == 1 and "nothing to search for" in result.stderr


def test_json_groups(runner: CliRunner, library: Database) -> None:
    groups = json.loads(export(runner, library, "-f", "json", "--group-by", "article"))
    assert [len(g["quotations"]) for g in groups] == [2, 1]  # dated article first
    assert groups[0]["group"].startswith("Blinken Will Meet")
    by_speaker = json.loads(export(runner, library, "-f", "json", "--group-by", "speaker"))
    assert [g["group"] for g in by_speaker] == ["Antony J. Blinken", "Sergey V. Lavrov"]
