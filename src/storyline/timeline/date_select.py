"""Unsupervised day rankers and temporally spread day selection for timeline summarisation.

Baselines from news-tls / tilse (Ghalandari and Ifrim 2020; Martschat and Markert 2018):
``pub_count`` (articles published on a day), ``mention_count`` (sentences whose temporal
expression names the day) and ``combined`` (the sum of both, each scaled by its maximum). The
date reference graph (``reference_graph``, after Tran et al. 2015): an article published on day
p that mentions day d gives an edge p -> d, weighted by the temporal distance |p - d| (a day still
talked about weeks later has lasting importance); days are scored by the weighted in-degree
or by PageRank over that graph. ``spread_order`` picks days greedily by score while discounting
days close to an already picked one (temporal diversity; the gap grows with the window length
over the number of days wanted). Nothing here is fitted: every constant is in ``tls_settings``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

from storyline.timeline import tls_settings as settings
from storyline.timeline.rank import DateMention


def _in_window(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return not ((start and day < start) or (end and day > end))


def pub_count(
    published: Mapping[str, dt.date | None], start: dt.date | None = None, end: dt.date | None = None
) -> dict[dt.date, float]:
    """news-tls PubCount: day -> number of articles published on it (article id -> publication day)."""
    counts: Counter[dt.date] = Counter(d for d in published.values() if d is not None and _in_window(d, start, end))
    return {d: float(c) for d, c in counts.items()}


def mention_count(
    mentions: Sequence[DateMention], start: dt.date | None = None, end: dt.date | None = None
) -> dict[dt.date, float]:
    """news-tls MentionCount: day -> number of distinct sentences whose temporal expression names it
    (only mentions a sentence makes itself, ``own``)."""
    seen = {(m.date, m.article_id, m.start) for m in mentions if m.own and _in_window(m.date, start, end)}
    counts: Counter[dt.date] = Counter(d for d, _, _ in seen)
    return {d: float(c) for d, c in counts.items()}


def combined(*scores: Mapping[dt.date, float]) -> dict[dt.date, float]:
    """Sum of score maps, each divided by its maximum (news-tls-style PubCount + MentionCount)."""
    total: dict[dt.date, float] = defaultdict(float)
    for score in scores:
        top = max(score.values(), default=0.0)
        if top <= 0:
            continue
        for day, value in score.items():
            total[day] += value / top
    return dict(total)


def distance_weight(days: int) -> float:
    """Edge weight of a reference made ``days`` after (or before) the day it names:
    1 + ``GRAPH_DISTANCE_WEIGHT`` * log1p(|days|)."""
    return 1.0 + settings.GRAPH_DISTANCE_WEIGHT * math.log1p(abs(days))


def reference_edges(
    mentions: Sequence[DateMention], published: Mapping[str, dt.date | None]
) -> dict[tuple[dt.date, dt.date], float]:
    """(publication day p, mentioned day d) -> weighted number of distinct articles published on p
    whose own sentences mention d."""
    pairs = {
        (published[m.article_id], m.date, m.article_id)
        for m in mentions
        if m.own and published.get(m.article_id) is not None
    }
    edges: dict[tuple[dt.date, dt.date], float] = defaultdict(float)
    for source, target, _ in pairs:
        assert source is not None
        edges[(source, target)] += distance_weight((source - target).days)
    return dict(edges)


def reference_graph(
    mentions: Sequence[DateMention],
    published: Mapping[str, dt.date | None],
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    pagerank: bool = False,
) -> dict[dt.date, float]:
    """Day -> importance in the date reference graph: the weighted in-degree, or (``pagerank``) the
    PageRank (damping ``GRAPH_DAMPING``, teleport proportional to each day's publications + 1) of
    the graph restricted to days within [start, end]."""
    edges = {
        (p, d): w for (p, d), w in reference_edges(mentions, published).items() if _in_window(d, start, end)
    }
    indegree: dict[dt.date, float] = defaultdict(float)
    for (_, target), value in edges.items():
        indegree[target] += value
    if not pagerank:
        return dict(indegree)
    nodes = sorted({d for edge in edges for d in edge if _in_window(d, start, end)})
    if not nodes:
        return {}
    index = {d: i for i, d in enumerate(nodes)}
    out_weight: dict[int, float] = defaultdict(float)
    links: list[tuple[int, int, float]] = []
    for (source, target), value in edges.items():
        if source in index and target in index:
            links.append((index[source], index[target], value))
            out_weight[index[source]] += value
    pubs = pub_count(published, start, end)
    teleport = [pubs.get(d, 0.0) + 1.0 for d in nodes]
    total = sum(teleport)
    teleport = [t / total for t in teleport]
    rank = list(teleport)
    damping = settings.GRAPH_DAMPING
    for _ in range(settings.GRAPH_ITERATIONS):
        nxt = [(1 - damping) * t for t in teleport]
        dangling = sum(rank[i] for i in range(len(nodes)) if out_weight.get(i, 0.0) == 0.0)
        for i, t in enumerate(teleport):
            nxt[i] += damping * dangling * t
        for source, target, value in links:
            nxt[target] += damping * rank[source] * value / out_weight[source]
        rank = nxt
    return {d: rank[i] for d, i in index.items()}


def spread_gap(start: dt.date, end: dt.date, wanted: int) -> int:
    """Days around a picked day that count as "close": ``SPREAD_GAP_FACTOR`` * window / wanted,
    rounded down (0 turns spreading off)."""
    span = (end - start).days + 1
    return int(settings.SPREAD_GAP_FACTOR * span / max(1, wanted))


def spread_order(
    scores: Mapping[dt.date, float],
    gap: int,
    accept: Callable[[dt.date], bool] = lambda _: True,
    wanted: int | None = None,
) -> Iterator[dt.date]:
    """Days in greedy pick order: the best score first, a day within ``gap`` days of an already
    accepted one multiplied by ``SPREAD_PENALTY`` per such neighbour. ``accept`` says whether a
    yielded day was kept (e.g. it got a summary); rejected days do not push their neighbours down.
    Stops after ``wanted`` accepted days (or when the days run out); ties: earlier day first."""
    remaining = dict(scores)
    picked: list[dt.date] = []
    while remaining and (wanted is None or len(picked) < wanted):
        def effective(day: dt.date) -> float:
            near = sum(1 for p in picked if abs((p - day).days) <= gap) if gap > 0 else 0
            return remaining[day] * settings.SPREAD_PENALTY**near

        best = min(remaining, key=lambda d: (-effective(d), d))
        del remaining[best]
        if accept(best):
            picked.append(best)
        yield best
