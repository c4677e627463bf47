"""The JSON API under ``/api/``: the CLI's reads and corrections, with the CLI's filter
names and the records ``quotedb.api`` returns (one implementation behind both)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from quotedb.api import CitationStyle, Database, ExportFormat
from quotedb.web.params import (
    DEFAULT_PAGE,
    MAX_NAME,
    MAX_QUERY,
    Cursor,
    Filters,
    Limit,
    Name,
    Offset,
    Text,
    filters,
    printable,
)
from quotedb.web.reads import Mode, listing
from quotedb.web.render import record, records
from quotedb.web.security import header_token, require_editor

MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
MEDIA = {
    ExportFormat.csv: "text/csv",
    ExportFormat.json: "application/json",
    ExportFormat.jsonl: "application/x-ndjson",
    ExportFormat.csl_json: "application/vnd.citationstyles.csl+json",
    ExportFormat.bibtex: "application/x-bibtex",
    ExportFormat.biblatex: "application/x-bibtex",
    ExportFormat.ris: "application/x-research-info-systems",
    ExportFormat.markdown: "text/markdown",
}

router = APIRouter(prefix="/api", tags=["api"])


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


Db = Annotated[Database, Depends(database)]
Filtered = Annotated[Filters, Depends(filters)]


def editor(request: Request) -> None:
    """403 unless the request carries the server's editor token (a FastAPI dependency)."""
    require_editor(request.app.state.editor_token, header_token(request))


Editor = Depends(editor)


@router.get("/quotations")
def quotations(
    db: Db,
    f: Filtered,
    q: Text = None,
    mode: Mode = Mode.words,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
    after: Cursor = None,
) -> dict[str, Any]:
    """Quotations matching ``q`` (best first; ``mode=who``: closest statements), else all
    of them oldest first, narrowed by the filters; ``next``: the cursor (``after=``) of the
    listing's next page, which costs what the first page costs however deep it is."""
    words = printable(q)
    page = listing(db, words, mode, f, limit=limit, offset=offset, after=after, counted=False)
    listed = {"quotations": page.records, "offset": offset, "limit": limit, "more": page.more}
    return listed if words else listed | {"next": page.next}


@router.get("/quotations/{quotation_id}")
def quotation(db: Db, quotation_id: Id) -> dict[str, Any]:
    """A quotation in its paragraph, how its speaker was found, its other renderings."""
    return record(db.show(quotation_id))


@router.get("/quotations/{quotation_id}/citation", response_class=PlainTextResponse)
def citation(
    db: Db,
    quotation_id: Id,
    format: ExportFormat = ExportFormat.bibtex,
    style: CitationStyle | None = None,
) -> PlainTextResponse:
    """One quotation as a citation (a style wins over the format)."""
    text = db.cite(quotation_id, fmt=format, style=style)
    return PlainTextResponse(text, media_type=_media(format, style))


