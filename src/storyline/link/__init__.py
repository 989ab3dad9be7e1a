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

__all__ = ["duplicate_groups", "link_events", "link_features", "story_of_article"]


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
    """Cluster prepared mention features (indices into ``mention_features``).

    Identical copies of one sentence (the same article re-published by several outlets or
    twice by one) are one mention for linking: only the earliest copy is blocked, scored and
    clustered, so copies neither count twice in average linkage nor drag look-alikes in; the
    other copies follow it into its event.
    """
    copies = duplicate_groups(mention_features)
    representatives = [mention_features[group[0]] for group in copies.values()]
    scored = []
    weights = similarity.current_weights()
    for earlier, later in blocking.candidate_pairs(representatives):
        value = similarity.score(earlier, later, weights)
        if value is not None:
            scored.append((earlier.index, later.index, value))
    LOGGER.debug("scored %d candidate pairs", len(scored))
    groups = clustering.cluster(representatives, scored, thresholds)
    return sorted((sorted(i for rep in group for i in copies[rep]) for group in groups), key=lambda g: g[0])


def duplicate_groups(mention_features: Sequence[features.MentionFeatures]) -> dict[int, list[int]]:
    """Representative index -> indices of its identical copies (itself first); the earliest copy
    in date order (then input order) represents the group."""
    by_key: dict[str, list[int]] = {}
    groups: dict[int, list[int]] = {}
    for item in sorted(mention_features, key=lambda m: (m.order_key, m.index)):
        if item.copy_key is None:
            groups[item.index] = [item.index]
            continue
        members = by_key.setdefault(item.copy_key, [])
        if not members:
            groups[item.index] = members
        members.append(item.index)
    return groups
