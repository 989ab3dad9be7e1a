"""``timeline_from_dict``: the inverse of ``storyline.export.timeline_to_dict``.

``storyline timeline`` re-queries an existing build without re-processing its articles, so it
needs the records back from ``timeline.json``. Everything the contract keeps comes back: articles
(with their text), entities (places with their gazetteer fields), events with their mentions
(one per source), figures with nested attributions, conflicts, confidence and story. What the
contract does not keep (each mention's own participants, the timex type) is left empty or
defaulted; ``timeline_to_dict(timeline_from_dict(d))`` reproduces ``d`` apart from ``generated``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

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
    PlaceMention,
    Timeline,
    Timex,
)

LOGGER = logging.getLogger(__name__)

SUPPORTED_FORMATS = ("storyline/1",)


def load_timeline(path: Path | str) -> Timeline:
    """Read a ``timeline.json`` file (or a build folder containing one) into a ``Timeline``."""
    path = Path(path)
    if path.is_dir():
        path = path / "timeline.json"
    return timeline_from_dict(json.loads(path.read_text(encoding="utf-8")))


def timeline_from_dict(data: dict[str, Any]) -> Timeline:
    """Rebuild the ``Timeline`` records from a ``storyline/1`` contract dict."""
    fmt = data.get("format")
    if fmt not in SUPPORTED_FORMATS:
        raise ValueError(f"unsupported timeline format {fmt!r} (expected one of {SUPPORTED_FORMATS})")
    articles = tuple(_article(record) for record in data.get("articles", []))
    if articles and not any(article.text for article in articles):
        LOGGER.warning("timeline.json has no article text: summaries can only use event quotes")
    entity_records = {record["id"]: record for record in data.get("entities", [])}
    places = {eid: _place(record) for eid, record in entity_records.items() if "geonameid" in record}
    # Place entities that export added for events (``place:<geonameid>``) are not linker entities.
    entities = tuple(
        _entity(record, places.get(record["id"]))
        for record in data.get("entities", [])
        if not (record["id"].startswith("place:") and record.get("type") == "PLACE")
    )
    entity_of_mention: dict[tuple[str, int, int], str] = {}
    events = tuple(_event(record, places, entity_of_mention) for record in data.get("events", []))
    undated = tuple(_event(record, places, entity_of_mention) for record in data.get("undated", []))
    return Timeline(
        articles=articles,
        entities=entities,
        events=events,
        undated=undated,
        entity_of_mention=entity_of_mention,
    )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        LOGGER.debug("unreadable publication date %r", value)
        return None


def _article(record: dict[str, Any]) -> Article:
    return Article(
        id=record["id"],
        text=record.get("text") or "",
        title=record.get("title"),
        outlet=record.get("outlet"),
        url=record.get("url"),
        published=_date(record.get("published")),
        published_source=record.get("published_source") or "unknown",
        source=record.get("source") or "",
        language=record.get("language") or "en",
        notes=tuple(record.get("notes") or ()),
    )


def _place(record: dict[str, Any]) -> Place:
    return Place(
        geonameid=record.get("geonameid"),
        name=record["name"],
        lat=record.get("lat"),
        lon=record.get("lon"),
        country=record.get("country"),
        admin1=record.get("admin1"),
        kind=record.get("kind") or "city",
    )


def _entity(record: dict[str, Any], place: Place | None) -> Entity:
    return Entity(
        id=record["id"],
        name=record["name"],
        type=record.get("type") or "",
        aliases=tuple(record.get("aliases") or ()),
        place=place,
    )


def _date_value(record: dict[str, Any] | None) -> DateValue | None:
    if not record:
        return None
    return DateValue(
        value=record["value"], precision=record.get("precision") or "day", approximate=bool(record.get("approximate"))
    )


def _attribution(record: dict[str, Any] | None) -> Attribution | None:
    if not record:
        return None
    return Attribution(
        source=record["name"],
        start=int(record.get("char_start") or 0),
        end=int(record.get("char_end") or 0),
        cue=record.get("cue") or "",
        via=_attribution(record.get("via")),
    )


def _figure(record: dict[str, Any]) -> Figure:
    return Figure(
        article_id=record["article_id"],
        start=int(record["char_start"]),
        end=int(record["char_end"]),
        text=record.get("quote") or "",
        value=float(record["value"]),
        what=record.get("what") or "",
        mod=record.get("mod"),
        value_max=record.get("value_max"),
        attributed_to=_attribution(record.get("attribution")),
    )


def _mention(source: dict[str, Any], place: Place | None) -> EventMention:
    timex = None
    date = _date_value(source.get("date"))
    if source.get("date_text") is not None and source.get("date_start") is not None:
        timex = Timex(
            start=int(source["date_start"]),
            end=int(source["date_end"]),
            text=source["date_text"],
            type="DATE",
            value=date.value if date else "",
        )
    place_mention = None
    if source.get("place_text") is not None and source.get("place_start") is not None:
        place_mention = PlaceMention(
            article_id=source["article_id"],
            start=int(source["place_start"]),
            end=int(source["place_end"]),
            text=source["place_text"],
            place=place,
        )
    return EventMention(
        id=source.get("mention_id") or f"{source['article_id']}:{source['char_start']}",
        article_id=source["article_id"],
        sentence_start=int(source["char_start"]),
        sentence_end=int(source["char_end"]),
        trigger_start=int(source.get("trigger_start") or source["char_start"]),
        trigger_end=int(source.get("trigger_end") or source["char_start"]),
        trigger=source.get("trigger") or "",
        type=source.get("type") or "",
        date=date,
        date_timex=timex,
        place=place_mention,
        figures=tuple(_figure(figure) for figure in source.get("figures") or ()),
        attribution=_attribution(source.get("attribution")),
        modality=source.get("modality") or "asserted",
        background=bool(source.get("background")),
    )


def _event(
    record: dict[str, Any], places: dict[str, Place], entity_of_mention: dict[tuple[str, int, int], str]
) -> Event:
    place_id = record.get("place")
    place = places.get(place_id) if place_id else None
    if place_id and place is None and record.get("place_name"):
        place = Place(geonameid=None, name=record["place_name"], lat=None, lon=None, country=None, admin1=None)
    mentions = []
    for source in record.get("sources") or ():
        mention = _mention(source, place)
        mentions.append(mention)
        if place_id and mention.place is not None:
            entity_of_mention[(mention.article_id, mention.place.start, mention.place.end)] = place_id
    conflicts = tuple(
        Conflict(
            about=conflict["about"],
            claims=tuple((claim["article_id"], claim.get("says") or "") for claim in conflict.get("claims") or ()),
            note=conflict.get("note") or "",
        )
        for conflict in record.get("conflicts") or ()
    )
    return Event(
        id=record["id"],
        mentions=tuple(mentions),
        type=record.get("type") or "",
        title=record.get("title") or "",
        summary=record.get("summary") or "",
        date=_date_value(record.get("date")),
        place=place,
        participants=tuple((p.get("role") or "", p["entity"]) for p in record.get("participants") or ()),
        figures=tuple(_figure(figure) for figure in record.get("figures") or ()),
        conflicts=conflicts,
        confidence=float(record.get("confidence", 0.5)),
        story=record.get("story"),
    )
