"""A count of writing transactions, so a writer can tell whether anybody else wrote since

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 19:45:00

The ingest writer keeps what it loaded (clustering candidates, speakers) from one
transaction to the next while no other transaction wrote. On PostgreSQL a statement
trigger on every table counts each transaction that writes, once, in ``write_stamps``;
SQLite has ``PRAGMA data_version`` for that and only gets the (unused) table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "articles",
    "speakers",
    "aliases",
    "roles",
    "clusters",
    "quotations",
    "corrections",
    "retired_quotations",
)

# Before the statement, so a writing transaction takes the stamp's row lock before any
# other row lock (no deadlock through it); once per transaction (a setting local to it).
COUNT_WRITE = """
CREATE FUNCTION quotedb_count_write() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    IF current_setting('quotedb.counted', true) IS DISTINCT FROM 'on' THEN
        UPDATE write_stamps SET writes = writes + 1 WHERE id = 1;
        PERFORM set_config('quotedb.counted', 'on', true);
    END IF;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "write_stamps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("writes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_write_stamps")),
    )
    op.execute("INSERT INTO write_stamps (id, writes) VALUES (1, 0)")
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(COUNT_WRITE)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_count_write BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION quotedb_count_write()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_count_write ON {table}")
        op.execute("DROP FUNCTION quotedb_count_write()")
    op.drop_table("write_stamps")
