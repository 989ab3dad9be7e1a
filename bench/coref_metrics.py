"""Coreference metrics as defined by the CoNLL-2012 reference scorer: MUC, B3, CEAF-e, CoNLL F1.

Clusters are collections of hashable mention ids. Key (gold) and response (system) may cover
different mentions; mentions missing from one side are treated as singletons there, as the
reference scorer does for MUC and by simple omission for B3 and CEAF-e.

References: Vilain et al. 1995 (MUC), Bagga & Baldwin 1998 (B3), Luo 2005 (CEAF),
Pradhan et al. 2014 (reference implementation, "scoring coreference partitions").
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

Cluster = frozenset[Hashable]


@dataclass(frozen=True)
class Score:
    """Recall, precision and F1 of one metric (fractions)."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        """Harmonic mean of recall and precision."""
        total = self.recall + self.precision
        return 0.0 if total == 0 else 2 * self.recall * self.precision / total


def _clusters(groups: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    return [frozenset(group) for group in groups if group]


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _muc_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    cluster_of = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    numerator = denominator = 0
    for cluster in key:
        partitions = set()
        singles = 0
        for mention in cluster:
            if mention in cluster_of:
                partitions.add(cluster_of[mention])
            else:
                singles += 1
        numerator += len(cluster) - (len(partitions) + singles)
        denominator += len(cluster) - 1
    return _ratio(numerator, denominator)


def muc(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """MUC: links recovered (Vilain et al. 1995)."""
    k, r = _clusters(key), _clusters(response)
    return Score(_muc_recall(k, r), _muc_recall(r, k))


def _b3_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    cluster_of = {mention: cluster for cluster in response for mention in cluster}
    numerator = 0.0
    total = 0
    for cluster in key:
        total += len(cluster)
        overlaps: dict[int, int] = {}
        for mention in cluster:
            other = cluster_of.get(mention)
            if other is not None:
                overlaps[id(other)] = overlaps.get(id(other), 0) + 1
        numerator += sum(count * count for count in overlaps.values()) / len(cluster)
    return _ratio(numerator, total)


def b_cubed(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """B3: per-mention overlap of key and response clusters (Bagga & Baldwin 1998)."""
    k, r = _clusters(key), _clusters(response)
    return Score(_b3_recall(k, r), _b3_recall(r, k))


def hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for a square matrix: column assigned to each row (Kuhn-Munkres)."""
    size = len(cost)
    infinity = float("inf")
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    owner, way = [0] * (size + 1), [0] * (size + 1)
    for row in range(1, size + 1):
        owner[0] = row
        column = 0
        minimum = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            current, delta, chosen = owner[column], infinity, 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                reduced = cost[current - 1][j - 1] - u[current] - v[j]
                if reduced < minimum[j]:
                    minimum[j], way[j] = reduced, column
                if minimum[j] < delta:
                    delta, chosen = minimum[j], j
            for j in range(size + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minimum[j] -= delta
            column = chosen
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    assignment = [0] * size
    for j in range(1, size + 1):
        if owner[j]:
            assignment[owner[j] - 1] = j - 1
    return assignment


def _phi4(first: Cluster, second: Cluster) -> float:
    return 2 * len(first & second) / (len(first) + len(second))


def ceaf_e(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """CEAF-e: best one-to-one alignment of entities with phi4 similarity (Luo 2005)."""
    k, r = _clusters(key), _clusters(response)
    if not k or not r:
        return Score(0.0, 0.0)
    best = 0.0
    for key_part, response_part in _components(k, r):
        size = max(len(key_part), len(response_part))
        similarity = [[0.0] * size for _ in range(size)]
        for i, first in enumerate(key_part):
            for j, second in enumerate(response_part):
                similarity[i][j] = _phi4(first, second)
        assignment = hungarian([[-value for value in row] for row in similarity])
        best += sum(similarity[i][assignment[i]] for i in range(size))
    return Score(best / len(k), best / len(r))


def _components(key: list[Cluster], response: list[Cluster]) -> list[tuple[list[Cluster], list[Cluster]]]:
    """Groups of key and response clusters connected by shared mentions (aligned separately)."""
    owner: dict[Hashable, int] = {}
    parent = list(range(len(key)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for index, cluster in enumerate(key):
        for mention in cluster:
            owner[mention] = index
    response_root: list[int | None] = []
    for cluster in response:
        roots = {find(owner[m]) for m in cluster if m in owner}
        if not roots:
            response_root.append(None)
            continue
        first, *rest = roots
        for other in rest:
            parent[find(other)] = find(first)
        response_root.append(first)
    groups: dict[int, tuple[list[Cluster], list[Cluster]]] = {}
    for index, cluster in enumerate(key):
        groups.setdefault(find(index), ([], []))[0].append(cluster)
    for cluster, root in zip(response, response_root):
        if root is not None:
            groups[find(root)][1].append(cluster)
    return [group for group in groups.values() if group[1]]


def conll(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> dict[str, float]:
    """All metrics in percent: MUC, B3, CEAF-e recall/precision/F1 and their mean F1 (CoNLL)."""
    k, r = _clusters(key), _clusters(response)
    scores = {"muc": muc(k, r), "b3": b_cubed(k, r), "ceafe": ceaf_e(k, r)}
    result: dict[str, float] = {}
    for name, value in scores.items():
        result[f"{name}_r"] = 100 * value.recall
        result[f"{name}_p"] = 100 * value.precision
        result[f"{name}_f1"] = 100 * value.f1
    result["conll_f1"] = sum(result[f"{name}_f1"] for name in scores) / len(scores)
    return result
