"""Assembly: linked mention clusters become dated, placed, sourced events in time order."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.link import dates
from storyline.link.stories import story_of_article
from storyline.model import (
    Article,
    ArticleAnalysis,
    Entity,
    Event,
    EventMention,
    Figure,
    Place,
    Timeline,
)
from storyline.timeline import describe
from storyline.timeline.confidence import confidence
from storyline.timeline.dating import choose_date
from storyline.timeline.figures import figure_conflicts

LOGGER = logging.getLogger(__name__)

EntityMap = Mapping[tuple[str, int, int], str]


def event_id(mentions: Sequence[EventMention]) -> str:
    """A stable id derived from the mentions' ids (the same cluster gets the same id every run)."""
    digest = hashlib.sha1("\n".join(sorted(m.id for m in mentions)).encode("utf-8")).hexdigest()
    return f"event:{digest[:12]}"


def best_place(mentions: Sequence[EventMention]) -> Place | None:
    """The resolved place most mentions name (ties: the more confident, then the more populous)."""
    support: Counter[Place] = Counter()
    certainty: dict[Place, float] = {}
    for mention in mentions:
        if mention.place is not None and mention.place.place is not None:
            support[mention.place.place] += 1
            certainty[mention.place.place] = certainty.get(mention.place.place, 0.0) + mention.place.confidence
    if not support:
        return None
    return max(support, key=lambda p: (support[p], certainty[p], p.population, p.name))


def participants_of(mentions: Sequence[EventMention], entity_of_mention: EntityMap) -> tuple[tuple[str, str], ...]:
    """(role, entity id) pairs stated by the mentions, most supported first."""
    support: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    for mention in mentions:
        for role, participant in mention.participants:
            key = (participant.article_id, participant.start, participant.end)
            ident = entity_of_mention.get(key) or f"key:{participant.key or participant.text}".lower()
            support[(role, ident)] += 1
            first_seen.setdefault((role, ident), len(first_seen))
    return tuple(sorted(support, key=lambda pair: (-support[pair], first_seen[pair])))


def figures_of(mentions: Sequence[EventMention]) -> tuple[Figure, ...]:
    """Every figure of every mention once, with its attribution."""
    seen: dict[tuple[str, int, int, str], Figure] = {}
    for mention in mentions:
        for figure in mention.figures:
            seen.setdefault((figure.article_id, figure.start, figure.end, figure.what), figure)
    return tuple(seen.values())


def majority_type(mentions: Sequence[EventMention]) -> str:
    """The type most mentions carry (the first mention's on a tie)."""
    counts = Counter(m.type for m in mentions)
    return max(counts, key=lambda t: (counts[t], -next(i for i, m in enumerate(mentions) if m.type == t)))


def _mention_order(mention: EventMention, articles: Mapping[str, Article]) -> tuple[dt.date, str, int]:
    """Sources in publication order (undated articles first), then by position."""
    published = articles[mention.article_id].published or dt.date.min
    return published, mention.article_id, mention.trigger_start


def build_event(
    mentions: Sequence[EventMention],
    articles: Mapping[str, Article],
    entities: Mapping[str, Entity],
    entity_of_mention: EntityMap,
    story: str | None,
) -> Event:
    """One timeline event from one cluster of linked mentions."""
    ordered = sorted(mentions, key=lambda m: _mention_order(m, articles))
    date, date_conflict = choose_date(ordered)
    place = best_place(ordered)
    figures = figures_of(ordered)
    conflicts = ([date_conflict] if date_conflict else []) + figure_conflicts(figures)
    headline = describe.title_mention(ordered, articles)
    return Event(
        id=event_id(ordered),
        mentions=tuple(ordered),
        type=majority_type(ordered),
        title=describe.title_of(headline, articles, entities, entity_of_mention),
        summary=describe.summary_of(ordered, articles),
        date=date,
        place=place,
        participants=participants_of(ordered, entity_of_mention),
        figures=figures,
        conflicts=tuple(conflicts),
        confidence=confidence(ordered, articles, date, place, conflicts),
        story=story,
    )


def time_order(event: Event) -> tuple[int, int, int, str]:
    """Sort key: start day, coarser dates first, more sources first, then id."""
    interval = dates.date_interval(event.date) if event.date else None
    if interval is None:
        return (0, 0, 0, event.id)
    return (interval[0], -dates.span_days(interval), -len(event.mentions), event.id)


def referenced_entities(
    events: Sequence[Event], entities: Sequence[Entity], entity_of_mention: EntityMap
) -> tuple[Entity, ...]:
    """The entities the timeline refers to: named by an event or by any mapped mention."""
    wanted = set(entity_of_mention.values())
    for event in events:
        wanted.update(ident for _, ident in event.participants)
    return tuple(entity for entity in entities if entity.id in wanted)


def assemble(
    analyses: Sequence[ArticleAnalysis],
    clusters: Sequence[Sequence[EventMention]],
    entities: Sequence[Entity],
    entity_of_mention: EntityMap,
) -> Timeline:
    """Build the timeline: one event per cluster, dated events in time order, undated apart."""
    articles = {analysis.article.id: analysis.article for analysis in analyses}
    entity_by_id = {entity.id: entity for entity in entities}
    stories = story_of_article(analyses, entity_of_mention, clusters)
    events = []
    for cluster in clusters:
        if not cluster:
            continue
        story = stories.get(cluster[0].article_id)
        events.append(build_event(cluster, articles, entity_by_id, entity_of_mention, story))
    dated = sorted((e for e in events if e.date is not None), key=time_order)
    undated = sorted((e for e in events if e.date is None), key=lambda e: (-len(e.mentions), e.id))
    LOGGER.info("assembled %d dated and %d undated events", len(dated), len(undated))
    return Timeline(
        articles=tuple(articles.values()),
        entities=referenced_entities(events, entities, entity_of_mention),
        events=tuple(dated),
        undated=tuple(undated),
        entity_of_mention=dict(entity_of_mention),
    )
