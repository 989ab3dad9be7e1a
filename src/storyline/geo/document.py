"""Resolves all toponyms of one article together, so that they inform each other.

Pass 1 resolves each distinct name with the document's country evidence (demonyms, countries,
containers written next to names) and its wording ("X province", "the town of X"). Pass 2
re-resolves with what pass 1 found: the admin1 divisions and countries the document talks about
and the points of its confidently placed cities (nearby candidates win). A name the gazetteer
lacks but that reads as a local feature ("Frenchmen Street", a neighbourhood) is placed at the
city named just before it, else at the document's focus, with a low confidence, rather than left
off the map.
"""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Sequence

from storyline.geo import settings
from storyline.geo.context import SpanContext, demonym_evidence, read_context
from storyline.geo.gazetteer import Gazetteer, ResolveContext, distance_km, gazetteer
from storyline.geo.normalize import fold, strip_the
from storyline.model import Place, PlaceMention

LOGGER = logging.getLogger(__name__)

MAX_ANCHORS = 12
# Above this many distinct names, pass 2 (proximity) is skipped to keep the time bounded.
MAX_NAMES_FOR_PROXIMITY = 400
Key = tuple[str, str | None, str | None]  # (folded name, kind hint, container code)


def _container_code(text: str | None, gaz: Gazetteer) -> str | None:
    """ISO or admin1 code of a container name written next to a toponym ("Texas" -> "US.TX")."""
    if not text:
        return None
    for cand in gaz.candidates(text):
        place = gaz.place(cand.row)
        if place.kind == "country" and not cand.via_skeleton:
            return place.country
        if place.kind == "admin1" and not cand.via_skeleton:
            return place.admin1_code
    return None


def _shares(evidence: Counter[str]) -> dict[str, float]:
    total = sum(evidence.values())
    return {code: count / total for code, count in evidence.items()} if total else {}


def _focus_place(places: Sequence[tuple[Place | None, float]], gaz: Gazetteer) -> Place | None:
    """The place the article is mostly about: its most mentioned confident city, else division."""
    for threshold in (settings.MIN_ANCHOR_CONFIDENCE, 0.0):
        for kinds in (("city",), ("admin1",), ("country",)):
            counts = Counter(p for p, conf in places if p is not None and p.kind in kinds
                             and conf >= threshold and p.geonameid is not None)
            if counts:
                return counts.most_common(1)[0][0]
    return None


def _far_reduction(surface: str, ctx: SpanContext, place: Place, focus: Place) -> bool:
    """ "Elysian Fields" read as the town of Elysian far from the article's focus: distrust it."""
    if not ctx.local_head or fold(ctx.name) == fold(strip_the(surface)[0]):
        return False
    if place.kind == "country" or None in (place.lat, place.lon, focus.lat, focus.lon):
        return False
    return distance_km(place.lat, place.lon, focus.lat, focus.lon) > settings.MAX_REDUCED_NAME_KM


