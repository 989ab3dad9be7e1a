"""JSON and JSONL: an article object, an array of them, an object holding such an array
(``{"articles": [...]}``), or one object per line (malformed lines are rejected, the rest read)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping

from storyline.ingest.draft import Draft, Payload
from storyline.ingest.fields import container_keys
from storyline.ingest.readers.common import decode_payload, draft_from_record
from storyline.ingest.readers.options import ReadOptions
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)


def read_json(payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Read a JSON document, or JSONL when the whole is not one JSON value."""
    decoded = decode_payload(payload)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError:
        yield from _read_lines(payload, decoded.text, decoded.notes, options)
        return
    records = _records(document)
    if records is None:
        yield Rejection(
            payload.source, "bad-record", f"JSON {type(document).__name__} holds no article object"
        )
        return
    if not records:
        yield Rejection(payload.source, "empty-text", "empty JSON array")
        return
    single = len(records) == 1 and isinstance(document, Mapping)
    for number, record in enumerate(records, start=1):
        source = payload.source if single else f"{payload.source}#{number}"
        yield _draft(record, source, decoded.notes, options)


def _read_lines(
    payload: Payload, text: str, notes: tuple[str, ...], options: ReadOptions
) -> Iterator[Draft | Rejection]:
    yielded = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        yielded += 1
        source = f"{payload.source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(source, "bad-json", f"{error.msg} at column {error.colno}")
            continue
        yield _draft(record, source, notes, options)
    if not yielded:
        yield Rejection(payload.source, "empty-text", "no JSON lines")


def _records(document: object) -> list[object] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, Mapping):
        for key in container_keys():
            value = document.get(key)
            if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
                return value
        return [document]
    return None


def _draft(
    record: object, source: str, notes: tuple[str, ...], options: ReadOptions
) -> Draft | Rejection:
    if not isinstance(record, Mapping):
        return Rejection(
            source, "bad-record", f"expected a JSON object, got {type(record).__name__}"
        )
    columns = options.fields.resolve(str(key) for key in record)
    return draft_from_record(record, columns, source, notes)
