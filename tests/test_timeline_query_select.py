"""Timeline queries: name matching (entities with aliases and attributions, places through the
gazetteer), date ranges with coarse dates, events kept per day and non-repeating summaries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from storyline.model import Article, Attribution, DateValue, Event, EventMention, Timeline
from storyline.timeline.query import (
    TimelineQuery,
    filter_events,
    in_range,
    matching_entities,
    name_pattern,
    resolve,
    run_query,
)
from storyline.timeline.summarise import content_words

from fixtures.export import sample_timeline

DAY = dt.date(2016, 3, 27)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return sample_timeline.build_timeline()


def _ids(timeline: Timeline) -> set[str]:
    return {e.id for e in (*timeline.events, *timeline.undated)}


def test_entity_aliases_match_exactly_not_inside_other_words(timeline: Timeline) -> None:
    isis = {"E1", "E3", "E4", "E5"}
    for name in ("Islamic State", "ISIS", "isis", "islamic-state", "the Islamic State"):
        assert _ids(filter_events(timeline, TimelineQuery(entity=name))) == isis, name
    # "SIS" is inside "ISIS" but is no name of it: no entity, and no source has the word
    result, resolution = resolve(timeline, TimelineQuery(entity="SIS"))
    assert _ids(result) == set() and resolution.entity_by_text
    assert any("SIS" in note for note in resolution.notes)


def test_entity_matches_the_events_attributed_to_it(timeline: Timeline) -> None:
    # SOHR takes part in no event; E3's figures and claims are attributed to it
    for name in ("SOHR", "Observatory", "Syrian Observatory for Human Rights"):
        result, resolution = resolve(timeline, TimelineQuery(entity=name))
        assert _ids(result) == {"E3"}, name
        assert [e.id for e in resolution.entities] == ["org:sohr"]


def test_entity_words_of_a_longer_name_when_no_exact_name() -> None:
    from storyline.model import Entity

    entities = [Entity("p:assad", "Bashar al-Assad", "PERSON"), Entity("o:crisis", "Syria Crisis", "ORG"),
                Entity("g:is", "Islamic State", "GROUP", ("IS", "ISIS"))]
    assert [e.id for e in matching_entities(entities, "Assad")] == ["p:assad"]
    assert [e.id for e in matching_entities(entities, "ISIS")] == ["g:is"]  # not "Syria Crisis"
    assert matching_entities(entities, "sis") == []


def test_short_capital_aliases_match_in_their_case_only() -> None:
    pattern = name_pattern(["IS", "Islamic State"])
    assert pattern is not None
    assert pattern.search("IS fighters said") and pattern.search("the islamic state group")
    assert not pattern.search("this is a town") and not pattern.search("ISIS")


def test_place_readings_through_the_gazetteer(timeline: Timeline) -> None:
    placed = {e.id for e in (*timeline.events, *timeline.undated) if e.place is not None}
    for name in ("Palmyra", "Tadmur", "Homs", "Syria"):  # the city by another name, its region, its country
        result, resolution = resolve(timeline, TimelineQuery(place=name))
        assert _ids(result) == placed, name
        assert resolution.places, name
    empty, resolution = resolve(timeline, TimelineQuery(place="Aleppo"))
    assert _ids(empty) == set()
    assert any("gazetteer knows" in note for note in resolution.notes)
    _, unknown = resolve(timeline, TimelineQuery(place="Zzyzxq"))
    assert any("no event is placed there" in note for note in unknown.notes)


def test_date_range_keeps_overlapping_dates_not_coarser_ones(timeline: Timeline) -> None:
    march = TimelineQuery(start=dt.date(2016, 3, 1), end=dt.date(2016, 3, 31))
    assert _ids(filter_events(timeline, march)) == {"E2", "E3"}
    december = TimelineQuery(start=dt.date(2016, 12, 1), end=dt.date(2016, 12, 31))
    assert _ids(filter_events(timeline, december)) == {"E4"}  # month-precision, same month
    mid_december, resolution = resolve(timeline, TimelineQuery(start=dt.date(2016, 12, 10), end=dt.date(2016, 12, 20)))
    assert _ids(mid_december) == set() and resolution.coarse_dates_left_out == 1
    assert in_range((dt.date(2016, 1, 1), dt.date(2016, 12, 31)), dt.date(2016, 3, 1), dt.date(2016, 3, 31)) is None
    assert in_range((dt.date(2016, 3, 1), dt.date(2016, 3, 31)), dt.date(2016, 3, 15), None) is True
    assert in_range((dt.date(2016, 3, 1), dt.date(2016, 3, 31)), dt.date(2016, 4, 1), None) is False


def test_no_match_says_which_filter_emptied_it(timeline: Timeline) -> None:
    query = TimelineQuery(entity="SOHR", start=dt.date(2012, 1, 1), end=dt.date(2012, 1, 31))
    result, resolution = resolve(timeline, query)
    assert _ids(result) == set()
    assert resolution.alone == {"entity": 1, "dates": 0}
    assert "matches no event" in resolution.notes[-1]


# -- a day with several events -------------------------------------------------------------------

TEXTS = {
    "a1": "Syrian government forces recaptured the ancient city of Palmyra from Islamic State fighters on Sunday. "
    "Russian jets flew dozens of sorties over the desert to support the long offensive. "
    "Officials said demining teams would enter the old city within a few days.",
    "a2": "Government troops retook the ancient city of Palmyra from Islamic State fighters on Sunday, state media said. "
    "The Syrian Observatory for Human Rights said around 400 militants were killed in the battle.",
    "a3": "Palmyra was recaptured by the Syrian army on Sunday after three weeks of heavy fighting. "
    "Unesco welcomed the news and said it would send experts to assess the damage to the ruins.",
}


def _sentence(article: str, number: int) -> tuple[int, int]:
    text = TEXTS[article]
    start = 0
    for _ in range(number):
        start = text.index(". ", start) + 2
    end = text.find(". ", start)
    return start, (end + 1 if end >= 0 else len(text))


def _event(ident: str, type_: str, *where: tuple[str, int], attributed: str | None = None) -> Event:
    mentions = []
    for index, (article, number) in enumerate(where):
        start, end = _sentence(article, number)
        attribution = Attribution(attributed, start, start + 1, "said") if attributed else None
        mentions.append(EventMention(f"{ident}.{index}", article, start, end, start, start + 5, "x", type_,
                                     DateValue(DAY.isoformat(), "day"), attribution=attribution))
    first = mentions[0]
    summary = TEXTS[first.article_id][first.sentence_start : first.sentence_end]
    return Event(ident, tuple(mentions), type_, f"{type_} {ident}", summary, DateValue(DAY.isoformat(), "day"))


def _day_timeline() -> Timeline:
    articles = tuple(
        Article(ident, text, outlet=f"outlet-{ident}", published=DAY + dt.timedelta(days=ident == "a3"),
                published_source="metadata")
        for ident, text in TEXTS.items()
    )
    events = (
        _event("X1", "CAPTURE", ("a1", 0), ("a2", 0), ("a3", 0)),
        _event("X2", "KILL", ("a2", 1), attributed="Syrian Observatory for Human Rights"),
        _event("X3", "AIRSTRIKE", ("a1", 1)),
        _event("X4", "STATEMENT", ("a3", 1)),
        _event("X5", "CAPTURE", ("a2", 0)),  # a second event read from the top event's sentence
    )
    return Timeline(articles=articles, entities=(), events=events)


def _sentences(summary: str) -> list[frozenset[str]]:
    pieces = [p for p in summary.replace("… ", ". ").split(". ") if p.strip()]
    return [frozenset(content_words(p)) for p in pieces]


def test_events_per_date_keeps_the_most_important_and_counts_the_rest() -> None:
    result = run_query(_day_timeline(), TimelineQuery(max_dates=1, events_per_date=2))
    assert [e.id for e in result.timeline.events][0] == "X1"  # most articles and outlets
    assert len(result.timeline.events) == 2
    (day,) = result.days
    assert (day.date, day.events, day.kept, day.left_out) == (DAY, 5, 2, 3)
    assert result.left_out == 3
    everything = run_query(_day_timeline(), TimelineQuery(max_dates=1, events_per_date=0))
    assert len(everything.timeline.events) == 5 and everything.left_out == 0
    default = run_query(_day_timeline(), TimelineQuery(max_dates=1))
    assert len(default.timeline.events) == 3  # EVENTS_PER_DATE_DEFAULT
    assert len(filter_events(_day_timeline(), TimelineQuery()).events) == 5  # no --max-dates: all kept


def test_no_sentence_repeats_across_the_kept_events_of_a_day() -> None:
    timeline = _day_timeline()
    result = run_query(timeline, TimelineQuery(max_dates=1, sentences_per_date=2, events_per_date=0))
    events = {e.id: e for e in result.timeline.events}
    top = result.timeline.events[0]
    assert top.id == "X1"
    assert top.summary == " ".join(s.text for s in result.summaries[DAY])
    sentences = [vector for e in result.timeline.events for vector in _sentences(e.summary)]
    for a, b in itertools.combinations(sentences, 2):
        overlap = len(a & b) / (len(a) * len(b)) ** 0.5
        assert overlap <= 0.5, (a, b)
    # X5 has only the top event's sentence: it keeps its title and sources, not a repeated summary
    assert events["X5"].summary == "" and events["X5"].mentions
    original = {e.id: e.summary for e in timeline.events}
    for ident, event in events.items():
        if ident != "X1" and event.summary:
            # its own summary, or another sentence of its own sources
            own = {TEXTS[m.article_id][m.sentence_start : m.sentence_end] for m in event.mentions}
            assert event.summary == original[ident] or event.summary in own
    (day,) = result.days
    assert day.summary_sentences == len(result.summaries[DAY]) and day.summaries_dropped >= 1


def test_entity_query_over_attributions_on_a_day() -> None:
    result = run_query(_day_timeline(), TimelineQuery(entity="Syrian Observatory for Human Rights", max_dates=3))
    assert [e.id for e in result.timeline.events] == ["X2"]
    assert result.resolution.entity_by_text  # no entity by that name here: the sources say it


def test_an_event_with_nothing_new_to_say_yields_its_place() -> None:
    result = run_query(_day_timeline(), TimelineQuery(max_dates=1, sentences_per_date=2, events_per_date=3))
    kept = [e.id for e in result.timeline.events]
    assert kept[0] == "X1" and "X5" not in kept and len(kept) == 3  # X5 repeats X1: the next event instead
    assert all(e.summary for e in result.timeline.events)
    (day,) = result.days
    assert (day.kept, day.left_out, day.summaries_dropped) == (3, 2, 0)
