"""``events.csv``: one row per event (dated first, in time order, then undated), for spreadsheets."""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

from storyline.export import settings
from storyline.export.formatting import format_conflict, format_figure

LOGGER = logging.getLogger(__name__)

COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "precision",
    "approximate",
    "type",
    "title",
    "summary",
    "place",
    "place_id",
    "lat",
    "lon",
    "outlets",
    "n_sources",
    "figures",
    "conflicts",
    "confidence",
    "first_source_article_id",
    "first_source_quote",
)


def events_csv(contract: dict[str, Any]) -> str:
    """The CSV text (header + one row per event) for a ``storyline/1`` contract dict."""
    places = {entity["id"]: entity for entity in contract["entities"]}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in [*contract["events"], *contract["undated"]]:
        writer.writerow(_row(event, places.get(event.get("place") or "")))
    return buffer.getvalue()


def _row(event: dict[str, Any], place: dict[str, Any] | None) -> dict[str, Any]:
    date = event.get("date") or {}
    first = event["sources"][0] if event["sources"] else {}
    quote = first.get("quote") or ""
    if len(quote) > settings.CSV_QUOTE_MAX_CHARS:
        quote = quote[: settings.CSV_QUOTE_MAX_CHARS - 1].rstrip() + "…"
    return {
        "id": event["id"],
        "date": date.get("value", ""),
        "precision": date.get("precision", ""),
        "approximate": str(bool(date.get("approximate"))).lower() if date else "",
        "type": _text(event.get("type")),
        "title": _text(event.get("title")),
        "summary": _text(event.get("summary")),
        "place": _text((place or {}).get("name") or event.get("place_name")),
        "place_id": _text(event.get("place")),
        "lat": _coordinate((place or {}).get("lat")),
        "lon": _coordinate((place or {}).get("lon")),
        "outlets": _text("; ".join(event.get("outlets", []))),
        "n_sources": len(event["sources"]),
        "figures": _text("; ".join(format_figure(figure) for figure in event["figures"])),
        "conflicts": _text("; ".join(format_conflict(conflict) for conflict in event["conflicts"])),
        "confidence": event.get("confidence", ""),
        "first_source_article_id": _text(first.get("article_id")),
        "first_source_quote": _text(quote),
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else str(value)


def _text(value: Any) -> str:
    """A text cell, neutralised against spreadsheet formula injection (article text is untrusted)."""
    text = "" if value is None else " ".join(str(value).split())
    if text.startswith(settings.CSV_FORMULA_PREFIXES):
        return "'" + text
    return text
