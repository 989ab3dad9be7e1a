"""Resolves all toponyms of one article together, so that they inform each other.

Pass 1 resolves each distinct name with the document's country evidence (demonyms, countries,
containers written next to names) and its wording ("X province", "the town of X"). Pass 2
re-resolves with what pass 1 found: the admin1 divisions the document talks about (weighted by
their share of its admin1 evidence), its countries (a name that is a country or division in
several countries, "Georgia", does not vote for its own reading) and the points of its
confidently placed cities (nearby candidates win). A bare name then means what the same name
means where a container pins it down ("Parkland, Florida" ... "Parkland"). A name the gazetteer
lacks (a street, a building, a neighbourhood) is placed, with a low confidence, at the place that
hosts it in the wording ("the Palais des Nations in Geneva"), else at the place named inside it
("Colchester General Hospital") or the city named just before it, else at the document's focus.
Last, a part of a town ("Shahba neighbourhood of Aleppo", "Aleppo's X district", "the Jubar
district of the capital") is placed inside its town, never at a far namesake.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.geo import settings
from storyline.geo.context import LIST_BEFORE as _LIST_BEFORE
from storyline.geo.context import LIST_GOES_ON as _LIST_GOES_ON
from storyline.geo.context import SpanContext, demonym_evidence, divisions_in_text, read_context
from storyline.geo.gazetteer import Gazetteer, ResolveContext, distance_km, gazetteer
from storyline.geo.lexicon import cues
from storyline.geo.normalize import fold, strip_the
from storyline.model import Place, PlaceMention

LOGGER = logging.getLogger(__name__)

MAX_ANCHORS = 12
# Above this many distinct names, pass 2 (proximity) is skipped to keep the time bounded.
MAX_NAMES_FOR_PROXIMITY = 400
# "X in Y", "X, Y", "X at Y": the words between a toponym and the one that contains it
_HOST_GAP = re.compile(r"^\s*(?:,|in|at|near|outside|inside)\s*(?:the\s+)?$", re.IGNORECASE)
# what may follow Y in "X, Y": punctuation, a date, a preposition; not a verb ("X, Y have")
_HOST_END = re.compile(
    r"^(?:\s*$|\s*[.,;:!?()\[\]\u2013\u2014-]|\s+\d"
    r"|\s+(?:on|in|at|for|from|to|with|where|which|who|and|or)\b)"
)
_POSTAL = re.compile(r"[A-Z]{2}")
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$")  # list glue
_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*,\s*$")  # "Bangor, " before a postal code
# the words between a part of a town and its town: "(neighbourhood) of (the city of) Y", "in
# eastern Y"; the feature word itself is matched separately (it may end the toponym's span)
_SUB_CITY_GAP_TEXT = (
    r"\s+(?:of|in)\s+(?:the\s+)?(?:(?:old|northern|southern|eastern|western|central|east|west|"
    r"north|south|besieged|rebel-held|government-held)\s+)?(?:(?:city|town)\s+of\s+(?:the\s+)?)?"
    r"(?:[ae]l-\s*)?"  # "in al- Sulaymaniyah": the article split off the name
)
_SUB_CITY_GAP = re.compile(f"^{_SUB_CITY_GAP_TEXT}$", re.IGNORECASE)
# ... and a town name right after it that is not a toponym span of its own
_SUB_CITY_NAMED = re.compile(
    _SUB_CITY_GAP_TEXT + r"([A-Z][\w\u00c0-\u024f-]*(?: [A-Z][\w\u00c0-\u024f-]*){0,2})"
)
_SUB_CITY_CAPITAL = re.compile(r"\s+(?:of|in)\s+the\s+(capital|city)\b", re.IGNORECASE)
# a run of two to five capitalised words, "of"/"and" allowed inside ("The Lakeland Police Department")
_NAME_RUN = re.compile(r"\b[A-Z][\w\u00c0-\u024f-]*(?: (?:of |and )?[A-Z][\w\u00c0-\u024f-]*){1,4}")
_POSSESSIVE_GAP = re.compile(r"^['\u2019]s?\s+(?:the\s+)?$")
_WORD_AT = re.compile(r"\s*([A-Za-z]+)")
Key = tuple[str, str | None, str | None]  # (folded name, kind hint, container code)
# confidently placed kinds whose admin1 is evidence for the article's divisions ("region" with an
# admin1 code is a county: regions proper have none)
_ADMIN1_EVIDENCE_KINDS = ("admin1", "region")


def _container_code(text: str | None, gaz: Gazetteer) -> str | None:
    """ISO or admin1 code of a container name written next to a toponym ("Texas" -> "US.TX")."""
    if not text:
        return None
    words = text.split()
    for size in range(len(words), 0, -1):  # "Florida The ..." (the next sentence) -> "Florida"
        for cand in gaz.candidates(" ".join(words[:size])):
            if cand.via_skeleton:
                continue
            place = gaz.place(cand.row)
            if place.kind == "country":
                return place.country
            if place.kind == "admin1" or (place.kind == "region" and place.admin1_code):
                return place.admin1_code  # a county stands for its state: "X, Suffolk County"
    postal = words[0].rstrip(".,") if words else ""
    if _POSTAL.fullmatch(postal) and f"US.{postal}" in gaz.tables.admin1_row:
        return f"US.{postal}"  # "Springfield, OH": a US state's postal code, read only here
    return None


def _shares(evidence: Counter[str]) -> dict[str, float]:
    total = sum(evidence.values())
    return {code: count / total for code, count in evidence.items()} if total else {}


def _focus_place(
    places: Sequence[tuple[Place | None, float]], countries: Mapping[str, float]
) -> Place | None:
    """The place the article is mostly about: its most mentioned confident city, else division;
    mentions count by the share of their country in the article's evidence (two mentions of
    Delft, Netherlands do not make a Cape Town story Dutch), ties go to the most populous."""
    for threshold in (settings.MIN_ANCHOR_CONFIDENCE, 0.0):
        for kinds in (("city",), ("admin1",), ("country",)):
            counts = Counter(p for p, conf in places if p is not None and p.kind in kinds
                             and conf >= threshold and p.geonameid is not None)
            if counts:
                return max(counts, key=lambda p: (
                    counts[p] * countries.get(p.country or "", 0.0), counts[p], p.population,
                ))
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
        results = _second_pass(first, keys, names, evidence, gaz, reduced, (text, spans))

    results = _one_sense_per_name(results)
    results = _drop_stray_transliterations(results, names, evidence, gaz)
    resolved = [results[key] for key in keys]
    placed = Counter(evidence)  # country evidence with the places found: "Louisiana" is US
    placed.update(p.country for key, (p, conf) in zip(keys, resolved) if p is not None
                  and p.country and conf >= settings.MIN_ANCHOR_CONFIDENCE
                  and key not in reduced)  # "Main Street" read as Mā'īn is no evidence of Jordan
    doc_context = ResolveContext(countries=_shares(placed))
    inner = {
        i: _inner_place(text[s:e], gaz, doc_context)
        for i, (s, e) in enumerate(spans) if resolved[i][0] is None
    }
    # a town named inside other names ("New Orleans Railways and Light Company") is evidence of
    # the article's whereabouts too
    inner_towns = [p for p in inner.values() if p is not None and p.kind == "city"]
    named = [r for key, r in zip(keys, resolved) if key not in reduced]
    focus = _focus_place(
        named + [(p, settings.MIN_ANCHOR_CONFIDENCE) for p in inner_towns], doc_context.countries,
    )
    if focus is None or focus.kind != "city":
        # no town among the toponyms: the town named inside other names ("the Lakeland Police
        # Department") is the article's place
        inner_towns += _towns_in_names(text, spans, gaz, doc_context)
        focus = _focus_place(
            named + [(p, settings.MIN_ANCHOR_CONFIDENCE) for p in inner_towns],
            doc_context.countries,
        ) or focus
    cities = _local_cities(spans, keys, resolved, reduced)
    hosts = _hosts(text, spans)
    final: dict[int, tuple[Place | None, float]] = {}
    guessed: set[int] = set()  # placed at another place's point: not a host for others
    # right to left, so that the host of "X in Y" (Y, written after X) is settled before X
    for index in sorted(range(len(spans)), key=lambda i: -spans[i][0]):
        start, end = spans[index]
        place, confidence = resolved[index]
        surface = text[start:end]
        if place is not None and focus is not None and _far_reduction(
            surface, contexts[index], place, focus
        ):
            place = None
        if place is None:
            place = _postal_state(text, start, end, gaz)
            confidence = 1.0 if place is not None else confidence
        if place is None:
            host = final[hosts[index]][0] if index in hosts and hosts[index] not in guessed else None
            if host is not None and (host.lat is None or host.kind == "country"):
                host = None
            inside = inner[index] if index in inner else _inner_place(surface, gaz, doc_context)
            near = host or _inner_or_near(inside, _local_focus(start, cities) or focus)
            if near is not None:
                place, confidence = _approximate(surface, near), settings.LOCAL_FEATURE_CONFIDENCE
                guessed.add(index)
        final[index] = (place, confidence)
    _coordinated_divisions(text, spans, contexts, final, guessed, gaz)
    _place_sub_city(text, spans, keys, final, guessed, gaz, _shares(placed))
    return [
        PlaceMention(article_id, s, e, text[s:e], final[i][0], round(final[i][1], 3))
        for i, (s, e) in enumerate(spans)
    ]


def _coordinated_divisions(
    text: str,
    spans: Sequence[tuple[int, int]],
    contexts: Sequence[SpanContext],
    final: dict[int, tuple[Place | None, float]],
    guessed: set[int],
    gaz: Gazetteer,
) -> None:
    """A town listed with first-order divisions of its country ("states such as California or
    Washington") is the division of its name when its town reading lies far from every listed
    division of the list (in place); "Washington, Maryland and Virginia" keeps the capital next
    door, "Tamil Nadu, Karnataka, Kerala and Puducherry" the town."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    glued = [  # mention k and k+1 (in text order) are items of one list
        bool(_COORDINATION.match(text[spans[a][1]:spans[b][0]])) for a, b in zip(order, order[1:])
    ]
    for position, index in enumerate(order):
        place, _confidence = final[index]
        if place is None or place.kind != "city" or index in guessed or place.lat is None \
                or contexts[index].container:  # "Washington, D.C.": pinned by its container
            continue
        first = last = position
        while first > 0 and glued[first - 1]:
            first -= 1
        while last < len(glued) and glued[last]:
            last += 1
        listed = [final[other][0] for other in order[first:last + 1] if other != index]
        divisions = [
            d for d in listed if d is not None and d.kind == "admin1" and d.country == place.country
            and d.lat is not None and d.lon is not None
        ]
        if not divisions or len(divisions) < len(listed) or any(
            distance_km(place.lat, place.lon, d.lat, d.lon) <= settings.MAX_COORDINATED_TOWN_KM
            for d in divisions
        ):
            continue
        name = strip_the(text[spans[index][0]:spans[index][1]])[0]
        for cand in gaz.candidates(name):
            if cand.kind == "admin1" and cand.country == place.country and not cand.via_skeleton:
                final[index] = (gaz.place(cand.row), settings.MIN_ANCHOR_CONFIDENCE)
                break


