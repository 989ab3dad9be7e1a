"""Date values as day intervals: parsing TIMEX3-style values and testing compatibility.

A ``DateValue`` such as ``2016-03`` stands for every day of March 2016; two dates are compatible
when their intervals overlap ("2016-03" and "2016-03-27" are, "2016-03" and "2017-03-02" are not).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging

from storyline.link import settings
from storyline.model import DateValue
from storyline.time.values import interval

LOGGER = logging.getLogger(__name__)

Interval = tuple[int, int]  # inclusive proleptic-Gregorian ordinals (first day, last day)

@functools.lru_cache(maxsize=65_536)
def value_interval(value: str) -> Interval | None:
    """Day interval covered by a TIMEX3 date value, or None when it names no calendar span."""
    try:
        days = interval(value)
    except ValueError:
        LOGGER.debug("impossible calendar date %r", value)
        return None
    return None if days is None else (days[0].toordinal(), days[1].toordinal())


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
