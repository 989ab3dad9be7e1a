"""WARC archives (FastWARC, else warcio): one article per HTML response or resource record.

Records that are not HTML (images, scripts, robots.txt) are skipped: they are not articles.
The WARC-Date is the crawl date, not the publication date, so it is only noted.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

from storyline.ingest.decode import DecodeError, decode
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.readers.html import extract_html
from storyline.ingest.readers.options import ReadOptions
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.IGNORECASE)


def read_warc(payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Read the HTML pages archived in a WARC file."""
    try:
        records = list(_records(payload.data))
    except ImportError:
        yield Rejection(payload.source, "unsupported", "WARC needs FastWARC or warcio installed")
        return
    except Exception as error:  # both libraries raise their own types on corrupt archives
        yield Rejection(payload.source, "bad-warc", f"{type(error).__name__}: {error}")
        return
    if not records:
        yield Rejection(payload.source, "empty-text", "no HTML response records in the WARC")
        return
    for number, (url, content_type, crawl_date, body) in enumerate(records, start=1):
        source = f"{payload.source}#{number}"
        declared = _CHARSET.search(content_type)
        try:
            decoded = decode(body, declared.group(1) if declared else None)
        except DecodeError as error:
            yield Rejection(source, error.reason, error.detail)
            continue
        notes = (*decoded.notes, f"crawled {crawl_date}") if crawl_date else decoded.notes
        yield extract_html(decoded.text, source, url=url, notes=notes)


def _records(data: bytes) -> Iterator[tuple[str | None, str, str | None, bytes]]:
    try:
        yield from _fastwarc_records(data)
    except ImportError:
        yield from _warcio_records(data)


def _fastwarc_records(data: bytes) -> Iterator[tuple[str | None, str, str | None, bytes]]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource
    stream = io.BytesIO(data)
    for record in ArchiveIterator(stream, record_types=wanted, parse_http=True, fsspec_args=False):
        headers = record.headers
        is_response = record.record_type == WarcRecordType.response
        content_type = (
            (record.http_headers.get("Content-Type") if record.http_headers else None)
            if is_response
            else headers.get("Content-Type")
        ) or ""
        body = record.reader.read()
        if _is_html(content_type, body):
            yield headers.get("WARC-Target-URI"), content_type, headers.get("WARC-Date"), body


def _warcio_records(data: bytes) -> Iterator[tuple[str | None, str, str | None, bytes]]:
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(io.BytesIO(data)):
        if record.rec_type not in ("response", "resource"):
            continue
        headers = record.rec_headers
        if record.rec_type == "response" and record.http_headers is not None:
            content_type = record.http_headers.get_header("Content-Type") or ""
        else:
            content_type = headers.get_header("Content-Type") or ""
        body = record.content_stream().read()
        if _is_html(content_type, body):
            yield (
                headers.get_header("WARC-Target-URI"),
                content_type,
                headers.get_header("WARC-Date"),
                body,
            )


def _is_html(content_type: str, body: bytes) -> bool:
    if "html" in content_type.lower():
        return True
    return not content_type and b"<html" in body[:2048].lower()
