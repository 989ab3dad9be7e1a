"""Maps each sniffed input kind to the reader function that reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from storyline.ingest.draft import Draft, Payload
from storyline.ingest.readers.feed import read_feed
from storyline.ingest.readers.html import read_html
from storyline.ingest.readers.jsonish import read_json
from storyline.ingest.readers.options import ReadOptions
from storyline.ingest.readers.table import read_table
from storyline.ingest.readers.text import read_text
from storyline.ingest.readers.warc import read_warc
from storyline.model import Rejection

Reader = Callable[[Payload, ReadOptions], Iterator[Draft | Rejection]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "json": read_json,
    "table": read_table,
    "warc": read_warc,
}


def reader_for(kind: str) -> Reader | None:
    """The reader of a sniffed kind, or None for kinds that are not read (binary, gzip)."""
    return READERS.get(kind)
