"""Heavy HTML and encoding-detection libraries load only when an input needs them."""

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
print(" ".join(m for m in ("trafilatura", "lxml", "charset_normalizer") if m in sys.modules))
"""


def loaded_modules(*args: str) -> set[str]:
    cmd = [sys.executable, "-c", PROBE, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    return set(proc.stdout.split())


def test_text_ingest_does_not_load_html_libraries(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    assert loaded_modules("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "q.db")) == set()


def test_html_ingest_loads_them(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>“Yes,” Jane Doe said at the meeting today.</p></body></html>")
    assert "trafilatura" in loaded_modules("ingest", str(page), "--db", str(tmp_path / "q.db"))
