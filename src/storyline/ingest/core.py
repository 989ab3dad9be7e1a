"""``read_inputs``: files, folders and stdin in; articles and rejections out, one at a time.

Inputs are files, folders (walked recursively in sorted order), or ``"-"`` for JSONL on stdin.
URLs are not fetched. Each file is sniffed (gzip is unwrapped first) and handed to the reader of
its kind; nothing raises for bad input: every problem becomes a ``Rejection`` with a short reason
code, and the remaining inputs are still read.

Rejection reasons: ``not-found``, ``unreadable``, ``url-not-fetched``, ``too-large``, ``binary``,
``unknown-encoding``, ``truncated-gzip``, ``bad-gzip``, ``empty-text``, ``missing-text``,
``missing-fields``, ``bad-json``, ``bad-record``, ``bad-csv``, ``bad-feed``, ``bad-warc``,
``unsupported``, ``reader-error``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from storyline.ingest import settings
from storyline.ingest.draft import Draft, Payload
from storyline.ingest.fields import FieldMapper
from storyline.ingest.finalise import finalise
from storyline.ingest.manifest import Manifest, load_manifest
from storyline.ingest.readers.options import ReadOptions
from storyline.ingest.registry import Reader, reader_for
from storyline.ingest.sniff import binary_format, sniff
from storyline.model import Article, Rejection

LOGGER = logging.getLogger(__name__)

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
STDIN = "-"


def read_inputs(
    inputs: Sequence[str],
    *,
    manifest: Manifest | None = None,
    published: dt.date | None = None,
    field_map: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | Rejection]:
    """Read every input, yielding an ``Article`` or a ``Rejection`` for each article-sized unit.

    ``manifest`` supplies outlet/date/title/url by file name or URL; ``published`` dates articles
    that no other source dates (published_source "user"); ``field_map`` maps article fields to
    column names (``{"text": "article_content"}``); ``stdin`` is read for the input ``"-"``.
    Raises ValueError only for an unknown field name in ``field_map``.
    """
    options = ReadOptions(FieldMapper(field_map))
    walk = _Walk(manifest)
    for given in inputs:
        item = str(given)
        if item == STDIN:
            yield from _read_stdin(stdin, options, manifest, published)
            continue
        if _URL.match(item):
            yield Rejection(
                item, "url-not-fetched", "URLs are not fetched: save the page and give the file"
            )
            continue
        path = Path(item)
        if path.is_dir():
            for found in walk.files(path, manifest):
                if isinstance(found, Rejection):
                    yield found
                else:
                    yield from _read_file(found[0], options, found[1], published)
        elif path.exists():
            yield from _read_file(path, options, manifest, published)
        else:
            yield Rejection(item, "not-found", "no such file or folder")


class _Walk:
    """Walks folders recursively in sorted order, once each (symlink loops are cut).

    Hidden entries and documentation files (README, NOTICE, LICENSE...) are skipped. A
    ``manifest.jsonl``/``.csv`` in a folder is the manifest of that folder and its subfolders
    (unless a manifest was given) and is not read as articles; nor is the given manifest.
    """

    def __init__(self, manifest: Manifest | None) -> None:
        self.explicit = manifest
        self.explicit_path = Path(manifest.path).resolve() if manifest and manifest.path else None
        self.visited: set[Path] = set()

    def files(
        self, folder: Path, inherited: Manifest | None
    ) -> Iterator[tuple[Path, Manifest | None] | Rejection]:
        """Each file under ``folder`` with the manifest that applies to it, or a rejection."""
        real = folder.resolve()
        if real in self.visited:
            LOGGER.debug("already walked %s", folder)
            return
        self.visited.add(real)
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as error:
            yield Rejection(str(folder), "unreadable", error.strerror or str(error))
            return
        local = inherited
        if self.explicit is None:
            for entry in entries:
                if entry.name.lower() in settings.MANIFEST_FILE_NAMES and entry.is_file():
                    local = _folder_manifest(entry) or local
        for entry in entries:
            if self._skipped(entry):
                continue
            if entry.is_dir():
                yield from self.files(entry, local)
            elif entry.is_file():
                yield entry, local
            elif entry.is_symlink() and not entry.exists():
                yield Rejection(str(entry), "not-found", "broken symbolic link")
            else:
                yield Rejection(str(entry), "unsupported", "not a regular file")

    def _skipped(self, entry: Path) -> bool:
        name = entry.name.lower()
        if name.startswith(".") or name in settings.MANIFEST_FILE_NAMES:
            return True
        if name.split(".")[0] in settings.SKIPPED_FILE_STEMS:
            return True
        return self.explicit_path is not None and entry.resolve() == self.explicit_path


def _folder_manifest(path: Path) -> Manifest | None:
    try:
        found = load_manifest(path)
    except (OSError, ValueError) as error:
        LOGGER.warning("folder manifest %s not read: %s", path, error)
        return None
    LOGGER.info("using folder manifest %s", path)
    return found


def _read_file(
    path: Path, options: ReadOptions, manifest: Manifest | None, published: dt.date | None
) -> Iterator[Article | Rejection]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.MAX_INPUT_BYTES:
            yield Rejection(
                source, "too-large", f"{size} bytes; the limit is {settings.MAX_INPUT_BYTES}"
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield Rejection(source, "unreadable", error.strerror or str(error))
        return
    payload = Payload(source, path.name, data, extension=_extension(path.name))
    yield from _finalised(_read_payload(payload, options, depth=0), manifest, published)


def _read_stdin(
    stdin: TextIO | None, options: ReadOptions, manifest: Manifest | None, published: dt.date | None
) -> Iterator[Article | Rejection]:
    if stdin is None:
        yield Rejection(STDIN, "unreadable", "no standard input given")
        return
    try:
        text = stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        yield Rejection(STDIN, "unreadable", str(error))
        return
    payload = Payload(STDIN, None, text.encode("utf-8"), extension=".jsonl")
    reader = reader_for("json")
    assert reader is not None
    yield from _finalised(_guarded(reader, payload, options), manifest, published)


def _finalised(
    drafts: Iterator[Draft | Rejection], manifest: Manifest | None, published: dt.date | None
) -> Iterator[Article | Rejection]:
    for draft in drafts:
        if isinstance(draft, Rejection):
            yield draft
            continue
        try:
            yield finalise(draft, manifest, published)
        except Exception as error:  # a bug on one odd article must not end the batch
            LOGGER.warning("%s: finalising failed: %r", draft.source, error)
            yield Rejection(draft.source, "reader-error", f"{type(error).__name__}: {error}")


def _read_payload(
    payload: Payload, options: ReadOptions, depth: int
) -> Iterator[Draft | Rejection]:
    kind = sniff(payload, options.fields)
    LOGGER.debug("%s: %s", payload.source, kind)
    if kind == "gzip":
        yield from _read_gzip(payload, options, depth)
        return
    if kind == "binary":
        yield Rejection(
            payload.source, "binary", binary_format(payload.data[:64]) or "binary content"
        )
        return
    reader = reader_for(kind)
    if reader is None:
        yield Rejection(payload.source, "unsupported", f"no reader for {kind}")
        return
    yield from _guarded(reader, payload, options)


def _read_gzip(payload: Payload, options: ReadOptions, depth: int) -> Iterator[Draft | Rejection]:
    if depth >= settings.MAX_GZIP_DEPTH:
        yield Rejection(payload.source, "bad-gzip", "gzip nested too deep")
        return
    try:
        data = gunzip(payload.data)
    except _TruncatedGzip as error:
        yield Rejection(payload.source, "truncated-gzip", str(error))
        return
    except (zlib.error, ValueError) as error:
        yield Rejection(payload.source, "bad-gzip", str(error))
        return
    name = (
        payload.name[:-3] if payload.name and payload.name.lower().endswith(".gz") else payload.name
    )
    inner = Payload(payload.source, name, data, extension=_extension(name or ""))
    yield from _read_payload(inner, options, depth + 1)


class _TruncatedGzip(ValueError):
    """The gzip stream ends before its end marker."""


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data (all members), refusing truncated streams and oversized output."""
    output: list[bytes] = []
    total = 0
    remaining = data
    while remaining:
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        chunk = decompressor.decompress(remaining, settings.MAX_INPUT_BYTES - total + 1)
        total += len(chunk)
        output.append(chunk)
        if total > settings.MAX_INPUT_BYTES:
            raise ValueError(f"decompresses to more than {settings.MAX_INPUT_BYTES} bytes")
        if not decompressor.eof:
            raise _TruncatedGzip(f"stream ends after {total} decompressed bytes")
        remaining = decompressor.unused_data.lstrip(b"\x00")
    return b"".join(output)


def _guarded(reader: Reader, payload: Payload, options: ReadOptions) -> Iterator[Draft | Rejection]:
    """Run a reader; an unexpected error becomes a rejection instead of ending the run."""
    try:
        yield from reader(payload, options)
    except Exception as error:  # a reader bug or library failure must not stop the batch
        LOGGER.warning(
            "%s: reader failed: %r",
            payload.source,
            error,
            exc_info=LOGGER.isEnabledFor(logging.DEBUG),
        )
        yield Rejection(payload.source, "reader-error", f"{type(error).__name__}: {error}")


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()
