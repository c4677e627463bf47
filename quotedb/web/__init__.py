"""``quotedb serve``: the web pages and the JSON API, a sibling of the CLI standing on
:mod:`quotedb.api` (and :mod:`quotedb.errors`) alone."""

from quotedb.web.app import Settings, create_app
from quotedb.web.server import ENV_TOKEN, read_token, serve

__all__ = ["ENV_TOKEN", "Settings", "create_app", "read_token", "serve"]
