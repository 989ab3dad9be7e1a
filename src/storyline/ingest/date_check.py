"""Publication dates that the article's own text contradicts.

A dataset column or scraped metadata date is sometimes the date of a crawl, an update, a re-post
or an event, not of the article: a retrospective dated 2013-08-13 that reports events up to June
2014. Every relative date in it ("yesterday", "on Monday") then resolves against the wrong day.

The check uses only *full* dates written in the text (day, month and year: "15 November 2013",
"June 4 2014", "2014-06-04"), which do not depend on the publication date. Dates in a
forward-looking context (a deadline, a plan, "by 30 June 2014", "will continue beyond ...") and
all-numeric dates whose day and month could be swapped are not evidence. When at least
``LATER_DATES_MIN`` distinct evidence dates lie more than ``LATER_DATE_MIN_DAYS`` after the
claimed date, the claimed date is *suspect*; when the evidence is strong (the latest evidence
date is the text's own lead date, or most evidence dates lie that far after the claimed day) an
inferred date is proposed: the lead date when the text opens with one that is itself that far
after the claimed date (later dates are then updates or comments), else the latest evidence date,
the earliest day the article can have been written. Forward-looking cues live in ``data/date_evidence.json``; thresholds in ``settings``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from storyline.ingest import settings
from storyline.ingest.dates import YEAR, date_from_match
from storyline.ingest.resources import load_json, text_patterns

LOGGER = logging.getLogger(__name__)

_CLAUSE_START = re.compile(r"[.!?;\n]\s+")


@dataclass(frozen=True)
class TextDate:
    """A full date written in a text; ``evidence`` is False when it may lie in the future of the
    writing (deadline, plan, schedule) or its day and month could be swapped."""

    start: int
    end: int
    value: dt.date
    evidence: bool = True


@dataclass(frozen=True)
class DateCheck:
    """The verdict on a claimed publication date that the text contradicts.

    ``later`` are the distinct evidence dates more than ``LATER_DATE_MIN_DAYS`` after ``claimed``
    (first occurrence of each, in date order); ``inferred`` is the proposed publication date when
    the evidence is strong (else None) and ``reason`` says why.
    """

    claimed: dt.date
    later: tuple[TextDate, ...]
    evidence_dates: int
    inferred: dt.date | None = None
    reason: str = ""

    def note(self, text: str, source: str) -> str:
        """The run-report note: the claimed date and the later dates the text gives."""
        shown = self.later[: settings.NOTE_MAX_DATES]
        listed = ", ".join(f"{d.value.isoformat()} ('{text[d.start:d.end]}')" for d in shown)
        more = len(self.later) - len(shown)
        if more > 0:
            listed += f" and {more} more"
        return (
            f"publication date suspect: the input's date {self.claimed.isoformat()} ({source}) is"
            f" more than {settings.LATER_DATE_MIN_DAYS} days before {len(self.later)} of the"
            f" {self.evidence_dates} full dates the text reports: {listed}"
        )


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    data = load_json("date_evidence.json")
    flags = re.IGNORECASE
    return {
        "adjacent_before": re.compile(data["adjacent_before"], flags),
        "clause_before": re.compile(data["clause_before"], flags),
        "after": re.compile(data["after"], flags),
        "clause_chars": int(data["clause_chars"]),
        "adjacent_chars": int(data["adjacent_chars"]),
    }


def full_dates(text: str, judge: bool = True) -> list[TextDate]:
    """Every full date (day, month, year) written in ``text``, in text order, without overlaps.

    With ``judge=False`` only all-numeric dates that could be read either way are marked as not
    evidence; the context (deadlines, plans, stamps) is not looked at, which is much cheaper.
    """
    patterns = text_patterns()
    years = list(YEAR.finditer(text))
    if len(years) > settings.DATE_SCAN_MAX_YEARS:
        # Many years (tables, long texts): one pass per pattern beats a window per year.
        windows = [(0, len(text))]
    else:
        windows = [
            (max(0, y.start() - settings.DATE_WINDOW_CHARS), min(len(text), y.end() + 6))
            for y in years
        ]
    candidates: dict[tuple[int, int], TextDate] = {}
    for window_start, window_end in windows:
        for regex in patterns["text_dates"]:
            for match in regex.finditer(text, window_start, window_end):
                if (match.start(), match.end()) in candidates:
                    continue
                value = date_from_match(match, patterns["months"])
                if value is not None:
                    candidates[(match.start(), match.end())] = TextDate(
                        match.start(), match.end(), value, not _ambiguous(match)
                    )
    found: list[TextDate] = []
    for date in sorted(candidates.values(), key=lambda d: (d.start, -d.end)):
        if found and date.start < found[-1].end:
            continue
        found.append(date)
    if judge:
        found = [judged(text, d) for d in found]
    return found


def judged(text: str, date: TextDate) -> TextDate:
    """``date`` with ``evidence`` False when its context says it may lie after the writing."""
    if date.evidence and _forward_looking(text, date.start, date.end):
        return TextDate(date.start, date.end, date.value, False)
    return date


def _ambiguous(match: re.Match[str]) -> bool:
    """Whether an all-numeric day-first date could also be read month first (5/6/2014)."""
    groups = match.groupdict()
    if not groups.get("nmonth") or match.start("year") == match.start():
        return False
    day, month = int(groups["day"]), int(groups["nmonth"])
    return day <= 12 and day != month


def _forward_looking(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is a deadline, plan, schedule or update/comment stamp."""
    cues = _cues()
    adjacent = text[max(0, start - cues["adjacent_chars"]) : start]
    if cues["adjacent_before"].search(adjacent):
        return True
    clause = text[max(0, start - cues["clause_chars"]) : start]
    boundaries = list(_CLAUSE_START.finditer(clause))
    if boundaries:
        clause = clause[boundaries[-1].end() :]
    if cues["clause_before"].search(clause):
        return True
    return cues["after"].match(text, end, min(len(text), end + 30)) is not None


