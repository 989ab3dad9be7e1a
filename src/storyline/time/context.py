"""Per-document state of the normaliser: DCT, tense oracle and the narrative reference time."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from storyline.time.calendar_math import RANK, Point
from storyline.time.tense import TenseOracle

LOGGER = logging.getLogger(__name__)

_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")
# "from March to May", "between Dec. 28 and Jan. 3", "March-May": the link before a range's end.
_RANGE_OPEN_RE = re.compile(r"\b(?:from|between)\s+(?:(?:early|mid|late)[- ]\s*)?$", re.I)
_RANGE_LINK_RE = re.compile(r"^[\w.]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s*(?:to|until|till|through|thru|and|-|–)\s*(?:(?:early|mid|late)[- ]\s*)?$", re.I)
_RANGE_OPEN_CHARS = 20
# A numeric date with a final year (3/27/2016, 17-06-2016, 27.3.16), for the text's convention.
_NUMERIC_DATE_RE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/.-]\d)")


@dataclass
class Mention:
    """A resolved date mentioned earlier in the document."""

    start: int
    point: Point
    explicit_year: bool


@dataclass
class Context:
    """What the normaliser knows while it walks through one document in order."""

    text: str
    dct: dt.date | None
    tenses: TenseOracle
    mentions: list[Mention] = field(default_factory=list)
    _numeric_order: str | None = field(default=None, init=False, repr=False)
    _numeric_order_known: bool = field(default=False, init=False, repr=False)

    def remember(self, start: int, point: Point, explicit_year: bool) -> None:
        """Record a resolved date as the newest reference time."""
        self.mentions.append(Mention(start, point, explicit_year))

    def reference(self, granularity: str = "century") -> Point | None:
        """Newest mentioned point at ``granularity`` or finer; the DCT day when there is none."""
        needed = RANK.get(granularity, RANK["century"])
        for mention in reversed(self.mentions):
            if RANK[mention.point.granularity] <= needed:
                return mention.point
        return Point(self.dct, "day") if self.dct else None

    def reported_quarter(self) -> Point | None:
        """The first quarter the document mentions: in earnings news, the period being reported
        ("posted a 20% gain in third-quarter net"), which later comparisons ("the year-earlier
        period", "the 1989 period") refer to even after other quarters are mentioned."""
        for mention in self.mentions:
            if mention.point.granularity == "quarter":
                return mention.point
        return None

    def numeric_date_order(self) -> str | None:
        """"day_first" or "month_first" when the text's unambiguous numeric dates (a number above
        12: "17/06/2016", "6/17/2016") agree on one order; None when there are none or they
        disagree. Ambiguous dates of the same text ("05/06/2016") follow that convention."""
        if not self._numeric_order_known:
            votes = {"day_first": 0, "month_first": 0}
            for match in _NUMERIC_DATE_RE.finditer(self.text):
                first, second = int(match.group(1)), int(match.group(3))
                if first > 12 >= second >= 1:
                    votes["day_first"] += 1
                elif second > 12 >= first >= 1:
                    votes["month_first"] += 1
            if bool(votes["day_first"]) != bool(votes["month_first"]):
                self._numeric_order = "day_first" if votes["day_first"] else "month_first"
            self._numeric_order_known = True
        return self._numeric_order

    def latest(self) -> Point | None:
        """Newest mentioned point of any granularity (None when there is none)."""
        return self.mentions[-1].point if self.mentions else None

    def sentence_year(self, start: int) -> int | None:
        """Year of an explicit-year date earlier in the same sentence, if any."""
        for mention in reversed(self.mentions):
            if not mention.explicit_year:
                continue
            if _SENTENCE_BREAK_RE.search(self.text, mention.start, start):
                return None
            return mention.point.day.year
        return None

    def sentence_point(self, start: int) -> Point | None:
        """Newest month- or day-precise date mentioned earlier in the same sentence, if any.

        An untensed month-day ("with the third flight departing from August 6") continues the
        sentence's own time line ("flights will leave from March 30") rather than the DCT's.
        """
        for mention in reversed(self.mentions):
            if _SENTENCE_BREAK_RE.search(self.text, mention.start, start):
                return None
            if mention.point.granularity in ("day", "month", "time"):
                return mention.point
        return None

    def range_start(self, start: int) -> Point | None:
        """The first end of a range whose second end starts at ``start`` ("from March to May").

        The second end of a range is read forward from the first, so that "from November to
        February" never ends before it starts.
        """
        if not self.mentions:
            return None
        mention = self.mentions[-1]
        if mention.point.granularity not in ("day", "month"):
            return None
        if not _RANGE_LINK_RE.match(self.text[mention.start : start]):
            return None
        if not _RANGE_OPEN_RE.search(self.text, max(0, mention.start - _RANGE_OPEN_CHARS), mention.start):
            return None
        return mention.point
