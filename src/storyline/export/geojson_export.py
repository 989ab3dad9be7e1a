"""``events.geojson``: a FeatureCollection with one Point ``[lon, lat]`` per placed event."""

from __future__ import annotations

import logging
from typing import Any

from storyline.export.formatting import format_figure

LOGGER = logging.getLogger(__name__)


def events_geojson(contract: dict[str, Any]) -> dict[str, Any]:
    """GeoJSON (RFC 7946) for the events of a contract dict whose place has coordinates."""
    places = {entity["id"]: entity for entity in contract["entities"]}
    features: list[dict[str, Any]] = []
    unplaced = 0
    for event in [*contract["events"], *contract["undated"]]:
        place = places.get(event.get("place") or "")
        if not place or place.get("lat") is None or place.get("lon") is None:
            unplaced += 1
            continue
        features.append(_feature(event, place))
    LOGGER.debug("geojson: %d placed events, %d without coordinates", len(features), unplaced)
    return {"type": "FeatureCollection", "features": features}


def _feature(event: dict[str, Any], place: dict[str, Any]) -> dict[str, Any]:
    date = event.get("date") or {}
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": {
            "id": event["id"],
            "date": date.get("value"),
            "precision": date.get("precision"),
            "approximate": date.get("approximate"),
            "type": event.get("type"),
            "title": event.get("title"),
            "summary": event.get("summary"),
            "place": place.get("name"),
            "place_id": place["id"],
            "geonameid": place.get("geonameid"),
            "country": place.get("country"),
            "admin1": place.get("admin1"),
            "outlets": event.get("outlets", []),
            "n_sources": len(event["sources"]),
            "figures": [format_figure(figure) for figure in event["figures"]],
            "n_conflicts": len(event["conflicts"]),
            "confidence": event.get("confidence"),
            "story": event.get("story"),
        },
    }