def _postal_state(text: str, start: int, end: int, gaz: Gazetteer) -> Place | None:
    """A US state's postal code written as a toponym right after "Town, " ("HORRY COUNTY, SC",
    "Bangor, ME"): the state. The codes the gazetteer lacks as names are read only here."""
    code = text[start:end]
    if not _POSTAL.fullmatch(code) or not _AFTER_TOWN.search(text[max(0, start - 40):start]):
        return None
    return gaz.admin1(f"US.{code}")


def _inner_place(surface: str, gaz: Gazetteer, context: ResolveContext) -> Place | None:
    """The place named at the start or end of an unknown name: "Colchester General Hospital",
    "New Orleans Railways ...", "Arizona State University", "European Commission"; a town or
    a country only when the article's country evidence gives its country a real share."""
    words = strip_the(surface)[0].split()
    if len(words) < 2:
        return None
    lexicon = cues()
    skip = lexicon.inner_stop | lexicon.local_heads | lexicon.after_admin1 | lexicon.after_city
    for size in range(min(len(words) - 1, settings.MAX_INNER_WORDS), 0, -1):
        for part in (words[:size], words[-size:]):
            sub = " ".join(part)
            if not sub[:1].isupper() or fold(sub) in skip or fold(part[-1]) in skip:
                continue
            place, _confidence = gaz.resolve_scored(sub, context)
            if place is None or place.lat is None:
                continue
            if place.kind in ("country", "city") and (
                context.countries.get(place.country or "", 0.0) < settings.MIN_INNER_COUNTRY_SHARE
            ):
                continue  # "British International School" in an article about Egypt
            if place.kind in ("country", "admin1", "region") or (
                fold(place.name) == fold(sub) and place.population >= settings.MIN_INNER_CITY_POPULATION
            ):
                return place
    return None


