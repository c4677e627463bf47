"""JSON Lines, CSV and ungrouped JSON are written from records streamed out of one query:
the same bytes as the quotations loaded as objects give, for every selection."""

from __future__ import annotations

import io

import pytest

from quotedb.api import Database, selection
from quotedb.export.choices import ExportFormat
from quotedb.export.document import RECORD_WRITERS, prepared_export, write_export
from quotedb.export.selection import select_quotations
from tests.export.conftest import HOSTILE, fill

SELECTIONS = {
    "everything": {"limit": None},
    "first": {"limit": 1},
    "past the first": {"limit": None, "offset": 1},
    "newest": {"limit": None, "sort": "newest"},
    "by speaker": {"limit": None, "sort": "speaker"},
    "by confidence": {"limit": None, "sort": "confidence"},
    "one speaker": {"limit": None, "by": "Blinken"},
    "one outlet": {"limit": None, "outlet": "ap news"},
}


def objects_written(db: Database, fmt: ExportFormat, phrase: str | None, **select: object) -> str:
    out = io.StringIO()
    with db.session() as s:
        write_export(select_quotations(s, selection(**select), phrase), out, fmt)  # type: ignore[arg-type]
    return out.getvalue()


def streamed(db: Database, fmt: ExportFormat, phrase: str | None, **select: object) -> str:
    out = io.StringIO()
    with db.session() as s:
        prepared_export(s, selection(**select), phrase, fmt)(out)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("fmt", list(RECORD_WRITERS), ids=lambda f: f.value)
@pytest.mark.parametrize("select", list(SELECTIONS.values()), ids=list(SELECTIONS))
def test_streamed_records_match_the_objects(
    library: Database, fmt: ExportFormat, select: dict[str, object]
) -> None:
    fill(library, HOSTILE)
    expected = objects_written(library, fmt, None, **select)
    assert streamed(library, fmt, None, **select) == expected
    assert expected.strip("[]\n").strip(), "the selection holds quotations"


@pytest.mark.parametrize("fmt", list(RECORD_WRITERS), ids=lambda f: f.value)
@pytest.mark.parametrize("phrase", ["trade", '"we have closed"', "door OR paper"])
def test_streamed_matches_of_a_phrase(library: Database, fmt: ExportFormat, phrase: str) -> None:
    fill(library, HOSTILE)
    expected = objects_written(library, fmt, phrase, limit=None)
    assert streamed(library, fmt, phrase, limit=None) == expected
    assert expected.strip("[]\n").strip(), "the phrase matches something"
