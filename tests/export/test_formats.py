"""Every export format, read back by a real parser."""

from __future__ import annotations

import csv
import io
import json
import warnings

import bibtexparser
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from tests.export.conftest import SPECIAL_TITLE


def export(runner: CliRunner, db: Database, *args: str) -> str:
    url = db.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["export", "--db", url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_cells_never_start_a_formula(runner: CliRunner, library: Database) -> None:
    rows = list(csv.DictReader(io.StringIO(export(runner, library, "-f", "csv"))))
    assert len(rows) == 3
    evil = next(r for r in rows if "HYPERLINK" in r["text"])
    assert evil["text"].startswith("'=")
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_json_and_jsonl_records(runner: CliRunner, library: Database) -> None:
    records = json.loads(export(runner, library, "-f", "json"))
    lines = [json.loads(x) for x in export(runner, library, "-f", "jsonl").splitlines()]
    assert records == lines
    fields = {"file", "start", "end", "text", "kind", "speaker", "speaker_kind"}
    fields |= {"speaker_mention", "speaker_start", "speaker_end", "cue", "confidence"}
    assert fields | {"cluster", "article"} <= set(lines[0])


def test_bibtex_parses_with_escaped_specials(runner: CliRunner, library: Database) -> None:
    text = export(runner, library, "-f", "bibtex")
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    assert len(lib.entries) == 2  # one per article, not one per quotation
    keys = [e.key for e in lib.entries]
    assert keys == ["crowley2022blinken", "apnewsnd100"]  # one-letter words skipped
    special = next(e for e in lib.entries if "costs" in e["title"])
    assert r"R\&D at 100\% \textbraceleft{}costs\textbraceright{} \$5 \#1" in special["title"]
    assert r"a\_b \textasciicircum{} c\textbackslash{}d" in special["title"]
    nyt = next(e for e in lib.entries if "journal" in e.fields_dict)
    assert nyt["author"] == "Crowley, Michael and Troianovski, Anton"
    assert nyt["year"] == "2022"
    notes = nyt["annote"].split("\n\n")
    assert notes == [
        "Quoting Sergey V. Lavrov (para. 1): “We will understand this when we get the response"
        " on paper”",
        'Quoting Antony J. Blinken (para. 2): “=HYPERLINK("http://evil.example")”',
    ]
    assert keys == [
        e.key for e in bibtexparser.parse_string(export(runner, library, "-f", "bibtex")).entries
    ]


def test_biblatex_uses_dates_and_journaltitle(runner: CliRunner, library: Database) -> None:
    lib = bibtexparser.parse_string(export(runner, library, "-f", "biblatex"))
    assert not lib.failed_blocks
    nyt = next(e for e in lib.entries if "journaltitle" in e.fields_dict)
    assert nyt["journaltitle"] == "The New York Times"
    assert nyt["date"] == "2022-01-18" and nyt["entrysubtype"] == "newspaper"


def test_keys_are_stable_and_content_derived(runner: CliRunner, library: Database) -> None:
    first = bibtexparser.parse_string(export(runner, library, "-f", "bibtex"))
    again = bibtexparser.parse_string(export(runner, library, "-f", "bibtex", "--by", "Lavrov"))
    assert [e.key for e in again.entries] == ["crowley2022blinken"] == [first.entries[0].key]
    assert len(again.entries[0]["annote"].split("\n\n")) == 1  # only the selected quotation


def test_ris_reads_back(runner: CliRunner, library: Database) -> None:
    entries = rispy.loads(export(runner, library, "-f", "ris"))
    assert len(entries) == 2 and all(e["type_of_reference"] == "NEWS" for e in entries)
    nyt = next(e for e in entries if e.get("authors"))
    assert nyt["authors"] == ["Crowley, Michael", "Troianovski, Anton"]
    assert nyt["year"] == "2022" and nyt["secondary_title"] == "The New York Times"
    assert any("trade space" in " ".join(e["notes"]) for e in entries)
    assert len(nyt["notes"]) == 2 and nyt["id"] == "crowley2022blinken"


def test_csl_json_renders_with_a_csl_processor(runner: CliRunner, library: Database) -> None:
    items = json.loads(export(runner, library, "-f", "csl-json"))
    assert {i["type"] for i in items} == {"article-newspaper"}
    with warnings.catch_warnings():  # citeproc-py does not know "citation-key" yet
        warnings.simplefilter("ignore", UserWarning)
        source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == len(items) == 2  # an entry per article
    assert any("Crowley" in r and "2022" in r for r in rendered)
    assert any(SPECIAL_TITLE in r for r in rendered)


def test_markdown_escapes_and_groups(runner: CliRunner, library: Database) -> None:
    text = export(runner, library, "-f", "markdown", "--group-by", "speaker")
    assert text.startswith("# Quotations")
    assert "## Antony J. Blinken" in text and "## Sergey V. Lavrov" in text
    assert r"R&D at 100% {costs} $5 \#1 ~ a\_b ^ c\\d" in text
