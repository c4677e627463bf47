"""Who may write, and forms no other site can submit.

Writes need the editor token the server was started with (none: the server is read-only).
The JSON API takes it in a header (``Authorization: Bearer …`` or ``X-Editor-Token``),
which a cross-site form cannot send; a page's form takes it in a field and also carries a
CSRF token equal to a cookie of ours (double submit: another site can neither read the
cookie nor set it, and the cookie is ``SameSite=Strict``).
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

CSRF_COOKIE = "quotedb_csrf"
CSRF_FIELD = "csrf"
TOKEN_HEADER = "x-editor-token"
READ_ONLY = "this server is read-only: start it with --editor-token-file to allow corrections"
WRONG_TOKEN = "a correction needs the editor token"
BAD_CSRF = "the form has expired or came from another site: reload the page and try again"


def same(given: str | None, expected: str | None) -> bool:
    """Constant-time equality of two secrets; never true when either is missing."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def require_editor(expected: str | None, given: str | None) -> None:
    """403 unless the server has an editor token and ``given`` is it."""
    if expected is None:
        raise HTTPException(403, READ_ONLY)
    if not same(given, expected):
        raise HTTPException(403, WRONG_TOKEN)


def header_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value:
        return value.strip()
    return request.headers.get(TOKEN_HEADER)


def csrf_value(request: Request) -> str:
    """The CSRF token of this browser: its cookie's, else a new one (set by the page)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)


def check_csrf(request: Request, submitted: str | None) -> None:
    if not same(submitted, request.cookies.get(CSRF_COOKIE)):
        raise HTTPException(403, BAD_CSRF)
