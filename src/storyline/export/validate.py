"""Checks that a ``storyline/1`` dict keeps its promises: ids resolve, spans slice to their quotes,
dated events are in time order. Used by the tests; handy for anyone who edits a timeline.json."""

from __future__ import annotations

import logging
from typing import Any

from storyline.export import settings

LOGGER = logging.getLogger(__name__)


def contract_problems(contract: dict[str, Any]) -> list[str]:
    """Every broken promise of the contract, as readable lines (empty when the dict is sound)."""
    problems: list[str] = []
    if contract.get("format") != settings.FORMAT:
        problems.append(f"format is {contract.get('format')!r}, not {settings.FORMAT!r}")
    texts = {article["id"]: article.get("text") for article in contract.get("articles", [])}
    entity_ids = {entity["id"] for entity in contract.get("entities", [])}
    previous = ""
    for event in contract.get("events", []):
        if event.get("date") is None:
            problems.append(f"{event['id']}: dated list holds an event without a date")
            continue
        if event["date"]["value"] < previous:
            problems.append(f"{event['id']}: {event['date']['value']} comes after {previous}")
        previous = event["date"]["value"]
    for event in contract.get("undated", []):
        if event.get("date") is not None:
            problems.append(f"{event['id']}: undated list holds a dated event")
    for event in [*contract.get("events", []), *contract.get("undated", [])]:
        problems.extend(_event_problems(event, texts, entity_ids))
    return problems


def _event_problems(event: dict[str, Any], texts: dict[str, str | None], entity_ids: set[str]) -> list[str]:
    where = event["id"]
    problems: list[str] = []
    if event.get("place") and event["place"] not in entity_ids:
        problems.append(f"{where}: place {event['place']!r} is not an entity")
    for participant in event.get("participants", []):
        if participant["entity"] not in entity_ids:
            problems.append(f"{where}: participant {participant['entity']!r} is not an entity")
    if not event.get("sources"):
        problems.append(f"{where}: no sources")
    figures = [
        *event.get("figures", []),
        *(f for s in event.get("sources", []) for f in s.get("figures", [])),
    ]
    for item in [*event.get("sources", []), *figures]:
        problems.extend(_span_problems(where, item, texts))
    for note in [*event.get("figure_notes", []), *event.get("agreements", [])]:
        for item in (note["figure"], note["other_figure"]):
            problems.extend(_span_problems(where, item, texts))
    for conflict in event.get("conflicts", []):
        for claim in conflict.get("claims", []):
            if claim["article_id"] not in texts:
                problems.append(f"{where}: conflict claim cites unknown article {claim['article_id']!r}")
    return problems


def _span_problems(where: str, item: dict[str, Any], texts: dict[str, str | None]) -> list[str]:
    article_id = item.get("article_id")
    if article_id not in texts:
        return [f"{where}: unknown article {article_id!r}"]
    text = texts[article_id]
    if text is None:
        return []  # the article text was left out of this file; nothing to check against
    start, end = item.get("char_start"), item.get("char_end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return [f"{where}: span [{start}:{end}] outside article {article_id!r}"]
    if text[start:end] != item.get("quote"):
        return [
            f"{where}: {article_id}[{start}:{end}] is {text[start:end]!r}, quote is {item.get('quote')!r}"
        ]
    return []
