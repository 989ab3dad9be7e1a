"""The seed articles' places resolve as gold.json says (Palmyra, Tadmur, Geneva, Homs province...)."""

from __future__ import annotations

import pytest

from storyline.geo import tag_places


@pytest.fixture(scope="module")
def seed_places(nlp, seed_texts):
    """Place mentions of both seed articles, keyed by surface text."""
    found = {}
    for name, text in seed_texts.items():
        for mention in tag_places(nlp(text), name):
            found.setdefault(mention.text, []).append(mention)
    return found


def test_every_gold_place_is_found_and_resolved(seed_places, seed_gold):
    for gold in seed_gold["places"]:
        mentions = seed_places.get(gold["text"])
        assert mentions, f"{gold['text']} not detected"
        for mention in mentions:
            place = mention.place
            assert place is not None, gold["text"]
            assert place.country == gold["country"], gold["text"]
            if "geonameid" in gold:
                assert place.geonameid == gold["geonameid"], gold["text"]
            if "admin1" in gold:
                assert place.admin1 == gold["admin1"], gold["text"]
            if gold.get("kind") == "first-order administrative division":
                assert place.kind == "admin1"


def test_palmyra_is_corrected_from_person(nlp, seed_texts):
    text = next(t for t in seed_texts.values() if "city of Palmyra" in t)
    doc = nlp(text)
    mentions = [m for m in tag_places(doc, "seed") if m.text == "Palmyra"]
    assert len(mentions) == text.count("Palmyra")


def test_demonyms_are_not_place_mentions(seed_places):
    assert "Syrian" not in seed_places
    assert "Russian" not in seed_places


def test_offsets_point_into_the_text(nlp, seed_texts):
    for name, text in seed_texts.items():
        for mention in tag_places(nlp(text), name):
            assert text[mention.start:mention.end] == mention.text
            assert 0.0 <= mention.confidence <= 1.0
