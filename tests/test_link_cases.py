"""Linking cases: same event in different words merged, look-alikes at different times kept apart."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyline.link import blocking, dates, features, link_events
from storyline.model import DateValue

from fixtures.link import seed_like


@pytest.fixture(scope="module")
def seed_case(seed_texts):
    return seed_like.build(seed_texts)


def _partition(clusters, gold_of):
    return sorted(sorted(gold_of[m.id] for m in cluster) for cluster in clusters)


def test_seed_like_mentions_link_into_the_six_gold_events(seed_case):
    analyses, entity_of_mention, gold_of = seed_case
    clusters = link_events(analyses, entity_of_mention)
    assert _partition(clusters, gold_of) == [["E1", "E1"], ["E2"], ["E3", "E3", "E3"], ["E4"], ["E5"], ["E6"]]


def test_clusters_span_both_outlets_for_e1_and_e3(seed_case):
    analyses, entity_of_mention, gold_of = seed_case
    for cluster in link_events(analyses, entity_of_mention):
        if gold_of[cluster[0].id] in {"E1", "E3"}:
            assert {m.article_id for m in cluster} == {seed_like.CNN, seed_like.FOX}


SENTENCE = seed_like.RECAPTURE_SENTENCE


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (DateValue("2016-03-27", "day"), DateValue("2016-03", "month"), True),
        (DateValue("2016-03-27", "day"), DateValue("2016-03-27", "day"), True),
        (DateValue("2016-03", "month"), DateValue("2017-03-02", "day"), False),
        (DateValue("2016-03-27", "day"), DateValue("2017-03-02", "day"), False),
        (DateValue("2016-03-27", "day"), DateValue("2016-03-28", "day"), False),
    ],
)
def test_same_wording_merges_only_when_dates_overlap(first, second, merged):
    analyses = [
        seed_like.one_mention_article("a", dt.date(2016, 3, 28), first, SENTENCE),
        seed_like.one_mention_article("b", dt.date(2017, 3, 3), second, SENTENCE),
    ]
    assert (len(link_events(analyses, {})) == 1) is merged


def test_undated_mention_never_joins_an_event_after_its_publication():
    analyses = [
        seed_like.one_mention_article("old", dt.date(2016, 3, 27), None, SENTENCE),
        seed_like.one_mention_article("new", dt.date(2017, 3, 2), DateValue("2017-03-02", "day"), SENTENCE),
    ]
    assert len(link_events(analyses, {})) == 2


def test_incompatible_types_never_link():
    first = seed_like.one_mention_article("a", dt.date(2016, 3, 27), DateValue("2016-03-27", "day"), SENTENCE)
    second = seed_like.one_mention_article("b", dt.date(2016, 3, 27), DateValue("2016-03-27", "day"), SENTENCE)
    protest = dataclasses.replace(second.events[0], type="PROTEST")
    second = dataclasses.replace(second, events=(protest,))
    assert len(link_events([first, second], {})) == 2


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2016-03", "2016-03-01", "2016-03-31"),
        ("2016", "2016-01-01", "2016-12-31"),
        ("2016-03-27T10:00", "2016-03-27", "2016-03-27"),
        ("2016-W12", "2016-03-21", "2016-03-27"),
        ("2016-Q2", "2016-04-01", "2016-06-30"),
        ("201", "2010-01-01", "2019-12-31"),
    ],
)
def test_date_values_become_day_intervals(value, first, last):
    interval = dates.value_interval(value)
    assert (dates.ordinal_to_iso(interval[0]), dates.ordinal_to_iso(interval[1])) == (first, last)


def test_unknown_values_have_no_interval():
    assert dates.value_interval("PRESENT_REF") is None
    assert dates.value_interval("XXXX-XX-XX") is None
    assert dates.compatible(DateValue("2016-03", "month"), DateValue("2016-03-27", "day"))
    assert not dates.compatible(DateValue("2016-03", "month"), DateValue("2017-03-02", "day"))


def test_blocking_compares_far_fewer_pairs_than_all_pairs():
    analyses = []
    for day in range(600):
        date = dt.date(2015, 1, 1) + dt.timedelta(days=day)
        for copy in range(3):
            analyses.append(seed_like.one_mention_article(f"{day}-{copy}", date, DateValue(date.isoformat(), "day"), SENTENCE))
    prepared = features.build(analyses, {}, {})
    pairs = list(blocking.candidate_pairs(prepared))
    assert len(pairs) < 10 * len(prepared)
    assert all(a.interval == b.interval for a, b in pairs)
    clusters = link_events(analyses, {})
    assert len(clusters) == 600
