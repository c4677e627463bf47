"""Alembic, driven from code: the CLI migrates a fresh database on first use.

Alembic is imported only when a migration or a revision listing is needed: importing it
costs most of a second, and every command checks the schema at start-up (with plain SQL).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from quotedb.errors import QueryError

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^(down_revision|revision)\b[^=]*=\s*(?:[\"']([^\"']+)[\"']|None)", re.M)


def script_location() -> Path:
    """The packaged copy in a wheel, the top-level ``alembic/`` in a checkout."""
    pkg = Path(__file__).resolve().parent.parent  # the quotedb package
    for candidate in (pkg / "_alembic", pkg.parent / "alembic"):
        if (candidate / "env.py").exists():
            return candidate
    raise FileNotFoundError("quotedb's Alembic scripts are missing from this installation")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config(stdout=sys.stdout)  # the default is bound when alembic is first imported
    cfg.set_main_option("script_location", str(script_location()))
    url = engine.url.render_as_string(hide_password=False)
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escapes
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(alembic_config(engine), revision)
    except CommandError as exc:  # a revision that does not exist, or lies the other way
        raise QueryError(f"cannot upgrade to {revision!r}: {exc}") from None


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command
    from alembic.util import CommandError

    try:
        command.downgrade(alembic_config(engine), revision)
    except CommandError as exc:
        raise QueryError(f"cannot downgrade to {revision!r}: {exc}") from None


def ensure_head(engine: Engine) -> bool:
    """Migrate to head when behind; True when something was applied."""
    if _stored_revision(engine) == _script_head() is not None:
        return False
    if current_revision(engine) == head_revision(engine):
        return False
    upgrade(engine)
    return True


def stored_revision(engine: Engine) -> str | None:
    """The database's revision, read cheaply (None: not migrated yet, or unreadable)."""
    return _stored_revision(engine)


def _stored_revision(engine: Engine) -> str | None:
    """The database's revision by plain SQL (None: not migrated yet, or unreadable)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def _script_head() -> str | None:
    """The one head of the revision scripts, read from their source (None: not one)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (script_location() / "versions").glob("*.py"):
        found = dict((m[1], m[2]) for m in _REVISION.finditer(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            parents.add(found.get("down_revision") or "")
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
