"""Handlers for calendar expressions: explicit and partial dates, months, weekdays, years,
decades, centuries, quarters, halves, seasons and holidays.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re

from storyline.time import resolve, settings
from storyline.time.calendar_math import Point, truncate
from storyline.time.context import Context
from storyline.time.lexicon import lexicon, relations
from storyline.time.numbers import parse_number
from storyline.time.reading import (
    Match, Reading, dated, dct_point, lower_text, midnight_side, month_number, part_code, tense_direction,
    weekday_number,
)

LOGGER = logging.getLogger(__name__)


def _relation(table: str, word: str, default_direction: str) -> tuple[str, str]:
    """(anchor, direction) of a relative word from ``rules/relations.json``."""
    anchor, direction = relations()[table].get(word, ["dct", default_direction])
    return anchor, direction


# --- explicit and partial calendar dates -------------------------------------------------------


def handle_date(match: Match, ctx: Context) -> Reading | None:
    """Month/day/year dates in any order; a missing year is taken from the DCT and the tense."""
    g = match.groups
    month = month_number(g.get("month")) or (int(g["month"]) if (g.get("month") or "").isdigit() else None)
    if month is None and g.get("month") is None and g.get("day"):
        return _day_of_month(int(g["day"]), match, ctx)
    if month is None:
        return None
    if g.get("dayword"):
        day = lexicon()["ordinals"].get(lower_text(g["dayword"]))
    else:
        day = int(g["day"]) if g.get("day") else None
    if day is None and g.get("yearwords"):
        spelled = _spelled_year(g["yearwords"])
        return dated(Point(dt.date(spelled, month, 1), "month"), "explicit", True) if spelled else None
    if g.get("yy") and not g.get("year"):
        g = {**g, "year": str(_two_digit_year(int(g["yy"])))}
    if day is None and g.get("year"):
        return dated(Point(dt.date(int(g["year"]), month, 1), "month"), "explicit", True)
    if not day or day < 1:
        return None
    if g.get("year"):
        year = int(g["year"])
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if g.get("hour"):
            return dated(Point(date, "time", f"{int(g['hour']):02d}:{g['minute']}"), "explicit", True)
        return dated(Point(date, "day"), "explicit", True)
    first = ctx.range_start(match.start)
    end = _range_end(resolve.month_day_point(month, day, first.day, "future") if first else None, match, ctx)
    if end is not None:
        return dated(end, "ref")
    year = _sentence_year(match, ctx)
    if year is not None:
        try:
            return dated(Point(dt.date(year, month, day), "day"), "ref")
        except ValueError:
            return None
    if ctx.dct is None:
        if not _valid_month_day(month, day):
            return None
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", "dct")
    weekday = weekday_number(g.get("wd"))
    if weekday:
        for year in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if date.isoweekday() == weekday:
                return dated(Point(date, "day"), "dct")
    narrated = _narrated(match, ctx, month, day)
    if narrated is not None:
        return dated(narrated, "ref")
    tense = ctx.tenses.tense(match.start, match.end)
    anchor_point = ctx.sentence_point(match.start) if tense not in ("past", "future") else None
    if anchor_point is not None and anchor_point.day > ctx.dct:
        return dated(resolve.month_day_point(month, day, ctx.dct, "future"), "ref")
    point = resolve.month_day_point(month, day, ctx.dct, "nearest")
    if point is not None and abs((point.day - ctx.dct).days) > settings.MONTH_DAY_TENSE_DAYS:
        if (tense == "past" and point.day > ctx.dct) or (tense == "future" and point.day < ctx.dct):
            point = resolve.month_day_point(month, day, ctx.dct, tense)
    return dated(point, "dct")


def _narrated(match: Match, ctx: Context, month: int, day: int | None = None) -> Point | None:
    """The month (or month-day) in the narrated past year, when a past-tense clause continues a
    narrative of an earlier year ("in March 2011 ... was then a month old ... on 22 April", written
    in July 2012 -> 2011-04-22; see ``Context.narrative_point``). The narrated year is the
    reference's, or the next one when a month- or day-precise reference lies more than
    ``settings.NARRATIVE_NEW_YEAR_MONTHS`` months later in its year ("in December 2010 ... on 3
    January" -> 2011). None (the DCT logic applies) when the result would follow the DCT."""
    if ctx.dct is None or not _narrative_cue(match, ctx):
        return None
    if ctx.tenses.tense(match.start, match.end) != "past":
        return None
    reference = ctx.narrative_point(match.start)
    if reference is None:
        return None
    year = reference.day.year
    if reference.granularity != "year" and reference.day.month - month > settings.NARRATIVE_NEW_YEAR_MONTHS:
        year += 1
    try:
        point = Point(dt.date(year, month, day or 1), "day" if day else "month")
    except ValueError:
        return None
    if point.day > ctx.dct:
        return None
    LOGGER.debug("narrative reference %s for %r -> %s", reference.value(), match.text, point.value())
    return point


@functools.lru_cache(maxsize=1)
def _narrative_cue_regex() -> re.Pattern[str]:
    """A narrative cue ("then", "at the time") not preceded by a word that runs it to the present."""
    table = lexicon()["narrative_cues"]
    blocked = "".join(rf"(?<!\b{re.escape(word)} )" for word in table["blocked_after"])
    words = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(table["words"], key=len, reverse=True))
    return re.compile(rf"(?<!\w){blocked}(?:{words})(?!\w)", re.IGNORECASE)


