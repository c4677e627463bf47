"""``--csl FILE``: a citation list in a style file the user gives, through citeproc-py."""

from __future__ import annotations

from pathlib import Path

import citeproc
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from tests.export.test_formats import export
from tests.export.test_hostile import inert

HARVARD = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"


def test_any_csl_style(runner: CliRunner, library: Database) -> None:
    text = export(runner, library, "--csl", str(HARVARD))
    assert text.startswith("# Quotations (Cite Them Right")
    assert "(Crowley and Troianovski, 2022, para. 1)" in text
    references = text.split("# References", 1)[1]
    assert references.count("Crowley, M.") == 1  # one entry per article


def test_csl_list_passes_no_markup(runner: CliRunner, hostile: Database) -> None:
    text = export(runner, hostile, "--csl", str(HARVARD))
    assert inert(text) and "Associated Press" in text


def test_a_file_that_is_not_a_style(runner: CliRunner, library: Database, tmp_path: Path) -> None:
    url = library.url.render_as_string(hide_password=False)
    bad = tmp_path / "style.csl"
    bad.write_text("not xml", encoding="utf-8")
    for path in (bad, tmp_path / "missing.csl"):
        result = runner.invoke(app, ["export", "--db", url, "--csl", str(path)])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "CSL style" in result.stderr