def check_published(
    text: str, claimed: dt.date | None, lead: tuple[dt.date, int, int] | None = None
) -> DateCheck | None:
    """The verdict on ``claimed`` when the text's full dates contradict it, else None.

    ``lead`` is the full date ``find_text_date`` found at the start of the text (date, start,
    end), if any: when it is itself an evidence date too late for ``claimed``, it is the
    inferred publication date.
    """
    if claimed is None:
        return None
    limit = claimed + dt.timedelta(days=settings.LATER_DATE_MIN_DAYS)
    written = full_dates(text, judge=False)
    if len({d.value for d in written if d.evidence and d.value > limit}) < settings.LATER_DATES_MIN:
        return None  # the common case: the context of each date need not be read
    first_of = _first_evidence(text, written)
    later = tuple(first_of[v] for v in sorted(first_of) if v > limit)
    if len(later) < settings.LATER_DATES_MIN:
        return None
    latest = later[-1].value
    distinct = len(first_of)
    inferred: dt.date | None = None
    reason = ""
    if lead is not None and lead[0] > limit and any(d.start == lead[1] for d in written):
        inferred = lead[0]
        reason = (
            "the text's lead date, the latest date it reports"
            if lead[0] == latest
            else "the text's lead date (the later dates it gives read as updates or comments)"
        )
    elif len(later) / distinct > settings.REDATE_MIN_SHARE:
        inferred = latest
        reason = (
            f"the latest of the dates the text reports ({len(later)} of {distinct} fall more than"
            f" {settings.LATER_DATE_MIN_DAYS} days after {claimed.isoformat()}); the article"
            " cannot be older"
        )
    LOGGER.debug("suspect publication date %s: %d later dates", claimed, len(later))
    return DateCheck(claimed, later, distinct, inferred, reason)


def _first_evidence(text: str, written: list[TextDate]) -> dict[dt.date, TextDate]:
    """The first occurrence that is evidence of each date value (a value repeated a thousand
    times has its context read only until one occurrence qualifies)."""
    first_of: dict[dt.date, TextDate] = {}
    for date in written:
        if date.value not in first_of and date.evidence:
            date = judged(text, date)
            if date.evidence:
                first_of[date.value] = date
    return first_of
