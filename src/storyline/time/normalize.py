"""The registry of normalisation handlers, by the names used in ``rules/patterns.json``.

Each handler receives a ``Match`` (span and named groups) and the document ``Context`` and returns
a ``Reading`` (TIMEX3 type, value, anchor, mod) or None, which drops the match.
"""

from __future__ import annotations

import logging

from storyline.time import dates, relative, sets
from storyline.time.reading import Handler, Match, Reading

LOGGER = logging.getLogger(__name__)

__all__ = ["HANDLERS", "Handler", "Match", "Reading"]

HANDLERS: dict[str, Handler] = {
    "date": dates.handle_date,
    "week_of": dates.handle_week_of,
    "numeric_date": dates.handle_numeric_date,
    "month": dates.handle_month,
    "weekday": dates.handle_weekday,
    "year": dates.handle_year,
    "decade": dates.handle_decade,
    "century": dates.handle_century,
    "quarter": dates.handle_quarter,
    "year_period": dates.handle_year_period,
    "half": dates.handle_half,
    "season": dates.handle_season,
    "holiday": dates.handle_holiday,
    "deictic": relative.handle_deictic,
    "time": relative.handle_time,
    "reference": relative.handle_reference,
    "relative_unit": relative.handle_relative_unit,
    "the_unit": relative.handle_the_unit,
    "relative_count": relative.handle_relative_count,
    "shift": relative.handle_shift,
    "year_ago": relative.handle_year_ago,
    "duration": relative.handle_duration,
    "set": sets.handle_set,
}
