"""The seed articles' alias groups (gold.json) hold after tagging and canonicalisation."""

from __future__ import annotations

import pytest

from storyline.entities import canonicalize, tag_entities
from storyline.geo import tag_places


@pytest.fixture(scope="module")
def seed_entities(nlp, seed_texts):
    """Entities and the mention -> entity map over both seed articles."""
    mentions, places = [], []
    for name, text in seed_texts.items():
        doc = nlp(text)
        found_places = tag_places(doc, name)
        places += found_places
        mentions += tag_entities(doc, name, found_places)
    entities, mention_ids = canonicalize(mentions, places)
    return mentions, entities, mention_ids


def _ids_of(surface, mentions, mention_ids):
    return {mention_ids[(m.article_id, m.start, m.end)] for m in mentions if m.text == surface}


def test_gold_alias_groups_are_one_entity(seed_entities, seed_gold, seed_texts):
    mentions, entities, mention_ids = seed_entities
    names = {e.id: {e.name, *e.aliases} for e in entities}
    for group in seed_gold["aliases"]:
        ids = set()
        absent = []
        for surface in group:
            if not any(surface in text for text in seed_texts.values()):
                absent.append(surface)  # e.g. "Islamic State": must be the entity's name or alias
                continue
            found = _ids_of(surface, mentions, mention_ids)
            assert found, f"{surface!r} not tagged"
            ids |= found
        assert len(ids) == 1, f"{group} split into {ids}"
        for surface in absent:
            assert surface in names[next(iter(ids))], f"{surface!r} not an alias of {ids}"


def test_places_are_entities_with_geonames_ids(seed_entities):
    _mentions, entities, _ids = seed_entities
    by_id = {e.id: e for e in entities}
    assert by_id["place:163808"].place.geonameid == 163808
    assert "Palmyra" in by_id["place:163808"].aliases
    assert by_id["place:2660646"].place.country == "CH"


def test_every_mention_has_an_entity(seed_entities):
    mentions, entities, mention_ids = seed_entities
    ids = {e.id for e in entities}
    for m in mentions:
        assert mention_ids[(m.article_id, m.start, m.end)] in ids


def test_palmyra_is_not_a_person(seed_entities):
    mentions, _entities, _ids = seed_entities
    assert not any(m.text == "Palmyra" for m in mentions)


def test_readable_ids(seed_entities):
    _mentions, entities, _ids = seed_entities
    ids = {e.id for e in entities}
    assert "org:syrian-observatory-for-human-rights" in ids
    assert "person:bashar-al-assad" in ids
    assert "group:islamic-state" in ids
