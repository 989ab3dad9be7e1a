"""How likely two event mentions name the same real-world event: a probability, or None.

None means "never link": the days the two events can fall on do not overlap, or their event types
are incompatible. Otherwise the pair is described by feature values (``FEATURE_NAMES``: same
trigger lemma, synonym trigger, sentence and near-trigger context, shared participants and place,
same story or article, agents and patients shared or clashing, people of the sentence shared or
not) combined by a logistic model whose weights live in ``settings``, fitted on the ECB+ training
topics by ``bench/ecb_fit.py``. Terms ECB+ gold mentions cannot show (time and type agreement, two
different gazetteer places, reversed roles) have hand-set weights. The same function scores pairs
in ``link_events`` and in the ECB+ harness.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata

from storyline.link import dates, lexicon, settings, text
from storyline.link.features import MentionFeatures
from storyline.model import Place

LOGGER = logging.getLogger(__name__)

AGENT_ROLES: frozenset[str] = frozenset({"agent"})

FEATURE_NAMES: tuple[str, ...] = (
    "same_lemma",
    "synonym",
    "same_type_only",
    "context",
    "context_same_lemma",
    "window",
    "window_same_lemma",
    "participants",
    "no_participants",
    "same_place",
    "place_clash",
    "same_story",
    "same_article",
    "agent_shared",
    "agent_clash",
    "patient_shared",
    "patient_clash",
    "persons_shared",
    "persons_clash",
)


def current_weights() -> tuple[float, ...]:
    """Fitted weights in FEATURE_NAMES order, read from settings now (so tuning can change them)."""
    return tuple(getattr(settings, f"W_{name.upper()}") for name in FEATURE_NAMES)


def time_similarity(first: MentionFeatures, second: MentionFeatures) -> float | None:
    """None when the events cannot share a day; 1 for the same day, 0.5 for compatible coarse
    dates, 0 when either is undated."""
    if dates.intersect(first.bounds, second.bounds) is None:
        return None
    if first.interval is None or second.interval is None:
        return 0.0
    if first.interval == second.interval and dates.span_days(first.interval) == 1:
        return 1.0
    return 0.5


def _name_key(name: str) -> str:
    """Letters of a place name, folded, without an opening Arabic article ("Ar-Raqqah" -> raqqah)."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isascii() and c.isalpha())
    article = _ARABIC_ARTICLE.match(name.lower())
    return letters[len(article.group(1)) :] if article and len(letters) > len(article.group(1)) + 2 else letters


_ARABIC_ARTICLE = re.compile(r"(a[lrsdn]|el)[- ]")


def names_its_division(city: Place) -> bool:
    """True when a city bears its own first-order division's name (Idlib in Idlib, Ḩamāh in Hama):
    a text naming it may mean the division."""
    if city.kind != "city" or not city.admin1:
        return False
    a, b = sorted((_name_key(city.name), _name_key(city.admin1)), key=len)
    return bool(a) and b.startswith(a) and len(b) - len(a) <= settings.NAMESAKE_EXTRA_LETTERS


def _contains(outer: Place, inner: Place) -> bool:
    """True when ``outer`` (a country or first-order division) contains ``inner``: anything in the
    same country for a country; a place whose admin1 code or name is the division's for an admin1;
    for a city named like its division (``names_its_division``), the division's other places."""
    if outer.kind == "country":
        return inner.kind != "country" and outer.country == inner.country
    if outer.kind == "city" and inner.kind == "city" and names_its_division(outer):
        same_division = outer.admin1_code and outer.admin1_code == inner.admin1_code
        return bool(same_division) and outer.country == inner.country
    if outer.kind == "admin1" and inner.kind != "admin1" and inner.kind != "country":
        if outer.country != inner.country:
            return False
        return bool(outer.admin1_code and outer.admin1_code == inner.admin1_code) or outer.name == inner.admin1
    return False


