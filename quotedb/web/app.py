"""The ASGI application: pages, the JSON API, static files, and errors as the user's
(400/403/404/422 with a one-line message, never a traceback)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotedb.api import Database
from quotedb.errors import QuotedbError
from quotedb.web import jsonapi, pages
from quotedb.web.security import CSRF_COOKIE, csrf_value

MAX_BODY = 64 * 1024  # bytes of a request body: corrections are small


@dataclass(frozen=True, slots=True)
class Settings:
    database: Database
    editor_token: str | None = None  # None: read-only


def templates() -> Environment:
    """Jinja2 with autoescaping on for every template: every value from the database is
    hostile input."""
    env = Environment(loader=PackageLoader("quotedb.web"), autoescape=True)
    env.globals["csrf_cookie"] = CSRF_COOKIE
    env.filters["label"] = article_label
    return env


def article_label(article: dict[str, Any]) -> str:
    """What names an article on a page: the API's label when the record has one, else its
    title, else its file's name, else its id."""
    source = str(article.get("source") or "").replace("\\", "/").rsplit("/", 1)[-1]
    named = article.get("label") or article.get("title") or source
    return str(named or f"article {article.get('id')}")


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="quotedb",
        summary="Who said what, where and when: quotations attributed in the news.",
        version="0.1.0",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.database = settings.database
    app.state.editor_token = settings.editor_token or None
    app.state.templates = templates()
    app.include_router(jsonapi.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("quotedb.web", "static")]), name="static")
    app.add_exception_handler(QuotedbError, _user_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.middleware("http")(_limits)
    return app


async def _limits(request: Request, call_next: Any) -> Response:
    """Refuse a body larger than corrections need before reading it, and set headers that
    keep pages from being framed or running others' scripts."""
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_BODY:
        return _error(request, 413, "the request body is too large")
    response: Response = await call_next(request)
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


# What the API says when an id or a name denotes nothing: a 404, not a mistake in the request.
MISSING = re.compile(r"^no (quotation|article|speaker|statement|correction) (with id|named) ")


async def _user_error(request: Request, exc: Exception) -> Response:
    status = 404 if MISSING.match(str(exc)) else 400
    return _error(request, status, str(exc))


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
        for e in exc.errors()
    ]
    return _error(request, 422, "; ".join(problems) or "invalid request")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _error(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))


def _error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """JSON for the API, a page for a person."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": message}, status, headers)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(
        status=status, message=message, csrf=csrf_value(request)
    )
    return HTMLResponse(html, status, headers)