def _narrative_cue(match: Match, ctx: Context) -> bool:
    """True when the sentence of the match has a narrative cue outside the match itself."""
    lo, hi = ctx.sentence_bounds(match.start, match.end)
    return any(
        not (match.start <= cue.start() < match.end)
        for cue in _narrative_cue_regex().finditer(ctx.text, lo, hi)
    )


def _sentence_year(match: Match, ctx: Context) -> int | None:
    """The year of an explicit date earlier in the sentence, unless the clause's tense rules it
    out: a future clause is not in a past year ("set his record at the 2009 championships and will
    defend his title at the August 27 championships", written in 2011), nor a past one in a future
    year."""
    year = ctx.sentence_year(match.start)
    if year is None or ctx.dct is None or year == ctx.dct.year:
        return year
    tense = ctx.tenses.tense(match.start, match.end)
    if (tense == "future" and year < ctx.dct.year) or (tense == "past" and year > ctx.dct.year):
        return None
    return year


def handle_week_of(match: Match, ctx: Context) -> Reading | None:
    """"the week of March 6": the (ISO) week containing that date."""
    reading = handle_date(match, ctx)
    if reading is None or reading.point is None:
        return reading
    return dated(truncate(reading.point.day, "week"), reading.anchor or "dct", reading.explicit_year)


def _range_end(point: Point | None, match: Match, ctx: Context) -> Point | None:
    """The second end of a range read forward from the first, unless that puts a past-tense
    clause's date after the DCT (then the caller's usual resolution applies)."""
    if point is None or ctx.dct is None:
        return point
    if point.day > ctx.dct and ctx.tenses.tense(match.start, match.end) == "past":
        return None
    return point


def _two_digit_year(year: int) -> int:
    """'98 -> 1998, '15 -> 2015 (pivot in settings)."""
    return year + (2000 if year <= settings.TWO_DIGIT_YEAR_PIVOT else 1900)


def _day_of_month(day: int, match: Match, ctx: Context) -> Reading | None:
    """"on the 27th": that day of the reference month (the DCT's month, or the month before it
    when the day is still to come in a past-tense clause)."""
    base = ctx.reference("month")
    if base is None:
        return None
    month_start = base.day.replace(day=1)
    if ctx.dct is not None and base.day == ctx.dct and day > ctx.dct.day and tense_direction(match, ctx) == "past":
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    try:
        date = month_start.replace(day=day)
    except ValueError:
        return None
    return dated(Point(date, "day"), "ref" if base.day != ctx.dct else "dct")


def _valid_month_day(month: int, day: int) -> bool:
    """True when month/day exists in some year (29 February included)."""
    try:
        dt.date(2000, month, day)
    except ValueError:
        return False
    return True


def handle_numeric_date(match: Match, ctx: Context) -> Reading | None:
    """3/27/2016, 27.3.2016, 17-06-2016: a number above 12 fixes the order; otherwise the order
    of the text's other numeric dates (a document's or outlet's convention), else the locale hint
    (the separator, then ``settings.NUMERIC_DATE_ORDER``)."""
    g = match.groups
    first, second = int(g["a"] or 0), int(g["b"] or 0)
    year = int(g["year"] or 0)
    if len(g["year"] or "") == 2:
        year += 2000 if year <= settings.TWO_DIGIT_YEAR_PIVOT else 1900
    if first > 12 >= second:
        day_first = True
    elif second > 12 >= first:
        day_first = False
    else:
        order = ctx.numeric_date_order()
        if order is not None:
            day_first = order == "day_first"
        else:
            day_first = g.get("sep") in settings.DAY_FIRST_SEPARATORS or settings.NUMERIC_DATE_ORDER == "EU"
    month, day = (second, first) if day_first else (first, second)
    try:
        return dated(Point(dt.date(year, month, day), "day"), "explicit", True)
    except ValueError:
        return None


