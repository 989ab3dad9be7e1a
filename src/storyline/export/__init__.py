"""Exports of an assembled timeline: the ``storyline/1`` JSON contract, CSV, GeoJSON, TimelineJS,
the offline HTML report and the run report.

Public API (the pipeline calls exactly this)::

    timeline_to_dict(timeline) -> dict
    write_all(timeline, run_report, outdir) -> {"timeline.json": Path, ...}
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from storyline.export import settings
from storyline.export.contract import timeline_to_dict
from storyline.export.csv_export import events_csv
from storyline.export.dates import date_label
from storyline.export.geojson_export import events_geojson
from storyline.export.html_report import render_report
from storyline.export.timelinejs import timelinejs
from storyline.export.validate import contract_problems
from storyline.model import Timeline

LOGGER = logging.getLogger(__name__)

__all__ = ["contract_problems", "report_title", "timeline_to_dict", "write_all"]


def write_all(timeline: Timeline, run_report: dict[str, Any], outdir: Path) -> dict[str, Path]:
    """Write timeline.json, events.csv, events.geojson, timelinejs.json, report.html and run.json.

    Creates ``outdir`` if needed; each file is written atomically (temporary file, then rename).
    Returns the path of each file keyed by its name.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    contract = timeline_to_dict(timeline)
    title = report_title(contract)
    contents: dict[str, str] = {
        settings.TIMELINE_JSON: _json(contract),
        settings.EVENTS_CSV: events_csv(contract),
        settings.EVENTS_GEOJSON: _json(events_geojson(contract), indent=None),
        settings.TIMELINEJS_JSON: _json(timelinejs(contract, title), indent=None),
        settings.REPORT_HTML: render_report(contract, run_report, title),
        settings.RUN_JSON: _json(run_report),
    }
    written: dict[str, Path] = {}
    for name, text in contents.items():
        written[name] = _write_atomic(outdir / name, text)
        LOGGER.debug("wrote %s (%d characters)", written[name], len(text))
    LOGGER.info("exports written to %s", outdir)
    return written


def report_title(contract: dict[str, Any]) -> str:
    """A title for the report: the most-cited place and the span of dates, when known."""
    events = contract["events"]
    places: dict[str, int] = {}
    for event in [*events, *contract["undated"]]:
        if event.get("place_name"):
            places[event["place_name"]] = places.get(event["place_name"], 0) + 1
    main_place = max(places, key=lambda name: places[name]) if places else None
    title = f"Storyline: {main_place}" if main_place else "Storyline"
    if events:
        first = date_label(events[0]["date"]["value"], events[0]["date"]["approximate"])
        last = date_label(events[-1]["date"]["value"], events[-1]["date"]["approximate"])
        title += f", {first}" if first == last else f", {first} to {last}"
    return title


def _json(value: Any, indent: int | None = settings.JSON_INDENT) -> str:
    """JSON text; files meant for people are indented, machine-facing ones are compact (much faster)."""
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str) + "\n"


def _write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` next to ``path`` under a temporary name, then rename it into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
