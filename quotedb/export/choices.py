"""What an export can be asked for: data formats, citation styles, grouping.

Apart from the writers, so that the CLI offers these choices without importing them.
"""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    bibtex = "bibtex"
    biblatex = "biblatex"
    ris = "ris"
    csl_json = "csl-json"


class CitationStyle(StrEnum):
    apa = "apa"
    mla = "mla"
    chicago = "chicago"


class GroupBy(StrEnum):
    speaker = "speaker"
    article = "article"
