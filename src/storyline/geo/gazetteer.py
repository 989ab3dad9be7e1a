"""The gazetteer: candidate places for a name and the best one in a given context.

``gazetteer()`` returns the process-wide instance (tables loaded once, see ``store``).
``Gazetteer.resolve(name, context)`` picks a ``Place``; ``Gazetteer.rank`` shows every candidate
with its score, which is what the document-level tagger and the benchmark use.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from storyline.geo import settings
from storyline.geo.normalize import clean, fold, skeleton
from storyline.geo.store import KINDS, Tables, load_tables
from storyline.model import Place

LOGGER = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class ResolveContext:
    """What the rest of the document says about where a name is.

    ``countries``: share of the document's country evidence per ISO code (demonyms, countries
    and unambiguous places), summing to at most 1. ``admin1``: admin1 codes mentioned in the
    document. ``anchors``: (lat, lon) of the other places already resolved in the document.
    ``kind``: what the wording asks for ("city" after "the city of", "admin1" before "province").
    ``container``: an ISO code or admin1 code written right next to the name ("X, Texas").
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: frozenset[str] = frozenset()
    anchors: tuple[tuple[float, float], ...] = ()
    kind: str | None = None
    container: str | None = None
    # share of the document's admin1 evidence per admin1 code (a dateline "COLUMBUS, Ohio" in an
    # article about five states weighs less than a local story's state); when empty, every code
    # of ``admin1`` counts in full
    admin1_share: Mapping[str, float] = field(default_factory=dict)
    # (lat, lon, plausibility 0-1) of the readings of the document's other names that pass 1
    # could not settle: "Montgomery County" near a reading of "Dayton"
    soft_anchors: tuple[tuple[float, float, float], ...] = ()


NO_CONTEXT = ResolveContext()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _fast_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within a few per cent of the great circle below ~1000 km."""
    x = math.radians((lon2 - lon1 + 180.0) % 360.0 - 180.0) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return EARTH_RADIUS_KM * math.hypot(x, y)


def _looks_like_acronym(name: str) -> bool:
    """An all-capitals word of at most five letters ("SANA", "UCLA"), not a dateline "NEW YORK"."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= settings.MAX_ACRONYM_CHARS and letters.isalpha() and letters.isupper()


@dataclass(frozen=True)
class Candidate:
    """One gazetteer row that a name may refer to, how it matched, and its context-free score."""

    row: int
    via_skeleton: bool
    primary: bool
    base: float = 0.0  # population, kind prior, name-match terms
    kind: str = "city"
    country: str = ""
    admin1: str = ""
    lat: float = 0.0
    lon: float = 0.0


