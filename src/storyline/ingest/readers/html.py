"""HTML pages: trafilatura for text, title, site name and canonical URL; htmldate for the date."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from storyline.ingest import settings
from storyline.ingest.dates import parse_date_value
from storyline.ingest.decode import normalise_text
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.outlets import display_outlet
from storyline.ingest.readers.common import decode_payload
from storyline.ingest.readers.options import ReadOptions
from storyline.model import Rejection

LOGGER = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)


def read_html(payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Read an HTML page as one article."""
    if payload.charset is None:
        declared = _META_CHARSET.search(payload.data[:4096])
        if declared:
            payload = Payload(
                payload.source,
                payload.name,
                payload.data,
                declared.group(1).decode("ascii"),
                payload.extension,
            )
    decoded = decode_payload(payload)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    yield extract_html(decoded.text, payload.source, name=payload.name, notes=decoded.notes)


def extract_html(
    html: str,
    source: str,
    *,
    url: str | None = None,
    name: str | None = None,
    notes: tuple[str, ...] = (),
) -> Draft | Rejection:
    """Main text and metadata of an HTML page; a rejection when it holds no text."""
    fields = _extract(html, url, favor_recall=False) or _extract(html, url, favor_recall=True)
    if fields is None:
        return Rejection(source, "empty-text", "no article text found in the HTML")
    title = _clean(fields.get("title"))
    text = _drop_leading_title(normalise_text(str(fields["text"])), title)
    sitename = _clean(fields.get("sitename"))
    published = parse_date_value(_html_date(html, url))
    return Draft(
        source=source,
        text=text,
        title=title,
        outlet=display_outlet(sitename) if sitename else None,
        url=_clean(fields.get("url")) or url,
        published=published,
        published_source="metadata" if published else "unknown",
        language=_clean(fields.get("language")),
        notes=notes,
        manifest_name=name,
    )


def _extract(html: str, url: str | None, *, favor_recall: bool) -> dict[str, Any] | None:
    """trafilatura's text and metadata as a dict, or None when it finds no text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_recall=favor_recall
    )
    if document is None:
        return None
    fields = document if isinstance(document, dict) else document.as_dict()
    return fields if str(fields.get("text") or "").strip() else None


def _html_date(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(
            html, url=url, original_date=True, extensive_search=settings.HTMLDATE_EXTENSIVE_SEARCH
        )
    except (ValueError, TypeError) as error:
        LOGGER.debug("htmldate failed: %s", error)
        return None


def _drop_leading_title(text: str, title: str | None) -> str:
    if title:
        first, sep, rest = text.partition("\n")
        if sep and " ".join(first.split()) == title:
            return rest.lstrip("\n")
    return text


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None