def _towns_in_names(
    text: str, spans: Sequence[tuple[int, int]], gaz: Gazetteer, context: ResolveContext
) -> list[Place]:
    """Towns that open the name of a local organisation outside the toponym spans: "the
    Lakeland Police Department", "Springfield City Council" (a ``local_org_words`` word right
    after the town's name). They count for the article's focus like the towns inside unknown
    toponyms."""
    found: list[Place] = []
    taken = sorted(spans)
    org_words = cues().local_org_words
    for match in _NAME_RUN.finditer(text):
        start, end = match.span()
        words = strip_the(match.group(0))[0].split()
        index = bisect.bisect_left(taken, (end, end))
        if (index and taken[index - 1][1] > start) or (index < len(taken) and taken[index][0] < end):
            continue  # overlaps a toponym span
        for size in range(1, min(len(words) - 1, settings.MAX_INNER_WORDS) + 1):
            if fold(words[size]) not in org_words:
                continue
            name = " ".join(words[:size])
            place, _confidence = gaz.resolve_scored(name, context)
            if (place is not None and place.kind == "city" and fold(place.name) == fold(name)
                    and place.population >= settings.MIN_INNER_CITY_POPULATION
                    and (not context.countries or context.countries.get(place.country or "", 0.0)
                         >= settings.MIN_INNER_COUNTRY_SHARE)):
                found.append(place)
            break
    return found


