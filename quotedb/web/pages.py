"""The HTML pages, rendered on the server (they work without JavaScript), and the forms
that correct attributions (editor token and CSRF token required)."""

from __future__ import annotations

import io
import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment
from markupsafe import Markup, escape

from quotedb.api import CitationStyle, Database, ExportFormat, write_records
from quotedb.web import render
from quotedb.web.jsonapi import MAX_ID, Db, Filtered, Id
from quotedb.web.params import (
    DEFAULT_PAGE,
    MAX_NAME,
    Cursor,
    Limit,
    Name,
    Offset,
    Shown,
    Text,
    printable,
)
from quotedb.web.reads import Marks, Mode, listing
from quotedb.web.render import record, records
from quotedb.web.security import CSRF_COOKIE, check_csrf, csrf_value, require_editor

router = APIRouter(include_in_schema=False)

# The citations a quotation page offers to copy: label -> (format, style).
CITATIONS: tuple[tuple[str, ExportFormat, CitationStyle | None], ...] = (
    ("APA", ExportFormat.jsonl, CitationStyle.apa),
    ("MLA", ExportFormat.jsonl, CitationStyle.mla),
    ("Chicago", ExportFormat.jsonl, CitationStyle.chicago),
    ("BibTeX", ExportFormat.bibtex, None),
    ("RIS", ExportFormat.ris, None),
    ("CSL-JSON", ExportFormat.csl_json, None),
)
FormText = Annotated[str, Form(max_length=MAX_NAME)]
OptionalFormText = Annotated[str | None, Form(max_length=MAX_NAME)]


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered page, with this browser's CSRF cookie (set when it has none)."""
    env: Environment = request.app.state.templates
    csrf = csrf_value(request)
    context |= {"csrf": csrf, "writable": request.app.state.editor_token is not None}
    response = HTMLResponse(env.get_template(template).render(request=request, **context), status)
    if request.cookies.get(CSRF_COOKIE) != csrf:
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
    return response


def marked(snippet: str) -> Markup:
    """A snippet the API escaped, with its matches between <mark> tags."""
    return Markup(snippet)  # safe: built by the API from escaped text and our marks


# ---------------------------------------------------------------- search


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    db: Db,
    f: Filtered,
    q: Text = None,
    mode: Mode = Mode.words,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
    after: Cursor = None,
    at: Shown = 0,
) -> HTMLResponse:
    """One box for words, a phrase or a half-remembered quotation; facets; paging (the
    listing without words by cursor, so its pages go as deep as the archive; ``at``: how
    many rows came before the page, to number it)."""
    q = (printable(q) or "").strip() or None
    keep = f.query() | ({"q": q, "mode": mode.value} if q else {})
    if not keep:  # the landing page: a box and ways in (listing everything is no start)
        return page(request, "search.html", q="", mode=mode.value, filters=f, result=None, keep={})
    if limit != DEFAULT_PAGE:
        keep["limit"] = str(limit)
    result = listing(db, q, mode, f, limit=limit, offset=offset, marks=HTML_MARKS, after=after)
    for r in result.records:
        r["snippet_html"] = marked(r["snippet"]) if "snippet" in r else None
        r["context_html"] = marked(r["context"]) if r.get("context") else None
    before = (at if after is not None else 0) + offset
    return page(
        request,
        "search.html",
        q=q or "",
        mode=mode.value,
        filters=f,
        result=result,
        keep=keep,
        link=_link,
        at=before,
        after=after,
        prev_offset=max(offset - limit, 0) if offset and after is None else None,
        next_offset=offset + limit if result.more and result.next is None else None,
        limit=limit,
    )


def _escape(text: str) -> str:
    return str(escape(text))


HTML_MARKS = Marks(_escape, ("<mark>", "</mark>"))


