"""Decides what kind of input a payload is from its content (magic bytes, first characters,
HTML/feed tags, CSV header), using the file extension only to break ties."""

from __future__ import annotations

import csv
import functools
import io
import logging
import re

from storyline.ingest import settings
from storyline.ingest.draft import Payload
from storyline.ingest.fields import FieldMapper
from storyline.ingest.resources import load_json

LOGGER = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
_FEED_TAGS = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title|main|section|span|h1|table|br)[\s>/]",
    re.IGNORECASE,
)
# A JSON value starts "{" then a key or "}", or "[" then a value or "]"; "[Updated] ..." is text.
_JSON_START = re.compile(r'^\s*(?:\{\s*["}]|\[\s*(?:[{\["\]]|-?\d|true|false|null))')
_TABLE_DELIMITERS = ",\t;|"
_TABLE_EXTENSIONS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}


@functools.lru_cache(maxsize=1)
def _binary_magic() -> tuple[tuple[bytes, str], ...]:
    table = load_json("magic.json")
    return tuple(
        (bytes.fromhex(key), what) for key, what in table.items() if not key.startswith("_")
    )


def binary_format(head: bytes) -> str | None:
    """The name of a known non-text format the bytes start with, else None."""
    for magic, what in _binary_magic():
        if head.startswith(magic):
            return what
    return None


def sniff(payload: Payload, mapper: FieldMapper) -> str:
    """The kind of a payload: gzip, warc, binary, html, feed, json, table, or text."""
    head = payload.data[: settings.SNIFF_BYTES]
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if binary_format(head):
        return "binary"
    sample = _sample_text(head)
    start = sample.lstrip()[:1]
    if start == "<":
        return "feed" if _FEED_TAGS.search(sample[:2048]) else "html"
    if start in ("{", "[") and _JSON_START.match(sample):
        return "json"
    if looks_like_table(sample, payload.extension, mapper):
        return "table"
    if _HTML_TAGS.search(sample[:1024]):
        return "html"
    return "text"


def table_dialect(sample: str, extension: str = "") -> type[csv.Dialect]:
    """The CSV dialect of a table: Excel quoting, with the delimiter of a .tsv name or sniffed."""
    delimiter = _TABLE_EXTENSIONS.get(extension.lower())
    if delimiter != "\t":
        try:
            delimiter = (
                csv.Sniffer().sniff(_first_lines(sample), delimiters=_TABLE_DELIMITERS).delimiter
            )
        except csv.Error:
            first_line = sample.split("\n", 1)[0]
            delimiter = delimiter or max(_TABLE_DELIMITERS, key=first_line.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter or ","
    return Dialect


def looks_like_table(sample: str, extension: str, mapper: FieldMapper) -> bool:
    """True for a CSV/TSV whose header names a text column (or any table with a .csv/.tsv name)."""
    dialect = table_dialect(sample, extension)
    try:
        header = next(csv.reader(io.StringIO(sample, newline=""), dialect))
    except (csv.Error, StopIteration):
        return False
    if len(header) < settings.MIN_TABLE_COLUMNS:
        return False
    if extension.lower() in _TABLE_EXTENSIONS:
        return True
    return mapper.has_text_column(header)


def _first_lines(sample: str, count: int = 5) -> str:
    return "\n".join(sample.split("\n", count)[:count])


def _sample_text(head: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return head.decode(encoding)
        except UnicodeDecodeError as error:
            # A sample may cut a multi-byte character in half at its end.
            if error.start > len(head) - 4:
                return head[: error.start].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")