@router.get("/who")
def who(
    db: Db,
    f: Filtered,
    text: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    """Was it said? The verdict (``message`` in words) and the attested quotations closest
    to a half-remembered one (``hits``, each with a similarity), as ``quotedb who``."""
    return record(db.attest(printable(text) or "", **f.api(), limit=limit))


@router.get("/people")
def people(
    db: Db,
    kind: Name = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """Speakers with their number of quotations, most quoted first (``kind``: a speaker
    kind)."""
    return records(db.people(speaker_kind=printable(kind) or None, limit=limit, offset=offset))


@router.get("/people/{speaker_id}")
def person(db: Db, speaker_id: Id) -> dict[str, Any]:
    """A speaker: aliases with counts, roles, outlets, quotations per month, duplicates."""
    return record(db.speaker(speaker_id))


@router.get("/statements/{statement_id}")
def statement(db: Db, statement_id: Id) -> dict[str, Any]:
    """One utterance: its representative wording and every rendering, oldest first."""
    return record(db.statement(statement_id))


@router.get("/articles/{article_id}")
def article(db: Db, article_id: Id) -> dict[str, Any]:
    """An article's metadata and text with its quotations."""
    return record(db.article(article_id))


@router.get("/export", response_class=PlainTextResponse)
def export(
    db: Db,
    f: Filtered,
    q: Text = None,
    format: ExportFormat = ExportFormat.jsonl,
    style: CitationStyle | None = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> PlainTextResponse:
    """The selection as ``quotedb export`` writes it: data or a citation list."""
    out = io.StringIO()
    db.export(out, fmt=format, style=style, phrase=printable(q) or None, limit=limit, **f.api())
    return PlainTextResponse(out.getvalue(), media_type=_media(format, style))


@router.get("/corrections")
def corrections(db: Db) -> list[dict[str, Any]]:
    """The corrections made by hand, oldest first."""
    return records(db.corrections())


# ---------------------------------------------------------------- corrections


class Reattribution(BaseModel):
    to: str | None = Field(None, min_length=1, max_length=MAX_NAME)
    kind: str = Field("person", pattern="^(person|organization|unnamed|unknown)$")


class Other(BaseModel):
    other: str = Field(min_length=1, max_length=MAX_NAME, description="A name or an id.")


class AliasBody(BaseModel):
    alias: str = Field(min_length=1, max_length=MAX_NAME)


class NameBody(BaseModel):
    name: str = Field(min_length=1, max_length=MAX_NAME)


class ArticleEdit(BaseModel):
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    authors: list[Annotated[str, Field(max_length=MAX_NAME)]] | None = Field(None, max_length=50)
    published: dt.date | None = None
    url: str | None = Field(None, max_length=2000)


@router.post("/quotations/{quotation_id}/speaker", dependencies=[Editor])
def correct_speaker(db: Db, quotation_id: Id, body: Reattribution) -> dict[str, Any]:
    """Reattribute a quotation (kind ``unknown`` without a name: to nobody)."""
    return record(db.correct_speaker(quotation_id, printable(body.to), body.kind))


@router.post("/quotations/{quotation_id}/not-quote", dependencies=[Editor])
def correct_not_quote(db: Db, quotation_id: Id) -> dict[str, Any]:
    """Remove something wrongly taken for a quotation."""
    return record(db.correct_not_quote(quotation_id))


@router.post("/people/{speaker_id}/merge", dependencies=[Editor])
def correct_merge(db: Db, speaker_id: Id, body: Other) -> dict[str, Any]:
    """The other speaker is this one: everything of theirs moves here."""
    return record(db.correct_merge(str(speaker_id), printable(body.other) or ""))


@router.post("/people/{speaker_id}/split", dependencies=[Editor])
def correct_split(db: Db, speaker_id: Id, body: AliasBody) -> dict[str, Any]:
    """A wrongly merged alias becomes a speaker of its own."""
    return record(db.correct_split(str(speaker_id), printable(body.alias) or ""))


@router.post("/people/{speaker_id}/rename", dependencies=[Editor])
def correct_rename(db: Db, speaker_id: Id, body: NameBody) -> dict[str, Any]:
    """Choose a speaker's label by hand."""
    return record(db.correct_rename(str(speaker_id), printable(body.name) or ""))


@router.post("/articles/{article_id}", dependencies=[Editor])
def edit_article(db: Db, article_id: Id, body: ArticleEdit) -> dict[str, Any] | None:
    """Set an article's metadata by hand (the fields given)."""
    for value in (body.title, body.outlet, body.url, *(body.authors or [])):
        printable(value)
    changed = db.edit_article(article_id, **body.model_dump())
    return record(changed) if changed is not None else None


@router.post("/corrections/{correction_id}/undo", dependencies=[Editor])
def undo(db: Db, correction_id: Id) -> dict[str, Any]:
    """Take a correction back."""
    return record(db.correct_undo(correction_id))


def _media(fmt: ExportFormat, style: CitationStyle | None) -> str:
    return "text/markdown" if style is not None else MEDIA[fmt]