def handle_month(match: Match, ctx: Context) -> Reading | None:
    """A month name, bare or with last/this/next/previous/following/that."""
    g = match.groups
    month = month_number(g.get("month"))
    if month is None:
        return None
    rel = lower_text(g.get("rel"))
    if not rel and not _plausible_bare_month(match, ctx):
        return None
    if rel:
        anchor, direction = _relation("month", rel, "nearest")
        base = ctx.reference("month") if anchor == "ref" else dct_point(ctx)
        if base is None:
            return Reading("DATE", f"XXXX-{month:02d}", anchor)
        return dated(resolve.month_point(month, base.day, direction), anchor)
    first = ctx.range_start(match.start)
    point = _range_end(resolve.month_point(month, first.day, "future") if first else None, match, ctx)
    if point is not None:
        return dated(point, "ref")
    year = _sentence_year(match, ctx)
    if year is not None:
        return dated(Point(dt.date(year, month, 1), "month"), "ref")
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{month:02d}", "dct")
    narrated = _narrated(match, ctx, month)
    if narrated is not None:
        return dated(narrated, "ref")
    direction = tense_direction(match, ctx)
    anchor_point = ctx.sentence_point(match.start) if direction == "nearest" else None
    if anchor_point is not None and anchor_point.day > ctx.dct:
        direction = "future"
    elif direction == "past" and 0 < month - ctx.dct.month <= settings.PAST_MONTH_LOOKAHEAD and (
        (dt.date(ctx.dct.year, month, 1) - ctx.dct).days <= settings.PAST_MONTH_LOOKAHEAD_DAYS
    ):
        direction = "future"
    return dated(resolve.month_point(month, ctx.dct, direction), "dct")


def _plausible_bare_month(match: Match, ctx: Context) -> bool:
    """Reject month names that are probably names or verbs ("Theresa May", "April Ryan")."""
    word = (match.groups.get("month") or "").rstrip(".")
    left = ctx.text[max(0, match.start - 20) : match.start]
    previous = re.findall(r"[\w'-]+", left)
    prev_word = previous[-1].lower() if previous else ""
    context_words = set(lexicon()["month_context_words"])
    if prev_word in context_words:
        return True
    if word.title() in ("May", "March") or len(word) <= 3:
        return False
    following = ctx.text[match.end : match.end + 20]
    if re.match(r"\s+[A-Z][a-z]", following) and not re.match(r"\s+(?:I|The|A|In|On|At)\b", following):
        return False
    if previous and previous[-1][:1].isupper() and not re.search(r"[.!?\"“]\s*$", left):
        return False
    return True



def handle_weekday(match: Match, ctx: Context) -> Reading | None:
    """A weekday, resolved against the DCT by tense (or against the reference time)."""
    g = match.groups
    weekday = weekday_number(g.get("wd"))
    if weekday is None:
        return None
    rel = lower_text(g.get("rel"))
    part = midnight_side(part_code(g.get("part")), match, ctx)
    anchor, direction = _relation("weekday", rel, "")
    base = ctx.reference("day") if anchor == "ref" else dct_point(ctx)
    if base is None:
        suffix = f"T{part}" if part else ""
        return Reading("TIME" if part else "DATE", f"XXXX-WXX-{weekday}{suffix}", anchor)
    direction = direction or tense_direction(match, ctx)
    point = resolve.weekday_point(weekday, base.day, direction)
    if part:
        point = Point(point.day, "time", part)
    return dated(point, anchor)



def handle_year(match: Match, ctx: Context) -> Reading | None:
    """A year: 2016, fiscal 2016, FY16, '98."""
    g = match.groups
    if g.get("year"):
        year = int(g["year"])
        if not settings.MIN_BARE_YEAR <= year <= settings.MAX_BARE_YEAR:
            return None
        if not g.get("fiscal") and not _plausible_bare_year(year, match, ctx):
            return None
    elif g.get("yearwords"):
        parsed = _spelled_year(g["yearwords"])
        if parsed is None:
            return None
        year = parsed
    elif g.get("yy"):
        year = int(g["yy"])
        year += 2000 if year <= settings.TWO_DIGIT_YEAR_PIVOT else 1900
    else:
        return None
    return dated(Point(dt.date(year, 1, 1), "year"), "explicit", True)


