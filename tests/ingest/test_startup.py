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
