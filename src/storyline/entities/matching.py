"""Do two names refer to the same actor? The pairwise view of the rules ``tag_entities`` and
``canonicalize`` apply (alias table, transliteration, acronyms, shortening), for checks and tests.

Context-free by design: "Assad" and "Bashar al-Assad" match (a shortening), "Bashar al-Assad"
and "Hafez al-Assad" do not (different given names).
"""

from __future__ import annotations

import logging

from storyline.entities.names import initials, is_acronym, org_key_tokens, person_tokens
from storyline.entities.tagger import lookup_actor

LOGGER = logging.getLogger(__name__)


def _drop_plural_s(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """FA-KES strips apostrophes: "Assads" is "Assad's"."""
    if tokens and len(tokens[-1]) > 3 and tokens[-1].endswith("s"):
        return tokens[:-1] + (tokens[-1][:-1],)
    return tokens


def _same_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a) and (a == b or _drop_plural_s(a) == b or a == _drop_plural_s(b))


def same_person(a: str, b: str) -> bool:
    """Same person: equal transliteration-tolerant names, or one is the other's surname part."""
    ta, tb = person_tokens(a), person_tokens(b)
    if _same_tokens(ta, tb):
        return True
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if not short or len(short) == len(long_):
        return False
    if len(short) == 1:  # "Assad" shortens "Bashar al-Assad"
        return _same_tokens(short, long_[-1:])
    return _same_tokens(short, long_[-len(short):])  # "Bashar Assad" / "President Bashar al-Assad"


def same_organisation(a: str, b: str) -> bool:
    """Same organisation or group: alias table, spelling variants, or acronym of the other."""
    actor_a, actor_b = lookup_actor(a), lookup_actor(b)
    if actor_a is not None and actor_b is not None:
        return actor_a.id == actor_b.id
    ta, tb = org_key_tokens(a), org_key_tokens(b)
    if _same_tokens(ta, tb):
        return True
    for acronym, full in ((a, b), (b, a)):
        if is_acronym(acronym) and not is_acronym(full) and initials(full) == acronym.replace(".", ""):
            return True
    if (actor_a is None) != (actor_b is None):
        actor, other = (actor_a, b) if actor_a is not None else (actor_b, a)
        return any(_same_tokens(org_key_tokens(name), org_key_tokens(other)) for name in (actor.name, *actor.aliases))
    return False


def same_entity(a: str, b: str, entity_type: str) -> bool:
    """Same actor, judged from the two names and their type (PERSON, ORG or GROUP)."""
    if entity_type == "PERSON":
        return same_person(a, b)
    return same_organisation(a, b)
