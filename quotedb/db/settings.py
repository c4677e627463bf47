"""What names the database outside the code, importable without SQLAlchemy (the CLI's
options are declared before any command knows whether it needs a database)."""

ENV_VAR = "QUOTEDB_DB"
