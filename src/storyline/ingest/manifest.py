"""Manifests: a JSONL or CSV file that gives outlet, date, title and URL for inputs that lack them.

Each row is keyed by ``file`` (the input's file name; a path is reduced to its name) or by
``url``. Recognised columns: ``file`` (or ``path``, ``filename``, ``name``), ``url``, ``outlet``,
``published``, ``title``, ``language``; other columns are ignored.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.dates import parse_date_value
from storyline.ingest.decode import decode
from storyline.ingest.identity import normalise_url

LOGGER = logging.getLogger(__name__)

_FILE_KEYS = ("file", "path", "filename", "file_name", "name")


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest says about one input."""

    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Manifest:
    """Manifest rows keyed by file name and by normalised URL."""

    by_file: dict[str, ManifestEntry] = field(default_factory=dict)
    by_url: dict[str, ManifestEntry] = field(default_factory=dict)
    path: str = ""

    def __len__(self) -> int:
        return len(self.by_file) + len(self.by_url)

    def lookup(self, name: str | None = None, url: str | None = None) -> ManifestEntry | None:
        """The entry for an input's file name (``x.txt``, also ``x.txt.gz`` -> ``x.txt``) or URL."""
        if name:
            base = os.path.basename(name)
            for key in (name, base, base[:-3] if base.endswith(".gz") else None):
                if key and key in self.by_file:
                    return self.by_file[key]
        if url:
            return self.by_url.get(normalise_url(url))
        return None


def load_manifest(path: str | Path) -> Manifest:
    """Read a manifest (JSONL, JSON array or CSV/TSV); OSError or ValueError if unreadable."""
    data = Path(path).read_bytes()
    text = decode(data).text
    rows = _json_rows(text) if text.lstrip()[:1] in ("{", "[") else _csv_rows(text)
    by_file: dict[str, ManifestEntry] = {}
    by_url: dict[str, ManifestEntry] = {}
    for number, row in enumerate(rows, start=1):
        lowered = {str(k).strip().lower(): v for k, v in row.items()}
        entry = _entry(lowered)
        file_key = next((str(lowered[k]) for k in _FILE_KEYS if lowered.get(k)), None)
        if file_key:
            by_file[os.path.basename(file_key)] = entry
            by_file.setdefault(file_key, entry)
        if entry.url:
            by_url[normalise_url(entry.url)] = entry
        if not file_key and not entry.url:
            LOGGER.warning("%s row %d has neither file nor url; ignored", path, number)
    LOGGER.info("manifest %s: %d files, %d urls", path, len(by_file), len(by_url))
    return Manifest(by_file, by_url, str(path))


def _entry(row: dict[str, object]) -> ManifestEntry:
    def text(key: str) -> str | None:
        value = row.get(key)
        return str(value).strip() if value not in (None, "") else None

    return ManifestEntry(
        outlet=text("outlet") or text("source") or text("publisher"),
        published=parse_date_value(row.get("published") or row.get("date")),
        title=text("title"),
        url=text("url"),
        language=text("language"),
    )


def _json_rows(text: str) -> list[dict[str, object]]:
    stripped = text.strip()
    if stripped.startswith("["):
        loaded = json.loads(stripped)
        return [row for row in loaded if isinstance(row, dict)]
    rows: list[dict[str, object]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            LOGGER.warning("manifest line %d is not JSON (%s); ignored", number, error.msg)
            continue
        if isinstance(row, dict):
            rows.append(row)
    return rows


def _csv_rows(text: str) -> list[dict[str, object]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    return [dict(row) for row in csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)]
