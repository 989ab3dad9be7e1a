"""Average-link agglomerative clustering over a sparse graph of scored mention pairs.

Clusters are merged best-first while the mean score of the scored pairs between them reaches the
threshold, and never when the merged cluster would have no day all its mentions can fall on
(look-alike events at different times stay apart). A mention without a date joins a dated cluster
only with strong evidence, and an undated mention of an article published well after a cluster's
days only with strong evidence. Before two clusters merge, the evidence of ALL their mentions is
compared (:mod:`storyline.link.evidence`: people, agents, patients, places, figures, weekdays):
one article's different tolls keep its incidents apart, the same day and city make a merge
easier, and (optionally) each kind both clusters name without agreeing raises the linkage needed.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from storyline.link import dates, evidence, settings
from storyline.link.features import FAR_FUTURE, NO_DAY, MentionFeatures

LOGGER = logging.getLogger(__name__)


@dataclass
class _Cluster:
    """A growing cluster: its members, the days they can share, and its scored neighbours."""

    members: list[int]
    bounds: dates.Interval
    dated: bool
    articles: set[str]
    links: dict[int, list[float]] = field(default_factory=dict)  # neighbour -> [score sum, pairs]
    evidence: evidence.Evidence = field(default_factory=dict)  # kind -> values named by its mentions
    recent: dates.Interval = (NO_DAY, FAR_FUTURE)  # the days its undated mentions most likely name


@dataclass(frozen=True)
class Thresholds:
    """Linkage thresholds (defaults read from settings when the object is made, so that tuning
    runs that change settings take effect)."""

    link: float = field(default_factory=lambda: settings.LINK_THRESHOLD)
    undated: float = field(default_factory=lambda: settings.UNDATED_THRESHOLD)
    same_article: float = field(default_factory=lambda: settings.SAME_ARTICLE_THRESHOLD)
    unscored: float = field(default_factory=lambda: settings.UNSCORED_PAIR_WEIGHT)
    clash: float = field(default_factory=lambda: settings.CLUSTER_CLASH_PENALTY)
    stale: float = field(default_factory=lambda: settings.STALE_THRESHOLD)
    same_day_city: float = field(default_factory=lambda: settings.SAME_DAY_CITY_BONUS)


def _required(first: _Cluster, second: _Cluster, thresholds: Thresholds) -> float:
    """The linkage two clusters need to merge (``math.inf``: never), from the evidence of all
    their mentions:

    - the link threshold, raised for a dated cluster and an undated one and for two mentions of
      one article;
    - never when both hold mentions of one article and give different figures for the same count
      (a roundup's incidents: "two injured in X", "35 injured in Y");
    - when the days their undated mentions most likely name (``recent``) do not meet, only with
      strong evidence (``evidence.supports``) and then at ``stale``: background mentions of
      articles published weeks later, or look-alike undated mentions far apart;
    - lowered by ``same_day_city`` when both are pinned to the same single day and city;
    - raised by ``clash`` per weighted kind of evidence they clash on (off by default).
    """
    required = thresholds.link
    if first.dated != second.dated:
        required = max(required, thresholds.undated)
    if len(first.members) == 1 and len(second.members) == 1 and first.articles == second.articles:
        required = max(required, thresholds.same_article)
    if not first.articles.isdisjoint(second.articles) and evidence.figures_clash(first.evidence, second.evidence):
        return math.inf
    if dates.intersect(first.recent, second.recent) is None:
        if not evidence.supports(first.evidence, second.evidence):
            return math.inf
        required = max(required, thresholds.stale)
    elif (
        thresholds.same_day_city
        and first.dated
        and second.dated
        and first.bounds == second.bounds
        and first.bounds[0] == first.bounds[1]
        and evidence.same_city(first.evidence, second.evidence)
    ):
        required -= thresholds.same_day_city
    if thresholds.clash:
        required += thresholds.clash * evidence.clashes(first.evidence, second.evidence)
    return required


def cluster(
    mentions: Sequence[MentionFeatures],
    scored_pairs: Iterable[tuple[int, int, float]],
    thresholds: Thresholds | None = None,
) -> list[list[int]]:
    """Group mention indices into clusters; each input pair is (index, index, score)."""
    thresholds = thresholds or Thresholds()
    clusters = {
        m.index: _Cluster(
            [m.index], m.bounds, m.interval is not None, {m.article_id}, evidence=evidence.of_mention(m),
            recent=m.recent or m.bounds,
        )
        for m in mentions
    }
    return _agglomerate(
        clusters, scored_pairs, lambda first, second: _required(first, second, thresholds), thresholds.unscored
    )


def average_link(count: int, scored_pairs: Iterable[tuple[int, int, float]], threshold: float) -> list[list[int]]:
    """Plain sparse average-link clustering of ``count`` items (no date constraint)."""
    always: dates.Interval = (NO_DAY, FAR_FUTURE)
    clusters = {index: _Cluster([index], always, False, {str(index)}) for index in range(count)}
    return _agglomerate(clusters, scored_pairs, lambda first, second: threshold)


def _linkage(entry: list[float], first: _Cluster, second: _Cluster, unscored: float) -> float:
    """Mean score between two clusters: over their scored pairs, each pair never scored (not
    blocked together) counting as a score of 0 with weight ``unscored``."""
    total, count = entry
    missing = len(first.members) * len(second.members) - count
    return total / (count + unscored * missing)


def _agglomerate(
    clusters: dict[int, _Cluster],
    scored_pairs: Iterable[tuple[int, int, float]],
    required: Callable[[_Cluster, _Cluster], float],
    unscored: float = 0.0,
) -> list[list[int]]:
    """Best-first merging while the mean pair score between two clusters reaches ``required``."""
    for first, second, value in scored_pairs:
        for a, b in ((first, second), (second, first)):
            entry = clusters[a].links.setdefault(b, [0.0, 0.0])
            entry[0] += value
            entry[1] += 1
    heap: list[tuple[float, int, int]] = []
    for ident, node in clusters.items():
        for other, (total, count) in node.links.items():
            if ident < other:
                heap.append((-_linkage([total, count], node, clusters[other], unscored), ident, other))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        first, second = clusters[a], clusters[b]
        entry = first.links.get(b)
        if entry is None or abs(_linkage(entry, first, second, unscored) + negative) > 1e-12:
            continue  # stale heap entry
        if -negative < required(first, second):
            continue
        shared = dates.intersect(first.bounds, second.bounds)
        if shared is None:
            LOGGER.debug("not merging clusters %d and %d: no common day", a, b)
            continue
        _merge(clusters, a, b, shared, heap, unscored)
    return sorted((sorted(node.members) for node in clusters.values()), key=lambda members: members[0])


def _merge(
    clusters: dict[int, _Cluster], a: int, b: int, shared: dates.Interval, heap: list, unscored: float = 0.0
) -> None:
    """Merge the smaller cluster into the larger and refresh the linkage to their neighbours."""
    if len(clusters[a].members) < len(clusters[b].members):
        a, b = b, a
    keep, gone = clusters[a], clusters.pop(b)
    keep.members.extend(gone.members)
    keep.bounds = shared
    keep.recent = dates.intersect(keep.recent, gone.recent) or keep.recent
    keep.dated = keep.dated or gone.dated
    keep.articles |= gone.articles
    evidence.absorb(keep.evidence, gone.evidence)
    keep.links.pop(b, None)
    for other, (total, count) in gone.links.items():
        if other == a:
            continue
        entry = keep.links.setdefault(other, [0.0, 0.0])
        entry[0] += total
        entry[1] += count
        neighbour = clusters[other]
        neighbour.links.pop(b, None)
        neighbour.links[a] = entry
    # links that absorbed the removed cluster changed; with unscored pairs counted, every link
    # of the grown cluster did (its size changed); the other heap entries stand
    changed = keep.links if unscored else {o: e for o, e in keep.links.items() if o in gone.links}
    for other, entry in changed.items():
        low, high = (a, other) if a < other else (other, a)
        heapq.heappush(heap, (-_linkage(entry, keep, clusters[other], unscored), low, high))
