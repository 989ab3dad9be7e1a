"""``canonicalize``: one ``Entity`` per real-world person, organisation, group or place.

Document keys that are equal across articles are one entity (the keys are already
transliteration-tolerant and alias-resolved). Two cross-document rules on top:
- a surname-only person key ("person:asad", from an article that never gives the full name)
  joins the one full name in the collection that ends with that surname; when two different
  people share the surname ("Bashar al-Assad", "Hafez al-Assad") it stays on its own, so the
  two are never merged;
- an undefined acronym key ("org:sohr") joins the expansion some other article defined for it,
  when only one was defined.
Places become entities with ``place`` set and ids ``place:<geonameid>``.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable

from storyline.entities.lexicon import actors
from storyline.entities.names import is_acronym, org_key_tokens, org_tokens, person_tokens, slug, strip_possessive
from storyline.model import Entity, EntityMention, Place, PlaceMention

LOGGER = logging.getLogger(__name__)

MentionId = tuple[str, int, int]


def _surname_targets(mentions: list[EntityMention]) -> dict[str, str]:
    """Surname-only person key -> the unique full-name key whose names end with that surname."""
    tokens_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for mention in mentions:
        if mention.type == "PERSON":
            tokens = person_tokens(mention.text)
            if tokens:
                tokens_of[mention.key].add(tokens)
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for key, forms in tokens_of.items():
        for tokens in forms:
            if len(tokens) >= 2:
                full_by_surname[tokens[-1]].add(key)
    targets = {}
    for key, forms in tokens_of.items():
        if all(len(tokens) == 1 for tokens in forms):
            surnames = {tokens[0] for tokens in forms}
            candidates = set().union(*(full_by_surname.get(s, set()) for s in surnames)) - {key}
            if len(candidates) == 1:
                targets[key] = next(iter(candidates))
    return targets


def _acronym_targets(mentions: list[EntityMention]) -> dict[str, str]:
    """Key an undefined acronym got -> key it got where an article defined it (if unique)."""
    defined: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        surface = strip_possessive(mention.text)
        own = "org:" + "-".join(org_key_tokens(surface))
        if is_acronym(surface) and mention.key != own:
            defined[own].add(mention.key)
    return {own: next(iter(keys)) for own, keys in defined.items() if len(keys) == 1}


def _display_name(surfaces: Counter[str], entity_type: str) -> str:
    """The most informative surface form: longest of the frequent ones, acronyms last."""
    def rank(item: tuple[str, int]) -> tuple[bool, int, int]:
        text, count = item
        words = person_tokens(text) if entity_type == "PERSON" else org_tokens(text)
        return (not is_acronym(text), len(words), count)

    return max(surfaces.items(), key=rank)[0]


def _place_id(mention: PlaceMention) -> str:
    place = mention.place
    if place is not None and place.geonameid is not None:
        return f"place:{place.geonameid}"
    country = f"-{place.country.lower()}" if place is not None and place.country else ""
    return f"place:{slug(mention.text)}{country}"


def canonicalize(
    entities: Iterable[EntityMention], places: Iterable[PlaceMention]
) -> tuple[list[Entity], dict[MentionId, str]]:
    """Cross-document entities and the entity id of every mention ``(article_id, start, end)``."""
    mentions = list(entities)
    keys = {m.key for m in mentions}
    redirect = _surname_targets(mentions)
    redirect.update({k: v for k, v in _acronym_targets(mentions).items() if k in keys})
    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for mention in mentions:
        groups[redirect.get(mention.key, mention.key)].append(mention)

    known = {actor.id: actor for actor in actors()}
    result: list[Entity] = []
    mention_ids: dict[MentionId, str] = {}
    used: set[str] = set()
    for key, members in sorted(groups.items()):
        types = Counter(m.type for m in members)
        entity_type = types.most_common(1)[0][0]
        surfaces = Counter(strip_possessive(m.text) for m in members)
        actor = known.get(key)
        if actor is not None:
            name, entity_id = actor.name, actor.id
        else:
            name = _display_name(surfaces, entity_type)
            prefix = key.split(":", 1)[0] if ":" in key else entity_type.lower()
            entity_id = f"{prefix}:{slug(name)}"
        base, number = entity_id, 2
        while entity_id in used:
            entity_id, number = f"{base}-{number}", number + 1
        used.add(entity_id)
        aliases = tuple(sorted(s for s in surfaces if s != name))
        result.append(Entity(entity_id, name, entity_type, aliases))
        for member in members:
            mention_ids[(member.article_id, member.start, member.end)] = entity_id

    place_groups: dict[str, list[PlaceMention]] = defaultdict(list)
    for mention in places:
        place_groups[_place_id(mention)].append(mention)
    for entity_id, members in sorted(place_groups.items()):
        place: Place | None = next((m.place for m in members if m.place is not None), None)
        surfaces = Counter(m.text for m in members)
        name = place.name if place is not None and place.geonameid is not None else surfaces.most_common(1)[0][0]
        aliases = tuple(sorted(s for s in surfaces if s != name))
        result.append(Entity(entity_id, name, "PLACE", aliases, place))
        for member in members:
            mention_ids[(member.article_id, member.start, member.end)] = entity_id
    return result, mention_ids
