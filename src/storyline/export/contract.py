"""``timeline_to_dict``: the ``storyline/1`` contract of ``timeline.json``.

Every other export (CSV, GeoJSON, TimelineJS, HTML) is derived from this dict, so the contract
is the single place where records become output. Every fact keeps its article id and the
character span that supports it; quotes are always sliced from ``Article.text`` so that
``article.text[char_start:char_end] == quote`` holds by construction.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from typing import Any

from storyline.export import settings
from storyline.timeline.compare import CrossEventNote, compare_sources, cross_event_figures, outlets_by_story
from storyline.timeline.figures import measure
from storyline.model import (
    Article,
    Attribution,
    Conflict,
    DateValue,
    Entity,
    Event,
    EventMention,
    Figure,
    Place,
    Timeline,
)

LOGGER = logging.getLogger(__name__)

_SLUG = re.compile(r"[^a-z0-9]+")


def timeline_to_dict(timeline: Timeline, *, generated: dt.datetime | None = None) -> dict[str, Any]:
    """The JSON-able ``storyline/1`` view of a timeline (see README.md, "The timeline.json contract").

    ``generated`` defaults to now (UTC); pass a fixed value for reproducible output.
    """
    articles = {article.id: article for article in timeline.articles}
    place_ids = _PlaceIds(timeline)
    everything = (*timeline.events, *timeline.undated)
    builder = _EventBuilder(articles, timeline, place_ids, cross_event_figures(everything))
    dated = sorted((event for event in everything if event.date is not None), key=_event_sort_key)
    events = [builder.event(event) for event in dated]
    undated = [builder.event(event) for event in everything if event.date is None]
    entities = [_entity(entity) for entity in timeline.entities]
    entities.extend(_place_entity(entity_id, place) for entity_id, place in place_ids.added())
    stamp = (generated or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    return {
        "format": settings.FORMAT,
        "generated": stamp.isoformat(),
        "articles": [_article(article) for article in timeline.articles],
        "entities": entities,
        "events": events,
        "undated": undated,
    }


def _event_sort_key(event: Event) -> str:
    """Dated events sort by their TIMEX3 value (coarser before finer); the sort is stable."""
    return event.date.sort_key if event.date else ""  # never empty here: only dated events are sorted


def _article(article: Article) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "language": article.language,
        "source": article.source,
        "notes": list(article.notes),
        "chars": len(article.text),
    }
    if settings.INCLUDE_ARTICLE_TEXT:
        record["text"] = article.text
    return record


def _entity(entity: Entity) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
    }
    if entity.place is not None:
        record.update(_place_fields(entity.place))
    return record


def _place_entity(entity_id: str, place: Place) -> dict[str, Any]:
    """An entity record for a place that events use but ``timeline.entities`` does not list."""
    record: dict[str, Any] = {"id": entity_id, "name": place.name, "type": "PLACE", "aliases": []}
    record.update(_place_fields(place))
    return record


def _place_fields(place: Place) -> dict[str, Any]:
    return {
        "geonameid": place.geonameid,
        "lat": _round(place.lat, settings.COORD_DECIMALS),
        "lon": _round(place.lon, settings.COORD_DECIMALS),
        "country": place.country,
        "admin1": place.admin1,
        "kind": place.kind,
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


class _PlaceIds:
    """Entity ids for event places: the linker's ids when it made them, ``place:<geonameid>`` otherwise."""

    def __init__(self, timeline: Timeline) -> None:
        self._mention_ids = timeline.entity_of_mention
        self._known: dict[str, Entity] = {entity.id: entity for entity in timeline.entities}
        self._by_geonameid: dict[int, str] = {
            entity.place.geonameid: entity.id
            for entity in timeline.entities
            if entity.place is not None and entity.place.geonameid is not None
        }
        self._added: dict[str, Place] = {}

    def of(self, event: Event) -> str | None:
        """The entity id of the event's place, creating a place entity when none exists yet."""
        if event.place is None:
            return None
        for mention in event.mentions:
            place_mention = mention.place
            if place_mention is None or place_mention.place != event.place:
                continue
            key = (place_mention.article_id, place_mention.start, place_mention.end)
            if key in self._mention_ids:
                entity_id = self._mention_ids[key]
                if entity_id not in self._known:  # a place entity of an earlier export, read back
                    self._added.setdefault(entity_id, event.place)
                return entity_id
        if event.place.geonameid is not None and event.place.geonameid in self._by_geonameid:
            return self._by_geonameid[event.place.geonameid]
        entity_id = _place_entity_id(event.place)
        if entity_id not in self._known:
            self._added.setdefault(entity_id, event.place)
        return entity_id

    def added(self) -> Iterable[tuple[str, Place]]:
        """Place entities created for events, in first-use order."""
        return self._added.items()


def _place_entity_id(place: Place) -> str:
    if place.geonameid is not None:
        return f"place:{place.geonameid}"
    return "place:" + _SLUG.sub("-", place.name.lower()).strip("-")


