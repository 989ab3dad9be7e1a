"""Plain text files: one article each.

A leading block of ``Key: value`` lines (``Title:``, ``Source:``, ``Date:``, ``URL:``...),
followed by a blank line, is read as the file's metadata. The headline, dateline and credit
lines are read later (``finalise``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from storyline.ingest.dates import parse_date_value
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.fields import ARTICLE_FIELDS, column_key
from storyline.ingest.outlets import display_outlet
from storyline.ingest.readers.common import decode_payload
from storyline.ingest.readers.options import ReadOptions
from storyline.ingest.resources import field_names
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*?)\s*$")
_MAX_HEADER_LINES = 20


def read_text(payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Read a plain-text article."""
    decoded = decode_payload(payload)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    header, body = split_header_block(decoded.text)
    published = parse_date_value(header.get("published")) if header.get("published") else None
    notes = decoded.notes
    if header.get("published") and published is None:
        notes = (*notes, f"unreadable date {header['published'][:40]!r}")
    outlet = header.get("outlet")
    yield Draft(
        source=payload.source,
        text=body,
        title=header.get("title"),
        outlet=display_outlet(outlet) if outlet else None,
        url=header.get("url"),
        published=published,
        published_source="metadata" if published else "unknown",
        language=header.get("language"),
        notes=notes,
        manifest_name=payload.name,
        plain=True,
    )


def split_header_block(text: str) -> tuple[dict[str, str], str]:
    """``({field: value}, body)`` for a text that starts with a metadata block, else ``({}, text)``.

    Every line of the block must be ``Key: value`` with a known key, and a blank line must
    follow it.
    """
    lines = text.lstrip("\ufeff\n").split("\n")
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[: _MAX_HEADER_LINES + 1]):
        if not line.strip():
            body = "\n".join(lines[number + 1 :])
            return (fields, body) if fields and body.strip() else ({}, text)
        match = _HEADER_LINE.match(line)
        if match is None:
            return {}, text
        field = _header_field(match.group(1))
        if field is None:
            return {}, text
        if field != "ignored" and match.group(2) and field not in fields:
            fields[field] = match.group(2)
    return {}, text


def _header_field(key: str) -> str | None:
    """The article field a header key names, "ignored" for allowed keys, None for others."""
    wanted = column_key(key)
    names = field_names()
    for field in ARTICLE_FIELDS:
        if field != "text" and wanted in names[field]:
            return field
    return "ignored" if wanted in names["_header_ignored"] else None
