"""Helpers shared by the readers: decoding a payload, and a draft from a mapped record."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from storyline.ingest.dates import parse_date_value
from storyline.ingest.decode import DecodedText, DecodeError, decode, normalise_text
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.outlets import display_outlet
from storyline.ingest.readers.markup import html_to_text, looks_like_html
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)

_NAME_KEYS = ("name", "title", "id")


def decode_payload(payload: Payload) -> DecodedText | Rejection:
    """The payload's text, or a rejection when it is binary or of unknown encoding."""
    try:
        return decode(payload.data, payload.charset)
    except DecodeError as error:
        return Rejection(payload.source, error.reason, error.detail)


def draft_from_record(
    record: Mapping[str, object],
    columns: Mapping[str, str],
    source: str,
    notes: tuple[str, ...] = (),
) -> Draft | Rejection:
    """A draft from one JSON record or table row, given which column holds each field."""
    text_column = columns.get("text")
    raw_text = record.get(text_column) if text_column else None
    if raw_text is None:
        detail = (
            f"no {text_column!r} value"
            if text_column
            else "no text field among: " + ", ".join(sorted(map(str, record))[:12])
        )
        return Rejection(source, "missing-text", detail)
    extra: list[str] = list(notes)
    published = None
    raw_date = _value(record, columns.get("published"))
    if raw_date is not None and str(raw_date).strip():
        published = parse_date_value(raw_date)
        if published is None:
            extra.append(f"unreadable date {str(raw_date)[:40]!r}")
    outlet = _name(_value(record, columns.get("outlet")))
    text = _as_text(raw_text)
    if looks_like_html(text):
        text = html_to_text(text)
        extra.append("text converted from HTML")
    return Draft(
        source=source,
        text=normalise_text(text),
        title=_clean(_value(record, columns.get("title"))),
        outlet=display_outlet(outlet) if outlet else None,
        url=_clean(_value(record, columns.get("url"))),
        published=published,
        published_source="metadata" if published else "unknown",
        language=_clean(_value(record, columns.get("language"))),
        notes=tuple(extra),
    )


def _value(record: Mapping[str, object], column: str | None) -> object:
    return record.get(column) if column else None


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n\n".join(_as_text(part) for part in value if part is not None)
    if isinstance(value, Mapping):
        for key in ("text", "value", "content", "body"):
            if key in value:
                return _as_text(value[key])
    return str(value)


def _name(value: object) -> str | None:
    if isinstance(value, Mapping):
        value = next((value[k] for k in _NAME_KEYS if value.get(k)), None)
    return _clean(value)


def _clean(value: object) -> str | None:
    if value is None or isinstance(value, (Mapping, list, tuple)):
        return None
    text = " ".join(normalise_text(str(value)).split())
    return text or None