class Gazetteer:
    """Name -> candidate places, and context-aware choice among them."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    # -- look-up ---------------------------------------------------------------------------
    def candidates(self, name: str) -> list[Candidate]:
        """Every place the name may refer to (exact key first, then transliteration skeleton)."""
        return list(self._candidates(clean(name)))

    @functools.lru_cache(maxsize=50_000)
    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        key = fold(name)
        if not key:
            return ()
        rows = self._rows(self.tables.index.get(key))
        via_skeleton = False
        if not rows:
            skel = skeleton(key)
            if len(skel) >= settings.MIN_SKELETON_CHARS:
                rows = self._rows(self.tables.skeleton_index.get(skel))
                via_skeleton = True
        names = self.tables.names
        found = [self._candidate(r, via_skeleton, fold(names[r]) == key) for r in rows]
        if _looks_like_acronym(name):
            # "SANA" (an agency) is not Sanaa ("Sana") nor Saña, Peru; "UCLA" is not Uccle; a
            # dateline "ROME" is still Rome.
            found = [c for c in found if c.kind in ("country", "admin1", "admin2", "region")
                     or (c.primary and not c.via_skeleton
                         and self.tables.pops[c.row] >= settings.MIN_ACRONYM_CITY_POPULATION)]
            if any(c.kind != "city" for c in found):  # "EU" is the Union, not Eu in Normandy
                found = [c for c in found if c.kind != "city"]
        code = self.tables.demonyms.get(key)  # "GB", or "GB.ENG" for "English"
        row = None
        if code:
            row = self.tables.admin1_row.get(code) if "." in code else self.tables.country_row.get(code)
        if row is not None and row not in rows:
            found.append(self._candidate(row, False, True))  # "Canadian" is Canada, not Canadian, TX
        return tuple(self._prefer_namesake_cities(found))

    def _prefer_namesake_cities(self, found: list[Candidate]) -> list[Candidate]:
        """ "New York", "Geneva": a big city named like its own division means the city in news.

        The city gets the division's kind prior and primary-name bonus (plus a small margin) when
        it holds at least ``NAMESAKE_CITY_SHARE`` of the division's population; a "X province"
        wording (kind hint) still picks the division.
        """
        divisions = {c.admin1: c for c in found if c.kind == "admin1" and c.admin1}
        if not divisions:
            return found
        pops = self.tables.pops
        out = []
        for cand in found:
            division = divisions.get(cand.admin1) if cand.kind == "city" else None
            if division is not None and pops[cand.row] >= settings.NAMESAKE_CITY_SHARE * pops[division.row]:
                gap = division.base - cand.base + settings.NAMESAKE_CITY_MARGIN
                if gap > 0:
                    cand = replace(cand, base=cand.base + gap)
            out.append(cand)
        return out

    def _candidate(self, row: int, via_skeleton: bool, primary: bool) -> Candidate:
        t = self.tables
        kind = KINDS[t.kinds[row]]
        base = settings.W_POPULATION * math.log10(t.pops[row] + 10) + settings.KIND_PRIOR[kind]
        if primary:
            base += settings.W_PRIMARY_NAME
        if via_skeleton:
            base += settings.W_SKELETON_PENALTY
        if row in t.capitals and primary:  # "Salisbury" (Harare's old name) is not a capital now
            base += settings.W_CAPITAL
        return Candidate(row, via_skeleton, primary, base, kind, t.countries[row], t.admin1[row],
                         t.lats[row], t.lons[row])

    @staticmethod
    def _rows(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
        if value is None:
            return ()
        return (value,) if isinstance(value, int) else value

    def demonym_country(self, word: str) -> str | None:
        """ISO code of the country a demonym or adjective names ("Syrian" -> "SY", "English" -> "GB")."""
        code = self.tables.demonyms.get(fold(word))
        return code.split(".")[0] if code else None

    def is_known(self, name: str) -> bool:
        """True when the gazetteer has the name (exactly or by skeleton) or it is a demonym."""
        return bool(self._candidates(clean(name)))

    def max_population(self, name: str, primary: bool = False) -> int:
        """Population of the most populous place of that name (0 when unknown); with ``primary``,
        only places whose main name it is."""
        cands = self._candidates(clean(name))
        return max(
            (
                self.tables.pops[c.row] for c in cands
                if not primary or (c.primary and not c.via_skeleton)
            ),
            default=0,
        )

    # -- places ----------------------------------------------------------------------------
    @functools.lru_cache(maxsize=100_000)
    def place(self, row: int) -> Place:
        """The ``Place`` record of a gazetteer row."""
        t = self.tables
        code = t.admin1[row]
        kind = KINDS[t.kinds[row]]
        admin1 = t.admin1_names.get(code) if kind in ("city", "admin1", "admin2") else None
        if kind == "admin2":  # counties: the record's kinds stop at "region"
            kind = "region"
        return Place(
            geonameid=int(t.ids[row]) or None,
            name=t.names[row],
            lat=t.lats[row],
            lon=t.lons[row],
            country=t.countries[row] or None,
            admin1=admin1,
            kind=kind,  # type: ignore[arg-type]
            admin1_code=code or None,
            population=int(t.pops[row]),
        )

    def country(self, iso: str) -> Place | None:
        """The country record for an ISO code."""
        row = self.tables.country_row.get(iso)
        return None if row is None else self.place(row)

    def admin1(self, code: str) -> Place | None:
        """The admin1 record for a code like ``SY.11``."""
        row = self.tables.admin1_row.get(code)
        return None if row is None else self.place(row)

    # -- scoring ---------------------------------------------------------------------------
    def score(
        self, cand: Candidate, context: ResolveContext, namesakes: frozenset[str] = frozenset()
    ) -> float:
        """Log-linear score of one candidate in a context (higher is better). ``namesakes``: the
        admin1 codes of the name's division readings (an "area" hint accepts a town inside one)."""
        value = cand.base
        if cand.country:
            value += settings.W_COUNTRY_FOCUS * context.countries.get(cand.country, 0.0)
        elif context.countries:  # continents and macro-regions: neutral to the focus
            value += settings.W_COUNTRY_FOCUS * max(context.countries.values())
        if cand.kind in ("city", "admin1", "admin2") and cand.admin1 in context.admin1:
            share = context.admin1_share.get(cand.admin1, 1.0) if context.admin1_share else 1.0
            value += settings.W_ADMIN1_CONTAINER * min(1.0, share * settings.ADMIN1_SHARE_GAIN)
        if context.soft_anchors and cand.kind in ("city", "admin2"):
            value += settings.W_SOFT_PROXIMITY * max(
                weight * settings.PROXIMITY_SCALE_KM
                / (settings.PROXIMITY_SCALE_KM + _fast_km(cand.lat, cand.lon, la, lo))
                for la, lo, weight in context.soft_anchors
            )
        if context.container and context.container in (cand.country, cand.admin1):
            value += settings.W_EXPLICIT_CONTAINER
        if context.kind and (context.kind == cand.kind or (context.kind, cand.kind) == ("admin1", "admin2")):
            value += settings.W_KIND_HINT
        elif context.kind == "area" and (
            cand.kind in ("admin1", "admin2") or (cand.kind == "city" and cand.admin1 in namesakes)
        ):
            value += settings.W_KIND_HINT
        if context.anchors and cand.kind != "country":
            nearest = min(_fast_km(cand.lat, cand.lon, la, lo) for la, lo in context.anchors)
            value += settings.W_PROXIMITY * settings.PROXIMITY_SCALE_KM / (
                settings.PROXIMITY_SCALE_KM + nearest
            )
        return value

    def rank(self, name: str, context: ResolveContext | None = None) -> list[tuple[Place, float, float]]:
        """Candidates as (place, score, confidence), best first; confidence is a softmax share."""
        context = context or NO_CONTEXT
        cands = self._candidates(clean(name))
        if not cands:
            return []
        namesakes = frozenset(
            c.admin1 for c in cands if context.kind == "area" and c.kind == "admin1" and c.admin1
        )
        scored = sorted(((self.score(c, context, namesakes), c.row) for c in cands), reverse=True)
        top = scored[0][0]
        weights = [math.exp((s - top) / settings.CONFIDENCE_TEMPERATURE) for s, _ in scored]
        total = sum(weights)
        return [(self.place(row), s, w / total) for (s, row), w in zip(scored, weights)]

    def resolve_scored(self, name: str, context: ResolveContext | None = None) -> tuple[Place | None, float]:
        """The best place for the name and its confidence (``(None, 0.0)`` when unknown)."""
        ranked = self.rank(name, context)
        if not ranked:
            return None, 0.0
        place, _score, confidence = ranked[0]
        return place, confidence

    def resolve(self, name: str, context: ResolveContext | None = None) -> Place | None:
        """The best place for the name in this context, or None when the gazetteer lacks it."""
        return self.resolve_scored(name, context)[0]


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (tables loaded on first use)."""
    return Gazetteer(load_tables())
