"""Handler for SET expressions: "every year", "each Monday", "daily", "twice a week", "on Sundays".
"""

from __future__ import annotations

import logging

from storyline.time.context import Context
from storyline.time.lexicon import lexicon
from storyline.time.numbers import parse_number
from storyline.time.reading import (
    Match, Reading, duration_value, lower_text, month_number, part_code, unit_code,
    weekday_number,
)

LOGGER = logging.getLogger(__name__)


# --- sets ------------------------------------------------------------------------------------


def handle_set(match: Match, ctx: Context) -> Reading | None:
    """every year, each Monday, daily, twice a week, on Sundays."""
    g = match.groups
    quant = lower_text(g.get("every")).upper() or None
    if g.get("setadv"):
        value = lexicon()["set_adverbs"].get(lower_text(g["setadv"]))
        return Reading("SET", value, "explicit") if value else None
    if g.get("wdpl"):
        weekday = weekday_number(g["wdpl"].rstrip("s"))
        return Reading("SET", f"XXXX-WXX-{weekday}", "explicit") if weekday else None
    if g.get("wd"):
        weekday = weekday_number(g["wd"])
        part = part_code(g.get("part"))
        suffix = f"T{part}" if part else ""
        return Reading("SET", f"XXXX-WXX-{weekday}{suffix}", "explicit", quant=quant)
    if g.get("month"):
        month = month_number(g["month"])
        return Reading("SET", f"XXXX-{month:02d}", "explicit", quant=quant) if month else None
    if g.get("part") and not g.get("unit"):
        code = part_code(g["part"]) or None
        return Reading("SET", f"XXXX-XX-XXT{code}", "explicit", quant=quant) if code else None
    unit = unit_code(g.get("unit"))
    if unit is None:
        return None
    number = lower_text(g.get("num") or g.get("times"))
    freq = None
    count: float | None = 1
    if quant is None:
        times = {"once": 1, "twice": 2, "thrice": 3}.get(number) or parse_number(number)
        if times is None:
            return None
        freq = f"{int(times)}X"
    elif number == "other":
        count = 2
    elif number:
        count = parse_number(number)
    value = "P1WE" if unit == "WE" else duration_value(count, unit)
    return Reading("SET", value, "explicit", quant=quant, freq=freq) if value else None
