"""Calendar arithmetic on points in time at a granularity, and their TIMEX3 values."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass, replace

LOGGER = logging.getLogger(__name__)

# Granularities ordered from finest to coarsest.
GRANULARITIES = (
    "time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade",
    "century",
)
RANK = {name: index for index, name in enumerate(GRANULARITIES)}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_POINT_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?|-W(?P<week>\d\d)(?:-(?P<wday>[1-7]|WE))?"
    r"|-Q(?P<quarter>[1-4])|-H(?P<half>[12])|-(?P<season>SP|SU|FA|WI))?(?:T(?P<time>.+))?$"
)


@dataclass(frozen=True)
class Point:
    """A point in time: the first day it covers, a granularity, and a time-of-day or season code."""

    day: dt.date
    granularity: str
    code: str = ""  # time of day ("10:00", "MO") for "time"; season ("SU") for "season"

    def value(self) -> str:
        """The TIMEX3 value of this point."""
        year = self.day.year
        gran = self.granularity
        if gran == "century":
            return f"{year // 100:02d}"
        if gran == "decade":
            return f"{year // 10:03d}"
        if gran == "year":
            return f"{year:04d}"
        if gran == "half":
            return f"{year:04d}-H{1 if self.day.month <= 6 else 2}"
        if gran == "quarter":
            return f"{year:04d}-Q{(self.day.month - 1) // 3 + 1}"
        if gran == "season":
            return f"{_season_year(self.day):04d}-{self.code or _season_of(self.day)}"
        if gran == "month":
            return f"{year:04d}-{self.day.month:02d}"
        if gran in ("week", "weekend"):
            iso_year, iso_week, _ = self.day.isocalendar()
            suffix = "-WE" if gran == "weekend" else ""
            return f"{iso_year:04d}-W{iso_week:02d}{suffix}"
        if gran == "time":
            return f"{self.day.isoformat()}T{self.code}"
        return self.day.isoformat()


def _season_of(day: dt.date) -> str:
    """Season code of a day (meteorological seasons, northern hemisphere)."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        day.month, "FA"
    )


def _season_year(day: dt.date) -> int:
    """Year a season is named by (winter is named by the year it starts in)."""
    return day.year - 1 if day.month <= 2 else day.year


def point_from_value(value: str) -> Point | None:
    """Parse a fully specified TIMEX3 date value into a Point (None for anything else)."""
    if re.fullmatch(r"\d{3}", value):
        return _safe_point(int(value) * 10, 1, 1, "decade")
    if re.fullmatch(r"\d{2}", value):
        return _safe_point(int(value) * 100, 1, 1, "century")
    match = _POINT_RE.match(value)
    if match is None:
        return None
    year = int(match["year"])
    if year < 1:
        return None
    try:
        if match["week"]:
            wday = match["wday"]
            weekday = 6 if wday == "WE" else int(wday or 1)
            day = dt.date.fromisocalendar(year, int(match["week"]), weekday)
            gran = "weekend" if wday == "WE" else ("day" if wday else "week")
            return Point(day, gran)
        if match["quarter"]:
            return Point(dt.date(year, 3 * int(match["quarter"]) - 2, 1), "quarter")
        if match["half"]:
            return Point(dt.date(year, 6 * int(match["half"]) - 5, 1), "half")
        if match["season"]:
            code = match["season"]
            return Point(dt.date(year, SEASON_START_MONTH[code], 1), "season", code)
        month = int(match["month"] or 1)
        day_of_month = int(match["day"] or 1)
        day = dt.date(year, month, day_of_month)
    except ValueError:
        return None
    if match["time"]:
        return Point(day, "time", match["time"])
    gran = "day" if match["day"] else ("month" if match["month"] else "year")
    return Point(day, gran)


def _safe_point(year: int, month: int, day: int, gran: str) -> Point | None:
    """A point, or None when the date is outside the calendar."""
    try:
        return Point(dt.date(year, month, day), gran)
    except ValueError:
        return None


def shift(day: dt.date, unit: str, count: int) -> dt.date | None:
    """Move a day by ``count`` units (D, W, WE, M, Q, H, Y, DE, CE, FN); None when out of range."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=count)
        if unit in ("W", "WE"):
            return day + dt.timedelta(weeks=count)
        if unit == "FN":
            return day + dt.timedelta(weeks=2 * count)
        months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit)
        if months is None:
            return None
        return add_months(day, months * count)
    except (OverflowError, ValueError):
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """Add calendar months, clipping the day to the end of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def truncate(day: dt.date, granularity: str, code: str = "") -> Point:
    """The point of the given granularity that contains ``day``."""
    if granularity in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday())
        start = monday + dt.timedelta(days=5) if granularity == "weekend" else monday
        return Point(start, granularity)
    if granularity == "month":
        return Point(day.replace(day=1), "month")
    if granularity == "quarter":
        return Point(dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1), "quarter")
    if granularity == "half":
        return Point(dt.date(day.year, 1 if day.month <= 6 else 7, 1), "half")
    if granularity == "season":
        return Point(day, "season", code or _season_of(day))
    if granularity in ("year", "decade", "century"):
        return Point(dt.date(day.year, 1, 1), granularity)
    return Point(day, granularity, code)


def with_granularity(point: Point, granularity: str, code: str = "") -> Point:
    """Re-express a point at another granularity (keeping its first day)."""
    if granularity == point.granularity and not code:
        return point
    return replace(truncate(point.day, granularity, code), code=code or truncate(point.day, granularity).code)


UNIT_GRANULARITY = {
    "D": "day", "W": "week", "WE": "weekend", "FN": "week", "M": "month", "Q": "quarter",
    "H": "half", "Y": "year", "DE": "decade", "CE": "century", "ML": "century",
}
