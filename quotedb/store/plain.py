"""The writer's plain statements, run on the session's connection.

Through the session, every statement would first flush pending ORM objects (autoflush);
the writer's new speakers and aliases are meant to go in once per batch, at commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.orm import Session


def run(
    session: Session, statement: Executable, rows: Any = None
) -> CursorResult[*tuple[Any, ...]]:
    """One statement; ``rows`` a list of parameter dicts for many rows at once."""
    return session.connection().execute(statement, rows)
