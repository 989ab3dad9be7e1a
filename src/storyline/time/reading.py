"""What normalisation handlers share: the ``Match`` they read, the ``Reading`` they return, helpers."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.time import resolve, settings
from storyline.time.calendar_math import Point
from storyline.time.context import Context
from storyline.time.lexicon import lexicon

LOGGER = logging.getLogger(__name__)

Groups = dict[str, str | None]


@dataclass(frozen=True)
class Reading:
    """The normalised meaning of one expression."""

    type: str
    value: str
    anchor: str | None = None
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    point: Point | None = None  # the calendar point, when the value names one
    explicit_year: bool = False


@dataclass(frozen=True)
class Match:
    """What a handler sees: the span, the groups and the surrounding text."""

    start: int
    end: int
    text: str
    groups: Groups


Handler = Callable[[Match, Context], Reading | None]
UNDERSPECIFIED = {
    "time": "XXXX-XX-XXT", "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX", "quarter": "XXXX-QX", "half": "XXXX-XX", "season": "XXXX-XX",
    "year": "XXXX", "decade": "XXXX", "century": "XXXX",
}


def lower_text(value: str | None) -> str:
    """Lower-cased group text with whitespace collapsed ('' for None)."""
    return " ".join(value.lower().split()) if value else ""


def month_number(name: str | None) -> int | None:
    """Month number of a month name or abbreviation."""
    if not name:
        return None
    return lexicon()["months"].get(name.rstrip(".").title())


def weekday_number(name: str | None) -> int | None:
    """ISO weekday number of a weekday name or abbreviation."""
    if not name:
        return None
    return lexicon()["weekdays"].get(name.rstrip(".").title())


def dated(point: Point | None, anchor: str, explicit: bool = False) -> Reading | None:
    """A DATE (or TIME) reading for a calendar point."""
    if point is None:
        return None
    kind = "TIME" if point.granularity == "time" else "DATE"
    return Reading(kind, point.value(), anchor, point=point, explicit_year=explicit)


def underspecified(granularity: str, anchor: str, suffix: str = "") -> Reading:
    """An underspecified reading ("XXXX-XX") used when the anchor is unknown."""
    base = UNDERSPECIFIED.get(granularity, "XXXX")
    kind = "TIME" if granularity == "time" else "DATE"
    return Reading(kind, base + suffix, anchor)


def tense_direction(match: Match, ctx: Context) -> str:
    """Search direction for a bare month/weekday from the clause tense."""
    return resolve.direction_from_tense(ctx.tenses.tense(match.start, match.end))




def part_code(word: str | None) -> str:
    """TIMEX3 time-of-day code of a part of day ("morning" -> "MO", "noon" -> "12:00"); '' if none."""
    return lexicon()["parts_of_day"].get(lower_text(word), "") if word else ""


_AFTER_RE = re.compile(r"\bafter\s+$", re.IGNORECASE)


def midnight_side(code: str, match: Match, ctx: Context) -> str:
    """"after midnight" is the start of the day (T00:00), not its end: TimeML's midnight (T24:00)
    closes a day ("until midnight", "the curfew starts at midnight"), but "shortly after midnight
    (on Tuesday)" tells of the small hours of that day."""
    if code == "24:00" and _AFTER_RE.search(ctx.text, max(0, match.start - 10), match.start):
        return "00:00"
    return code


def dct_point(ctx: Context) -> Point | None:
    """The DCT as a day point (None when unknown)."""
    return Point(ctx.dct, "day") if ctx.dct else None


def unit_code(word: str | None) -> str | None:
    """Unit code (D, W, M, Y, H, MIN, ...) of a unit word."""
    return lexicon()["units"].get(lower_text(word)) if word else None


_SMALLER_UNIT = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}
_SCALED_UNIT = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "FN": (2, "W"), "Q": (3, "M")}


def duration_value(count: float | None, unit: str) -> str | None:
    """TIMEX3 duration value for a count of units; None count gives X ("PXD")."""
    if count is not None and not 0 < count <= settings.MAX_DURATION_COUNT:
        return None
    if unit in _SCALED_UNIT:
        factor, unit = _SCALED_UNIT[unit]
        count = count * factor if count is not None else None
    if count is not None and count != int(count) and unit in _SMALLER_UNIT:
        factor, smaller = _SMALLER_UNIT[unit]
        if count * factor == int(count * factor):
            whole, rest = int(count), int(round((count - int(count)) * factor))
            if unit in ("H", "MIN"):
                head = f"{whole}{'H' if unit == 'H' else 'M'}" if whole else ""
                return f"PT{head}{rest}{'M' if unit == 'H' else 'S'}"
            if unit == "Y" and whole:
                return f"P{whole}Y{rest}M"
            return duration_value(count * factor, smaller)
    amount = "X" if count is None else f"{count:g}"
    if unit in ("H", "MIN"):
        return f"PT{amount}{'M' if unit == 'MIN' else 'H'}"
    return f"P{amount}{unit}"
