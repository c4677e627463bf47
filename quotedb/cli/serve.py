"""``quotedb serve``: the web pages and JSON API over the same database."""

from pathlib import Path
from typing import Annotated

import typer

from quotedb.cli.common import DbOption, err, open_db, user_errors


@user_errors
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Address to listen on (localhost by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on (1-65535).")
    ] = 8000,
    editor_token_file: Annotated[
        Path | None,
        typer.Option(
            "--editor-token-file",
            metavar="FILE",
            help="A file whose first line is the editor token that corrections need "
            "(else $QUOTEDB_EDITOR_TOKEN; neither: the server is read-only).",
        ),
    ] = None,
) -> None:
    """Serve the web pages and the JSON API (/api/, /openapi.json) until interrupted."""
    from quotedb import web

    token = web.read_token(editor_token_file)
    database = open_db(db)
    mode = "corrections need the editor token" if token else "read-only"
    address = f"http://{host}:{port}/"
    err().print(f"Serving {database.description} on {address} ({mode})", highlight=False)
    web.serve(database, host=host, port=port, token=token)
