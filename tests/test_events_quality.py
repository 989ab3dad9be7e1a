"""Rules from the hand check of unseen conflict news (docs/events.md, "Quality pass").

Each table holds hand-made sentences for one rule; the extractor runs alone on hand-written
timexes, places and entities (see ``tests/test_events_extract.py`` for the helper's conventions).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.events import extract
from storyline.model import Article, EntityMention, EventMention, Place, PlaceMention, Timex

PUBLISHED = dt.date(2016, 3, 27)


PLACES = {
    "US": Place(6252001, "United States", 39.8, -98.5, "US", None, "country"),
    "UK": Place(2635167, "United Kingdom", 54.8, -4.6, "GB", None, "country"),
    "MOSCOW": Place(524901, "Moscow", 55.75, 37.6, "RU", "Moscow", "city"),
    "Beirut": Place(276781, "Beirut", 33.9, 35.5, "LB", "Beyrouth", "city"),
    "Arab": Place(6269133, "Middle East", 29.0, 41.0, None, None, "region"),
    "Aleppo": Place(170063, "Aleppo", 36.2, 37.16, "SY", "Aleppo", "city"),
}


def run(nlp, text: str, timexes: dict[str, str] | None = None,
        entities: dict[str, str] | None = None, places: tuple[str, ...] = ()) -> list[EventMention]:
    """Extract events with hand-made timexes ({text: value}), entities ({text: type}) and
    places (names from ``PLACES``)."""
    doc = nlp(text)
    found_timexes = [Timex(text.index(t), text.index(t) + len(t), t, "DATE", v) for t, v in (timexes or {}).items()]
    found_entities = [EntityMention("t", text.index(n), text.index(n) + len(n), n, k, n.lower())
                      for n, k in (entities or {}).items() if n in text]
    found_places = [PlaceMention("t", text.index(n), text.index(n) + len(n), n, PLACES[n], 0.9) for n in places]
    article = Article(id="t", text=text, published=PUBLISHED)
    return extract(doc, article, sorted(found_timexes, key=lambda t: t.start), found_places, found_entities)


def figures(events: list[EventMention]) -> list[tuple[float, str]]:
    """(value, what) of every figure, in text order."""
    return sorted(((f.value, f.what) for e in events for f in e.figures), key=lambda pair: pair[0])


# "claimed the lives of N" is a death toll, not a claim: no one is a source, the N are killed.
LIVES_CASES = [
    ("The heavy fighting claimed the lives of 129 loyalists and 116 rebels according to an Observatory toll.",
     [(116.0, "killed"), (129.0, "killed")]),
    ("A chemical weapons incident in Idlib province claimed the lives of some 80 people.", [(80.0, "killed")]),
    ("At least 20 people lost their lives in the shelling of the town.", [(20.0, "killed")]),
    ("The bombing cost the lives of 12 civilians.", [(12.0, "killed")]),
]


@pytest.mark.parametrize(("text", "expected"), LIVES_CASES)
def test_lives_lost_are_killed_and_not_a_claim(nlp, text, expected):
    events = run(nlp, text)
    assert figures(events) == expected
    assert any(e.type in ("KILL", "ASSAULT") for e in events), [(e.trigger, e.type) for e in events]
    for event in events:
        for figure in event.figures:
            source = figure.attributed_to
            assert source is None or source.cue != "claimed", source


def test_claim_with_a_complement_still_reports(nlp):
    text = "The army claimed that rebels attacked the town."
    events = run(nlp, text, entities={"The army": "ORG", "rebels": "GROUP"})
    attacked = [e for e in events if e.trigger == "attack"]
    assert attacked and attacked[0].attribution is not None
    assert "army" in attacked[0].attribution.source


# A later conjunct counts what the first one does when that is an outcome of violence.
CONJUNCT_CASES = [
    ("Two women and two soldiers were killed in the attack.", [(2.0, "killed"), (2.0, "killed")]),
    ("Ten children and 13 rebels were executed in the village.", [(10.0, "killed"), (13.0, "killed")]),
    ("Five civilians and three policemen were wounded in the blast.", [(3.0, "wounded"), (5.0, "wounded")]),
    # not an outcome: the conjunct keeps its own category
    ("Russian jets carried out 20 airstrikes and 30 sorties near the town.", [(20.0, "airstrikes"), (30.0, "sorties")]),
]


@pytest.mark.parametrize(("text", "expected"), CONJUNCT_CASES)
def test_conjoined_counts_share_the_outcome(nlp, text, expected):
    assert figures(run(nlp, text, entities={"Rebels": "GROUP"})) == expected


# Words of a time expression never join the number that follows them.
TIMEX_WINDOW_CASES = [
    ("AFP Saturday 21 Feb 2015 Ten children were killed in a Syrian village.", "Saturday 21 Feb 2015", "2015-02-21", 10.0),
    ("Reuters 3 May 2016 12 soldiers were killed near the town.", "3 May 2016", "2016-05-03", 12.0),
]


@pytest.mark.parametrize(("text", "timex", "value", "expected"), TIMEX_WINDOW_CASES)
def test_a_date_is_not_part_of_the_count(nlp, text, timex, value, expected):
    values = [v for v, _ in figures(run(nlp, text, timexes={timex: value}))]
    assert values == [expected]


# A negative subject negates the event.
NEGATIVE_SUBJECT_CASES = [
    ("Activists said that none of the ISIS positions were targeted in the raids.", "target", "negated"),
    ("Nobody was killed in the shelling.", "kill", "negated"),
    ("Three people were killed in the shelling.", "kill", "asserted"),
]


@pytest.mark.parametrize(("text", "lemma", "expected"), NEGATIVE_SUBJECT_CASES)
def test_negative_subjects(nlp, text, lemma, expected):
    events = [e for e in run(nlp, text) if e.trigger == lemma]
    assert events, lemma
    assert events[0].modality == expected


# A sentence-final "... the Observatory said." hung on the last noun still attributes the sentence.
TRAILING_CUE_CASES = [
    ("Government troops stormed a village overnight killing 12 people the Observatory said.",
     {"the Observatory": "ORG"}, "Observatory"),
    ("A bomb exploded in the district on Wednesday killing six and wounding 32 people Syrian state television reported.",
     {}, "Syrian state television"),
]


@pytest.mark.parametrize(("text", "entities", "source"), TRAILING_CUE_CASES)
def test_sentence_final_reporting_clause_attributes_the_sentence(nlp, text, entities, source):
    events = run(nlp, text, entities=entities)
    assert events
    for event in events:
        assert event.attribution is not None and source in event.attribution.source, event
        assert event.modality == "reported"
        for figure in event.figures:
            assert figure.attributed_to is not None and source in figure.attributed_to.source


def test_relative_clause_with_a_complement_is_not_a_trailing_cue(nlp):
    events = run(nlp, "Rebels killed the men the Observatory said were soldiers.", entities={"Rebels": "GROUP"})
    killed = [e for e in events if e.trigger == "kill"]
    assert killed and killed[0].attribution is None


# Verb-tagged words used as nouns or as references to people are not events of their own.
NOMINAL_CASES = [
    ("At least six of those killed were Syrian rebel fighters.", []),
    ("The toll is expected to rise because of the number of wounded.", []),
    ("Among the wounded in the city were four members of the same family.", []),
    ("Bahra calls on organizations to support the Syrian peoples demands for freedom.", []),
    # still events
    ("Six people were killed and 20 wounded in the attack.", ["kill", "wound"]),
    ("The group demands the release of prisoners.", ["demand"]),
]


@pytest.mark.parametrize(("text", "lemmas"), NOMINAL_CASES)
def test_nominal_uses_of_event_verbs(nlp, text, lemmas):
    assert sorted(e.trigger for e in run(nlp, text)) == lemmas


# The sentence's place stands for the event's only when it can: not a dateline, not the first
# part of a hyphenated modifier, not a region or country adjective.
PLACE_CASES = [
    ("MOSCOW (Sputnik) The attacker blew himself up inside a vehicle.", ("MOSCOW",), None),
    ("Beirut (AFP) Gunmen attacked a checkpoint overnight.", ("Beirut",), None),
    ("US-led air strikes targeted the group.", ("US",), None),
    ("A monitor said UK-based activists were attacked by gunmen.", ("UK",), None),
    ("Arab foreign ministers held talks.", ("Arab",), None),
    ("US-led air strikes targeted the group near Aleppo.", ("US", "Aleppo"), "Aleppo"),
    ("Gunmen attacked a checkpoint in Beirut overnight.", ("Beirut",), "Beirut"),
]


@pytest.mark.parametrize(("text", "places", "expected"), PLACE_CASES)
def test_sentence_place_is_not_a_dateline_or_modifier(nlp, text, places, expected):
    events = run(nlp, text, places=places)
    assert events
    assert {e.place.text if e.place else None for e in events} == {expected}


# An undated event takes the date of its simultaneous clause ("when", "as", "while").
SIMULTANEOUS_CASES = [
    ("Five medics were killed and a nurse wounded when an air strike hit a clinic late Tuesday.",
     "late Tuesday", "2016-03-22", ["kill", "wound", "strike"]),
    ("Two people were killed when a car bomb exploded in the town in December.",
     "in December", "2015-12", ["kill", "explode"]),
]


@pytest.mark.parametrize(("text", "timex", "value", "lemmas"), SIMULTANEOUS_CASES)
def test_main_event_takes_the_date_of_its_when_clause(nlp, text, timex, value, lemmas):
    events = {e.trigger: e for e in run(nlp, text, timexes={timex: value})}
    for lemma in lemmas:
        assert lemma in events, sorted(events)
        assert events[lemma].date is not None and events[lemma].date.value == value, (lemma, events[lemma].date)
