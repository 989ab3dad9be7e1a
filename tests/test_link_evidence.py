"""Cluster-level evidence in linking: recency of undated mentions, copies of one article, one
article's distinct incidents, and clashes between clusters."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.link import clustering, duplicate_groups, evidence, features, link_events, link_features, settings
from fixtures.link.seed_like import one_mention_article
from storyline.model import Article, ArticleAnalysis, Attribution, DateValue, EventMention, Figure, Place

ALEPPO = Place(170063, "Aleppo", 36.2, 37.16, "SY", "Aleppo", "city")


@pytest.mark.parametrize(("days_after", "merged"), [(2, True), (6, True), (21, False), (35, False)])
def test_undated_mention_joins_a_dated_event_only_from_a_recentone_mention_article(days_after, merged):
    event_day = dt.date(2016, 5, 31)
    reworded = "Government forces recaptured the old city from the militants following heavy fighting."
    analyses = [
        one_mention_article("dated", event_day, DateValue(event_day.isoformat(), "day")),
        one_mention_article("later", event_day + dt.timedelta(days=days_after), None, reworded),
    ]
    assert (len(link_events(analyses, {})) == 1) is merged


def test_undated_look_alikes_of_articles_months_apart_stay_apart():
    reworded = "Government forces recaptured the old city from the militants following heavy fighting."
    analyses = [one_mention_article("a", dt.date(2016, 1, 10), None), one_mention_article("b", dt.date(2016, 6, 10), None, reworded)]
    assert len(link_events(analyses, {})) == 2


def test_copies_of_one_sentence_are_one_mention_for_linking():
    copies = [one_mention_article(f"copy{i}", dt.date(2016, 3, 27 + i), None) for i in range(3)]
    other = one_mention_article("other", dt.date(2016, 3, 27), None, "Rebels recaptured a village near the border on Sunday.")
    analyses = copies + [other]
    prepared = features.build(analyses, {}, {a.article.id: "s" for a in analyses})
    groups = duplicate_groups(prepared)
    assert sorted(groups.values()) == [[0, 1, 2], [3]]
    clusters = link_features(prepared)
    assert [0, 1, 2] in [sorted(set(c) & {0, 1, 2}) for c in clusters]


def _roundup(figures: bool) -> ArticleAnalysis:
    first = "Rocket shells fired by terrorists on the Ramouseh neighborhood injured two civilians on Tuesday."
    second = "Rocket shells fired by terrorists on the Hamadaniyeh neighborhood injured 35 civilians on Tuesday."
    text = first + " " + second
    mentions = []
    for number, (sentence, count) in enumerate(((first, 2), (second, 35))):
        offset = text.index(sentence)
        trigger = offset + sentence.index("injured")
        figure = Figure("r", offset, offset + 5, "civilians", count, "wounded")
        mentions.append(EventMention(
            id=f"r-{number}", article_id="r", sentence_start=offset, sentence_end=offset + len(sentence),
            trigger_start=trigger, trigger_end=trigger + 7, trigger="injure", type="WOUND",
            date=DateValue("2016-05-31", "day"), figures=(figure,) if figures else (),
        ))
    article = Article(id="r", text=text, published=dt.date(2016, 6, 1))
    return ArticleAnalysis(article=article, events=tuple(mentions))


def test_one_article_giving_two_tolls_tells_two_incidents():
    assert len(link_events([_roundup(figures=True)], {})) == 2


def _mention_features(index: int, persons=(), roles=(), place=None, figures=()) -> features.MentionFeatures:
    mention = EventMention(
        id=str(index), article_id=f"a{index}", sentence_start=0, sentence_end=0, trigger_start=0,
        trigger_end=0, trigger="fall", type="EVENT", figures=tuple(figures),
    )
    return features.MentionFeatures(
        index=index, mention=mention, article_id=f"a{index}", lemma="fall", classes=frozenset(), type="EVENT",
        interval=None, bounds=(1, 10), place=None, resolved_place=place, participants=frozenset(),
        roles=frozenset(roles), context={}, window={}, story="s", order_key=0, persons=frozenset(persons),
    )


def test_evidence_clash_and_support():
    rait = evidence.of_mention(_mention_features(0, persons={"p:rait"}, roles={("agent", "p:rait")}))
    buckley = evidence.of_mention(_mention_features(1, persons={"p:buckley"}, roles={("agent", "p:buckley")}))
    assert evidence.clashes(rait, buckley) == 2.0  # people and agents
    both = {kind: values.copy() for kind, values in rait.items()}
    evidence.absorb(both, buckley)
    assert evidence.clashes(both, buckley) == 0.0
    # strong evidence needs two of agent, patient and city, or one figure
    in_aleppo = evidence.of_mention(_mention_features(2, roles={("agent", "p:rait")}, place=ALEPPO))
    assert not evidence.supports(rait, in_aleppo)
    also = evidence.of_mention(_mention_features(3, roles={("agent", "p:rait")}, place=ALEPPO))
    assert evidence.supports(in_aleppo, also)
    toll = Figure("a", 0, 1, "7", 7, "killed")
    counted = [evidence.of_mention(_mention_features(index, figures=[toll])) for index in (4, 5)]
    assert evidence.supports(*counted)


def test_cluster_clash_penalty_keeps_two_falls_apart(monkeypatch):
    mentions = [
        _mention_features(0, persons={"p:rait"}), _mention_features(1, persons={"p:rait"}),
        _mention_features(2, persons={"p:buckley"}), _mention_features(3, persons={"p:buckley"}),
    ]
    pairs = [(0, 1, 0.9), (2, 3, 0.9), (0, 2, 0.6), (1, 3, 0.6), (0, 3, 0.6), (1, 2, 0.6)]
    monkeypatch.setattr(settings, "CLUSTER_CLASH_PENALTY", 0.0)
    assert clustering.cluster(mentions, pairs) == [[0, 1, 2, 3]]
    monkeypatch.setattr(settings, "CLUSTER_CLASH_PENALTY", 0.2)
    assert clustering.cluster(mentions, pairs) == [[0, 1], [2, 3]]


def test_different_sources_tolls_are_a_conflict_not_two_incidents():
    monitor, sana = Attribution("the Observatory", 0, 1, "said"), Attribution("SANA", 0, 1, "said")

    def counting(index: int, value: float, source: Attribution | None) -> evidence.Evidence:
        toll = Figure("a", 0, 1, str(value), value, "killed", attributed_to=source)
        return evidence.of_mention(_mention_features(index, figures=[toll]))

    assert not evidence.figures_clash(counting(0, 7, monitor), counting(1, 4, sana))
    assert evidence.figures_clash(counting(0, 7, monitor), counting(1, 4, monitor))
    assert evidence.figures_clash(counting(0, 2, None), counting(1, 35, None))
    assert evidence.figures_clash(counting(0, 2, monitor), counting(1, 35, None))
    assert not evidence.figures_clash(counting(0, 7, None), counting(1, 7, sana))
