"""TIMEX3 values as event dates: precision, intervals, and how far before publication they lie."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re

from storyline.model import DateValue, Timex

LOGGER = logging.getLogger(__name__)

DATE_VALUE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:T.*)?$")
SEASON_VALUE = re.compile(r"^(?P<year>\d{4})-(?:SP|SU|FA|WI|H\d|Q\d)$")
DECADE_VALUE = re.compile(r"^\d{3}$")


def date_value(timex: Timex, publication: dt.date | None = None) -> DateValue | None:
    """The event date a timex gives, at its precision; None for values that cannot date."""
    value = timex.value
    approximate = timex.mod is not None and timex.mod not in ("EQUAL",)
    match = DATE_VALUE.match(value)
    if match:
        if match["day"]:
            return DateValue(f"{match['year']}-{match['month']}-{match['day']}", "day", approximate)
        if match["month"]:
            return DateValue(f"{match['year']}-{match['month']}", "month", approximate)
        return DateValue(match["year"], "year", approximate)
    if SEASON_VALUE.match(value):
        return DateValue(value[:4], "year", True)
    if DECADE_VALUE.match(value):
        return DateValue(value, "decade", approximate)
    if value == "PRESENT_REF" and publication is not None:
        return DateValue(publication.isoformat(), "day", True)
    LOGGER.debug("timex value %r cannot date an event", value)
    return None


def publication_date(publication: dt.date, approximate: bool) -> DateValue:
    """The publication day as an event date."""
    return DateValue(publication.isoformat(), "day", approximate)


def last_day(date: DateValue) -> dt.date | None:
    """The last calendar day a date value covers (None for values we cannot read)."""
    match = DATE_VALUE.match(date.value)
    if match:
        year = int(match["year"])
        if match["day"]:
            return dt.date(year, int(match["month"]), int(match["day"]))
        if match["month"]:
            month = int(match["month"])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 12, 31)
    if DECADE_VALUE.match(date.value):
        return dt.date(int(date.value) * 10 + 9, 12, 31)
    return None


def days_before(date: DateValue, publication: dt.date) -> int | None:
    """How many days before publication a date ends (negative when it ends after)."""
    end = last_day(date)
    return None if end is None else (publication - end).days


def with_approximate(date: DateValue, approximate: bool) -> DateValue:
    """The same date, flagged approximate when either says so."""
    return DateValue(date.value, date.precision, date.approximate or approximate)
