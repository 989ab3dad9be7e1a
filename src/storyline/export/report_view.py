"""The view model of ``report.html``: plain dicts built from the contract, one per thing on the page.

All values stay raw strings here; the Jinja template escapes them (autoescape), so article text
never reaches the page unescaped.
"""

from __future__ import annotations

import logging
from collections import Counter, OrderedDict
from typing import Any

from storyline.export.dates import date_interval, date_label
from storyline.export.formatting import attribution_chain, format_figure, format_number, labels
from storyline.export.highlight import segments, source_spans
from storyline.export.map_view import map_config

LOGGER = logging.getLogger(__name__)


def build_view(contract: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows about the timeline (the run summary is added by the caller)."""
    articles = {article["id"]: article for article in contract["articles"]}
    entities = {entity["id"]: entity for entity in contract["entities"]}
    events = [_event(event, articles, entities) for event in contract["events"]]
    undated = [_event(event, articles, entities) for event in contract["undated"]]
    everything = events + undated
    cited = Counter(
        article_id for event in everything for article_id in {s["article_id"] for s in event["sources"]}
    )
    return {
        "events": events,
        "undated": undated,
        "outlets": sorted({outlet for event in everything for outlet in event["outlets"]}),
        "types": sorted({event["type"] for event in everything if event["type"]}),
        "places": sorted(
            {(e["place_id"], e["place"]) for e in everything if e["place_id"]}, key=lambda p: p[1]
        ),
        "articles": [_article(article, cited) for article in contract["articles"]],
        "stats": _stats(contract, everything),
        "map": map_config(everything),
        "first_date": events[0]["date_label"] if events else None,
        "last_date": events[-1]["date_label"] if events else None,
    }


def _event(event: dict[str, Any], articles: dict[str, Any], entities: dict[str, Any]) -> dict[str, Any]:
    date = event.get("date") or {}
    interval = date_interval(date.get("value")) if date else None
    place = entities.get(event.get("place") or "") or {}
    conflict_topics = {conflict["about"] for conflict in event["conflicts"]}
    anchor = _event_anchor(event["id"])
    sources = [
        _source(source, articles, f"{anchor}-s{index}") for index, source in enumerate(event["sources"])
    ]
    return {
        "id": event["id"],
        "anchor": anchor,
        "date_value": date.get("value"),
        "date_label": date_label(date.get("value"), bool(date.get("approximate")))
        if date
        else labels()["undated"],
        "precision": date.get("precision"),
        "date_start": interval[0] if interval else "",
        "date_end": interval[1] if interval else "",
        "year": date.get("value", "")[:4] if date else "",
        "type": event.get("type") or "",
        "title": event.get("title") or "",
        "summary": event.get("summary") or "",
        "place": place.get("name") or event.get("place_name") or "",
        "place_id": event.get("place") or "",
        "place_detail": ", ".join(str(x) for x in (place.get("admin1"), place.get("country")) if x),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "participants": [
            {
                "name": p.get("name") or (entities.get(p["entity"]) or {}).get("name") or p["entity"],
                "role": p["role"],
            }
            for p in event["participants"]
        ],
        "outlets": event.get("outlets", []),
        "confidence": event.get("confidence"),
        "story": event.get("story"),
        "sources": sources,
        "source_groups": _source_groups(sources),
        "figure_table": _figure_table(event, sources, conflict_topics),
        "conflicts": [_conflict(conflict, sources) for conflict in event["conflicts"]],
        "not_reported_by": event.get("not_reported_by", []),
        "agreements": [
            {"about": item["about"].removeprefix("figure:"), "verdict": item["verdict"], "note": item["note"]}
            for item in event.get("agreements", [])
        ],
        "figure_notes": [
            {"note": note["note"], "other_anchor": _event_anchor(note["other_event"])}
            for note in event.get("figure_notes", [])
        ],
    }


def _event_anchor(event_id: str) -> str:
    return "event-" + "".join(ch if ch.isalnum() else "-" for ch in event_id)


def _source_groups(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sources grouped by article, in order of first mention: one column per article on the page."""
    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for source in sources:
        group = groups.setdefault(
            source["article_id"],
            {
                "article_id": source["article_id"],
                "outlet": source["outlet"],
                "published": source["published"],
                "article_title": source["article_title"],
                "sources": [],
            },
        )
        group["sources"].append(source)
    return list(groups.values())


def _source_anchor(sources: list[dict[str, Any]], article_id: str, start: int | None = None) -> str | None:
    """Anchor of the source card that quotes ``article_id`` (and contains offset ``start``, if given)."""
    candidates = [source for source in sources if source["article_id"] == article_id]
    if start is not None:
        inside = [s for s in candidates if s["char_start"] <= start < s["char_end"]]
        candidates = inside or candidates
    return candidates[0]["anchor"] if candidates else None


def _conflict(conflict: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "about": conflict["about"],
        "note": conflict.get("note") or "",
        "claims": [
            {
                "outlet": claim.get("outlet") or claim["article_id"],
                "says": claim.get("says") or "",
                "anchor": _source_anchor(sources, claim["article_id"]),
            }
            for claim in conflict.get("claims", [])
        ],
    }


def _source(source: dict[str, Any], articles: dict[str, Any], anchor: str) -> dict[str, Any]:
    article = articles.get(source["article_id"], {})
    return {
        "anchor": anchor,
        "article_id": source["article_id"],
        "outlet": source.get("outlet") or labels()["unknown_outlet"],
        "article_title": article.get("title") or "",
        "published": article.get("published"),
        "segments": segments(source["quote"], source["char_start"], source_spans(source)),
        "char_start": source["char_start"],
        "char_end": source["char_end"],
        "trigger": source.get("trigger"),
        "date_text": source.get("date_text"),
        "date_label": date_label(source["date"]["value"], source["date"]["approximate"])
        if source.get("date")
        else "",
        "modality": labels()["modality"].get(source.get("modality") or "", source.get("modality") or ""),
        "attribution": attribution_chain(source.get("attribution")),
        "background": bool(source.get("background")),
    }


def _figure_table(
    event: dict[str, Any], sources: list[dict[str, Any]], conflict_topics: set[str]
) -> dict[str, Any]:
    """Figures side by side: one row per thing counted, one column per source article."""
    columns: OrderedDict[str, str] = OrderedDict()
    for source in event["sources"]:
        columns.setdefault(source["article_id"], source.get("outlet") or labels()["unknown_outlet"])
    rows: OrderedDict[str, dict[str, list[dict[str, Any]]]] = OrderedDict()
    for figure in event["figures"]:
        columns.setdefault(figure["article_id"], figure.get("outlet") or labels()["unknown_outlet"])
        cell = rows.setdefault(figure["what"], {}).setdefault(figure["article_id"], [])
        cell.append(
            {
                "text": format_figure(figure, with_attribution=False).split(": ", 1)[-1],
                "attribution": attribution_chain(figure.get("attribution")),
                "quote": figure.get("quote") or "",
                "span": f"{figure['article_id']} [{figure['char_start']}:{figure['char_end']}]",
                "anchor": _source_anchor(sources, figure["article_id"], figure["char_start"]),
            }
        )
    table_rows = []
    for what, cells in rows.items():
        values = {(f["text"]) for cell in cells.values() for f in cell}
        table_rows.append(
            {
                "what": what,
                "cells": [cells.get(article_id, []) for article_id in columns],
                "conflict": f"figure:{what}" in conflict_topics or "figure" in conflict_topics,
                "differs": len(values) > 1,
            }
        )
    return {"columns": list(columns.values()), "rows": table_rows}


def _article(article: dict[str, Any], cited: Counter[str]) -> dict[str, Any]:
    return {
        "id": article["id"],
        "outlet": article.get("outlet") or labels()["unknown_outlet"],
        "title": article.get("title") or "",
        "url": article.get("url") or "",
        "published": article.get("published") or "",
        "published_source": article.get("published_source") or "",
        "events": cited[article["id"]],
    }


def _stats(contract: dict[str, Any], events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        ("articles", format_number(len(contract["articles"]))),
        ("dated events", format_number(len(contract["events"]))),
        ("undated events", format_number(len(contract["undated"]))),
        ("outlets", format_number(len({o for e in events for o in e["outlets"]}))),
        ("places", format_number(len({e["place_id"] for e in events if e["place_id"]}))),
        ("conflicts", format_number(sum(len(e["conflicts"]) for e in events))),
    ]
