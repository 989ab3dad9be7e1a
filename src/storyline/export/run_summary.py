"""Reading the pipeline's ``run_report`` for the HTML report, tolerant of missing or extra keys.

The pipeline owns ``run.json``; this module only looks for the usual keys (``counts`` or
top-level ``in``/``stored``/``rejected``/``duplicates``, ``rejections``, ``seconds``/``stages``,
``version``, ``inputs``) and shows whatever scalars remain as they are.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from storyline.export import settings

LOGGER = logging.getLogger(__name__)

COUNT_KEYS: tuple[str, ...] = ("in", "stored", "rejected", "duplicates", "truncated")
TIMING_KEYS: tuple[str, ...] = ("seconds", "stages", "timings", "seconds_per_stage", "stage_seconds")
TOTAL_KEY: str = "total"


def summarize_run(run_report: dict[str, Any]) -> dict[str, Any]:
    """Counts, rejection reasons, timings and other facts of a run, ready for the template."""
    counts_source = run_report.get("counts") if isinstance(run_report.get("counts"), dict) else run_report
    counts = [(key, counts_source[key]) for key in COUNT_KEYS if _is_scalar(counts_source.get(key))]
    if counts_source is not run_report:
        counts += [(k, v) for k, v in counts_source.items() if k not in COUNT_KEYS and _is_scalar(v)]
    rejections = [_rejection(item) for item in run_report.get("rejections") or [] if item is not None]
    reasons = Counter(rejection["reason"] for rejection in rejections).most_common()
    timings = _timings(run_report)
    total = dict(timings).get(TOTAL_KEY)
    timings = [(stage, seconds) for stage, seconds in timings if stage != TOTAL_KEY]
    used = {"counts", "rejections", *COUNT_KEYS, *TIMING_KEYS}
    facts = [(key, value) for key, value in run_report.items() if key not in used and _is_scalar(value)]
    inputs = run_report.get("inputs")
    if isinstance(inputs, list):
        facts.append(("inputs", ", ".join(str(item) for item in inputs)))
    return {
        "counts": counts,
        "reasons": reasons,
        "rejections": rejections[: settings.REPORT_MAX_REJECTIONS],
        "rejections_hidden": max(0, len(rejections) - settings.REPORT_MAX_REJECTIONS),
        "timings": timings,
        "total_seconds": total,  # stages may nest ("analyse" holds "spacy"), so never summed here
        "facts": facts,
        "tables": _tables(run_report),
    }


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and value is not None


def _rejection(item: Any) -> dict[str, str]:
    if isinstance(item, dict):
        return {
            "source": str(item.get("source", "")),
            "reason": str(item.get("reason", "unknown")),
            "detail": str(item.get("detail", "")),
        }
    if isinstance(item, (list, tuple)):
        padded = [*map(str, item), "", "", ""]
        return {"source": padded[0], "reason": padded[1] or "unknown", "detail": padded[2]}
    return {"source": str(item), "reason": "unknown", "detail": ""}


def _timings(run_report: dict[str, Any]) -> list[tuple[str, float]]:
    for key in TIMING_KEYS:
        value = run_report.get(key)
        if isinstance(value, dict):
            return [
                (str(stage), round(float(seconds), 3))
                for stage, seconds in value.items()
                if isinstance(seconds, (int, float)) and not isinstance(seconds, bool)
            ]
    return []


def _tables(run_report: dict[str, Any]) -> list[dict[str, Any]]:
    """Other lists of records in the report (duplicates, notes, ...) as small tables."""
    tables: list[dict[str, Any]] = []
    for key, value in run_report.items():
        if key == "rejections" or not isinstance(value, list):
            continue
        records = [item for item in value if isinstance(item, dict)]
        if not records:
            continue
        columns = list(dict.fromkeys(column for record in records for column in record))
        rows = [[str(record.get(column, "")) for column in columns] for record in records]
        tables.append(
            {
                "name": key,
                "columns": columns,
                "rows": rows[: settings.REPORT_MAX_REJECTIONS],
                "hidden": max(0, len(rows) - settings.REPORT_MAX_REJECTIONS),
            }
        )
    return tables
