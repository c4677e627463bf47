"""Running the application under uvicorn, with the editor token from a file or the
environment."""

from __future__ import annotations

import os
from pathlib import Path

from quotedb.api import Database
from quotedb.errors import InputError

ENV_TOKEN = "QUOTEDB_EDITOR_TOKEN"
MIN_TOKEN = 16  # characters: a token is a secret, not a password to remember


def read_token(path: Path | None) -> str | None:
    """The editor token: the file's first line, else ``$QUOTEDB_EDITOR_TOKEN``, else None
    (read-only). A token shorter than 16 characters is refused."""
    if path is not None:
        try:
            token = path.read_text(encoding="utf-8").strip().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the editor token file {path}: {exc}") from exc
        value = token[0].strip() if token else ""
    else:
        value = os.environ.get(ENV_TOKEN, "").strip()
        if not value:
            return None
    if len(value) < MIN_TOKEN:
        raise InputError(f"the editor token must be at least {MIN_TOKEN} characters long")
    return value


def serve(database: Database, *, host: str, port: int, token: str | None) -> None:
    """Serve until interrupted (uvicorn's worker threads share the database's pool)."""
    import uvicorn

    from quotedb.web.app import Settings, create_app

    app = create_app(Settings(database, token))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