class _EventBuilder:
    """Turns Event records into contract dicts, slicing quotes from the articles."""

    def __init__(
        self, articles: dict[str, Article], timeline: Timeline, place_ids: _PlaceIds, notes: Iterable[CrossEventNote]
    ) -> None:
        self._articles = articles
        self._timeline = timeline
        self._story_outlets = outlets_by_story(timeline)
        self._notes: dict[str, list[CrossEventNote]] = {}
        for note in notes:
            self._notes.setdefault(note.first_event, []).append(note)
            self._notes.setdefault(note.second_event, []).append(note)
        self._entity_names = {entity.id: entity.name for entity in timeline.entities}
        self._place_ids = place_ids
        self._unknown_articles: set[str] = set()

    def event(self, event: Event) -> dict[str, Any]:
        """One contract event with its sources, figures and conflicts."""
        sources = [self._source(mention) for mention in event.mentions]
        outlets = sorted({source["outlet"] for source in sources if source["outlet"]})
        comparison = compare_sources(event, self._timeline, self._story_outlets)
        return {
            "id": event.id,
            "date": _date(event.date),
            "title": event.title,
            "summary": event.summary,
            "type": event.type,
            "place": self._place_ids.of(event),
            "place_name": event.place.name if event.place else None,
            "participants": [
                {"entity": entity_id, "role": role, "name": self._entity_names.get(entity_id)}
                for role, entity_id in event.participants
            ],
            "figures": [self._figure(figure) for figure in event.figures],
            "sources": sources,
            "outlets": outlets,
            "conflicts": [self._conflict(conflict) for conflict in event.conflicts],
            "agreements": [
                {
                    "about": f"figure:{measure(first)}",
                    "verdict": verdict.verdict,
                    "figure": self._figure(first),
                    "other_figure": self._figure(second),
                    "note": verdict.note,
                }
                for first, second, verdict in comparison.figures
                if verdict.verdict in settings.AGREEMENT_VERDICTS
            ],
            "not_reported_by": list(comparison.not_reported_by),
            "figure_notes": [self._figure_note(event.id, note) for note in self._notes.get(event.id, ())],
            "confidence": round(float(event.confidence), settings.CONFIDENCE_DECIMALS),
            "story": event.story,
        }

    def _outlet(self, article_id: str) -> str | None:
        article = self._articles.get(article_id)
        return article.outlet if article else None

    def _slice(self, article_id: str, start: int, end: int, expected: str | None = None) -> str:
        """The article text in [start, end); warns when the article is unknown or the text differs."""
        article = self._articles.get(article_id)
        if article is None:
            if article_id not in self._unknown_articles:
                self._unknown_articles.add(article_id)
                LOGGER.warning("provenance points to unknown article %r", article_id)
            return expected or ""
        quote = article.text[start:end]
        if expected is not None and quote != expected:
            LOGGER.debug("span %s[%d:%d] is %r, record says %r", article_id, start, end, quote, expected)
        return quote

    def _source(self, mention: EventMention) -> dict[str, Any]:
        timex = mention.date_timex
        place = mention.place
        return {
            "mention_id": mention.id,
            "article_id": mention.article_id,
            "outlet": self._outlet(mention.article_id),
            "quote": self._slice(mention.article_id, mention.sentence_start, mention.sentence_end),
            "char_start": mention.sentence_start,
            "char_end": mention.sentence_end,
            "trigger": mention.trigger,
            "trigger_start": mention.trigger_start,
            "trigger_end": mention.trigger_end,
            "type": mention.type,
            "date": _date(mention.date),
            "date_text": timex.text if timex else None,
            "date_start": timex.start if timex else None,
            "date_end": timex.end if timex else None,
            "place_text": place.text if place else None,
            "place_start": place.start if place else None,
            "place_end": place.end if place else None,
            "modality": mention.modality,
            "background": mention.background,
            "attributed_to": mention.attribution.source if mention.attribution else None,
            "attribution": _attribution(mention.attribution),
            "figures": [self._figure(figure) for figure in mention.figures],
        }

    def _figure(self, figure: Figure) -> dict[str, Any]:
        attribution = figure.attributed_to
        return {
            "what": figure.what,
            "value": figure.value,
            "value_max": figure.value_max,
            "mod": figure.mod,
            "attributed_to": attribution.source if attribution else None,
            "via": attribution.via.source if attribution and attribution.via else None,
            "attribution": _attribution(attribution),
            "article_id": figure.article_id,
            "outlet": self._outlet(figure.article_id),
            "quote": self._slice(figure.article_id, figure.start, figure.end, figure.text),
            "char_start": figure.start,
            "char_end": figure.end,
        }

    def _figure_note(self, event_id: str, note: CrossEventNote) -> dict[str, Any]:
        """A figure of this event next to a comparable one of a nearby event, and why they differ."""
        own, other, other_event = (
            (note.first, note.second, note.second_event) if note.first_event == event_id
            else (note.second, note.first, note.first_event))
        return {
            "other_event": other_event,
            "figure": self._figure(own),
            "other_figure": self._figure(other),
            "relation": "different_events",
            "note": note.note,
        }

    def _conflict(self, conflict: Conflict) -> dict[str, Any]:
        return {
            "about": conflict.about,
            "claims": [
                {"article_id": article_id, "outlet": self._outlet(article_id), "says": says}
                for article_id, says in conflict.claims
            ],
            "note": conflict.note,
        }


def _date(date: DateValue | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {"value": date.value, "precision": date.precision, "approximate": date.approximate}


def _attribution(attribution: Attribution | None) -> dict[str, Any] | None:
    """Nested attribution with its own span ("SOHR said" via "according to Sky News")."""
    if attribution is None:
        return None
    return {
        "name": attribution.source,
        "cue": attribution.cue,
        "char_start": attribution.start,
        "char_end": attribution.end,
        "via": _attribution(attribution.via),
    }
