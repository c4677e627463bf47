"""Ingest's default limits, in a module of their own: the API's signatures name them, and
importing the modules that enforce them would cost every command's start-up the core."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a long article is 100 kB; a book, 1 MB
DEFAULT_TIMEOUT = 60.0  # seconds to read and extract one article
