"""Dates as pages and records give them, read with dateutil, kept as the local date.

A datetime with an offset ("2019-11-18T20:00:00-05:00") is the date printed where the article
appeared: it is never converted to UTC.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

_ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_MONTH_NAME = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
EARLIEST = 1900  # CMS placeholders say 0001-01-01


def local_date(value: str) -> tuple[dt.date, bool] | None:
    """The date of a machine-written datetime, and whether it had a non-UTC offset."""
    from dateutil import parser

    value = value.strip()
    try:
        when = parser.isoparse(value) if _ISO.match(value) else None
    except (ValueError, OverflowError):
        when = None
    if when is None:
        if not _MONTH_NAME.search(value):
            return None  # "10/05/2022": day first or month first, a page cannot tell us
        try:
            with warnings.catch_warnings():  # an unknown zone name ("CET") is only dropped
                warnings.simplefilter("ignore")
                when = parser.parse(value)
        except (ValueError, OverflowError, TypeError):
            return None
    if when.year < EARLIEST:
        return None
    offset = when.utcoffset()
    return when.date(), bool(offset) and offset != dt.timedelta(0)


def printed_date(text: str, year: int | None = None) -> dt.date | None:
    """A date a reader sees ("Nov. 18, 2019 at 9:24 pm ET"), when it names the month (and
    the year, unless ``year`` is known from the page's machine-written dates)."""
    if not _MONTH_NAME.search(text) or not (year or _YEAR.search(text)):
        return None
    from dateutil import parser

    default = dt.datetime(year or EARLIEST, 1, 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            when = parser.parse(text, fuzzy=True, ignoretz=True, default=default)
    except (ValueError, OverflowError, TypeError):
        return None
    return when.date() if when.year >= EARLIEST else None


def parse_any_date(value: object) -> str | None:
    """An ISO date from whatever a record gives (ISO, RFC 2822, "Nov 19, 2019"), or ``None``."""
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    found = local_date(value)
    if found:
        return found[0].isoformat()
    from dateutil import parser

    try:
        when = parser.parse(value, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return when.date().isoformat() if when.year >= EARLIEST else None
