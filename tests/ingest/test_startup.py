"""What a command imports: heavy libraries and other commands' modules load only when needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .helpers import write_articles

PROBE = """
import sys
from quotedb.cli.app import main
try:
    main()
except SystemExit:
    pass
print(" ".join(sys.modules))
"""

HTML_LIBRARIES = {"trafilatura", "lxml", "charset_normalizer"}
# Export, search and query modules, with what only they use (nameparser for citations).
OTHER_COMMANDS = {
    "quotedb.export.document",
    "quotedb.export.records",
    "quotedb.export.selection",
    "quotedb.read.search",
    "quotedb.read.who",
    "quotedb.read.people",
    "quotedb.read.quotations",
    "quotedb.db.check",
    "nameparser",
    "frontmatter",
}


def loaded_modules(*args: str) -> set[str]:
    cmd = [sys.executable, "-c", PROBE, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    return set(proc.stdout.split())


def test_text_ingest_does_not_load_html_libraries(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    loaded = loaded_modules("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "q.db"))
    assert loaded & HTML_LIBRARIES == set()


def test_html_ingest_loads_them(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>“Yes,” Jane Doe said at the meeting today.</p></body></html>")
    assert "trafilatura" in loaded_modules("ingest", str(page), "--db", str(tmp_path / "q.db"))


def test_ingest_does_not_load_other_commands_modules(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    loaded = loaded_modules("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "q.db"))
    assert loaded & OTHER_COMMANDS == set()
    assert "quotedb.export.document" in loaded_modules("export", "--db", str(tmp_path / "q.db"))


# What only a database needs: ``extract`` reads files and writes JSON without one.
DATABASE_LIBRARIES = {"sqlalchemy", "alembic", "quotedb.db.engine", "quotedb.db.models"}
LANGUAGE_MODEL = {"py3langid", "numpy"}


def test_extract_does_not_load_the_database_layer(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    for mode in ([], ["--with-article"], ["--stream"]):
        loaded = loaded_modules("extract", str(tmp_path / "in"), *mode)
        assert loaded & DATABASE_LIBRARIES == set(), mode


def test_extract_of_plainly_english_articles_does_not_load_the_language_model(
    tmp_path: Path,
) -> None:
    english = tmp_path / "en.txt"
    english.write_text(
        "The mayor of Ames said on Monday that the new bridge would be open to traffic before "
        "the end of the summer, and that the city had been waiting for it for years. "
        "“It will open when it is safe,” Jane Roe told reporters at the site.",
        encoding="utf-8",
    )
    assert loaded_modules("extract", str(english)) & LANGUAGE_MODEL == set()
    german = tmp_path / "de.txt"
    german.write_text(
        "Der Bürgermeister sagte am Montag, die neue Brücke werde vor dem Ende des Sommers "
        "für den Verkehr freigegeben. „Wir haben lange gewartet“, sagte Anna Schmidt.",
        encoding="utf-8",
    )
    assert "py3langid" in loaded_modules("extract", str(german))


def test_reading_commands_do_not_load_the_extraction_pipeline(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    write_articles(tmp_path / "in", 2)
    assert "quotedb.core.pipeline" in loaded_modules("ingest", str(tmp_path / "in"), "--db", db)
    for command in (["quotes"], ["people"], ["search", "budget"], ["--help"]):
        assert "quotedb.core.pipeline" not in loaded_modules(*command, "--db", db), command


# What ingest needs and the reading commands do not: reading inputs, extraction tasks, what
# workers prepare for the store, byline splitting (the API names only their defaults).
INGEST_MODULES = {
    "quotedb.ingest.tasks",
    "quotedb.ingest.read",
    "quotedb.store.prepare",
    "quotedb.ingest.bylines",
}


def test_reading_commands_do_not_load_the_ingest_stages(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    write_articles(tmp_path / "in", 1)
    loaded = loaded_modules("ingest", str(tmp_path / "in"), "--db", db)
    assert loaded >= INGEST_MODULES - {"quotedb.ingest.bylines"}  # no byline to split
    for command in (["--help"], ["quotes", "--db", db]):
        assert loaded_modules(*command) & INGEST_MODULES == set(), command