def _link(path: str, keep: dict[str, str], **changes: Any) -> str:
    """``path`` with the query kept, changed (None removes a parameter)."""
    query = {k: v for k, v in ({**keep, **changes}).items() if v not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path


@router.get("/search.json")
def search_json(
    db: Db,
    f: Filtered,
    q: Text = None,
    mode: Mode = Mode.words,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
    after: Cursor = None,
) -> Response:
    result = listing(db, printable(q), mode, f, limit=limit, offset=offset, after=after)
    return _json(result.records)


@router.get("/search.csv")
def search_csv(
    db: Db,
    f: Filtered,
    q: Text = None,
    mode: Mode = Mode.words,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
    after: Cursor = None,
) -> Response:
    result = listing(db, printable(q), mode, f, limit=limit, offset=offset, after=after)
    return _csv(result.records, "quotations.csv")


def _json(data: Any) -> Response:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(text, media_type="application/json")


def _csv(rows: list[dict[str, Any]], name: str) -> Response:
    """Rows as the CLI's listings write CSV (nested fields lifted, no formula cells)."""
    out = io.StringIO()
    write_records(rows, "csv", out)
    headers = {"Content-Disposition": f'inline; filename="{name}"'}
    return Response(out.getvalue(), media_type="text/csv", headers=headers)


# ---------------------------------------------------------------- one quotation


@router.get("/quotations/{quotation_id}", response_class=HTMLResponse)
def quotation_page(request: Request, db: Db, quotation_id: Id) -> HTMLResponse:
    """The quotation in its paragraph, its speaker and cue marked, its article, its other
    renderings, citations to copy and a form to correct it."""
    view = record(db.show(quotation_id))
    article = record(db.article(view["article"]["id"]))
    spans = render.quotation_spans(view)
    return page(
        request,
        "quotation.html",
        q=view,
        article=article,
        link=render.safe_link(article["url"]),
        parts=render.segments(view["paragraph"], spans, view["paragraph_start"]),
        others=sorted(view["variants"], key=_published),
        earliest=_earliest([view, *view["variants"]]),
        citations=_citations(db, quotation_id),
        done=request.query_params.get("done"),
    )


def _citations(db: Database, quotation_id: int) -> list[tuple[str, str]]:
    """Each citation to copy, labelled: the export's text without its Markdown headings."""
    texts = db.citations(quotation_id, [(f, s) for _, f, s in CITATIONS])
    return [(label, _unheaded(t)) for (label, _, _), t in zip(CITATIONS, texts, strict=True)]


def _unheaded(text: str) -> str:
    lines = [line for line in text.splitlines() if not line.startswith("# ")]
    return "\n".join(lines).strip() + "\n"


def _published(r: dict[str, Any]) -> tuple[bool, str]:
    """Sorts by the article's date, undated last."""
    day = r["article"]["published"]
    return day is None, day or ""


def _earliest(renderings: list[dict[str, Any]]) -> str | None:
    """The first date any of these renderings was published (to mark it)."""
    return min(
        (r["article"]["published"] for r in renderings if r["article"]["published"]), default=None
    )


@router.post("/quotations/{quotation_id}/correct")
def correct_quotation(
    request: Request,
    db: Db,
    quotation_id: Id,
    csrf: Annotated[str, Form(max_length=100)],
    editor_token: Annotated[str, Form(max_length=500)] = "",
    action: Annotated[str, Form(pattern="^(speaker|not-quote)$")] = "speaker",
    to: OptionalFormText = None,
    kind: Annotated[str, Form(pattern="^(person|organization|unnamed|unknown)$")] = "person",
) -> Response:
    """The "wrong attribution?" form: reattribute, or say it is no quotation."""
    check_csrf(request, csrf)
    require_editor(request.app.state.editor_token, editor_token)
    if action == "not-quote":
        db.correct_not_quote(quotation_id)
        return RedirectResponse("/?done=removed", 303)
    name = (printable(to) or "").strip() or None
    db.correct_speaker(quotation_id, None if kind == "unknown" else name, kind)
    return RedirectResponse(f"/quotations/{quotation_id}?done=corrected", 303)


# ---------------------------------------------------------------- people


@router.get("/people", response_class=HTMLResponse)
def people_page(
    request: Request, db: Db, kind: Name = None, limit: Limit = 100, offset: Offset = 0
) -> HTMLResponse:
    rows = _people(db, kind, limit, offset)
    return page(request, "people.html", people=rows, kind=kind or "", offset=offset, limit=limit)


@router.get("/people.json")
def people_json(db: Db, kind: Name = None, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _json(_people(db, kind, limit, offset))


@router.get("/people.csv")
def people_csv(db: Db, kind: Name = None, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _csv(_people(db, kind, limit, offset), "people.csv")


def _people(db: Db, kind: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    return records(db.people(speaker_kind=printable(kind) or None, limit=limit, offset=offset))


@router.get("/people/{speaker_id}", response_class=HTMLResponse)
def person_page(request: Request, db: Db, speaker_id: Id) -> HTMLResponse:
    """Name, kind, aliases, roles, quotations over time and per outlet, duplicates."""
    p = record(db.speaker(speaker_id))
    recent = records(db.quotes(by=str(p["name"]), limit=DEFAULT_PAGE))
    return page(
        request,
        "person.html",
        p=p,
        chart=render.bars([(t["month"], t["quotations"]) for t in p["timeline"]]),
        quotations=[q for q in recent if q["speaker"] == p["name"]],
        done=request.query_params.get("done"),
    )


@router.post("/people/{speaker_id}/merge")
def merge_person(
    request: Request,
    db: Db,
    speaker_id: Id,
    csrf: Annotated[str, Form(max_length=100)],
    other: Annotated[int, Form(ge=1, le=MAX_ID)],
    editor_token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Merge a likely duplicate into this speaker."""
    check_csrf(request, csrf)
    require_editor(request.app.state.editor_token, editor_token)
    if other == speaker_id:
        raise HTTPException(400, "a speaker cannot be merged into itself")
    db.correct_merge(str(speaker_id), str(other))
    return RedirectResponse(f"/people/{speaker_id}?done=merged", 303)


@router.post("/people/{speaker_id}/split")
def split_person(
    request: Request,
    db: Db,
    speaker_id: Id,
    csrf: Annotated[str, Form(max_length=100)],
    alias: FormText,
    editor_token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Split a wrongly merged alias off into a speaker of its own."""
    check_csrf(request, csrf)
    require_editor(request.app.state.editor_token, editor_token)
    db.correct_split(str(speaker_id), printable(alias) or "")
    return RedirectResponse(f"/people/{speaker_id}?done=split", 303)


# ---------------------------------------------------------------- articles, citations


@router.get("/articles/{article_id}.json")
def article_json(db: Db, article_id: Id) -> Response:
    return _json(record(db.article(article_id)))


@router.get("/articles/{article_id}.csv")
def article_csv(db: Db, article_id: Id) -> Response:
    return _csv(record(db.article(article_id))["quotations"], f"article-{article_id}.csv")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, db: Db, article_id: Id) -> HTMLResponse:
    """The article's text with its quotations marked (each a link to its page)."""
    a = record(db.article(article_id))
    spans = [render.Span(q["start"], q["end"], "quote", q["id"]) for q in a["quotations"]]
    return page(
        request,
        "article.html",
        a=a,
        link=render.safe_link(a["url"]),
        parts=render.segments(a["text"], spans),
    )


# ---------------------------------------------------------------- statements


@router.get("/statements/{statement_id}.json")
def statement_json(db: Db, statement_id: Id) -> Response:
    return _json(record(db.statement(statement_id)))


@router.get("/statements/{statement_id}.csv")
def statement_csv(db: Db, statement_id: Id) -> Response:
    rows = record(db.statement(statement_id))["quotations"]
    return _csv(rows, f"statement-{statement_id}.csv")


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(request: Request, db: Db, statement_id: Id) -> HTMLResponse:
    """One utterance across outlets: who carried it when, each rendering's words against
    the representative wording."""
    st = record(db.statement(statement_id))
    renderings = [
        {"q": q, "diff": render.word_diff(st["text"], q["text"])} for q in st["quotations"]
    ]
    return page(
        request,
        "statement.html",
        st=st,
        renderings=renderings,
        earliest=_earliest(st["quotations"]),
    )
