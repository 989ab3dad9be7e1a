"""Ingestion: every input kind (text, HTML, JSON/JSONL, CSV/TSV, RSS/Atom, WARC, gzip) to articles.

Public API::

    read_inputs(inputs, *, manifest=None, published=None, field_map=None, stdin=None)
        -> Iterator[Article | Rejection]
    load_manifest(path) -> Manifest
    DuplicateFilter().check(article) -> id of the earlier copy, or None
"""

from __future__ import annotations

from storyline.ingest.core import read_inputs
from storyline.ingest.identity import DuplicateFilter, article_id, normalise_text_key, normalise_url
from storyline.ingest.manifest import Manifest, ManifestEntry, load_manifest

__all__ = [
    "DuplicateFilter",
    "Manifest",
    "ManifestEntry",
    "article_id",
    "load_manifest",
    "normalise_text_key",
    "normalise_url",
    "read_inputs",
]
