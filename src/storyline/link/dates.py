"""Date values as day intervals: parsing TIMEX3-style values and testing compatibility.

A ``DateValue`` such as ``2016-03`` stands for every day of March 2016; two dates are compatible
when their intervals overlap ("2016-03" and "2016-03-27" are, "2016-03" and "2017-03-02" are not).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re

from storyline.link import settings
from storyline.model import DateValue

LOGGER = logging.getLogger(__name__)

Interval = tuple[int, int]  # inclusive proleptic-Gregorian ordinals (first day, last day)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})XX?$")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_span(year: int, first_month: int, last_month: int) -> Interval:
    """Days from the first of ``first_month`` to the end of ``last_month`` (may spill into next year)."""
    last_year, last = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    start = dt.date(year, first_month, 1)
    end = dt.date(last_year, last, calendar.monthrange(last_year, last)[1])
    return start.toordinal(), end.toordinal()


@functools.lru_cache(maxsize=65_536)
def value_interval(value: str) -> Interval | None:
    """Day interval covered by a TIMEX3 date value, or None when it names no calendar span."""
    try:
        if match := _DAY.match(value):
            day = dt.date(int(match[1]), int(match[2]), int(match[3])).toordinal()
            return day, day
        if match := _MONTH.match(value):
            return _month_span(int(match[1]), int(match[2]), int(match[2]))
        if match := _YEAR.match(value):
            return _month_span(int(match[1]), 1, 12)
        if match := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1).toordinal()
            return monday, monday + 6
        if match := _QUARTER.match(value):
            quarter = int(match[2])
            return _month_span(int(match[1]), 3 * quarter - 2, 3 * quarter)
        if match := _HALF.match(value):
            half = int(match[2])
            return _month_span(int(match[1]), 6 * half - 5, 6 * half)
        if match := _SEASON.match(value):
            first, last = _SEASON_MONTHS[match[2]]
            return _month_span(int(match[1]), first, last)
        if match := _DECADE.match(value):
            decade = int(match[1]) * 10
            return dt.date(max(decade, 1), 1, 1).toordinal(), dt.date(decade + 9, 12, 31).toordinal()
        if match := _CENTURY.match(value):
            century = int(match[1]) * 100
            return dt.date(max(century, 1), 1, 1).toordinal(), dt.date(century + 99, 12, 31).toordinal()
    except ValueError:
        LOGGER.debug("impossible calendar date %r", value)
        return None
    return None


def date_interval(date: DateValue | None) -> Interval | None:
    """Day interval of an event date, widened a little when the date is approximate."""
    if date is None:
        return None
    interval = value_interval(date.value)
    if interval is None or not date.approximate:
        return interval
    return interval[0] - settings.APPROX_SLACK_DAYS, interval[1] + settings.APPROX_SLACK_DAYS


def overlaps(first: Interval | None, second: Interval | None) -> bool:
    """True when both intervals are known and share at least one day."""
    if first is None or second is None:
        return False
    return first[0] <= second[1] and second[0] <= first[1]


def intersect(first: Interval, second: Interval) -> Interval | None:
    """The common days of two intervals, or None when they are disjoint."""
    low, high = max(first[0], second[0]), min(first[1], second[1])
    return (low, high) if low <= high else None


def compatible(first: DateValue | None, second: DateValue | None) -> bool:
    """True unless both dates are known and cannot name the same day."""
    a, b = date_interval(first), date_interval(second)
    return a is None or b is None or overlaps(a, b)


def span_days(interval: Interval) -> int:
    """Number of days in an interval (1 for a day)."""
    return interval[1] - interval[0] + 1


def ordinal_to_iso(ordinal: int) -> str:
    """ISO date string of a proleptic-Gregorian ordinal."""
    return dt.date.fromordinal(ordinal).isoformat()
