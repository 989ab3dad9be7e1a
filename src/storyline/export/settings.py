"""Tunables of the exporters, as typed constants in one place."""

from __future__ import annotations

from typing import Final

FORMAT: Final[str] = "storyline/1"
"""Version tag of the ``timeline.json`` contract. Bump on any breaking change."""

TIMELINE_JSON: Final[str] = "timeline.json"
EVENTS_CSV: Final[str] = "events.csv"
EVENTS_GEOJSON: Final[str] = "events.geojson"
TIMELINEJS_JSON: Final[str] = "timelinejs.json"
REPORT_HTML: Final[str] = "report.html"
RUN_JSON: Final[str] = "run.json"

INCLUDE_ARTICLE_TEXT: Final[bool] = True
"""Put each article's full text in ``timeline.json`` so every char span can be checked offline."""

CONFIDENCE_DECIMALS: Final[int] = 3
# Verdicts of a cross-source figure comparison listed as agreements (conflicts have their own list).
AGREEMENT_VERDICTS: Final[frozenset[str]] = frozenset({"agree", "compatible"})
COORD_DECIMALS: Final[int] = 5

CSV_QUOTE_MAX_CHARS: Final[int] = 400
"""The first source quote in ``events.csv`` is cut to this length (the JSON keeps it whole)."""

CSV_FORMULA_PREFIXES: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")
"""Text cells starting with one of these get a leading apostrophe (spreadsheet formula injection)."""

TIMELINEJS_TEXT_MAX_SOURCES: Final[int] = 6
"""How many source quotes a TimelineJS slide lists before "and N more"."""

MAP_MIN_SPAN_DEGREES: Final[float] = 14.0
"""The report map never zooms in closer than this many degrees around the event places."""

MAP_FOCUS_QUANTILE: Final[float] = 0.1
"""The map opens on the box between these weighted quantiles of event longitudes and latitudes."""

MAP_PADDING: Final[float] = 0.15
"""Fraction of the focus box added on each side."""

MAP_MAX_LABELS: Final[int] = 12
"""Place names drawn on the map (busiest places first; overlapping labels are skipped)."""

REPORT_MAX_REJECTIONS: Final[int] = 200
"""Rejections listed one by one in report.html (all of them stay in run.json)."""

JSON_INDENT: Final[int] = 2
