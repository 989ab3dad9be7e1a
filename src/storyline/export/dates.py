"""Reading TIMEX3-style event date values (``2016-03-27``, ``2016-03``, ``2015``, ``201``) for display.

The contract keeps the value as given; exporters need its parts (TimelineJS), the calendar
interval it covers (date-range filters) and a human-readable label (CSV, HTML).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from storyline.export.formatting import labels
from storyline.time.values import interval

LOGGER = logging.getLogger(__name__)

_VALUE = re.compile(
    r"^(?P<year>\d{2,4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<hour>\d{2}):(?P<minute>\d{2}))?)?)?"
)


@dataclass(frozen=True)
class DateParts:
    """The calendar parts a date value states; coarser values leave finer parts as None."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    span_years: int = 1  # 10 for a decade value ("201"), 100 for a century ("20")


def parse_date_value(value: str | None) -> DateParts | None:
    """Split a TIMEX3 date value into its parts, or None when it names no calendar year."""
    if not value:
        return None
    match = _VALUE.match(value)
    if not match:
        LOGGER.debug("date value %r has no calendar year", value)
        return None
    digits = match.group("year")
    span = 10 ** (4 - len(digits))
    year = int(digits) * span
    month = _bounded(match.group("month"), 1, 12)
    day = _bounded(match.group("day"), 1, 31) if month else None
    hour = _bounded(match.group("hour"), 0, 23) if day else None
    minute = _bounded(match.group("minute"), 0, 59) if hour is not None else None
    return DateParts(year, month, day, hour, minute, span_years=span)


def _bounded(text: str | None, low: int, high: int) -> int | None:
    """The integer in ``text`` when it lies in [low, high], else None."""
    if text is None:
        return None
    number = int(text)
    return number if low <= number <= high else None


def date_interval(value: str | None) -> tuple[str, str] | None:
    """The first and last ISO day that a date value covers, e.g. ``2016-03`` -> 2016-03-01..31."""
    days = interval(value) if value else None
    return None if days is None else (days[0].isoformat(), days[1].isoformat())


def date_label(value: str | None, approximate: bool = False) -> str:
    """A readable date: ``27 March 2016``, ``March 2016``, ``2015``, ``2010s``; ``c.`` if approximate."""
    parts = parse_date_value(value)
    if parts is None:
        text = value or labels()["undated"]
    elif parts.span_years > 1:
        text = f"{parts.year}s"
    else:
        months = labels()["months"]
        text = str(parts.year)
        if parts.month:
            text = f"{months[parts.month - 1]} {text}"
        if parts.day:
            text = f"{parts.day} {text}"
        if parts.hour is not None:
            text = f"{text}, {parts.hour:02d}:{parts.minute or 0:02d}"
    return f"{labels()['date_mod_approximate']} {text}" if approximate else text
