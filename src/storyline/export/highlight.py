"""Cutting a quoted sentence into plain and highlighted segments (trigger, figures, date, place, source).

Works on contract dicts: spans are absolute article offsets, the quote starts at ``char_start``.
Overlapping spans are resolved by priority so that segments never nest.
"""

from __future__ import annotations

import logging
from typing import Any

LOGGER = logging.getLogger(__name__)

Segment = tuple[str, str | None]  # (text, highlight class or None)

PRIORITY: tuple[str, ...] = ("trigger", "figure", "when", "where", "who")


def source_spans(source: dict[str, Any]) -> list[tuple[int, int, str]]:
    """The highlightable spans (absolute offsets, class) of one contract source."""
    spans: list[tuple[int, int, str]] = []
    spans.append((source.get("trigger_start"), source.get("trigger_end"), "trigger"))
    for figure in source.get("figures", []):
        spans.append((figure.get("char_start"), figure.get("char_end"), "figure"))
    spans.append((source.get("date_start"), source.get("date_end"), "when"))
    spans.append((source.get("place_start"), source.get("place_end"), "where"))
    attribution = source.get("attribution")
    while attribution:
        spans.append((attribution.get("char_start"), attribution.get("char_end"), "who"))
        attribution = attribution.get("via")
    return [(start, end, kind) for start, end, kind in spans if start is not None and end is not None]


def segments(quote: str, base: int, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Split ``quote`` (which starts at article offset ``base``) into segments around ``spans``."""
    limit = len(quote)
    chosen: list[tuple[int, int, str]] = []
    ranked = sorted(spans, key=lambda span: PRIORITY.index(span[2]) if span[2] in PRIORITY else len(PRIORITY))
    for start, end, kind in ranked:
        local_start, local_end = max(0, start - base), min(limit, end - base)
        if local_start >= local_end:
            continue
        if any(local_start < other_end and other_start < local_end for other_start, other_end, _ in chosen):
            LOGGER.debug("highlight %s [%d, %d) overlaps a stronger one", kind, start, end)
            continue
        chosen.append((local_start, local_end, kind))
    chosen.sort()
    result: list[Segment] = []
    cursor = 0
    for start, end, kind in chosen:
        if start > cursor:
            result.append((quote[cursor:start], None))
        result.append((quote[start:end], kind))
        cursor = end
    if cursor < limit:
        result.append((quote[cursor:], None))
    return result
