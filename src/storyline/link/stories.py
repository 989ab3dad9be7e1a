"""Story clusters: groups of articles about one story.

Before linking, articles are grouped by what they talk about (their most distinctive words and
the entities they name): candidate pairs come from an inverted index rather than all pairs of
articles, and average-link clustering of their cosine similarities forms the stories; stories of
a few articles then join the larger story they are closest to on average (short or loosely
written articles would otherwise stand alone). After linking, articles that report the same
event are joined too. Each story is named after its first article (``story:<article id>``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from storyline.link import clustering, settings, text
from storyline.model import ArticleAnalysis, EventMention

LOGGER = logging.getLogger(__name__)


class _UnionFind:
    """Disjoint sets over article ids."""

    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        """Representative of the item's set (with path halving)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        """Join two sets."""
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a


def _article_vectors(
    analyses: Sequence[ArticleAnalysis], entity_of_mention: Mapping[tuple[str, int, int], str]
) -> dict[str, text.Vector]:
    """tf-idf vector of each article's content words plus the canonical entities it names."""
    bags: dict[str, list[str]] = {}
    for analysis in analyses:
        words = text.content_words(analysis.article.text)
        for mention in (*analysis.entities, *analysis.places):
            ident = entity_of_mention.get((mention.article_id, mention.start, mention.end))
            if ident:
                words += [f"@{ident}"] * settings.STORY_ENTITY_REPEAT
        bags[analysis.article.id] = words
    idf = text.idf_table(bags.values())
    return {
        article: text.truncate(text.tfidf(words, idf), settings.STORY_VECTOR_TERMS) for article, words in bags.items()
    }


def absorb_small(groups: Sequence[Sequence[int]], pairs: Sequence[tuple[int, int, float]]) -> list[list[int]]:
    """Join each small story (at most ``STORY_SMALL_SIZE`` articles) to the larger story it is most
    similar to on average (unscored pairs count 0), when that mean reaches
    ``STORY_ABSORB_SIMILARITY``: short or loosely written articles otherwise stay alone."""
    of = {index: number for number, group in enumerate(groups) for index in group}
    small = {number for number, group in enumerate(groups) if len(group) <= settings.STORY_SMALL_SIZE}
    totals: dict[tuple[int, int], float] = {}
    for first, second, value in pairs:
        a, b = of[first], of[second]
        if a == b:
            continue
        for mine, other in ((a, b), (b, a)):
            if mine in small and other not in small:
                totals[(mine, other)] = totals.get((mine, other), 0.0) + value
    best: dict[int, tuple[float, int]] = {}
    for (mine, other), total in totals.items():
        mean = total / (len(groups[mine]) * len(groups[other]))
        if mean >= settings.STORY_ABSORB_SIMILARITY and mean > best.get(mine, (0.0, -1))[0]:
            best[mine] = (mean, other)
    merged = [list(group) for group in groups]
    for mine, (_, other) in best.items():
        LOGGER.debug("story of %d articles joins story %d", len(groups[mine]), other)
        merged[other].extend(groups[mine])
        merged[mine] = []
    return [sorted(group) for group in merged if group]


def story_of_article(
    analyses: Sequence[ArticleAnalysis],
    entity_of_mention: Mapping[tuple[str, int, int], str],
    clusters: Sequence[Sequence[EventMention]] = (),
) -> dict[str, str]:
    """Article id -> story id, from content similarity and (when given) shared linked events."""
    ids = [analysis.article.id for analysis in analyses]
    sets = _UnionFind(ids)
    vectors = _article_vectors(analyses, entity_of_mention)
    strongest = {
        article: [term for term, _ in sorted(vectors[article].items(), key=lambda item: -item[1])][
            : settings.STORY_INDEX_TERMS
        ]
        for article in ids
    }
    postings: dict[str, list[int]] = {}
    for index, article in enumerate(ids):
        for term in strongest[article]:
            postings.setdefault(term, []).append(index)
    pairs = []
    for index, article in enumerate(ids):
        shared: dict[int, int] = {}
        for term in strongest[article]:
            holders = postings[term]
            if len(holders) <= settings.STORY_MAX_POSTINGS:  # too common a term to tell stories apart
                for other in holders:
                    if other < index:
                        shared[other] = shared.get(other, 0) + 1
        nearest = sorted(shared, key=lambda other: (-shared[other], other))[: settings.STORY_MAX_NEIGHBOURS]
        for other in nearest:
            pairs.append((other, index, text.cosine(vectors[article], vectors[ids[other]])))
    groups = clustering.average_link(len(ids), pairs, settings.STORY_DOC_SIMILARITY)
    for group in absorb_small(groups, pairs):
        for index in group[1:]:
            sets.union(ids[group[0]], ids[index])
    for members in clusters:
        articles = {mention.article_id for mention in members}
        if len(articles) > 1:
            first, *rest = sorted(articles)
            for other in rest:
                sets.union(first, other)
    first_article: dict[str, str] = {}
    for article in ids:
        first_article.setdefault(sets.find(article), article)
    return {article: f"story:{first_article[sets.find(article)]}" for article in ids}
