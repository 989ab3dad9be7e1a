"""CSV and TSV tables: one article per row (rows may span lines; any delimiter csv can sniff)."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator

from storyline.ingest import settings
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.readers.common import decode_payload, draft_from_record
from storyline.ingest.readers.options import ReadOptions
from storyline.ingest.sniff import table_dialect
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)


def read_table(payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Read a CSV/TSV file; rows without text, or cut short before the text column, are rejected."""
    decoded = decode_payload(payload)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    csv.field_size_limit(settings.CSV_FIELD_LIMIT)
    text = decoded.text
    rows = csv.reader(
        io.StringIO(text, newline=""),
        table_dialect(text[: settings.SNIFF_CHARS], payload.extension),
    )
    try:
        header = next(rows)
    except (StopIteration, csv.Error):
        yield Rejection(payload.source, "empty-text", "no header row")
        return
    columns = options.fields.resolve(header)
    if "text" not in columns:
        yield Rejection(
            payload.source, "missing-text", "no text column among: " + ", ".join(header[:20])
        )
        return
    text_index = header.index(columns["text"])
    number = 0
    yielded = 0
    try:
        for number, row in enumerate(rows, start=1):
            if not any(cell.strip() for cell in row):
                continue
            yielded += 1
            yield _row_draft(payload, header, row, number, text_index, columns, decoded.notes)
    except csv.Error as error:
        yielded += 1
        yield Rejection(
            f"{payload.source}#{number + 1}", "bad-csv", f"{error}; rows after it not read"
        )
    if not yielded:
        yield Rejection(payload.source, "empty-text", "the table has a header but no rows")


def _row_draft(
    payload: Payload,
    header: list[str],
    row: list[str],
    number: int,
    text_index: int,
    columns: dict[str, str],
    notes: tuple[str, ...],
) -> Draft | Rejection:
    source = f"{payload.source}#{number}"
    if len(row) <= text_index:
        return Rejection(
            source, "missing-fields", f"row has {len(row)} of {len(header)} fields, no text"
        )
    row_notes = notes
    if len(row) != len(header):
        row_notes = (*notes, f"row has {len(row)} fields, header {len(header)}")
    record = dict(zip(header, row, strict=False))  # short rows keep the fields they have
    return draft_from_record(record, columns, source, row_notes)
