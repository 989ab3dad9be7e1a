"""The storyline/1 contract: shape, time order, provenance (every span slices its article to the quote)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from storyline.export import timeline_to_dict
from storyline.export.validate import contract_problems
from storyline.model import (
    Article,
    DateValue,
    Entity,
    Event,
    EventMention,
    Figure,
    Place,
    PlaceMention,
    Timeline,
)

from fixtures.export import sample_timeline


SAMPLE = sample_timeline
GENERATED = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return SAMPLE.build_timeline()


@pytest.fixture(scope="module")
def contract(timeline: Timeline) -> dict:
    return timeline_to_dict(timeline, generated=GENERATED)


def test_top_level_shape(contract: dict) -> None:
    assert contract["format"] == "storyline/1"
    assert contract["generated"] == "2026-01-02T03:04:05+00:00"
    assert set(contract) >= {"format", "generated", "articles", "entities", "events", "undated"}
    assert json.loads(json.dumps(contract)) == contract  # plain JSON types only


def test_articles(contract: dict) -> None:
    by_id = {article["id"]: article for article in contract["articles"]}
    assert by_id["cnn-2017"]["published"] == "2017-03-02"
    assert by_id["cnn-2017"]["published_source"] == "manifest"
    assert by_id["cnn-2017"]["outlet"] == "CNN"
    assert by_id["wire-<b>1</b>"]["published"] is None
    for article in contract["articles"]:
        assert {"id", "outlet", "title", "url", "published", "published_source"} <= set(article)
        assert article["chars"] == len(article["text"])


def test_events_in_time_order(contract: dict) -> None:
    assert [event["id"] for event in contract["events"]] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert contract["events"][0]["date"] == {"value": "2015-05", "precision": "month", "approximate": False}
    assert [event["id"] for event in contract["undated"]] == ["U1"]
    assert contract["undated"][0]["date"] is None


def test_place_is_an_entity_id_with_coordinates(contract: dict) -> None:
    entities = {entity["id"]: entity for entity in contract["entities"]}
    place_ids = {event["place"] for event in contract["events"]}
    assert place_ids == {"place:163808"}
    place = entities["place:163808"]
    assert (place["geonameid"], place["country"], place["admin1"]) == (163808, "SY", "Homs")
    assert place["lat"] == pytest.approx(34.56049) and place["lon"] == pytest.approx(38.28451)
    assert entities["org:isis"]["aliases"] == ["ISIS", "Islamic State"]
    assert contract["undated"][0]["place"] is None


def test_sources_quote_their_sentence(contract: dict) -> None:
    texts = {article["id"]: article["text"] for article in contract["articles"]}
    sources = [source for event in contract["events"] + contract["undated"] for source in event["sources"]]
    assert len(sources) == 11
    for source in sources:
        text = texts[source["article_id"]]
        assert text[source["char_start"] : source["char_end"]] == source["quote"]
        assert source["char_start"] <= source["trigger_start"] < source["trigger_end"] <= source["char_end"]
        if source["date_text"] is not None:
            assert text[source["date_start"] : source["date_end"]] == source["date_text"]
    e3 = next(event for event in contract["events"] if event["id"] == "E3")
    assert e3["outlets"] == ["CNN", "Example <i>Wire</i>", "Fox News"]
    assert e3["sources"][0]["date_text"] == "Sunday"
    assert e3["sources"][0]["outlet"] == "Fox News"


def test_figures_keep_attribution_and_span(contract: dict) -> None:
    texts = {article["id"]: article["text"] for article in contract["articles"]}
    figures = [figure for event in contract["events"] for figure in event["figures"]]
    assert figures, "the sample has figures"
    for figure in figures:
        assert texts[figure["article_id"]][figure["char_start"] : figure["char_end"]] == figure["quote"]
    e2 = next(event for event in contract["events"] if event["id"] == "E2")
    killed = next(figure for figure in e2["figures"] if figure["what"] == "killed")
    assert (killed["value"], killed["mod"], killed["attributed_to"]) == (
        100,
        "MORE_THAN",
        "Russia's defense minister",
    )
    e3 = next(event for event in contract["events"] if event["id"] == "E3")
    sohr = e3["figures"][0]
    assert sohr["attributed_to"] == "Syrian Observatory for Human Rights"
    assert sohr["via"] == "Sky News"
    assert sohr["attribution"]["via"]["cue"] == "according to"
    attribution_text = texts["fox-2016"][sohr["attribution"]["char_start"] : sohr["attribution"]["char_end"]]
    assert attribution_text == "The Syrian Observatory for Human Rights"


def test_participants_and_conflicts(contract: dict) -> None:
    e3 = next(event for event in contract["events"] if event["id"] == "E3")
    assert {"entity": "org:isis", "role": "target", "name": "Islamic State"} in e3["participants"]
    conflict = e3["conflicts"][0]
    assert conflict["about"] == "figure:killed"
    assert [claim["outlet"] for claim in conflict["claims"]] == ["Fox News", "Example <i>Wire</i>"]
    assert conflict["note"] == "different counts of militants killed"


def test_quote_comes_from_article_even_when_record_text_differs() -> None:
    article = Article("a1", "Gunmen killed 12 people in Kano.", outlet="Wire")
    figure = Figure("a1", 14, 23, "WRONG", 12, "killed")
    mention = EventMention(
        "m1", "a1", 0, 32, 7, 13, "kill", "ATTACK", DateValue("2020", "year"), figures=(figure,)
    )
    event = Event(
        "X1", (mention,), "ATTACK", "Gunmen kill 12", "", DateValue("2020", "year"), figures=(figure,)
    )
    contract = timeline_to_dict(Timeline((article,), (), (event,)))
    assert contract["events"][0]["figures"][0]["quote"] == "12 people"
    assert contract["events"][0]["sources"][0]["quote"] == "Gunmen killed 12 people in Kano."


def test_place_id_prefers_the_linkers_entity() -> None:
    kano = Place(2335204, "Kano", 12.0, 8.5, "NG", "Kano", "city")
    article = Article("a1", "Gunmen attacked Kano.", outlet="Wire")
    place_mention = PlaceMention("a1", 16, 20, "Kano", kano, 0.9)
    mention = EventMention("m1", "a1", 0, 21, 7, 15, "attack", "ATTACK", place=place_mention)
    event = Event("X1", (mention,), "ATTACK", "Attack in Kano", "", DateValue("2020", "year"), place=kano)
    entity = Entity("gpe:kano-city", "Kano", "GPE", ("Kano",), kano)
    contract = timeline_to_dict(
        Timeline((article,), (entity,), (event,), (), {("a1", 16, 20): "gpe:kano-city"})
    )
    assert contract["events"][0]["place"] == "gpe:kano-city"
    assert [e["id"] for e in contract["entities"]] == ["gpe:kano-city"]


def test_sample_contract_has_no_problems(contract: dict) -> None:
    assert contract_problems(contract) == []


def test_contract_problems_catch_broken_promises(contract: dict) -> None:
    broken = json.loads(json.dumps(contract))
    broken["events"][0], broken["events"][1] = broken["events"][1], broken["events"][0]
    broken["events"][2]["sources"][0]["char_start"] += 1
    broken["events"][3]["place"] = "place:0"
    broken["events"][2]["figures"][0]["quote"] = "400"
    problems = contract_problems(broken)
    assert any("comes after" in line for line in problems)
    assert any(line.startswith("E3:") and "quote is" in line for line in problems)
    assert any("place:0" in line for line in problems)
    assert len(problems) == 4  # order, source span, figure quote, place


def test_events_land_in_the_list_their_date_says() -> None:
    article = Article("a1", "Gunmen attacked Kano.", outlet="Wire")
    mention = EventMention("m1", "a1", 0, 21, 7, 15, "attack", "ATTACK")
    dated = Event("D1", (mention,), "ATTACK", "t", "", DateValue("2020", "year"))
    undated = Event("U1", (mention,), "ATTACK", "t", "", None)
    contract = timeline_to_dict(Timeline((article,), (), (undated,), (dated,)))
    assert [e["id"] for e in contract["events"]] == ["D1"]
    assert [e["id"] for e in contract["undated"]] == ["U1"]


def test_agreements_and_outlets_that_did_not_report(contract: dict) -> None:
    events = {event["id"]: event for event in contract["events"]}
    agreement = events["E3"]["agreements"]
    # "around 400" (SOHR, Fox) and "at least 300" (a monitor, the wire) can both be true
    assert [(a["about"], a["verdict"]) for a in agreement] == [("figure:killed", "agree")]
    assert {agreement[0]["figure"]["value"], agreement[0]["other_figure"]["value"]} == {400, 300}
    assert agreement[0]["figure"]["quote"] and agreement[0]["other_figure"]["char_end"] > 0
    # figures of one source are not compared with each other
    assert events["E2"]["agreements"] == []
    story_outlets = {o for e in contract["events"] if e["story"] == "palmyra" for o in e["outlets"]}
    for event in contract["events"]:
        if event["story"] == "palmyra":
            assert set(event["not_reported_by"]) == story_outlets - set(event["outlets"])
    assert any(event["not_reported_by"] for event in contract["events"])
