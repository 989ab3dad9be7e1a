"""Choosing the calendar point an underspecified expression means, given a base day and a direction.

Directions: "past" (on or before the base), "future" (on or after), "strict_past" (before),
"strict_future" (after), "nearest" (whichever is closer; ties go to the past), "same" (in the
base's year or week). For months and month-days "nearest" is news-biased: a future reading wins
only when it is closer and at most ``settings.NEAREST_FUTURE_MONTHS`` ahead, because news narrates
the past far more often than it announces (TBAQ tune: bare months 7-10 months back are common,
more than 4 months ahead almost never). Weekdays likewise: an untensed weekday is the coming one
only when it is at most ``settings.NEAREST_FUTURE_DAYS`` ahead (TBAQ tune: 109 gold weekdays 1-6
days back, 10 ahead, 7 of them tomorrow).
"""

from __future__ import annotations

import datetime as dt
import logging

from storyline.time import settings
from storyline.time.calendar_math import Point, add_months

LOGGER = logging.getLogger(__name__)

Direction = str


def direction_from_tense(tense: str | None) -> Direction:
    """Direction to search for a bare month/weekday given the clause tense."""
    return {"past": "past", "future": "future"}.get(tense or "", "nearest")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when it does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_point(month: int, base: dt.date, direction: Direction) -> Point | None:
    """The month ``month`` in the year chosen by ``direction`` relative to the month of ``base``."""
    base_index = base.year * 12 + base.month - 1
    same_year = base.year * 12 + month - 1
    candidates = {
        "past": same_year if month <= base.month else same_year - 12,
        "strict_past": same_year if month < base.month else same_year - 12,
        "future": same_year if month >= base.month else same_year + 12,
        "strict_future": same_year if month > base.month else same_year + 12,
        "same": same_year,
    }
    if direction == "nearest":
        options = [i for i in (same_year - 12, same_year, same_year + 12)
                   if i - base_index <= settings.NEAREST_FUTURE_MONTHS]
        index = min(options, key=lambda i: (abs(i - base_index), i > base_index))
    else:
        index = candidates.get(direction, same_year)
    year, month0 = divmod(index, 12)
    day = _safe_date(year, month0 + 1, 1)
    return Point(day, "month") if day else None


def month_day_point(month: int, day: int, base: dt.date, direction: Direction) -> Point | None:
    """The date month/day in the year chosen by ``direction`` relative to ``base``."""
    years = [base.year - 1, base.year, base.year + 1]
    dates = [d for d in (_safe_date(y, month, day) for y in years) if d is not None]
    if not dates:
        return None
    chosen: dt.date | None
    if direction in ("past", "strict_past"):
        limit = base if direction == "past" else base - dt.timedelta(days=1)
        chosen = max((d for d in dates if d <= limit), default=None)
    elif direction in ("future", "strict_future"):
        limit = base if direction == "future" else base + dt.timedelta(days=1)
        chosen = min((d for d in dates if d >= limit), default=None)
    elif direction == "same":
        chosen = _safe_date(base.year, month, day)
    else:
        horizon = base + dt.timedelta(days=round(30.44 * settings.NEAREST_FUTURE_MONTHS))
        chosen = min((d for d in dates if d <= horizon), key=lambda d: (abs((d - base).days), d > base), default=None)
    return Point(chosen, "day") if chosen else None


def weekday_point(weekday: int, base: dt.date, direction: Direction) -> Point:
    """The ISO weekday (1=Monday) nearest ``base`` in ``direction``."""
    delta_back = (base.isoweekday() - weekday) % 7
    delta_forward = (weekday - base.isoweekday()) % 7
    if direction == "past":
        day = base - dt.timedelta(days=delta_back)
    elif direction == "strict_past":
        day = base - dt.timedelta(days=delta_back or 7)
    elif direction == "future":
        day = base + dt.timedelta(days=delta_forward)
    elif direction == "strict_future":
        day = base + dt.timedelta(days=delta_forward or 7)
    elif direction == "same":
        day = base + dt.timedelta(days=weekday - base.isoweekday())
    else:
        ahead = delta_forward < delta_back and delta_forward <= settings.NEAREST_FUTURE_DAYS
        day = base + dt.timedelta(days=delta_forward) if ahead else base - dt.timedelta(days=delta_back)
    return Point(day, "day")


def previous_quarter_start(day: dt.date) -> dt.date:
    """First day of the calendar quarter before the one containing ``day``."""
    start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return add_months(start, -3)


SEASON_ORDER = ("WI", "SP", "SU", "FA")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_of(day: dt.date) -> tuple[int, str]:
    """(season year, season code) of a day; winter belongs to the year it starts in."""
    if day.month in (12, 1, 2):
        return (day.year if day.month == 12 else day.year - 1), "WI"
    return day.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")


def season_point(code: str, base: dt.date, direction: Direction) -> Point | None:
    """The season ``code`` relative to the season containing ``base``."""
    base_year, base_code = season_of(base)
    order = ("SP", "SU", "FA", "WI")
    base_index = base_year * 4 + order.index(base_code)
    same = base_year * 4 + order.index(code)
    if direction in ("past", "strict_past"):
        limit = base_index if direction == "past" else base_index - 1
        index = same if same <= limit else same - 4
    elif direction in ("future", "strict_future"):
        limit = base_index if direction == "future" else base_index + 1
        index = same if same >= limit else same + 4
    elif direction == "same":
        index = same
    else:
        index = min((same - 4, same, same + 4), key=lambda i: (abs(i - base_index), i > base_index))
    year = index // 4
    day = _safe_date(year, _SEASON_START[code], 1)
    return Point(day, "season", code) if day else None


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """Date of a holiday in ``year`` from its lexicon rule ("12-25", "EASTER:-2", "NTH:11:4:4")."""
    try:
        if rule.startswith("EASTER:"):
            return easter(year) + dt.timedelta(days=int(rule.split(":")[1]))
        if rule.startswith("NTH:"):
            _, month, weekday, nth = rule.split(":")
            after = nth.endswith("+")
            return _nth_weekday(year, int(month), int(weekday), int(nth.rstrip("+")), after)
        month, day = rule.split("-")
        return _safe_date(year, int(month), int(day))
    except (ValueError, OverflowError):
        return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int, after_first_monday: bool) -> dt.date:
    """The nth (or last, nth=-1) given weekday of a month; US Election Day counts after a Monday."""
    if nth < 0:
        last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)
    if after_first_monday:
        monday = first + dt.timedelta(days=(1 - first.isoweekday()) % 7)
        return monday + dt.timedelta(days=1)
    return day + dt.timedelta(weeks=nth - 1)
