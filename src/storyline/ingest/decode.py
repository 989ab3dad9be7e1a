"""Turns raw bytes into text: BOMs, UTF-8, charset detection, mojibake repair, NFC.

The text is otherwise left as it is (apart from line endings, unified to ``\\n``), because
character offsets into ``Article.text`` are the provenance of everything downstream.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass

from storyline.ingest import settings
from storyline.ingest.resources import text_patterns

LOGGER = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_NON_ASCII = re.compile(rb"[\x80-\xff]+")


class DecodeError(Exception):
    """Bytes that are not text; ``reason`` is a rejection code ("binary", "unknown-encoding")."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with the encoding used and what was repaired."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def decode(data: bytes, declared: str | None = None) -> DecodedText:
    """Decode ``data`` to normalised text, or raise ``DecodeError``.

    Order: a byte-order mark; the ``declared`` charset (e.g. from an HTTP header); strict UTF-8;
    charset-normalizer's best guess. Mojibake (UTF-8 read as cp1252/latin-1) is repaired when the
    repair is exact.
    """
    notes: list[str] = []
    text, encoding = _decode_bytes(data, declared, notes)
    if _control_ratio(text[: settings.SNIFF_CHARS]) > settings.MAX_CONTROL_CHAR_RATIO:
        raise DecodeError("binary", f"control characters in text decoded as {encoding}")
    repaired = repair_mojibake(text)
    if repaired != text:
        notes.append("repaired mojibake (UTF-8 read as a single-byte charset)")
        text = repaired
    return DecodedText(normalise_text(text), encoding, tuple(notes))


def normalise_text(text: str) -> str:
    """Unicode NFC and ``\\n`` line endings; nothing else changes."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252 (or latin-1), when the round trip is exact."""
    if not text_patterns()["mojibake"].search(text):
        return text
    try:
        # Bytes that cp1252 leaves undefined (0x81, 0x9D...) come through as U+0081...: map back.
        repaired = text.encode("cp1252", errors=_LATIN1_FALLBACK).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    LOGGER.debug("repaired mojibake")
    return repaired


def _latin1_fallback(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    if all(ord(ch) < 256 for ch in chunk):
        return chunk.encode("latin-1"), error.end
    raise error


_LATIN1_FALLBACK = "storyline-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def looks_binary(head: bytes) -> bool:
    """True when leading bytes hold NULs outside a UTF-16/32 byte-order mark."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in head


def _decode_bytes(data: bytes, declared: str | None, notes: list[str]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeError(
                    "unknown-encoding", f"bad {encoding} after its BOM: {error}"
                ) from error
    if looks_binary(data[: settings.SNIFF_BYTES]):
        raise DecodeError("binary", "NUL bytes in content")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            LOGGER.debug("declared charset %r does not fit; detecting", declared)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, notes)


def _detect(data: bytes, notes: list[str]) -> tuple[str, str]:
    """Detect the charset on a sample (head + the non-ASCII spots), then decode the whole.

    Detection on a big file is slow; the sample holds what tells encodings apart. When the
    sample's encoding cannot decode the whole input, the whole input is examined.
    """
    from charset_normalizer import from_bytes

    sample = _detection_sample(data)
    for candidate in (sample, data) if len(sample) < len(data) else (data,):
        best = from_bytes(candidate).best()
        if best is None or best.encoding is None:
            continue
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            LOGGER.debug("sample encoding %s does not fit the whole input", best.encoding)
            continue
        notes.append(f"decoded as {best.encoding} (detected)")
        return text, best.encoding
    raise DecodeError("unknown-encoding", "charset-normalizer found no encoding that fits")


def _detection_sample(data: bytes) -> bytes:
    head = settings.DETECTION_HEAD_BYTES
    if len(data) <= 2 * head:
        return data
    pieces = [data[:head]]
    margin = settings.DETECTION_WINDOW_BYTES
    for count, match in enumerate(_NON_ASCII.finditer(data, head)):
        if count >= settings.DETECTION_MAX_WINDOWS:
            break
        pieces.append(data[max(head, match.start() - margin) : match.end() + margin])
    return b"\n".join(pieces)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    return controls / len(text)
