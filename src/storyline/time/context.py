"""Per-document state of the normaliser: DCT, tense oracle and the narrative reference time."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field

from storyline.time import settings
from storyline.time.calendar_math import RANK, Point
from storyline.time.lexicon import lexicon
from storyline.time.tense import TenseOracle

LOGGER = logging.getLogger(__name__)

_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
# "from March to May", "between Dec. 28 and Jan. 3", "March-May": the link before a range's end.
_RANGE_OPEN_RE = re.compile(r"\b(?:from|between)\s+(?:(?:early|mid|late)[- ]\s*)?$", re.I)
_RANGE_LINK_RE = re.compile(r"^[\w.]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s*(?:to|until|till|through|thru|and|-|–)\s*(?:(?:early|mid|late)[- ]\s*)?$", re.I)
_RANGE_OPEN_CHARS = 20
# A numeric date with a final year (3/27/2016, 17-06-2016, 27.3.16), for the text's convention.
_NUMERIC_DATE_RE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/.-]\d)")


@functools.lru_cache(maxsize=1)
def _span_edge_regex() -> re.Pattern[str]:
    """A word before a date that makes it the edge of a span running to the present ("since
    March 2011", "from 2011"): lexicon ``narrative_cues.blocked_after``."""
    words = "|".join(re.escape(word) for word in lexicon()["narrative_cues"]["blocked_after"])
    return re.compile(rf"\b(?:{words})\s+(?:(?:early|mid|late)[- ]\s*)?(?:the\s+)?$", re.IGNORECASE)


def _span_edge(text: str, start: int) -> bool:
    """True when the date at ``start`` is the edge of a span ("since March 2011"), which is no
    narrated time: "has been at war since 2011. On February 27 ..." is this year's news."""
    return _span_edge_regex().search(text, max(0, start - 30), start) is not None


@dataclass
class Mention:
    """A resolved date mentioned earlier in the document."""

    start: int
    point: Point
    explicit_year: bool
    end: int = -1  # end offset (-1: unknown, treated as ``start``)
    anchor: str | None = None  # "explicit", "dct" or "ref": what the value was resolved against


@dataclass
class Context:
    """What the normaliser knows while it walks through one document in order."""

    text: str
    dct: dt.date | None
    tenses: TenseOracle
    mentions: list[Mention] = field(default_factory=list)
    _numeric_order: str | None = field(default=None, init=False, repr=False)
    _numeric_order_known: bool = field(default=False, init=False, repr=False)

    def remember(
        self, start: int, point: Point, explicit_year: bool, end: int = -1, anchor: str | None = None
    ) -> None:
        """Record a resolved date as the newest reference time."""
        self.mentions.append(Mention(start, point, explicit_year, end, anchor))

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Character bounds of the sentence around ``text[start:end]`` (sentence breaks as in
        ``sentence_year``)."""
        lo = 0
        for found in _SENTENCE_BREAK_RE.finditer(self.text, max(0, start - 600), start):
            lo = found.end() - 1  # the break's last character opens the sentence
        after = _SENTENCE_BREAK_RE.search(self.text, end)
        return lo, (after.start() + 1 if after else len(self.text))

    def narrative_point(self, start: int) -> Point | None:
        """The narrated past time that a bare month or month-day at ``start`` continues, if any.

        HeidelTime's "narrative" reference time, made conservative for news, where a background
        sentence about an earlier year ("protests began in March 2011") is nearly always followed
        by this year's news: the newest earlier date that carries a year must lie at most
        ``settings.NARRATIVE_MAX_SENTENCES`` sentence breaks back in the same paragraph, name a
        year before the DCT's, be explicit ("in 2011", "on 3 March 2011") or read from such a
        date, and not be the edge of a span running to the present ("since March 2011"). A
        document that has already read a date against the DCT ("on Monday", "last week") speaks
        of the present: None. Decades and centuries are background and are skipped. The caller
        checks the clause (past tense, a narrative cue) and that the result is not after the DCT.
        """
        if self.dct is None or settings.NARRATIVE_MAX_SENTENCES <= 0:
            return None
        if any(mention.anchor == "dct" for mention in self.mentions):
            return None
        for mention in reversed(self.mentions):
            end = mention.end if mention.end >= 0 else mention.start
            if end > start:
                continue
            gap = self.text[end:start]
            if _PARAGRAPH_BREAK_RE.search(gap):
                return None
            if len(_SENTENCE_BREAK_RE.findall(gap)) > settings.NARRATIVE_MAX_SENTENCES:
                return None
            if RANK[mention.point.granularity] > RANK["year"]:
                continue  # "the 1990s", "the 19th century": background, not a narrated time
            if mention.point.day.year >= self.dct.year:
                return None
            if not (mention.explicit_year or mention.anchor == "ref") or _span_edge(self.text, mention.start):
                return None
            return mention.point
        return None

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
