"""Unsupervised day rankers (PubCount, MentionCount, reference graph) and spread day selection."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.timeline import date_select
from storyline.timeline import tls_settings as settings
from storyline.timeline.rank import DateMention

D = dt.date
PUBLISHED = {"a": D(2016, 3, 27), "b": D(2016, 3, 28), "c": D(2016, 4, 20), "d": D(2016, 3, 28)}


def _mention(day: dt.date, article: str, start: int = 0, own: bool = True) -> DateMention:
    return DateMention(date=day, article_id=article, start=start, end=start + 10, own=own)


MENTIONS = [
    _mention(D(2016, 3, 27), "a"),
    _mention(D(2016, 3, 27), "a", start=50),  # a second sentence of the same article
    _mention(D(2016, 3, 27), "b"),
    _mention(D(2016, 3, 27), "c"),  # referred back to 24 days later
    _mention(D(2016, 3, 28), "d"),
    _mention(D(2016, 3, 1), "d", own=False),  # dated only through its event: not a mention
]


def test_pub_count_counts_publications_in_the_window() -> None:
    assert date_select.pub_count(PUBLISHED) == {D(2016, 3, 27): 1.0, D(2016, 3, 28): 2.0, D(2016, 4, 20): 1.0}
    assert date_select.pub_count(PUBLISHED, end=D(2016, 3, 31)) == {D(2016, 3, 27): 1.0, D(2016, 3, 28): 2.0}


def test_mention_count_counts_distinct_own_sentences() -> None:
    counts = date_select.mention_count(MENTIONS + [MENTIONS[0]])
    assert counts == {D(2016, 3, 27): 4.0, D(2016, 3, 28): 1.0}


def test_combined_scales_each_ranker_by_its_maximum() -> None:
    total = date_select.combined({D(2016, 1, 1): 10.0, D(2016, 1, 2): 5.0}, {D(2016, 1, 2): 2.0}, {})
    assert total == {D(2016, 1, 1): 1.0, D(2016, 1, 2): 1.5}


def test_reference_graph_weighs_later_references_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "GRAPH_DISTANCE_WEIGHT", 1.0)
    indegree = date_select.reference_graph(MENTIONS, PUBLISHED)
    # a (same day, once per article), b (1 day later), c (24 days later)
    expected = 1.0 + (1.0 + _log1p(1)) + (1.0 + _log1p(24))
    assert indegree[D(2016, 3, 27)] == pytest.approx(expected)
    assert D(2016, 3, 1) not in indegree
    monkeypatch.setattr(settings, "GRAPH_DISTANCE_WEIGHT", 0.0)
    assert date_select.reference_graph(MENTIONS, PUBLISHED)[D(2016, 3, 27)] == pytest.approx(3.0)
    assert date_select.reference_graph(MENTIONS, PUBLISHED, start=D(2016, 3, 28)) == {D(2016, 3, 28): 1.0}


def test_pagerank_is_a_distribution_that_favours_the_referenced_day() -> None:
    ranks = date_select.reference_graph(MENTIONS, PUBLISHED, pagerank=True)
    assert sum(ranks.values()) == pytest.approx(1.0, abs=1e-6)
    assert max(ranks, key=ranks.__getitem__) == D(2016, 3, 27)


def test_spread_order_discounts_days_near_a_picked_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "SPREAD_PENALTY", 0.5)
    scores = {D(2016, 1, 1): 10.0, D(2016, 1, 2): 9.0, D(2016, 2, 1): 6.0}
    assert list(date_select.spread_order(scores, gap=0)) == [D(2016, 1, 1), D(2016, 1, 2), D(2016, 2, 1)]
    assert list(date_select.spread_order(scores, gap=3)) == [D(2016, 1, 1), D(2016, 2, 1), D(2016, 1, 2)]
    assert list(date_select.spread_order(scores, gap=3, wanted=2)) == [D(2016, 1, 1), D(2016, 2, 1)]


def test_rejected_days_do_not_push_their_neighbours_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "SPREAD_PENALTY", 0.5)
    scores = {D(2016, 1, 1): 10.0, D(2016, 1, 2): 9.0, D(2016, 2, 1): 6.0}
    order = date_select.spread_order(scores, gap=3, accept=lambda day: day != D(2016, 1, 1), wanted=2)
    assert list(order) == [D(2016, 1, 1), D(2016, 1, 2), D(2016, 2, 1)]


def test_spread_gap_grows_with_the_window_over_the_days_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "SPREAD_GAP_FACTOR", 0.5)
    assert date_select.spread_gap(D(2016, 1, 1), D(2016, 12, 31), 10) == 18
    assert date_select.spread_gap(D(2016, 1, 1), D(2016, 12, 31), 100) == 1
    monkeypatch.setattr(settings, "SPREAD_GAP_FACTOR", 0.0)
    assert date_select.spread_gap(D(2016, 1, 1), D(2016, 12, 31), 10) == 0


def _log1p(value: float) -> float:
    import math

    return math.log1p(value)


def test_rank_dates_adds_the_reference_graph_when_weighted(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.model import Article, Timeline
    from storyline.timeline.rank import rank_dates

    articles = tuple(Article(id=i, text="x" * 40, published=day, outlet="wire") for i, day in PUBLISHED.items())
    timeline = Timeline(articles=articles, entities=(), events=())
    # one late reference to 28 March against one same-day reference to 20 April: tied without the graph
    mentions = [_mention(D(2016, 3, 28), "c"), _mention(D(2016, 4, 20), "c")]
    monkeypatch.setattr(settings, "W_LATER_REFS", 0.0)
    monkeypatch.setattr(settings, "W_PUBLISHED", 0.0)
    monkeypatch.setattr(settings, "W_GRAPH", 0.0)
    plain = {s.date: s.score for s in rank_dates(timeline, mentions)}
    assert plain[D(2016, 3, 28)] == pytest.approx(plain[D(2016, 4, 20)])
    monkeypatch.setattr(settings, "W_GRAPH", 1.0)
    ranked = rank_dates(timeline, mentions)
    assert ranked[0].date == D(2016, 3, 28)
