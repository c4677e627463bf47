"""Errors a user can cause and fix; the CLI prints them without a traceback."""


class QuotedbError(Exception):
    """Base class: the message is meant for the user."""


class DatabaseURLError(QuotedbError):
    """The database URL or path cannot be used."""


class InputError(QuotedbError):
    """An input file or stream cannot be read as an article."""


class QueryError(QuotedbError):
    """A query, filter or date cannot be understood."""


class DatabaseStateError(QuotedbError):
    """The database is damaged, not quotedb's, newer than this quotedb, or (for a command
    that only reads) empty."""


class OutputError(QuotedbError):
    """An output file cannot be written."""
