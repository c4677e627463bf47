"""Alembic environment: an engine handed in by quotedb, or one built from the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from quotedb.db.engine import make_engine, resolve_url
from quotedb.db.fulltext import is_fulltext_object
from quotedb.db.models import Base

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    given = config.attributes.get("engine")
    if isinstance(given, Engine):
        return given
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option(
        "sqlalchemy.url"
    )
    return make_engine(resolve_url(url or None))


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave the full-text objects of migration 0002 out of autogenerate's comparison."""
    return not is_fulltext_object(name)


def run_migrations_offline() -> None:
    context.configure(
        url=str(resolve_url(config.get_main_option("sqlalchemy.url") or None)),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = _engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
