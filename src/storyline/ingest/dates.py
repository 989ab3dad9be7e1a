"""Publication dates: parsing metadata values and finding a date line at the start of a text."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re

from storyline.ingest import settings
from storyline.ingest.resources import text_patterns

LOGGER = logging.getLogger(__name__)

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$")
# Slash dates are read month-first (the US convention of FA-KES and most exports) unless the
# first number cannot be a month.
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:$|[T\s,])")
_EPOCH = re.compile(r"^\s*\d{9,13}(?:\.\d+)?\s*$")
_MIN_YEAR = 1900
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘])")
# A four-digit year 1900-2099: every full date holds one (also used by ``date_check``).
YEAR = re.compile(r"(?:19|20)\d{2}(?!\d)")


def parse_date_value(value: object) -> dt.date | None:
    """Parse a publication date given as metadata (string, number or date); None if unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    for parse in (
        _parse_iso,
        _parse_compact,
        _parse_slashed,
        _parse_epoch,
        _parse_rfc2822,
        _parse_words,
    ):
        found = parse(text)
        if found is not None:
            return _plausible(found)
    LOGGER.debug("unreadable date %r", text[:40])
    return None


def find_text_date(text: str) -> tuple[dt.date, int, int] | None:
    """The publication date written at the start of a text, with its span, or None.

    Looks at the first ``DATELINE_SEARCH_CHARS`` characters for a full date (day, month, year).
    A date right after a cue ("Published", "Posted on") is taken; one after a preposition
    ("on 5 May 2016", "since") or after the first sentence is narrative, not a date line, and
    is skipped.
    """
    patterns = text_patterns()
    head = text[: settings.DATELINE_SEARCH_CHARS]
    candidates: list[tuple[int, int, dt.date]] = []
    # Every full date holds a year: only the text just before each year is searched.
    for year in YEAR.finditer(head):
        window_start = max(0, year.start() - settings.DATE_WINDOW_CHARS)
        for regex in patterns["text_dates"]:
            for match in regex.finditer(head, window_start, min(len(head), year.end() + 6)):
                found = date_from_match(match, patterns["months"])
                if found is not None:
                    candidates.append((match.start(), match.end(), found))
    first_sentence_end = _SENTENCE_END.search(head)
    for start, end, found in sorted(candidates, key=lambda c: (c[0], -c[1])):
        before = head[max(0, start - 30) : start]
        if patterns["date_cue_before"].search(before):
            return found, start, end
        if patterns["date_preposition_before"].search(before):
            LOGGER.debug("skipped narrative date %r", head[start:end])
            continue
        if first_sentence_end is not None and first_sentence_end.end() <= start:
            LOGGER.debug("skipped date after the first sentence %r", head[start:end])
            continue
        return found, start, end
    return None


def is_date_line(text: str, start: int) -> bool:
    """Whether the text date ``find_text_date`` found at ``start`` is a date line, the article's
    own statement of when it appeared: it opens the text, after nothing or only a publication cue
    ("Published", "Posted on", "Last updated at"), or it is written with its weekday ("Friday 23
    May 2014") after a headline and credit ("... Monitor AFP Friday 23 May 2014 ...")."""
    patterns = text_patterns()
    prefix = text[:start].strip()
    if not prefix or patterns["weekday_start"].match(text, start):
        return True
    return len(prefix) <= settings.DATE_LINE_CUE_CHARS and patterns["date_cue_before"].search(prefix) is not None


def date_from_match(match: re.Match[str], months: dict[str, int]) -> dt.date | None:
    """The date of a ``text_dates`` pattern match (groups day, month or nmonth, year), or None."""
    groups = match.groupdict()
    try:
        month = (
            int(groups["nmonth"])
            if groups.get("nmonth")
            else months[groups["month"].lower().rstrip(".")]
        )
        return _plausible(dt.date(int(groups["year"]), month, int(groups["day"])))
    except (KeyError, ValueError, TypeError):
        return None


def _plausible(value: dt.date) -> dt.date | None:
    latest = dt.date.today() + dt.timedelta(days=366)
    return value if _MIN_YEAR <= value.year and value <= latest else None


def _parse_year_month_day(pattern: re.Pattern[str], text: str) -> dt.date | None:
    """A date from a pattern whose three groups are year, month and day."""
    match = pattern.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _parse_iso(text: str) -> dt.date | None:
    return _parse_year_month_day(_ISO_PREFIX, text)


def _parse_compact(text: str) -> dt.date | None:
    return _parse_year_month_day(_COMPACT, text)


def _parse_slashed(text: str) -> dt.date | None:
    match = _SLASHED.match(text)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000 if year < 70 else 1900
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _parse_epoch(text: str) -> dt.date | None:
    return _from_epoch(float(text)) if _EPOCH.match(text) else None


def _from_epoch(seconds: float) -> dt.date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _plausible(dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date())
    except (OverflowError, OSError, ValueError):
        return None


def _parse_rfc2822(text: str) -> dt.date | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed else None


def _parse_words(text: str) -> dt.date | None:
    found = find_text_date(text)
    return found[0] if found else None