def _approximate(surface: str, focus: Place) -> Place:
    return Place(
        geonameid=None, name=surface, lat=focus.lat, lon=focus.lon, country=focus.country,
        admin1=focus.admin1, kind="region", admin1_code=focus.admin1_code,
    )


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    article_id: str,
    contexts: Sequence[SpanContext] | None = None,
) -> list[PlaceMention]:
    """Resolve the toponyms at ``spans`` (character offsets into ``text``) as one document."""
    gaz = gazetteer()
    spans = list(spans)[: settings.MAX_MENTIONS_PER_DOC]
    if contexts is None:
        contexts = [read_context(text, s, e, gaz) for s, e in spans]
    keys: list[Key] = [
        (fold(ctx.name), ctx.kind, _container_code(ctx.container, gaz)) for ctx in contexts
    ]
    names = {key: ctx.name for key, ctx in zip(keys, contexts)}
    # "Royal Street" looked up as "Royal": a guess that must not steer the other names
    reduced = {
        key for key, ctx, (s, e) in zip(keys, contexts, spans)
        if ctx.local_head and fold(ctx.name) != fold(strip_the(text[s:e])[0])
    }
    evidence = demonym_evidence(text, gaz)
    for key in keys:
        if key[2]:
            evidence[key[2].split(".")[0]] += 1

    # pass 1: country evidence and wording only
    base = ResolveContext(countries=_shares(evidence))
    first: dict[Key, tuple[Place | None, float]] = {}
    for key in dict.fromkeys(keys):
        context = ResolveContext(countries=base.countries, kind=key[1], container=key[2])
        first[key] = gaz.resolve_scored(names[key], context)

    # pass 2: what pass 1 found informs every name
    results = first
    if len(first) <= MAX_NAMES_FOR_PROXIMITY:
        results = _second_pass(first, keys, names, evidence, gaz, reduced)

    resolved = [results[key] for key in keys]
    focus = _focus_place([r for key, r in zip(keys, resolved) if key not in reduced], gaz)
    cities = _local_cities(spans, keys, resolved, reduced)
    mentions = []
    for (start, end), key, ctx, (place, confidence) in zip(spans, keys, contexts, resolved):
        surface = text[start:end]
        if place is not None and focus is not None and _far_reduction(surface, ctx, place, focus):
            place = None
        if place is None:
            near = _local_focus(start, cities) or focus
            if near is not None:
                place, confidence = _approximate(surface, near), settings.LOCAL_FEATURE_CONFIDENCE
        mentions.append(PlaceMention(article_id, start, end, surface, place, round(confidence, 3)))
    return mentions


def _local_cities(
    spans: Sequence[tuple[int, int]],
    keys: Sequence[Key],
    resolved: Sequence[tuple[Place | None, float]],
    reduced: set[Key],
) -> tuple[list[int], list[Place]]:
    """Start offsets (sorted) and places of the confidently resolved cities of the article."""
    found = sorted(
        (s, place) for (s, _e), key, (place, confidence) in zip(spans, keys, resolved)
        if place is not None and place.kind == "city" and key not in reduced
        and confidence >= settings.MIN_ANCHOR_CONFIDENCE
    )
    return [s for s, _p in found], [p for _s, p in found]


def _local_focus(start: int, cities: tuple[list[int], list[Place]]) -> Place | None:
    """The city written last before ``start``, if close ("... in New Orleans. The house on
    Frenchmen Street ..."), else None."""
    offsets, places = cities
    index = bisect.bisect_left(offsets, start) - 1
    if index < 0 or start - offsets[index] > settings.LOCAL_FOCUS_CHARS:
        return None
    return places[index]


def _second_pass(
    first: dict[Key, tuple[Place | None, float]],
    keys: Sequence[Key],
    names: dict[Key, str],
    evidence: Counter[str],
    gaz: Gazetteer,
    reduced: set[Key],
) -> dict[Key, tuple[Place | None, float]]:
    mention_counts = Counter(keys)
    countries = Counter(evidence)
    admin1: dict[str, set[str]] = {}  # admin1 code -> the names that put it in the document
    anchors: list[tuple[int, Key, tuple[float, float]]] = []
    for key, (place, confidence) in first.items():
        if place is None or confidence < settings.MIN_ANCHOR_CONFIDENCE or key in reduced:
            continue
        if place.country:
            countries[place.country] += mention_counts[key]
        if place.kind == "admin1" and place.admin1_code:
            admin1.setdefault(place.admin1_code, set()).add(key[0])
        if key[2] and "." in key[2]:
            admin1.setdefault(key[2], set()).add(key[0])
        if place.kind == "city" and place.lat is not None and place.lon is not None:
            anchors.append((mention_counts[key], key, (place.lat, place.lon)))
    anchors.sort(key=lambda item: -item[0])
    anchors = anchors[:MAX_ANCHORS]
    shares = _shares(countries)
    results: dict[Key, tuple[Place | None, float]] = {}
    for key in first:
        points = tuple(point for _n, other, point in anchors if other[0] != key[0])
        # a name is not its own container: "Montana" must not pull "Montana City" into Montana
        divisions = frozenset(code for code, by in admin1.items() if by - {key[0]})
        context = ResolveContext(
            countries=shares, admin1=divisions, anchors=points, kind=key[1], container=key[2]
        )
        results[key] = gaz.resolve_scored(names[key], context)
    return results