def distance_km(first: Place, second: Place) -> float | None:
    """Great-circle distance between two places, or None when either has no coordinates."""
    if first.lat is None or first.lon is None or second.lat is None or second.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (first.lat, first.lon, second.lat, second.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_relation(first: Place | None, second: Place | None) -> str:
    """How two gazetteer places relate: "same", "contains" (one is the country or province of the
    other: Khan Shaykhun and Idlib province, Douma and Syria), "near" (different, neither contains
    the other, but their centres are within ``settings.PLACE_NEAR_KM``: a town and its suburb, a
    city and the province around it), "apart", or "unknown" (either is missing or has no country)."""
    if first is None or second is None or not first.country or not second.country:
        return "unknown"
    if first.geonameid is not None and first.geonameid == second.geonameid:
        return "same"
    if (first.name, first.country, first.kind) == (second.name, second.country, second.kind):
        return "same"
    if _contains(first, second) or _contains(second, first):
        return "contains"
    if first.kind == "country" or second.kind == "country":
        return "apart"  # a country and a place outside it
    distance = distance_km(first, second)
    if distance is not None and distance <= settings.PLACE_NEAR_KM:
        return "near"
    return "apart"


def places_clash(first: Place | None, second: Place | None) -> bool:
    """True when two gazetteer places differ, neither contains the other (city vs. its province or
    country) and they are not within ``settings.PLACE_NEAR_KM`` of each other."""
    return place_relation(first, second) == "apart"


def place_agreement(first: MentionFeatures, second: MentionFeatures) -> tuple[float, float]:
    """(same_place, place_clash) values of a pair: (1, 0) for the same place; for two different
    gazetteer places, (``settings.PLACE_CONTAINED_VALUE``, 0) when one contains the other and
    (``settings.PLACE_NEAR_VALUE``, 0) when they are near; (0, 1) for any other two places; (0, 0)
    when either has none."""
    if first.place is None or second.place is None:
        return 0.0, 0.0
    if first.place == second.place:
        return 1.0, 0.0
    relation = place_relation(first.resolved_place, second.resolved_place)
    if relation == "same":
        return 1.0, 0.0
    if relation == "contains":
        return settings.PLACE_CONTAINED_VALUE, 0.0
    if relation == "near":
        return settings.PLACE_NEAR_VALUE, 0.0
    return 0.0, 1.0


def _with_roles(features: MentionFeatures, roles: frozenset[str]) -> set[str]:
    """Participants of a mention that fill one of ``roles``."""
    return {ident for role, ident in features.roles if role in roles}


def role_agreement(first: MentionFeatures, second: MentionFeatures, roles: frozenset[str]) -> tuple[float, float]:
    """(shared, clash) for one kind of argument ("rebels shelled" vs "government forces shelled"
    is an agent clash); (0, 0) when either mention leaves it unsaid."""
    return set_agreement(frozenset(_with_roles(first, roles)), frozenset(_with_roles(second, roles)))


def set_agreement(first: frozenset[str], second: frozenset[str]) -> tuple[float, float]:
    """(shared, clash): (1, 0) when both sets are non-empty and meet, (0, 1) when both are
    non-empty and disjoint, (0, 0) when either is empty."""
    if not first or not second:
        return 0.0, 0.0
    return (1.0, 0.0) if first & second else (0.0, 1.0)


def roles_reversed(first: MentionFeatures, second: MentionFeatures) -> bool:
    """True when one mention's agent is the other's patient ("ISIS drove out government forces" vs
    "government forces drove ISIS out"): the same words, the opposite event."""
    for a, b in ((first, second), (second, first)):
        agents = {ident for role, ident in a.roles if role == "agent"}
        undergoers = {ident for role, ident in b.roles if role in settings.UNDERGOER_ROLES}
        if agents & undergoers:
            return True
    return False


def pair_features(first: MentionFeatures, second: MentionFeatures) -> tuple[float, ...]:
    """Feature values of a pair, in FEATURE_NAMES order."""
    same_lemma = float(first.lemma == second.lemma)
    synonym = float(not same_lemma and bool(first.classes & second.classes))
    generic, _ = lexicon.type_groups()
    same_type = float(not same_lemma and not synonym and first.type == second.type and first.type not in generic)
    context = text.cosine(first.context, second.context)
    window = text.cosine(first.window, second.window)
    missing = not first.participants or not second.participants
    shared = 0.0 if missing else len(first.participants & second.participants) / min(
        len(first.participants), len(second.participants)
    )
    same_place, place_clash = place_agreement(first, second)
    agent_shared, agent_clash = role_agreement(first, second, AGENT_ROLES)
    patient_shared, patient_clash = role_agreement(first, second, settings.UNDERGOER_ROLES)
    persons = set_agreement(first.persons, second.persons)
    return (
        same_lemma,
        synonym,
        same_type,
        context,
        context * same_lemma,
        window,
        window * same_lemma,
        shared,
        float(missing),
        same_place,
        place_clash,
        float(first.story == second.story),
        float(first.article_id == second.article_id),
        agent_shared,
        agent_clash,
        patient_shared,
        patient_clash,
        *persons,
    )


def score(
    first: MentionFeatures, second: MentionFeatures, weights: tuple[float, ...] | None = None
) -> float | None:
    """Probability that two mentions name one event, or None when they must never be linked.

    ``weights`` (from ``current_weights``) saves reading the settings for every pair.
    """
    type_score = lexicon.type_similarity(first.type, second.type)
    if type_score == 0.0:
        return None
    time_score = time_similarity(first, second)
    if time_score is None:
        return None
    logit = settings.BIAS + settings.W_TIME * time_score + settings.W_TYPE * (type_score - 0.5)
    if places_clash(first.resolved_place, second.resolved_place):
        logit += settings.W_RESOLVED_PLACE_CLASH
    if roles_reversed(first, second):
        logit += settings.W_ROLES_REVERSED
    logit += sum(w * x for w, x in zip(weights or current_weights(), pair_features(first, second)))
    return 1.0 / (1.0 + math.exp(-logit))
