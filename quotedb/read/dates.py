"""Dates as a user types them: ``2022``, ``2022-01``, ``2022-01-18``, ``18 January 2022``,
``Jan 2022``. A partial date stands for a period, so ``--since`` takes its first day and
``--until`` its last: ``--until 2022`` keeps all of 2022.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from quotedb.errors import QueryError

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})\s*$")
HINT = "give a year (2022), a month (2022-01, January 2022) or a day (2022-01-18, 18 Jan 2022)"


def period(value: str | dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a typed date stands for."""
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day, day
    if m := _YEAR.match(value):
        year = _year(int(m[1]), value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := _YEAR_MONTH.match(value):
        return _month(_year(int(m[1]), value), int(m[2]), value)
    return _parsed(value)


def first_day(value: str | dt.date | None) -> dt.date | None:
    return period(value)[0] if value is not None else None


def last_day(value: str | dt.date | None) -> dt.date | None:
    return period(value)[1] if value is not None else None


def _year(year: int, value: str) -> int:
    if not 1 <= year <= 9999:
        raise QueryError(f"not a date: {value!r} ({HINT})")
    return year


def _month(year: int, month: int, value: str) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12:
        raise QueryError(f"not a month: {value!r} ({HINT})")
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _parsed(value: str) -> tuple[dt.date, dt.date]:
    """A day or a month written any common way (dateutil reads the words)."""
    from dateutil import parser

    try:
        one = parser.parse(value, default=dt.datetime(1, 1, 1), dayfirst=False)
        other = parser.parse(value, default=dt.datetime(1, 1, 2), dayfirst=False)
    except (ValueError, OverflowError):
        raise QueryError(f"not a date: {value!r} ({HINT})") from None
    if one.year == 1 and "0001" not in value:
        raise QueryError(f"a date needs its year: {value!r} ({HINT})")
    if one.day != other.day:  # no day given: the whole month
        return _month(one.year, one.month, value)
    return one.date(), one.date()


def one_day(value: str | dt.date) -> dt.date:
    """A day, written any common way (a year or a month alone is not one)."""
    first, last = period(value)
    if first != last:
        raise QueryError(f"not a single day: {value!r} (give 2022-01-18 or 18 Jan 2022)")
    return first
