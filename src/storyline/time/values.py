"""TIMEX3 values: validation, precision and the calendar interval a value covers.

These helpers are public: the event extractor uses ``precision`` and ``interval`` to date events.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re

from storyline.model import DateValue

LOGGER = logging.getLogger(__name__)

_YEAR = r"(?:\d{4}|XXXX)"
_DATE_RE = re.compile(
    rf"^(?P<year>{_YEAR})"
    r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?"
    r"|-W(?P<week>\d\d|XX)(?:-(?P<wday>[1-7]|WE))?"
    r"|-(?P<part>Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(?:T(?P<time>(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?|MO|AF|EV|NI|DT))?$"
)
_DECADE_RE = re.compile(r"^(?P<decade>\d{3})X?$")
_CENTURY_RE = re.compile(r"^(?P<century>\d{2})(?:XX)?$")
_FISCAL_RE = re.compile(r"^FY(?P<year>\d{4})(?:-Q[1-4])?$")
_DURATION_RE = re.compile(
    r"^P(?=[\dX.T])(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|ML|Q|H|WE|FN|SP|SU|FA|WI))*"
    r"(?:T(?=[\dX])(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)
_SET_PATTERN_RE = re.compile(r"^XXXX-(?:WXX-[1-7]|XX-\d\d|\d\d|\d\d-\d\d|SP|SU|FA|WI|XX-XXT(?:MO|AF|EV|NI))$")
REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@functools.lru_cache(maxsize=4096)
def is_valid(value: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value naming a real calendar date."""
    if not value or value in REFERENCE_VALUES:
        return bool(value)
    if _DURATION_RE.match(value) or _DECADE_RE.match(value) or _CENTURY_RE.match(value):
        return True
    if _FISCAL_RE.match(value) or _SET_PATTERN_RE.match(value):
        return True
    match = _DATE_RE.match(value)
    if not match:
        return False
    return _calendar_ok(match)


def _calendar_ok(match: re.Match[str]) -> bool:
    """Check month, day and ISO week numbers against the calendar."""
    year, month, day, week = match["year"], match["month"], match["day"], match["week"]
    if month and month != "XX" and not 1 <= int(month) <= 12:
        return False
    if day and day != "XX":
        if not 1 <= int(day) <= 31:
            return False
        if year != "XXXX" and month and month != "XX":
            try:
                dt.date(int(year), int(month), int(day))
            except ValueError:
                return False
    if week and week != "XX":
        if not 1 <= int(week) <= 53:
            return False
        if year != "XXXX":
            try:
                dt.date.fromisocalendar(int(year), int(week), 1)
            except ValueError:
                return False
    if year != "XXXX" and int(year) == 0:
        return False
    return True


def precision(value: str) -> str | None:
    """Granularity of a TIMEX3 date value.

    Returns one of "time", "day", "week", "month", "season", "quarter", "half", "year", "decade",
    "century", "duration", "ref" (PRESENT_REF ...), or None when the value is not valid.
    """
    if not is_valid(value):
        return None
    if value in REFERENCE_VALUES:
        return "ref"
    if value.startswith("P"):
        return "duration"
    if _FISCAL_RE.match(value):
        return "quarter" if "-Q" in value else "year"
    if _DECADE_RE.match(value):
        return "decade"
    if _CENTURY_RE.match(value):
        return "century"
    match = _DATE_RE.match(value)
    if match is None:
        return None
    if match["time"]:
        return "time"
    if match["day"]:
        return "day"
    if match["week"]:
        return "day" if match["wday"] and match["wday"] != "WE" else "week"
    if match["part"]:
        part = match["part"]
        return {"Q": "quarter", "H": "half"}.get(part[0], "season")
    if match["month"]:
        return "month"
    return "year"


# Decades and centuries written with placeholder digits ("201X", "20XX") name the same span as
# their TIMEX3 forms "201" and "20".
_PLACEHOLDER_PERIOD_RE = re.compile(r"^(\d{2,3})X+$")


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day a date value covers, or None (durations, underspecified, refs)."""
    if placeholder := _PLACEHOLDER_PERIOD_RE.match(value):
        value = placeholder[1]
    if not is_valid(value) or "X" in value or value in REFERENCE_VALUES or value.startswith("P"):
        return None
    fiscal = _FISCAL_RE.match(value)
    if fiscal:
        year = int(fiscal["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if _DECADE_RE.match(value):
        start = int(value[:3]) * 10
        return _years(start, start + 9)
    if _CENTURY_RE.match(value):
        start = int(value[:2]) * 100
        return _years(max(start, 1), start + 99)
    match = _DATE_RE.match(value)
    if match is None:
        return None
    return _date_interval(match)


def _years(first: int, last: int) -> tuple[dt.date, dt.date] | None:
    """Interval from 1 January of ``first`` to 31 December of ``last`` (clipped to 1..9999)."""
    first, last = max(first, 1), min(last, 9999)
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _date_interval(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    """Interval of a calendar date value (year, month, day, week, quarter, season)."""
    year = int(match["year"])
    if match["day"]:
        day = dt.date(year, int(match["month"]), int(match["day"]))
        return day, day
    if match["week"]:
        week = int(match["week"])
        wday = match["wday"]
        if wday == "WE":
            return dt.date.fromisocalendar(year, week, 6), dt.date.fromisocalendar(year, week, 7)
        if wday:
            day = dt.date.fromisocalendar(year, week, int(wday))
            return day, day
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    if match["month"]:
        return _months(year, int(match["month"]), int(match["month"]))
    part = match["part"]
    if part and part[0] == "Q":
        quarter = int(part[1])
        return _months(year, 3 * quarter - 2, 3 * quarter)
    if part and part[0] == "H":
        half = int(part[1])
        return _months(year, 6 * half - 5, 6 * half)
    if part:
        first, last = _SEASON_MONTHS[part]
        return _months(year, first, last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date] | None:
    """Interval from the first day of month ``first`` to the last day of month ``last``.

    Months above 12 roll into the next year (winter runs December to February).
    """
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    if end_year > 9999:
        return None
    next_month = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return dt.date(year, first, 1), next_month - dt.timedelta(days=1)


# Granularities the model's DateValue has no name for, mapped to the nearest one it has.
_MODEL_PRECISION = {"week": "day", "season": "month", "quarter": "month", "half": "month"}
_APPROXIMATE_MODS = frozenset({"APPROX", "START", "MID", "END", "LESS_THAN", "MORE_THAN"})


def to_date_value(value: str, mod: str | None = None) -> DateValue | None:
    """A ``storyline.model.DateValue`` for a calendar TIMEX3 value, or None (durations, sets,
    PRESENT_REF, underspecified values).

    Weeks map to precision "day" and seasons, quarters and halves to "month" (the value keeps the
    exact granularity); a mod such as APPROX or START makes the date approximate.
    """
    if interval(value) is None:
        return None
    found = precision(value)
    if found is None:
        return None
    name = _MODEL_PRECISION.get(found, found)
    return DateValue(value=value, precision=name, approximate=mod in _APPROXIMATE_MODS)  # type: ignore[arg-type]
