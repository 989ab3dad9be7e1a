"""What a reader found for one article, before the manifest, defaults and checks are applied."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storyline.model import PublishedSource


@dataclass(frozen=True)
class Payload:
    """One input's bytes: a file, a decompressed gzip member, stdin or a WARC record.

    ``source`` names it in rejections and ``Article.source``; ``name`` is the file name a manifest
    keys on (None for stdin); ``charset`` is a declared encoding (HTTP header), if any.
    """

    source: str
    name: str | None
    data: bytes
    charset: str | None = None
    extension: str = ""


@dataclass(frozen=True)
class Draft:
    """An article as read: the text and the metadata the input itself gave.

    ``manifest_name`` is set for single-article inputs (a text or HTML file), whose manifest row
    is keyed by file name; rows of a table or a JSONL file are matched by URL only.
    ``plain`` marks plain text, whose first line may be a headline.
    """

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    language: str | None = None
    notes: tuple[str, ...] = ()
    manifest_name: str | None = None
    plain: bool = False
