"""What the report's map draws: one marker per place, which of them to label, and where to look.

A corpus about one war also mentions Washington, Moscow and Geneva; fitting the map to every
place would shrink the war to a dot. The map therefore opens on the box that holds the central
mass of events (weighted quantiles of longitude and latitude), with a button for the whole world.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from storyline.export import settings

LOGGER = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # west, south, east, north in degrees


def map_config(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Markers, the focus box and the label budget for the view-model events."""
    points = map_points(events)
    return {
        "points": points,
        "focus": focus_box(points),
        "max_labels": settings.MAP_MAX_LABELS,
    }


def map_points(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One marker per place with coordinates, listing its events; busiest places first."""
    points: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for event in events:
        if event["lat"] is None or event["lon"] is None:
            continue
        point = points.setdefault(
            event["place_id"],
            {
                "place_id": event["place_id"],
                "name": event["place"],
                "lat": event["lat"],
                "lon": event["lon"],
                "conflict": False,
                "events": [],
            },
        )
        point["conflict"] = point["conflict"] or bool(event["conflicts"])
        point["events"].append(
            {
                "id": event["id"],
                "anchor": event["anchor"],
                "label": f"{event['date_label']}: {event['title']}",
            }
        )
    return sorted(points.values(), key=lambda point: -len(point["events"]))


def focus_box(points: list[dict[str, Any]]) -> Box | None:
    """The box around the central mass of events, padded and at least MAP_MIN_SPAN_DEGREES wide."""
    if not points:
        return None
    weights = [len(point["events"]) for point in points]
    west, east = _weighted_range([point["lon"] for point in points], weights)
    south, north = _weighted_range([point["lat"] for point in points], weights)
    west, east = _padded(west, east, -180.0, 180.0)
    south, north = _padded(south, north, -85.0, 85.0)
    return (round(west, 3), round(south, 3), round(east, 3), round(north, 3))


def _weighted_range(values: list[float], weights: list[int]) -> tuple[float, float]:
    """The values at the MAP_FOCUS_QUANTILE and 1 - MAP_FOCUS_QUANTILE weighted quantiles."""
    pairs = sorted(zip(values, weights, strict=True))
    total = sum(weights)
    low_target, high_target = total * settings.MAP_FOCUS_QUANTILE, total * (1 - settings.MAP_FOCUS_QUANTILE)
    low = high = pairs[0][0]
    running = 0
    for value, weight in pairs:
        if running <= low_target:
            low = value
        running += weight
        high = value
        if running >= high_target:
            break
    return low, high


def _padded(low: float, high: float, floor: float, ceiling: float) -> tuple[float, float]:
    extra = max(settings.MAP_MIN_SPAN_DEGREES - (high - low), 0.0) / 2 + (high - low) * settings.MAP_PADDING
    return max(low - extra, floor), min(high + extra, ceiling)
