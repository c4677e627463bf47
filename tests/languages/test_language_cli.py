"""An article's language: detected or given (``--language``), stored (migration 0007),
shown and filtered by ``quotes``, ``search`` and ``export``; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.core.languages.detect import detect
from quotedb.db.migrations import downgrade, upgrade

GERMAN = (
    "Olaf Scholz besuchte am Montag die Baustelle in Köln und sprach mit den Arbeitern.\n"
    "„Wir bauen die Strecke bis zum nächsten Sommer vollständig aus“, sagte Scholz.\n"
)
FRENCH = (
    "Laurent Fabius a reçu jeudi les familles des victimes au ministère à Paris.\n"
    "« Nous resterons sur place aussi longtemps qu’il le faudra », a ajouté Laurent Fabius.\n"
)
ENGLISH = (
    "Jane Roe, the mayor of Ames, spoke to reporters on Monday about the new bridge.\n"
    "“We will open the bridge to traffic before the end of the summer,” Roe said.\n"
)


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (("de.txt", GERMAN), ("fr.txt", FRENCH), ("en.txt", ENGLISH)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("text", "code"),
    [(GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "en"), ("Hello there.", None)],
    ids=["german", "french", "english", "too_short_to_tell"],
)
def test_detect(text: str, code: str | None) -> None:
    assert detect(text) == code


def test_extract_detects_and_takes_an_override(runner: CliRunner, tmp_path: Path) -> None:
    folder = _articles(tmp_path)
    result = runner.invoke(app, ["extract", str(folder), "--with-article"])
    assert result.exit_code == 0, result.output
    rows = {Path(r["file"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert {n: r["language"] for n, r in rows.items()} == {
        "de.txt": "de",
        "fr.txt": "fr",
        "en.txt": "en",
    }
    speakers = {n: [q["speaker"] for q in r["quotations"]] for n, r in rows.items()}
    assert speakers == {
        "de.txt": ["Olaf Scholz"],
        "fr.txt": ["Laurent Fabius"],
        "en.txt": ["Jane Roe"],
    }
    # Read as a language without a lexicon: the quotation stays, its speaker is not guessed.
    forced = runner.invoke(
        app, ["extract", str(folder / "de.txt"), "--with-article", "--language", "pt"]
    )
    record = json.loads(forced.stdout)
    assert record["language"] == "pt"
    assert [q["speaker"] for q in record["quotations"]] == [None]
    assert record["quotations"][0]["evidence"] == "language pt: speakers not resolved"


def test_bad_language_code_is_a_clear_error(runner: CliRunner, tmp_path: Path, env_db: str) -> None:
    folder = _articles(tmp_path)
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    for args in (["extract", str(folder), "--language", "German!"], ["quotes", "--language", "x1"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "not a language code" in result.stderr and "Traceback" not in result.output


def test_stored_shown_and_filtered(runner: CliRunner, tmp_path: Path, env_db: str) -> None:
    folder = _articles(tmp_path)
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["quotes", "--format", "json"]).stdout)
    assert {r["article"]["language"] for r in listed} == {"de", "fr", "en"}
    german = json.loads(
        runner.invoke(app, ["quotes", "--language", "DE", "--format", "json"]).stdout
    )
    assert [r["speaker"] for r in german] == ["Olaf Scholz"]
    found = runner.invoke(app, ["search", "Strecke", "--language", "de", "--format", "json"])
    assert [r["speaker"] for r in json.loads(found.stdout)] == ["Olaf Scholz"]
    none = runner.invoke(app, ["search", "Strecke", "--language", "fr", "--format", "json"])
    assert json.loads(none.stdout) == []
    out = tmp_path / "fr.jsonl"
    exported = runner.invoke(app, ["export", "--language", "fr", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert [json.loads(line)["speaker"] for line in out.read_text().splitlines()] == [
        "Laurent Fabius"
    ]


def test_ingest_override(runner: CliRunner, tmp_path: Path, env_db: str) -> None:
    folder = _articles(tmp_path)
    result = runner.invoke(app, ["ingest", str(folder / "fr.txt"), "--language", "es"])
    assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(app, ["quotes", "--format", "json"]).stdout)
    assert [r["article"]["language"] for r in listed] == ["es"]


def test_migration_0007_up_and_down(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    db.ingest([str(_articles(tmp_path))])
    downgrade(db.engine, "0006")
    upgrade(db.engine)
    # Articles stored before the column came have no language until they are re-extracted.
    assert {r.article.language for r in db.quotes()} == {None}
    db.reextract()
    assert {r.article.language for r in db.quotes()} == {"de", "fr", "en"}
    db.close()


SCHOLZ_DE = (
    "Bundeskanzler Olaf Scholz besuchte am Montag die Baustelle in Köln.\n"
    "„Wir bauen bis 2030 genau 120 Kilometer neue Strecke“, sagte Scholz.\n"
)
SCHOLZ_EN = (
    "Chancellor Olaf Scholz visited the building site in Cologne on Monday.\n"
    "“By 2030 we will build exactly 120 kilometres of new track,” Scholz said.\n"
)
SCHOLZ_FR = (
    "Le chancelier Olaf Scholz a visité lundi le chantier à Cologne.\n"
    "« Nous parlerons avec nos partenaires européens très bientôt », a ajouté Olaf Scholz.\n"
)


def test_one_person_across_languages_and_who_finds_renderings(
    runner: CliRunner, tmp_path: Path, env_db: str
) -> None:
    folder = tmp_path / "scholz"
    folder.mkdir()
    for name, text in (("de.txt", SCHOLZ_DE), ("en.txt", SCHOLZ_EN), ("fr.txt", SCHOLZ_FR)):
        (folder / name).write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0
    people = json.loads(runner.invoke(app, ["people", "--format", "json"]).stdout)
    assert [(p["name"], p["quotations"]) for p in people] == [("Olaf Scholz", 3)]
    result = runner.invoke(
        app, ["who", "we will build 120 kilometres of track", "--format", "json"]
    )
    best = json.loads(result.stdout)[0]
    assert best["article"]["language"] == "en"
    # The German rendering shares the numbers; the French statement shares nothing.
    assert [(r["language"], r["shared"]) for r in best["renderings"]] == [("de", ["120", "2030"])]
    french = runner.invoke(app, ["who", "nous parlerons avec nos partenaires", "--format", "json"])
    match = json.loads(french.stdout)[0]
    assert match["renderings"] == []
    assert "share no number, name or quoted words" in match["renderings_note"]
    table = runner.invoke(app, ["who", "we will build 120 kilometres of track"])
    assert table.exit_code == 0 and "in de:" in table.stdout


def test_a_folder_is_grouped_without_the_language_model_in_memory(tmp_path: Path) -> None:
    """The model (about 80 MB) is let go once the last text has been read, before a whole
    folder's quotations are grouped into statements: the peak of `extract DIR` is lower."""
    from quotedb import api
    from quotedb.core.languages import detect as detection

    records = api.extract_stream([str(_articles(tmp_path))], stream=False)
    first = next(records)  # every text is read before the first record comes
    assert first["speaker"] and detection._identifier.cache_info().currsize == 0
    assert {r["file"] for r in [first, *records]} == {"de.txt", "fr.txt", "en.txt"}
    assert detect(GERMAN) == "de"  # read again when needed
