"""Story clustering details and the pair features added for argument and people agreement."""

from __future__ import annotations

import dataclasses

from storyline.link import clustering, settings, similarity, stories


def test_small_story_joins_the_story_it_is_most_similar_to():
    groups = [[0, 1, 2, 3], [4, 5, 6, 7], [8]]
    # article 8 is close to the first story on average, not to the second
    pairs = [(0, 8, 0.3), (1, 8, 0.2), (2, 8, 0.1), (4, 8, 0.05)]
    assert stories.absorb_small(groups, pairs) == [[0, 1, 2, 3, 8], [4, 5, 6, 7]]


def test_small_story_stays_alone_when_nothing_is_close_enough():
    groups = [[0, 1, 2, 3], [4]]
    pairs = [(0, 4, settings.STORY_ABSORB_SIMILARITY)]  # mean over 4 pairs is a quarter of it
    assert stories.absorb_small(groups, pairs) == [[0, 1, 2, 3], [4]]


def test_two_small_stories_never_absorb_each_other():
    assert stories.absorb_small([[0], [1]], [(0, 1, 0.9)]) == [[0], [1]]


def test_set_agreement_needs_both_sides():
    assert similarity.set_agreement(frozenset({"a"}), frozenset()) == (0.0, 0.0)
    assert similarity.set_agreement(frozenset({"a", "b"}), frozenset({"b"})) == (1.0, 0.0)
    assert similarity.set_agreement(frozenset({"a"}), frozenset({"b"})) == (0.0, 1.0)


def test_thresholds_follow_settings_changed_after_import(monkeypatch):
    monkeypatch.setattr(settings, "LINK_THRESHOLD", 0.77)
    assert clustering.Thresholds().link == 0.77
    assert dataclasses.replace(clustering.Thresholds(), link=0.1).link == 0.1


def test_unscored_pairs_can_count_against_a_merge():
    class Mention:  # the few attributes clustering reads
        def __init__(self, index: int) -> None:
            self.index, self.bounds, self.interval, self.article_id = index, (1, 10), (1, 10), f"a{index}"
            self.recent = None
            self.persons, self.roles, self.resolved_place, self.place = frozenset(), frozenset(), None, None
            self.mention = self  # no figures
            self.weekdays = frozenset()
            self.figures = ()

    mentions = [Mention(i) for i in range(3)]
    # 0-1 and 1-2 are strong; 0-2 was never scored
    pairs = [(0, 1, 0.9), (1, 2, 0.8)]
    loose = clustering.Thresholds(link=0.5, undated=0.8, same_article=0.5, unscored=0.0)
    strict = clustering.Thresholds(link=0.5, undated=0.8, same_article=0.5, unscored=1.0)
    assert clustering.cluster(mentions, pairs, loose) == [[0, 1, 2]]
    # with the missing pair counted as 0, {0, 1} and {2} link at (0.8 + 0) / 2 = 0.4 < 0.5
    assert clustering.cluster(mentions, pairs, strict) == [[0, 1], [2]]
