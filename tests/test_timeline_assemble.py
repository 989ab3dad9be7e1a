"""Assembly: date choice with conflicting sources, figure comparison with modifiers, order."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.link import link_events
from storyline.model import Article, ArticleAnalysis, Attribution, DateValue, Entity, EventMention, Figure
from storyline.timeline import assemble, compare_figures
from storyline.timeline.dating import choose_date
from storyline.timeline.figures import figure_conflicts

from fixtures.link import seed_like


def _mention(article: str, value: str | None, precision: str = "day", approximate: bool = False) -> EventMention:
    date = DateValue(value, precision, approximate) if value else None
    return EventMention(id=f"{article}-{value}", article_id=article, sentence_start=0, sentence_end=0,
                        trigger_start=0, trigger_end=0, trigger="attack", type="ASSAULT", date=date)


@pytest.mark.parametrize(
    ("values", "chosen", "conflict"),
    [
        ([("a", "2016-03", "month"), ("b", "2016-03-27", "day")], "2016-03-27", False),
        ([("a", "2016", "year"), ("b", "2016-03", "month"), ("c", "2016-03-27", "day")], "2016-03-27", False),
        ([("a", "2016-03-27", "day"), ("b", "2016-03-26", "day"), ("c", "2016-03-27", "day")], "2016-03-27", True),
        ([("a", "2016-03-26", "day"), ("b", "2016-03", "month"), ("c", "2016-03-27", "day"),
          ("d", "2016-03-26", "day")], "2016-03-26", True),
        ([("a", None, "day")], None, False),
    ],
)
def test_date_is_the_most_precise_value_most_sources_allow(values, chosen, conflict):
    mentions = [_mention(article, value, precision) for article, value, precision in values]
    date, found = choose_date(mentions)
    assert (date.value if date else None) == chosen
    assert (found is not None) is conflict
    if found:
        assert found.about == "date"
        assert {article for article, _ in found.claims} == {article for article, _, _ in values}


def _figure(text: str, value: float, what: str, mod: str | None = None, article: str = "a",
            source: str | None = None) -> Figure:
    attribution = Attribution(source, 0, 0, "said") if source else None
    return Figure(article, 0, len(text), text, value, what, mod, None, attribution)


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        (_figure("at least 70 killed", 70, "killed", "MORE_THAN"), _figure("20 killed", 20, "killed"), "conflict"),
        (_figure("around 400 killed", 400, "killed", "APPROX"),
         _figure("over 100 militants", 100, "killed", "MORE_THAN"), "compatible"),
        (_figure("around 400 people", 400, "killed", "APPROX"), _figure("380 people", 380, "killed"), "agree"),
        (_figure("nearly 50 people", 50, "killed", "LESS_THAN"), _figure("62 people", 62, "killed"), "conflict"),
        (_figure("300 militants", 300, "killed"), _figure("about 100 people", 100, "killed", "APPROX"), "conflict"),
        (_figure("12 civilians", 12, "killed"), _figure("30 militants", 30, "killed"), "different-things"),
        (_figure("40 air sorties", 40, "sorties"), _figure("158 targets", 158, "targets"), "different-things"),
        (_figure("20 to 30 wounded", 20, "wounded"), _figure("25 wounded", 25, "wounded"), "agree"),
    ],
)
def test_figure_comparison_uses_modifiers_and_what_is_counted(first, second, verdict):
    if first.text.startswith("20 to 30"):
        first = Figure(first.article_id, 0, 8, first.text, 20, "wounded", None, 30)
    assert compare_figures(first, second).verdict == verdict


def test_figure_conflicts_only_between_different_sources():
    same_source = [_figure("at least 70 killed", 70, "killed", "MORE_THAN"), _figure("20 killed", 20, "killed")]
    assert figure_conflicts(same_source) == []
    two_sources = [same_source[0], _figure("20 killed", 20, "killed", article="b")]
    conflicts = figure_conflicts(two_sources)
    assert [c.about for c in conflicts] == ["figure:killed"]
    assert {article for article, _ in conflicts[0].claims} == {"a", "b"}


@pytest.fixture(scope="module")
def seed_timeline(seed_texts):
    analyses, entity_of_mention, gold_of = seed_like.build(seed_texts)
    clusters = link_events(analyses, entity_of_mention)
    entities = [Entity(ident, ident.split(":", 1)[1], "ORG") for ident in sorted(set(entity_of_mention.values()))]
    entities.append(Entity("org:unused", "Unused", "ORG"))
    return assemble(analyses, clusters, entities, entity_of_mention), gold_of


def test_seed_like_timeline_order_dates_and_sources(seed_timeline):
    timeline, gold_of = seed_timeline
    order = [gold_of[e.mentions[0].id] for e in timeline.events]
    assert order == ["E1", "E2", "E3", "E4", "E5", "E6"]
    dates = [e.date.value for e in timeline.events]
    assert dates == ["2015-05", "2016-03-26", "2016-03-27", "2016-12", "2017-03-01", "2017-03-02"]
    by_gold = {gold_of[e.mentions[0].id]: e for e in timeline.events}
    assert {m.article_id for m in by_gold["E3"].mentions} == {seed_like.CNN, seed_like.FOX}
    assert by_gold["E3"].confidence > by_gold["E6"].confidence
    assert by_gold["E3"].place.geonameid == 163808
    assert not timeline.undated


def test_seed_like_figures_keep_attribution_and_are_not_conflicts(seed_timeline):
    timeline, gold_of = seed_timeline
    by_gold = {gold_of[e.mentions[0].id]: e for e in timeline.events}
    assert [f.attributed_to.source for f in by_gold["E3"].figures] == ["Syrian Observatory for Human Rights"]
    assert {f.value for f in by_gold["E2"].figures} == {40, 158, 100}
    assert all(not e.conflicts for e in timeline.events)
    e2_killed = next(f for f in by_gold["E2"].figures if f.value == 100)
    assert compare_figures(by_gold["E3"].figures[0], e2_killed).verdict != "conflict"


def test_titles_summaries_entities_and_stories(seed_timeline):
    timeline, gold_of = seed_timeline
    by_gold = {gold_of[e.mentions[0].id]: e for e in timeline.events}
    assert by_gold["E6"].title.split()[:2] == ["syrian-government", "recaptured"]
    assert "Palmyra" in by_gold["E6"].title
    assert by_gold["E6"].summary.startswith("Syrian government forces have recaptured")  # "(CNN)" credit dropped
    assert "org:unused" not in {e.id for e in timeline.entities}
    assert {"org:isis", "place:163808"} <= {e.id for e in timeline.entities}
    assert len({e.story for e in timeline.events}) == 1
    assert timeline.entity_of_mention


def test_undated_events_are_kept_apart():
    text = "Gunmen attacked a convoy near the border, officials said."
    mention = EventMention(id="u1", article_id="x", sentence_start=0, sentence_end=len(text), trigger_start=7,
                           trigger_end=15, trigger="attack", type="ASSAULT")
    analysis = ArticleAnalysis(article=Article(id="x", text=text, published=dt.date(2020, 1, 1)), events=(mention,))
    timeline = assemble([analysis], [[mention]], [], {})
    assert not timeline.events
    assert [e.title for e in timeline.undated] == ["Gunmen attacked a convoy near the border, officials said."]


def test_source_comparison_and_cross_event_figures(seed_timeline):
    from storyline.timeline import compare_sources, cross_event_figures

    timeline, gold_of = seed_timeline
    by_gold = {gold_of[e.mentions[0].id]: e for e in timeline.events}
    e3 = compare_sources(by_gold["E3"], timeline)
    assert e3.reported_by == ("CNN", "Fox News")
    e6 = compare_sources(by_gold["E6"], timeline)
    assert e6.reported_by == ("CNN",) and e6.not_reported_by == ("Fox News",)
    notes = cross_event_figures(timeline.events)
    killed = [n for n in notes if {n.first.value, n.second.value} == {100, 400}]
    assert len(killed) == 1 and killed[0].note.startswith("different events (2016-03-26 vs 2016-03-27)")


def test_titles_use_the_reporting_headline_and_drop_date_lines():
    from storyline.timeline import describe

    text = "Date of publication 4 October 2016 A suicide bomber killed 22 people at a wedding in Hasakah."
    start = text.index("killed")
    mention = EventMention(id="m", article_id="a", sentence_start=0, sentence_end=len(text),
                           trigger_start=start, trigger_end=start + 6, trigger="kill", type="KILL")
    plain = {"a": Article(id="a", text=text)}
    assert describe.sentence_of(mention, plain).startswith("A suicide bomber killed 22 people")
    headed = {"a": Article(id="a", text=text, title="Suicide bomber kills 22 at Syria wedding - Region - World - Ahram Online")}
    assert describe.title_of(mention, headed, {}, {}) == "Suicide bomber kills 22 at Syria wedding"
    # a headline about something else does not title this event
    other = {"a": Article(id="a", text=text, title="Talks on Syria open in Geneva")}
    assert describe.reporting_headline(mention, other["a"]) is None


@pytest.mark.parametrize(
    "opening",
    ["MOSCOW (Sputnik) ", "(TRT World and Agencies) ", "BEIRUT (Reuters) - "],
)
def test_summaries_drop_agency_credits_that_open_the_sentence(opening):
    from storyline.timeline import describe

    text = opening + "Air raids on the western province killed at least 39 civilians on Sunday."
    start = text.index("killed")
    mention = EventMention(id="m", article_id="a", sentence_start=0, sentence_end=len(text),
                           trigger_start=start, trigger_end=start + 6, trigger="kill", type="KILL")
    assert describe.sentence_of(mention, {"a": Article(id="a", text=text)}).startswith("Air raids on the western")
