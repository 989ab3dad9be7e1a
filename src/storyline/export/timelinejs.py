"""``timelinejs.json``: the Knight Lab TimelineJS 3 JSON format.

TimelineJS renders ``headline`` and ``text`` as HTML, so every article-derived string is
HTML-escaped here. Month and day are omitted when the event's precision is coarser.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from storyline.export import settings
from storyline.export.dates import date_label, parse_date_value
from storyline.export.formatting import format_figure

LOGGER = logging.getLogger(__name__)


def timelinejs(contract: dict[str, Any], title: str) -> dict[str, Any]:
    """The TimelineJS document for the dated events of a contract dict (undated ones cannot be placed)."""
    events = [slide for event in contract["events"] if (slide := _slide(event)) is not None]
    skipped = len(contract["events"]) - len(events) + len(contract["undated"])
    if skipped:
        LOGGER.debug("timelinejs: %d events without a calendar date left out", skipped)
    outlets = sorted({article["outlet"] for article in contract["articles"] if article.get("outlet")})
    intro = f"{len(contract['events'])} dated events from {len(contract['articles'])} articles"
    if outlets:
        intro += " (" + ", ".join(outlets) + ")"
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(intro)}},
        "events": events,
    }


def _slide(event: dict[str, Any]) -> dict[str, Any] | None:
    date = event.get("date") or {}
    parts = parse_date_value(date.get("value"))
    if parts is None:
        return None
    start: dict[str, str] = {"year": str(parts.year)}
    if parts.month:
        start["month"] = str(parts.month)
        if parts.day:
            start["day"] = str(parts.day)
            if parts.hour is not None:
                start["hour"] = str(parts.hour)
                start["minute"] = str(parts.minute or 0)
    slide: dict[str, Any] = {
        "unique_id": event["id"],
        "start_date": start,
        "text": {"headline": html.escape(event.get("title") or ""), "text": _body(event)},
        "group": event.get("type") or "",
    }
    if date.get("approximate") or parts.span_years > 1:
        slide["display_date"] = date_label(date.get("value"), bool(date.get("approximate")))
    return slide


def _body(event: dict[str, Any]) -> str:
    """Slide text: summary, figures, then each outlet's quote (all escaped)."""
    parts: list[str] = []
    if event.get("summary"):
        parts.append(f"<p>{html.escape(event['summary'])}</p>")
    if event["figures"]:
        items = "".join(f"<li>{html.escape(format_figure(figure))}</li>" for figure in event["figures"])
        parts.append(f"<ul>{items}</ul>")
    sources = event["sources"]
    for source in sources[: settings.TIMELINEJS_TEXT_MAX_SOURCES]:
        outlet = html.escape(source.get("outlet") or source["article_id"])
        parts.append(f"<blockquote>{html.escape(source['quote'])}<br><cite>{outlet}</cite></blockquote>")
    if len(sources) > settings.TIMELINEJS_TEXT_MAX_SOURCES:
        parts.append(f"<p>and {len(sources) - settings.TIMELINEJS_TEXT_MAX_SOURCES} more sources</p>")
    return "".join(parts)
