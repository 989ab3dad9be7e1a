"""Handlers for expressions relative to the DCT or the reference time: deictic days, clock times,
PRESENT_REF-style words, relative units ("last week", "the following day"), shifts ("two days
ago"), year-ago comparisons and durations.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from storyline.time import resolve, settings
from storyline.time.calendar_math import UNIT_GRANULARITY, Point, shift, truncate, with_granularity
from storyline.time.context import Context
from storyline.time.lexicon import lexicon, relations
from storyline.time.numbers import parse_number
from storyline.time.reading import (
    Match, Reading, dated, dct_point, duration_value, lower_text, midnight_side, month_number, part_code, tense_direction,
    underspecified, unit_code,
)

LOGGER = logging.getLogger(__name__)

# What follows "the day after/before" when it names an event ("the day after shelling", "the day
# before the vote") rather than ending the phrase ("the day after,", "the day after that.").
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"})
_EVENT_AFTER_RE = re.compile(r" (?!(?:that|this|which)\s*(?:[,.;:)]|$)|(?:tomorrow|yesterday)\b)[\w\"'“‘]")


# --- deictic days and times of day ------------------------------------------------------------


def handle_deictic(match: Match, ctx: Context) -> Reading | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, that evening."""
    g = match.groups
    word = lower_text(g.get("deictic") or g.get("rel"))
    part = part_code(g.get("part")) or lexicon()["deictic_day_parts"].get(word, "")
    if word == "last" and part != "NI":
        return None  # "last morning" is not an expression; "last night" is
    if word in relations()["day_part"]:
        anchor, base, offset = "ref", ctx.reference("day"), relations()["day_part"][word][1]
    else:
        offset = -1 if word == "last" else lexicon()["deictic_days"].get(word, 0)
        anchor, base = "dct", dct_point(ctx)
    if base is None:
        return Reading("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), anchor)
    day = base.day + dt.timedelta(days=offset)
    return dated(Point(day, "time", part) if part else Point(day, "day"), anchor)


def handle_time(match: Match, ctx: Context) -> Reading | None:
    """Clock times (10:35 a.m., 10 in the morning, 3 o'clock) and noon/midnight, on the reference day."""
    g = match.groups
    part = lower_text(g.get("part"))
    if g.get("hour") is None:
        code = part_code(part) or None
        if code is None:
            return None
        return _time_on_reference(code, ctx, match)
    hour_value = parse_number(g["hour"])
    if hour_value is None or hour_value != int(hour_value):
        return None
    hour = int(hour_value)
    minute = int(g.get("minute") or 0)
    ampm = lower_text(g.get("ampm")).replace(".", "")
    if ampm == "pm" or part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        if hour < 12:
            hour += 12
    elif (ampm == "am" or part == "morning") and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    if g.get("minute") is None and not ampm and not part and not re.search(r"o'clock", match.text, re.I):
        return None
    return _time_on_reference(f"{hour:02d}:{minute:02d}", ctx, match)


def _time_on_reference(code: str, ctx: Context, match: Match) -> Reading:
    """A TIME reading on the day named next to it ("10 p.m. Wednesday"), else on the DCT day in
    present/future clauses, else on the reference day. "after midnight" is the start of a named
    day or of the DCT day, but after a narrated earlier day it is the night that follows that day
    (T24:00 of it: "fighting on Monday ... was woken after midnight")."""
    day = _named_day(match, ctx)
    if day is not None:
        return Reading("TIME", Point(day, "time", midnight_side(code, match, ctx)).value(), "dct")
    if ctx.tenses.tense(match.start, match.end) in ("present", "future") and ctx.dct is not None:
        return Reading("TIME", Point(ctx.dct, "time", midnight_side(code, match, ctx)).value(), "dct")
    base = ctx.reference("day")
    if base is None:
        return Reading("TIME", f"XXXX-XX-XXT{code}", "dct")
    anchor = "ref" if ctx.mentions and ctx.reference("day") != dct_point(ctx) else "dct"
    if anchor == "dct":
        code = midnight_side(code, match, ctx)
    return Reading("TIME", Point(base.day, "time", code).value(), anchor)


def _named_day(match: Match, ctx: Context) -> dt.date | None:
    """The day given by a weekday or today/yesterday/tomorrow right after a clock time."""
    if ctx.dct is None:
        return None
    weekday = lexicon()["weekdays"].get((match.groups.get("wd") or "").title())
    if weekday:
        return resolve.weekday_point(weekday, ctx.dct, tense_direction(match, ctx)).day
    word = lower_text(match.groups.get("deictic"))
    if word:
        return ctx.dct + dt.timedelta(days=lexicon()["deictic_days"].get(word, 0))
    month = month_number(match.groups.get("tmonth"))
    if month and match.groups.get("tday"):
        point = resolve.month_day_point(month, int(match.groups["tday"]), ctx.dct, "nearest")
        return point.day if point else None
    return None


def handle_reference(match: Match, ctx: Context) -> Reading | None:
    """now, currently, recently, the future: PRESENT_REF, PAST_REF, FUTURE_REF."""
    words = {**lexicon()["reference_words"], **lexicon()["future_adverbs"], **lexicon()["reference_adjectives"]}
    value = {k.lower(): v for k, v in words.items() if k != "_comment"}.get(lower_text(match.groups.get("ref")))
    return Reading("DATE", value, "dct") if value else None


# --- relative units, durations, shifts --------------------------------------------------------



def handle_duration(match: Match, ctx: Context) -> Reading | None:
    """Durations: "three weeks", "a five-year war", "a matter of days", "recent months", "years"."""
    g = match.groups
    unit = unit_code(g.get("unit"))
    if unit is None:
        return None
    vague = lower_text(g.get("vague"))
    reference = lexicon()["vague_references"].get(vague) if vague != "_comment" else None
    if reference:
        return Reading("DATE", reference, "dct")
    if g.get("num") is None and not vague and not (g.get("unit") or "").lower().endswith("s"):
        count: float | None = 1.0  # "day-long": one unit
    elif g.get("num") is not None:
        article = lower_text(g["num"]) in ("a", "an")
        if article and (match.text.lower().endswith("-long") or (g.get("unit") or "").lower().endswith("s")):
            return None  # "a day-long strike", "a decades-long war": the article is not a count
        count = parse_number(g["num"])
        if count is None or _year_like(g["num"], g.get("unit") or "", match.text):
            return None
        if g.get("half"):
            count += 0.5
    else:
        count = None
    if unit == "WE":
        value = f"P{int(count) if count else 'X'}WE"
    else:
        value = duration_value(count, unit)
    if value is None:
        return None
    return Reading("DURATION", value, "explicit")


def _year_like(number: str, unit_word: str, text: str) -> bool:
    """True for "the 1988 quarter", "2015 year": a year followed by a unit, not a count."""
    if not number.isdigit() or len(number) != 4 or "-" in text:
        return False
    return settings.MIN_BARE_YEAR <= int(number) <= settings.MAX_BARE_YEAR and not unit_word.lower().endswith("s")


def handle_relative_unit(match: Match, ctx: Context) -> Reading | None:
    """last week, this year, next month, the following day, that year, the day before."""
    g = match.groups
    unit = unit_code(g.get("unit"))
    rel = lower_text(g.get("rel"))
    the = bool(g.get("the"))
    if unit is None:
        return None
    if not rel and (g.get("fiscal") or g.get("yearend")):
        rel = "this"  # "the fiscal year", "year-end": the current one
    units = relations()["unit"]
    if g.get("yearend") and units.get(rel, [""])[0] == "dct":
        return _year_end(ctx, units[rel][1])
    if unit in ("H", "MIN") or (rel == "past") or (the and rel == "last"):
        value = duration_value(1, unit)
        return Reading("DURATION", value, "explicit") if value else None
    granularity = UNIT_GRANULARITY.get(unit)
    if granularity is None:
        return None
    if rel == "next" and the:
        offset, anchor = 1, "ref"
    elif rel in units:
        anchor, offset = units[rel]
    else:
        return None
    if rel in ("before", "after") and _names_event(ctx.text, match.end) and _reference_is_dct(ctx, granularity):
        # "the day after shelling on ...", "the day before the vote": anchored on an event whose
        # date the text has not narrated; the DCT is not that date, so DCT +/- 1 would be a guess
        # (after another date, "the day after his death" keeps that reference time)
        LOGGER.debug("%r anchored on an undated event: dropped", match.text)
        return None
    base = ctx.reference(granularity) if anchor == "ref" else dct_point(ctx)
    if base is None:
        return underspecified(granularity, anchor)
    moved = shift(base.day, unit, offset)
    if moved is None:
        return None
    return dated(truncate(moved, granularity), anchor)


def _names_event(text: str, end: int) -> bool:
    """True when "the day after/before" is followed by an event phrase ("shelling", "the vote",
    "his death"), not by the end of the phrase ("the day after,", "the day after that.") or by a
    function word that opens the next part of the clause ("the day before and predicted")."""
    found = _EVENT_AFTER_RE.match(text, end)
    if found is None:
        return False
    word = re.match(r"\w+", text[found.end() - 1 : found.end() + 30])
    if word is None:
        return True
    lowered = word.group().lower()
    return lowered in _DETERMINERS or lowered not in lexicon()["function_words"]["words"]


def _reference_is_dct(ctx: Context, granularity: str) -> bool:
    """True when the reference time at ``granularity`` is the DCT day: the text has narrated no
    other time ("the day after shelling" after a dateline naming the DCT day)."""
    reference = ctx.reference(granularity)
    return reference is None or ctx.dct is None or reference.day == ctx.dct


def _year_end(ctx: Context, offset: int) -> Reading | None:
    """"year-end", "last year's end": the year, with mod END."""
    if ctx.dct is None:
        return Reading("DATE", "XXXX", "dct", mod="END")
    point = Point(dt.date(ctx.dct.year + offset, 1, 1), "year")
    return Reading("DATE", point.value(), "dct", mod="END", point=point)


def handle_the_unit(match: Match, ctx: Context) -> Reading | None:
    """"the year", "the quarter", "the latest quarter", "the weekend": the current one (DCT or ref)."""
    g = match.groups
    word = lower_text(g.get("unit"))
    rel = lower_text(g.get("rel"))
    if word == "period":
        if rel != "latest":
            return None
        point = ctx.latest()
        return dated(point, "ref") if point else None
    unit = unit_code(word)
    granularity = UNIT_GRANULARITY.get(unit or "")
    if granularity is None:
        return None
    if ctx.dct is None:
        return underspecified(granularity, "dct")
    latest = ctx.latest()
    if latest is not None and latest.granularity == granularity and rel != "latest":
        return dated(latest, "ref")
    if granularity == "quarter" and rel in ("latest", ""):
        previous = shift(ctx.dct, "Q", -1)
        return dated(truncate(previous, "quarter"), "dct") if previous else None
    if granularity == "weekend":
        direction = tense_direction(match, ctx)
        saturday = resolve.weekday_point(6, ctx.dct, direction if direction != "nearest" else "past")
        return dated(truncate(saturday.day, "weekend"), "dct")
    return dated(truncate(ctx.dct, granularity), "dct")


def handle_shift(match: Match, ctx: Context) -> Reading | None:
    """"two days ago", "three weeks later", "a month earlier", "years ago"."""
    g = match.groups
    unit = unit_code(g.get("unit"))
    direction = relations()["shift"].get(lower_text(g.get("dir")))
    if unit is None or direction is None:
        return None
    anchor, sign = direction
    number = lower_text(g.get("num"))
    count = 1.0 if number == "the" else parse_number(number)
    if count is None or g.get("vague"):
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor)
    if count != int(count) or count > settings.MAX_DURATION_COUNT:
        return None
    granularity = UNIT_GRANULARITY.get(unit)
    if unit in ("DE", "CE", "ML"):
        granularity = "year"
    if unit in ("H", "MIN"):
        granularity, unit = "day", "D"
        count = 0
    if granularity is None:
        return None
    base = ctx.reference(granularity) if anchor == "ref" else dct_point(ctx)
    if base is None:
        return underspecified(granularity, anchor)
    if unit == "Y" and base.granularity in ("quarter", "half", "month") and anchor == "ref":
        granularity = base.granularity
    moved = shift(base.day, unit, int(sign * count))
    if moved is None or moved.year < 1:
        return None
    if granularity in ("week", "weekend"):
        granularity = "day" if unit == "D" else granularity
    return dated(truncate(moved, granularity), anchor)