def _inner_or_near(inner: Place | None, near: Place | None) -> Place | None:
    """The more specific of the place named inside an unknown name and the nearby/focus place:
    the nearby town when it lies in the named division or country ("Florida Atlantic University"
    near Parkland), the named town unless it is far from the nearby one ("Pearl Harbor" near
    Honolulu is not Pearl, Mississippi)."""
    if inner is None or near is None:
        return inner or near
    if inner.kind == "city":
        if None in (inner.lat, near.lat):
            return near
        close = distance_km(inner.lat, inner.lon, near.lat, near.lon) <= settings.MAX_INNER_KM
        return inner if close else near
    if inner.kind == "admin1":
        return near if near.admin1_code == inner.admin1_code else inner
    if inner.kind == "country":
        return near if near.country == inner.country else inner
    return inner  # a region: "European Commission"


def _hosts(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Index of the toponym that contains each toponym by the wording: "X in Y", "X, Y", "X at Y"
    ("the Palais des Nations in Geneva", "Knockhill, Fife"); lists ("Miami, Tampa, Orlando")
    and "X, Y <verb>" are left out."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    hosts: dict[int, int] = {}
    for first, second in zip(order, order[1:]):
        gap_start, gap_end = spans[first][1], spans[second][0]
        gap = text[gap_start:gap_end]
        if not (0 <= len(gap) <= 12 and _HOST_GAP.match(gap)):
            continue
        after = text[spans[second][1]:spans[second][1] + 20]
        if "," in gap and (  # "Miami, West Palm Beach, New York": a list, not "X, Y"
            _LIST_GOES_ON.match(after)
            or _LIST_BEFORE.search(text[max(0, spans[first][0] - 20):spans[first][0]])
            or not _HOST_END.match(after)  # "Beyond Madinaty, Liverpool have ..."
        ):
            continue
        hosts[first] = second
    return hosts


def _drop_stray_transliterations(
    results: dict[Key, tuple[Place | None, float]],
    names: dict[Key, str],
    evidence: Counter[str],
    gaz: Gazetteer,
) -> dict[Key, tuple[Place | None, float]]:
    """A town found only through the transliteration skeleton ("Eva's" as Aves, Portugal) is kept
    only in a country the article is about ("Sukhna" in an article about Syria); otherwise the
    name is treated as unknown and placed by its context."""
    countries = Counter(evidence)
    for key, (place, confidence) in results.items():
        if place is not None and place.country and confidence >= settings.MIN_ANCHOR_CONFIDENCE:
            if not all(c.via_skeleton for c in gaz.candidates(names[key])):
                countries[place.country] += 1
    shares = _shares(countries)
    out = dict(results)
    for key, (place, _confidence) in results.items():
        if place is None or place.kind != "city":
            continue
        cands = gaz.candidates(names[key])
        if cands and all(c.via_skeleton for c in cands):
            if shares.get(place.country or "", 0.0) < settings.MIN_SKELETON_COUNTRY_SHARE:
                out[key] = (None, 0.0)
    return out


def _one_sense_per_name(
    results: dict[Key, tuple[Place | None, float]],
) -> dict[Key, tuple[Place | None, float]]:
    """ "Parkland, Florida" ... "the Parkland students": a bare mention of a name means what the
    same name means where a container pins it down (when all such mentions agree)."""
    pinned: dict[str, set[Place]] = {}
    for (name, _kind, container), (place, confidence) in results.items():
        if container and place is not None and confidence >= settings.MIN_ANCHOR_CONFIDENCE:
            pinned.setdefault(name, set()).add(place)
    if not pinned:
        return results
    out = dict(results)
    for key, (place, _confidence) in results.items():
        name, kind, container = key
        found = pinned.get(name)
        if container is None and kind is None and found and len(found) == 1 and place not in found:
            out[key] = (next(iter(found)), settings.MIN_ANCHOR_CONFIDENCE)
    return out


def _local_cities(
    spans: Sequence[tuple[int, int]],
    keys: Sequence[Key],
    resolved: Sequence[tuple[Place | None, float]],
    reduced: set[Key],
) -> tuple[list[int], list[Place]]:
    """Start offsets (sorted) and places of the confidently resolved cities of the article."""
    found = sorted((
        (s, place) for (s, _e), key, (place, confidence) in zip(spans, keys, resolved)
        if place is not None and place.kind == "city" and key not in reduced
        and confidence >= settings.MIN_ANCHOR_CONFIDENCE
    ), key=lambda item: item[0])  # two mentions at one offset: never compare the places
    return [s for s, _p in found], [p for _s, p in found]


def _local_focus(start: int, cities: tuple[list[int], list[Place]]) -> Place | None:
    """The city written nearest to ``start``: last before it (within ``LOCAL_FOCUS_CHARS``: "...
    in New Orleans. The house on Frenchmen Street ...") or just after it, else None."""
    offsets, places = cities
    index = bisect.bisect_left(offsets, start)
    options = []
    if index > 0 and start - offsets[index - 1] <= settings.LOCAL_FOCUS_CHARS:
        options.append((start - offsets[index - 1], places[index - 1]))
    if index < len(offsets) and offsets[index] - start <= settings.LOCAL_FOCUS_AFTER_CHARS:
        options.append((offsets[index] - start, places[index]))
    return min(options, key=lambda item: item[0])[1] if options else None


def _second_pass(
    first: dict[Key, tuple[Place | None, float]],
    keys: Sequence[Key],
    names: dict[Key, str],
    evidence: Counter[str],
    gaz: Gazetteer,
    reduced: set[Key],
    where: tuple[str, Sequence[tuple[int, int]]] = ("", ()),
) -> dict[Key, tuple[Place | None, float]]:
    """Re-resolves every name with what pass 1 found; ``where`` (text, spans) adds the divisions
    named outside the toponyms as admin1 evidence."""
    mention_counts = Counter(keys)
    countries = Counter(evidence)
    admin1: dict[str, Counter[str]] = {}  # admin1 code -> mentions of the names that put it there
    anchors: list[tuple[int, Key, tuple[float, float]]] = []
    for key, (place, confidence) in first.items():
        if place is None or key in reduced:
            continue
        if confidence < settings.MIN_ANCHOR_CONFIDENCE:
            single = _single_country(names[key], gaz)
            if single:  # "Lamar County": unsettled, but every reading is in the US
                countries[single] += mention_counts[key]
            # a division read by its main name is evidence even when a town has it as an old
            # name too ("Maine" is also an alternate name of Des Plaines, Illinois)
            if (place.kind == "admin1" and place.admin1_code
                    and confidence >= settings.MIN_ADMIN1_EVIDENCE_CONFIDENCE
                    and fold(place.name) == key[0]):
                admin1.setdefault(place.admin1_code, Counter())[key[0]] += mention_counts[key]
            continue
        if place.country:
            countries[place.country] += mention_counts[key]
        if place.kind in _ADMIN1_EVIDENCE_KINDS and place.admin1_code:
            # a division, or a county that stands for its state ("Muscogee County" -> Georgia)
            admin1.setdefault(place.admin1_code, Counter())[key[0]] += mention_counts[key]
        if key[2] and "." in key[2]:
            admin1.setdefault(key[2], Counter())[key[0]] += mention_counts[key]
        if place.kind == "city" and place.lat is not None and place.lon is not None:
            anchors.append((mention_counts[key], key, (place.lat, place.lon)))
    anchors.sort(key=lambda item: -item[0])
    anchors = anchors[:MAX_ANCHORS]
    soft = _soft_anchors(first, names, evidence, gaz, reduced)
    shares = _shares(countries)
    text, spans = where
    if text and settings.TEXT_DIVISION_WEIGHT:
        for code, count in divisions_in_text(text, list(spans), gaz, shares).items():
            admin1.setdefault(code, Counter())[""] += count * settings.TEXT_DIVISION_WEIGHT
    admin1_total = sum(sum(by.values()) for by in admin1.values())
    results: dict[Key, tuple[Place | None, float]] = {}
    for key in first:
        points = tuple(point for _n, other, point in anchors if other[0] != key[0])
        key_shares = shares
        place, confidence = first[key]
        if (place is not None and place.country and key not in reduced
                and confidence >= settings.MIN_ANCHOR_CONFIDENCE
                and _divides_countries(names[key], gaz)):
            # "Georgia" is a country and a US state: its own reading must not vote for itself
            mine = Counter(countries)
            mine[place.country] -= mention_counts[key]
            key_shares = _shares(+mine) or shares
        # a name is not its own container: "Montana" must not pull "Montana City" into Montana
        divisions = {
            code: (sum(by.values()) - by[key[0]]) / admin1_total
            for code, by in admin1.items() if set(by) - {key[0]}
        }
        context = ResolveContext(
            countries=key_shares, admin1=frozenset(divisions), admin1_share=divisions,
            anchors=points, kind=key[1], container=key[2],
            soft_anchors=tuple(point for name, point in soft if name != key[0]),
        )
        results[key] = gaz.resolve_scored(names[key], context)
    return results


def _soft_anchors(
    first: dict[Key, tuple[Place | None, float]],
    names: dict[Key, str],
    evidence: Counter[str],
    gaz: Gazetteer,
    reduced: set[Key],
) -> list[tuple[str, tuple[float, float, float]]]:
    """(folded name, (lat, lon, plausibility)) of the plausible town and county readings of the
    names that pass 1 could not settle: plausibility is 1.0 for a name's best reading and
    ``exp(-gap / temperature)`` for the others, kept from ``MIN_SOFT_ANCHOR_WEIGHT`` on, at most
    ``MAX_SOFT_ANCHORS`` in all. "Dayton" and "Montgomery County" have readings a few km apart
    in Ohio; "Lakeland" and "Polk County" in Florida."""
    shares = _shares(evidence)
    found: list[tuple[float, str, float, float]] = []
    for key, (place, confidence) in first.items():
        if place is None or key in reduced or confidence >= settings.MIN_ANCHOR_CONFIDENCE:
            continue
        context = ResolveContext(countries=shares, kind=key[1], container=key[2])
        ranked = gaz.rank(names[key], context)
        top = ranked[0][1]
        for other, score, _share in ranked:
            weight = math.exp((score - top) / settings.CONFIDENCE_TEMPERATURE)
            if weight < settings.MIN_SOFT_ANCHOR_WEIGHT:
                break
            if other.kind in ("city", "region") and other.admin1_code and other.lat is not None \
                    and other.lon is not None:
                found.append((weight, key[0], other.lat, other.lon))
    found.sort(key=lambda item: -item[0])
    return [(name, (lat, lon, weight)) for weight, name, lat, lon in found[: settings.MAX_SOFT_ANCHORS]]


def _single_country(name: str, gaz: Gazetteer) -> str | None:
    """The country of every (non-skeleton) reading of the name when there is only one and the
    name has several readings ("Lamar County": five US counties), else None."""
    readings = [c for c in gaz.candidates(name) if not c.via_skeleton]
    found = {c.country for c in readings}
    return next(iter(found)) if len(readings) > 1 and len(found) == 1 and "" not in found else None


def _divides_countries(name: str, gaz: Gazetteer) -> bool:
    """True when the name is a country or first-order division in two or more countries
    ("Georgia": the country and the US state; "Punjab": India and Pakistan)."""
    countries = {
        c.country for c in gaz.candidates(name)
        if c.kind in ("country", "admin1") and c.country and not c.via_skeleton
    }
    return len(countries) > 1


def _sub_city_word(text: str, start: int, end: int) -> int | None:
    """Offset just past the sub-city feature word that ends the span or follows it
    ("Shahba neighbourhood" / "Shahba| neighbourhood"), else None."""
    words = text[start:end].split()
    if len(words) > 1 and fold(words[-1]) in cues().sub_city:
        return end
    match = _WORD_AT.match(text, end)
    if match and match.group(1).lower() in cues().sub_city:
        return match.end()
    return None


def _capital_of(country: str, gaz: Gazetteer) -> Place | None:
    """The national capital of a country, from the gazetteer's capital rows."""
    for row in gaz.tables.capitals:
        place = gaz.place(row)
        if place.country == country:
            return place
    return None


def _sub_city_hosts(
    text: str,
    spans: Sequence[tuple[int, int]],
    final: Mapping[int, tuple[Place | None, float]],
    guessed: set[int],
    countries: Mapping[str, float],
    gaz: Gazetteer,
) -> list[tuple[int, int | Place]]:
    """(mention, host mention or town) for the parts of towns of an article, in the order to settle them:
    "X neighbourhood of/in Y" (right to left, so a chain "X in Y area in Z" ends at Z), then
    "Y's X district" and "the X district" right after a city Y (left to right). "the capital" is
    the capital of the article's main country, "the city" the last town named before X."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    nxt = {a: b for a, b in zip(order, order[1:])}
    found: list[tuple[int, int | Place]] = []
    for index in sorted(order, key=lambda i: -spans[i][0]):
        start, end = spans[index]
        word_end = _sub_city_word(text, start, end)
        if word_end is None:
            continue
        other = nxt.get(index)
        if other is not None and _SUB_CITY_GAP.match(text[word_end:spans[other][0]]):
            found.append((index, other))
            continue
        town = _SUB_CITY_NAMED.match(text, word_end)
        if town and (other is None or spans[other][0] > town.start(1)):
            host = _town_named(town.group(1), gaz, countries)
            if host is not None:
                found.append((index, host))
                continue
        named = _SUB_CITY_CAPITAL.match(text, word_end)
        own = final[index][0]
        others = {c: v for c, v in countries.items() if own is None or c != own.country} or countries
        if named and named.group(1).lower() == "capital" and others:
            # the capital of the article's main country, not counting the part's own reading
            capital = _capital_of(max(others, key=others.__getitem__), gaz)
            if capital is not None:
                found.append((index, capital))
        elif named:
            previous = _previous_town(index, order, spans, final, guessed, len(text))
            if previous is not None:
                found.append((index, previous))
    later: list[tuple[int, int]] = []
    done = {index for index, _host in found}  # the first wording that applies wins
    for position, index in enumerate(order):
        start, end = spans[index]
        if position == 0 or index in done or _sub_city_word(text, start, end) is None:
            continue
        before = order[position - 1]
        if _POSSESSIVE_GAP.match(text[spans[before][1]:start]):
            later.append((index, before))  # "Aleppo's Sukkari neighbourhood"
        elif text[max(0, start - 4):start].lower() == "the " and (
            start - spans[before][1] <= settings.SUB_CITY_PREVIOUS_CHARS
        ):
            previous = _previous_town(index, order, spans, final, guessed,
                                      settings.SUB_CITY_PREVIOUS_CHARS)
            if previous is not None:
                found.append((index, previous))
    found.extend(later)
    return found


def _town_named(name: str, gaz: Gazetteer, countries: Mapping[str, float]) -> Place | None:
    """The town read from the longest prefix of ``name`` ("Aleppo city" -> Aleppo), else None."""
    words = name.split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        place, _confidence = gaz.resolve_scored(name, ResolveContext(countries=dict(countries)))
        if place is not None and place.kind == "city":
            if any(c.kind != "city" and c.country != place.country for c in gaz.candidates(name)):
                return None  # "25th District of FLORIDA": a US state, not a town in Cuba
            return place
    return None


def _previous_town(
    index: int,
    order: Sequence[int],
    spans: Sequence[tuple[int, int]],
    final: Mapping[int, tuple[Place | None, float]],
    guessed: set[int],
    window: int,
) -> int | None:
    """The last confidently placed town named before mention ``index`` within ``window`` chars."""
    start = spans[index][0]
    for other in reversed(order[: order.index(index)]):
        if start - spans[other][1] > window:
            return None
        place, confidence = final[other]
        if (other not in guessed and place is not None and place.kind == "city"
                and confidence >= settings.MIN_ANCHOR_CONFIDENCE):
            return other
    return None


def _place_sub_city(
    text: str,
    spans: Sequence[tuple[int, int]],
    keys: Sequence[Key],
    final: dict[int, tuple[Place | None, float]],
    guessed: set[int],
    gaz: Gazetteer,
    countries: Mapping[str, float],
) -> None:
    """Places the parts of towns inside their town (in place): "Shahba neighbourhood of Aleppo"
    keeps a reading within ``MAX_SUB_CITY_KM`` of Aleppo, else takes Aleppo's point (never
    Shahba, As-Suwayda); the other mentions of the same name that had the far reading follow."""
    for index, named in _sub_city_hosts(text, spans, final, guessed, countries, gaz):
        host = final[named][0] if isinstance(named, int) else named  # settled in this order
        if host is None or host.lat is None or host.lon is None or host.kind == "country":
            continue
        place, confidence = final[index]
        if place is None or index in guessed or place.kind != "city":
            continue  # only a known far reading moves: an unknown name keeps its host/focus point
        if place is not None and place.kind == "city" and index not in guessed and (
            confidence >= settings.MIN_ANCHOR_CONFIDENCE and place.population >= host.population
        ):
            continue  # "the Damascus suburb of Qudsaya": a town is no part of a smaller one
        if place is not None and place.lat is not None and place.lon is not None and (
            distance_km(place.lat, place.lon, host.lat, host.lon) <= settings.MAX_SUB_CITY_KM
        ):
            continue
        for other, key in enumerate(keys):
            current = final[other][0]
            follows = other in guessed and current is not None and (
                (current.lat, current.lon) == (place.lat, place.lon)
            )  # an unknown name placed at the far reading ("the Hamdaniyeh neighbourhood")
            if other == index or follows or (key == keys[index] and current == place):
                surface = strip_the(text[spans[other][0]:spans[other][1]])[0]
                final[other] = (_approximate(surface, host), settings.LOCAL_FEATURE_CONFIDENCE)
                guessed.add(other)
