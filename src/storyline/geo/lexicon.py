"""The context-word lexicon of toponym detection (``data/cues.json``), loaded once."""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from importlib import resources

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cues:
    """Context words, lower-case; phrases are tuples of words."""

    before: frozenset[tuple[str, ...]]
    weak_before: frozenset[tuple[str, ...]]
    before_city: frozenset[tuple[str, ...]]
    before_admin1: frozenset[tuple[str, ...]]
    after_admin1: frozenset[str]
    after_city: frozenset[str]
    not_place_before: frozenset[str]
    not_place_after: frozenset[str]
    local_heads: frozenset[str]
    inner_stop: frozenset[str]
    honorifics: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    sub_city: frozenset[str] = frozenset()
    name_prefixes: frozenset[str] = frozenset()
    county_heads: frozenset[str] = frozenset()
    local_org_words: frozenset[str] = frozenset()
    before_area: frozenset[str] = frozenset()

    @property
    def longest_before(self) -> int:
        """Number of words of the longest phrase before a name."""
        phrases = self.before | self.before_city | self.before_admin1
        return max(len(p) for p in phrases)


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    """The packaged cue lexicon."""
    raw = json.loads((resources.files("storyline.geo") / "data" / "cues.json").read_text("utf-8"))

    def phrases(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(p.lower().split()) for p in raw[key])

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[key])

    return Cues(
        before=phrases("before"),
        weak_before=phrases("weak_before"),
        before_city=phrases("before_city"),
        before_admin1=phrases("before_admin1"),
        after_admin1=words("after_admin1"),
        after_city=words("after_city"),
        not_place_before=words("not_place_before"),
        not_place_after=words("not_place_after"),
        local_heads=words("local_heads"),
        inner_stop=words("inner_stop"),
        honorifics=words("honorifics"),
        not_places=words("not_places"),
        sub_city=words("sub_city"),
        name_prefixes=words("name_prefixes"),
        county_heads=words("county_heads"),
        local_org_words=words("local_org_words"),
        before_area=words("before_area"),
    )