def _plausible_bare_year(year: int, match: Match, ctx: Context) -> bool:
    """A bare year far from the publication year needs a year cue before it ("in 1070")."""
    if ctx.dct is None:
        return True
    if -settings.BARE_YEAR_MAX_PAST <= year - ctx.dct.year <= settings.BARE_YEAR_MAX_FUTURE:
        return True
    before = ctx.text[max(0, match.start - 20):match.start]
    return re.search(settings.BARE_YEAR_CUE, before, re.IGNORECASE) is not None


def _spelled_year(words: str) -> int | None:
    """"nineteen ninety-four" -> 1994, "two thousand and one" -> 2001."""
    text = lower_text(words).replace("-", " ")
    if text.startswith("two thousand"):
        rest = text[len("two thousand") :].replace(" and ", " ").strip()
        return 2000 + int(parse_number(rest) or 0) if rest else 2000
    head, _, rest = text.partition(" ")
    century = parse_number(head)
    rest = rest.replace("oh ", "").strip()
    tail = 0 if rest == "hundred" else parse_number(rest)
    if century is None or tail is None:
        return None
    return int(century * 100 + tail)


def handle_decade(match: Match, ctx: Context) -> Reading | None:
    """1990s -> 199; '90s and "the nineties" -> the DCT's century (20th without DCT)."""
    g = match.groups
    if g.get("decade"):
        return Reading("DATE", g["decade"], "explicit", point=Point(dt.date(int(g["decade"]) * 10, 1, 1), "decade"))
    digit = int(g["d2"]) if g.get("d2") else relations()["decade_words"].get(lower_text(g.get("dword")))
    if digit is None:
        return None
    century = 19
    if ctx.dct is not None and ctx.dct.year >= 2000 and digit <= (ctx.dct.year // 10) % 10:
        century = ctx.dct.year // 100
    return Reading("DATE", f"{century}{digit}", "dct", point=Point(dt.date(century * 100 + digit * 10, 1, 1), "decade"))


def handle_century(match: Match, ctx: Context) -> Reading | None:
    """The 19th century -> 18."""
    g = match.groups
    number = int(g["ord"]) if g.get("ord") else lexicon()["ordinals"].get(lower_text(g.get("ordw")))
    if not number or not 1 <= number <= 99:
        return None
    return Reading("DATE", f"{number - 1:02d}", "explicit", point=Point(dt.date(max(1, (number - 1) * 100), 1, 1), "century"))


# --- quarters, halves, seasons, holidays ----------------------------------------------------


def handle_quarter(match: Match, ctx: Context) -> Reading | None:
    """Quarters: "the third quarter (of 2016)", "Q3 2016", "last year's fourth quarter"."""
    g = match.groups
    if g.get("qn"):
        quarter = int(g["qn"][1])
    else:
        quarter = lexicon()["quarters"].get(lower_text(g.get("q")))
    if not quarter:
        return None
    year_text = g.get("year") or g.get("year2")
    rel = lower_text(g.get("rel"))
    relyear = lower_text(g.get("relyear"))
    if year_text:
        return _quarter(int(year_text), quarter, "explicit", True)
    if rel in ("year-earlier", "year-ago", "comparable"):
        ref = ctx.reference("quarter")
        if ref is None:
            return Reading("DATE", f"XXXX-Q{quarter}", "ref")
        return _quarter(ref.day.year - 1, quarter, "ref")
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-Q{quarter}", "dct")
    if relyear:
        offset = {"last": -1, "this": 0, "next": 1}[relyear]
        return _quarter(ctx.dct.year + offset, quarter, "dct")
    current = (ctx.dct.month - 1) // 3 + 1
    year = ctx.dct.year
    tense = ctx.tenses.tense(match.start, match.end)
    if rel == "last" and quarter >= current:
        year -= 1
    elif rel == "next" and quarter <= current:
        year += 1
    elif not rel and tense == "past" and quarter > current:
        year -= 1
    return _quarter(year, quarter, "dct")


def handle_year_period(match: Match, ctx: Context) -> Reading | None:
    """"the 1988 quarter", "the 1989 period": the quarter being reported (the first quarter the
    document mentions; for "quarter" also the newest date, else the quarter before the DCT's), in
    the year given. A "period" with no quarter reported names the year."""
    year = int(match.groups["year"])
    reported = ctx.reported_quarter()
    if reported is None and lower_text(match.groups.get("unit")) == "period":
        # no quarter is being reported: the period may be a half or nine months; name the year
        return dated(Point(dt.date(year, 1, 1), "year"), "ref", True)
    latest = reported or ctx.reference("quarter")
    if latest is None:
        return Reading("DATE", f"{year:04d}-QX", "ref")
    day = latest.day
    if ctx.dct is not None and not ctx.mentions:
        day = resolve.previous_quarter_start(ctx.dct)
    return _quarter(year, (day.month - 1) // 3 + 1, "ref", True)


def _quarter(year: int, quarter: int, anchor: str, explicit: bool = False) -> Reading:
    """A quarter reading."""
    point = Point(dt.date(year, 3 * quarter - 2, 1), "quarter")
    return Reading("DATE", point.value(), anchor, point=point, explicit_year=explicit)


def handle_half(match: Match, ctx: Context) -> Reading | None:
    """The first/second half of a year."""
    g = match.groups
    half = 1 if lower_text(g.get("h")) == "first" else 2  # second, last, latter half; last two quarters
    if g.get("year"):
        year, anchor = int(g["year"]), "explicit"
    elif ctx.dct is None:
        return Reading("DATE", f"XXXX-H{half}", "dct")
    else:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(lower_text(g.get("rel")), 0)
        anchor = "dct"
    point = Point(dt.date(year, 6 * half - 5, 1), "half")
    return Reading("DATE", point.value(), anchor, point=point, explicit_year=anchor == "explicit")


def handle_season(match: Match, ctx: Context) -> Reading | None:
    """Seasons: "last fall", "summer 2015", "the winter"."""
    g = match.groups
    code = lexicon()["seasons"].get(lower_text(g.get("season")))
    if code is None:
        return None
    rel = lower_text(g.get("rel"))
    if g.get("year"):
        point = Point(dt.date(int(g["year"]), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code], 1), "season", code)
        return Reading("DATE", point.value(), "explicit", point=point, explicit_year=True)
    left = ctx.text[max(0, match.start - 12) : match.start].lower()
    if not rel and not re.search(r"\b(?:in|during|since|until|by|early|late|mid|this|last|next)\W*$", left):
        return None
    anchor, direction = _relation("season", rel, "")
    base = ctx.reference("season") if anchor == "ref" else dct_point(ctx)
    if base is None:
        return Reading("DATE", f"XXXX-{code}", anchor)
    direction = direction or tense_direction(match, ctx)
    return dated(resolve.season_point(code, base.day, direction), anchor)


def handle_holiday(match: Match, ctx: Context) -> Reading | None:
    """Holidays with fixed or computed dates ("Christmas", "Easter", "Thanksgiving 2015")."""
    g = match.groups
    table = {name.lower(): rule for name, rule in lexicon()["holidays"].items()}
    rule = table.get(lower_text(g.get("hol")))
    if rule is None:
        return None
    if g.get("year"):
        return dated(_holiday_point(rule, int(g["year"])), "explicit", True)
    if ctx.dct is None:
        fixed = re.fullmatch(r"\d\d-\d\d", rule)
        return Reading("DATE", f"XXXX-{rule}" if fixed else "XXXX-XX-XX", "dct")
    rel = lower_text(g.get("rel"))
    direction = {"last": "strict_past", "next": "strict_future", "this": "nearest"}.get(rel) or tense_direction(match, ctx)
    candidates = [p for p in (_holiday_point(rule, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)) if p]
    if not candidates:
        return None
    dct = ctx.dct
    if direction in ("past", "strict_past"):
        pool = [p for p in candidates if p.day <= dct and (direction == "past" or p.day < dct)]
        point = max(pool, key=lambda p: p.day) if pool else None
    elif direction in ("future", "strict_future"):
        pool = [p for p in candidates if p.day >= dct and (direction == "future" or p.day > dct)]
        point = min(pool, key=lambda p: p.day) if pool else None
    else:
        point = min(candidates, key=lambda p: abs((p.day - dct).days))
    return dated(point, "dct")


def _holiday_point(rule: str, year: int) -> Point | None:
    """The day of a holiday in a year."""
    day = resolve.holiday_date(rule, year)
    return Point(day, "day") if day else None
