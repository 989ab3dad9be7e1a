"""Acronym definitions, shortening, head-word references, cross-document surname rule, bad input."""

from __future__ import annotations

import time

from storyline.entities import canonicalize, tag_entities
from storyline.entities.acronyms import find_definitions
from storyline.entities.names import person_tokens
from storyline.model import EntityMention


def test_acronym_definitions():
    text = "The Syrian Network for Human Rights (SNHR) said. Jaish al-Fateh (JAF) and the group (XYZ)."
    found = {d.acronym: d.expansion for d in find_definitions(text)}
    assert found["SNHR"] == "Syrian Network for Human Rights"
    assert "XYZ" not in found


def test_defined_acronym_takes_the_expansion_key(nlp):
    text = ("The Syrian Network for Human Rights (SNHR) documented 40 deaths. "
            "SNHR said the toll could rise. The Network urged an inquiry.")
    mentions = tag_entities(nlp(text), "a", [])
    keys = {m.text: m.key for m in mentions}
    assert keys["SNHR"] == keys["Syrian Network for Human Rights"]
    assert keys.get("Network") == keys["SNHR"]


def test_person_shortening_within_a_document(nlp):
    text = "President Bashar al-Assad spoke. Later Bashar Assad met envoys. Assad said little."
    mentions = tag_entities(nlp(text), "a", [])
    people = {m.key for m in mentions if m.type == "PERSON"}
    assert len(people) == 1


def test_one_word_alias_in_capitals_is_the_alias(nlp):
    # "DAESH" is the table's "Daesh"; a run-on NER span ("the Observatory DAESH") must not make it
    # an alias of another organisation. Short words in capitals stay acronyms of their own.
    text = ("The Syrian Observatory for Human Rights counts the dead. "
            "According to the Observatory DAESH has lost 463 fighters.")
    keys = {m.text: m.key for m in tag_entities(nlp(text), "a", [])}
    assert keys["DAESH"] == "group:islamic-state"
    assert not any("DAESH" in name for name in keys if name != "DAESH")


def test_transliteration_keys():
    assert person_tokens("Rami Abdulrahman") == person_tokens("Rami Abdel Rahman")
    assert person_tokens("Mohammed Alloush") == person_tokens("Muhammad Alloush")
    assert person_tokens("Bashar al-Assad") != person_tokens("Hafez al-Assad")


def _mention(article, start, text, key):
    return EntityMention(article, start, start + len(text), text, "PERSON", key)


def test_surname_joins_the_unique_full_name_across_articles():
    mentions = [
        _mention("a", 0, "Bashar al-Assad", "person:bashar-asad"),
        _mention("b", 0, "Assad", "person:asad"),
    ]
    _entities, ids = canonicalize(mentions, [])
    assert ids[("a", 0, 15)] == ids[("b", 0, 5)]


def test_two_people_sharing_a_surname_are_not_merged():
    mentions = [
        _mention("a", 0, "Bashar al-Assad", "person:bashar-asad"),
        _mention("b", 0, "Hafez al-Assad", "person:hafiz-asad"),
        _mention("c", 0, "Assad", "person:asad"),
    ]
    _entities, ids = canonicalize(mentions, [])
    assert ids[("a", 0, 15)] != ids[("b", 0, 14)]
    assert ids[("c", 0, 5)] not in (ids[("a", 0, 15)], ids[("b", 0, 14)])


def test_bad_input_is_handled(nlp):
    text = ("x" * 10_000 + " \x00\x1f Дамаск ISIS (ISIS) " + "Mohammed al-" * 200 + " said. ") * 2
    started = time.perf_counter()
    mentions = tag_entities(nlp(text), "bad", [])
    canonicalize(mentions, [])
    assert time.perf_counter() - started < 20.0
    assert person_tokens("\x00" * 10) == ()