def handle_year_ago(match: Match, ctx: Context) -> Reading | None:
    """"a year earlier", "year-ago quarter": the reference period one year back."""
    g = match.groups
    what = lower_text(g.get("what"))
    count, _, unit_word = what.partition(" ")
    if unit_word and parse_number(count) is not None:
        # "the year-earlier nine months": a stretch of months, like "the nine months" itself
        value = duration_value(parse_number(count), unit_code(unit_word) or "")
        return Reading("DURATION", value, "explicit") if value else None
    anchor = "dct" if lower_text(g.get("dir")) == "ago" and "-" not in match.text else "ref"
    latest = ctx.latest()
    if latest is not None and latest.granularity == "quarter":
        latest = ctx.reported_quarter() or latest  # comparisons are with the period being reported
    if latest is not None and latest.granularity in ("quarter", "half", "month") and (anchor == "ref" or "quarter" in what or latest.granularity == "quarter"):
        moved = shift(latest.day, "Y", -1)
        return dated(with_granularity(Point(moved, latest.granularity), latest.granularity), "ref") if moved else None
    base = ctx.reference("year") if anchor == "ref" else dct_point(ctx)
    if base is None:
        return underspecified("year", anchor)
    if "-" in match.text and ctx.dct is not None and base.day.year == ctx.dct.year - 1:
        # The adjective ("the year-ago results") compares with the current period; when the text
        # already talks about that year-back period ("in the 1988 period"), it names the same one.
        return dated(truncate(base.day, "quarter" if "quarter" in what else "year"), "ref")
    moved = shift(base.day, "Y", -1)
    if moved is None:
        return None
    if "quarter" in what:
        return dated(truncate(moved, "quarter"), anchor)
    return dated(truncate(moved, "year"), anchor)


def handle_relative_count(match: Match, ctx: Context) -> Reading | None:
    """"the past two months", "the next five years", "the first nine months": durations."""
    g = match.groups
    unit = unit_code(g.get("unit"))
    if unit is None:
        return None
    number = g.get("num") or ""
    count = parse_number(number)
    if lower_text(number) in [v.lower() for v in lexicon()["vague_quantities"]]:
        count = None
    elif count is None:
        return None
    value = duration_value(count, unit)
    return Reading("DURATION", value, "explicit") if value else None
