"""Cluster-level evidence: what all the mentions of a growing event cluster say about who, where,
when and how many, and how two clusters compare on it.

Pair scores see two sentences at a time; a cluster of mentions knows more. Each cluster keeps,
per kind (people of the sentences, agents, patients, place, figures, weekdays), how many of its
mentions name each value; values are merged smaller-into-larger, so the cost stays linear in the
number of merges. Clustering asks:

- ``figures_clash``: the same count (killed, wounded) with different numbers only (inside one
  article: two incidents of a roundup);
- ``supports``: strong evidence that two clusters tell one event although their days say
  otherwise (a figure, or two of agent, patient and city in common);
- ``same_city``: both name one gazetteer city;
- ``clashes``: the weighted kinds both name without agreeing ("a climber fell" twice in one
  story, a day apart, by two different climbers).
"""

from __future__ import annotations

import logging
import math
from collections import Counter

from storyline.link import settings
from storyline.link.features import MentionFeatures
from storyline.link.similarity import place_relation, places_clash
from storyline.model import Figure, Place

LOGGER = logging.getLogger(__name__)

Value = str | Place
Evidence = dict[str, Counter[Value]]  # kind -> how many mentions name each value

# A cluster keeps at most this many distinct values of one kind (bounds the pairwise place test).
MAX_VALUES = 32


def of_mention(features: MentionFeatures) -> Evidence:
    """The evidence one mention brings: people of its sentence, its agents and patients, its
    place (the gazetteer place when resolved), the figures it gives, the weekdays of its
    sentence."""
    found: dict[str, set[Value]] = {}
    if features.persons:
        found["person"] = set(features.persons)
    agents = {ident for role, ident in features.roles if role == "agent"}
    if agents:
        found["agent"] = set(agents)
    patients = {ident for role, ident in features.roles if role in settings.UNDERGOER_ROLES}
    if patients:
        found["patient"] = set(patients)
    if features.resolved_place is not None and features.resolved_place.country:
        found["place"] = {features.resolved_place}
    elif features.place is not None:
        found["place"] = {features.place}
    figures = [figure for figure in features.mention.figures if figure.what]
    if figures:
        found["figure"] = {f"{figure.what}:{figure.value:g}" for figure in figures}
        found["count"] = {f"{figure.what}|{_source(figure, features)}:{figure.value:g}" for figure in figures}
    if features.weekdays:
        found["weekday"] = set(features.weekdays)
    return {kind: Counter(values) for kind, values in found.items()}


def _source(figure: Figure, features: MentionFeatures) -> str:
    """Who gives a figure (its own attribution, else its sentence's), lower-cased; "" if nobody."""
    attribution = figure.attributed_to or features.mention.attribution
    return attribution.source.lower() if attribution is not None else ""


def absorb(keep: Evidence, gone: Evidence) -> None:
    """Add the evidence of a merged-away cluster to the one that stays."""
    for kind, values in gone.items():
        mine = keep.setdefault(kind, Counter())
        for value, count in values.items():
            if value in mine or len(mine) < MAX_VALUES:
                mine[value] += count


def _cosine(first: Counter[Value], second: Counter[Value]) -> float:
    """Cosine of two value-count vectors."""
    if len(first) > len(second):
        first, second = second, first
    dot = sum(count * second[value] for value, count in first.items() if value in second)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(c * c for c in first.values()) * sum(c * c for c in second.values()))
    return dot / norm


def _agree(kind: str, first: Counter[Value], second: Counter[Value]) -> bool:
    """Whether two clusters agree on one kind of evidence: the cosine of their value counts
    reaches ``settings.CLUSTER_AGREE_COSINE`` (a shared value, at 0); places also agree when one
    gazetteer place is the same as, inside or around another (an unresolved name and a gazetteer
    place are not compared)."""
    if _cosine(first, second) > settings.CLUSTER_AGREE_COSINE:
        return True
    if kind != "place" or not first.keys().isdisjoint(second.keys()):
        return False
    for a in first:
        for b in second:
            if not isinstance(a, Place) or not isinstance(b, Place) or not places_clash(a, b):
                return True
    return False


def clashes(first: Evidence, second: Evidence) -> float:
    """Weighted count of the kinds of evidence both clusters give without agreeing on any value."""
    total = 0.0
    for kind, values in first.items():
        weight = settings.CLUSTER_EVIDENCE_WEIGHTS.get(kind, 0.0)
        other = second.get(kind)
        if not weight or not other or not values or min(values.total(), other.total()) < settings.CLUSTER_MIN_SUPPORT:
            continue
        if not _agree(kind, values, other):
            total += weight
    return total


def supports(first: Evidence, second: Evidence) -> bool:
    """Strong evidence that two clusters tell one event although their days say otherwise: the same
    figure ("killed:29") on both sides, or at least ``settings.STRONG_EVIDENCE_KINDS`` of agent,
    patient and place in common (a place counts when it is a gazetteer city: a country or a
    province holds too many events)."""
    agreeing = 0
    for kind in ("figure", "agent", "patient", "place"):
        values, other = first.get(kind), second.get(kind)
        if not values or not other:
            continue
        shared = values.keys() & other.keys()
        if kind == "place":
            shared = {v for v in shared if isinstance(v, Place) and v.kind == "city"}
        if shared:
            agreeing += 2 if kind == "figure" else 1
    return agreeing >= settings.STRONG_EVIDENCE_KINDS


def _counts(found: Evidence) -> dict[str, dict[str, set[str]]]:
    """what -> source -> numbers, from the "count" evidence."""
    table: dict[str, dict[str, set[str]]] = {}
    for value in found.get("count", ()):
        key, _, number = str(value).rpartition(":")
        what, _, source = key.partition("|")
        table.setdefault(what, {}).setdefault(source, set()).add(number)
    return table


def figures_clash(first: Evidence, second: Evidence) -> bool:
    """True when both clusters count the same thing (killed, wounded...) and never with the same
    number, comparing figures of the same source or where either is unattributed: within one
    article, that is two incidents ("two injured in X, 35 in Y"). Two named sources' different
    tolls ("seven killed, a monitor said"; "four, SANA said") are a conflict, not a clash."""
    ours = _counts(first)
    if not ours:
        return False
    clash = False
    for what, theirs in _counts(second).items():
        for source, numbers in ours.get(what, {}).items():
            for other_source, other_numbers in theirs.items():
                if source and other_source and source != other_source:
                    continue
                if not numbers.isdisjoint(other_numbers):
                    return False
                clash = True
    return clash


def same_city(first: Evidence, second: Evidence) -> bool:
    """True when both clusters name one gazetteer city, or one names a city and the other the
    province it lies in or a place within ``settings.PLACE_NEAR_KM`` of it (Khan Shaykhun and
    Idlib province; Douma and Eastern Ghouta). A shared country is not enough."""
    ours, theirs = first.get("place"), second.get("place")
    if not ours or not theirs:
        return False
    if any(isinstance(v, Place) and v.kind == "city" for v in ours.keys() & theirs.keys()):
        return True
    for a in ours:
        for b in theirs:
            if not isinstance(a, Place) or not isinstance(b, Place) or "city" not in (a.kind, b.kind):
                continue
            if "country" in (a.kind, b.kind):
                continue
            if place_relation(a, b) in ("contains", "near"):
                return True
    return False
