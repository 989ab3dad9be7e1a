"""Cross-document event linking: which event mentions name the same real-world event.

``link_events`` groups the event mentions of a collection into clusters, one per real-world event:
mentions are compared only within blocks (trigger, synonym class, place, actor, article) and date
windows, scored by :mod:`storyline.link.similarity`, and merged by constrained average-link
clustering (:mod:`storyline.link.clustering`). ``story_of_article`` gives story clusters.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from storyline.link import blocking, clustering, features, similarity
from storyline.link.stories import story_of_article
from storyline.model import ArticleAnalysis, EventMention

LOGGER = logging.getLogger(__name__)

__all__ = ["link_events", "link_features", "story_of_article"]


def link_events(
    analyses: Sequence[ArticleAnalysis],
    entity_of_mention: Mapping[tuple[str, int, int], str],
) -> list[list[EventMention]]:
    """Cluster the event mentions of all analyses; each inner list is one real-world event.

    ``entity_of_mention`` maps (article id, start, end) of entity and place mentions to canonical
    entity ids. Clusters come in order of their first mention; mentions keep input order.
    """
    stories = story_of_article(analyses, entity_of_mention)
    mention_features = features.build(analyses, entity_of_mention, stories)
    groups = link_features(mention_features)
    LOGGER.info("linked %d event mentions into %d events", len(mention_features), len(groups))
    return [[mention_features[index].mention for index in group] for group in groups]


def link_features(
    mention_features: Sequence[features.MentionFeatures],
    thresholds: clustering.Thresholds | None = None,
) -> list[list[int]]:
    """Cluster prepared mention features (indices into ``mention_features``)."""
    scored = []
    weights = similarity.current_weights()
    for earlier, later in blocking.candidate_pairs(mention_features):
        value = similarity.score(earlier, later, weights)
        if value is not None:
            scored.append((earlier.index, later.index, value))
    LOGGER.debug("scored %d candidate pairs", len(scored))
    return clustering.cluster(mention_features, scored, thresholds)
