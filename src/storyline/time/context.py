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
