"""RSS and Atom feeds (feedparser): one article per entry, from its content or summary."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator

from storyline.ingest.decode import normalise_text
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.outlets import display_outlet, outlet_from_url
from storyline.ingest.readers.markup import html_to_text
from storyline.ingest.readers.options import ReadOptions
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)


def read_feed(payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Read every entry of a feed."""
    import feedparser

    parsed = feedparser.parse(payload.data)
    if not parsed.entries:
        reason = "bad-feed" if parsed.get("bozo") else "empty-text"
        yield Rejection(
            payload.source, reason, str(parsed.get("bozo_exception") or "feed has no entries")
        )
        return
    channel = parsed.get("feed", {})
    channel_outlet = outlet_from_url(channel.get("link") or "") or _clean(channel.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        source = f"{payload.source}#{number}"
        html = _entry_html(entry)
        text = html_to_text(html) if html else ""
        link = _clean(entry.get("link"))
        published = _entry_date(entry)
        outlet = (outlet_from_url(link) if link else None) or channel_outlet
        yield Draft(
            source=source,
            text=normalise_text(text),
            title=_clean(entry.get("title")),
            outlet=display_outlet(outlet) if outlet else None,
            url=link,
            published=published,
            published_source="metadata" if published else "unknown",
            language=_clean(channel.get("language")),
        )


def _entry_html(entry: dict) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None
