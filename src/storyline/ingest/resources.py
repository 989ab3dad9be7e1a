"""Loads ingestion's data files (lexicons and patterns) once per process."""

from __future__ import annotations

import functools
import json
import logging
import re
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)

_DATA_PACKAGE = "storyline.ingest"
_NOT_ALNUM = re.compile(r"[\W_]+")


def _read_text(name: str) -> str:
    return resources.files(_DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def load_json(name: str) -> dict[str, Any]:
    """Return the parsed JSON data file ``name`` from ``storyline/ingest/data``."""
    return json.loads(_read_text(name))


def name_key(name: str) -> str:
    """Case-folded letters and digits of a name: the key under which names are compared."""
    return _NOT_ALNUM.sub("", name.casefold())


@functools.lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """Outlet aliases (codes, spellings, web hosts) keyed by ``name_key`` -> display name."""
    table: dict[str, str] = {}
    for line in _read_text("outlets.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, _, display = line.partition("\t")
        if display.strip():
            table[name_key(alias)] = display.strip()
    return table


@functools.lru_cache(maxsize=1)
def field_names() -> dict[str, tuple[str, ...]]:
    """Recognised column names for each article field (and container keys under ``_containers``)."""
    data = load_json("field_names.json")
    return {field: tuple(names) for field, names in data.items() if field != "_about"}


@functools.lru_cache(maxsize=1)
def text_patterns() -> dict[str, Any]:
    """The plain-text patterns, with ``{MONTH}``/``{WEEKDAY}`` expanded and regexes compiled."""
    data = load_json("text_patterns.json")
    months: dict[str, int] = data["months"]
    month_alt = "|".join(sorted(months, key=len, reverse=True))
    weekday_alt = "|".join(sorted(data["weekdays"], key=len, reverse=True))

    def expand(pattern: str) -> str:
        return pattern.replace("{MONTH}", f"(?:{month_alt})(?![a-z])").replace(
            "{WEEKDAY}", f"(?:{weekday_alt})(?![a-z])"
        )

    flags = re.IGNORECASE
    return {
        "months": months,
        "outlet_datelines": [re.compile(d["pattern"]) for d in data["outlet_datelines"]],
        "not_outlets": frozenset(name_key(n) for n in data["not_outlets"]),
        "generic_credits": frozenset(name_key(n) for n in data["generic_credits"]),
        "credits": [
            (
                d["role"],
                bool(d.get("known_only")),
                d.get("hint", "").casefold(),
                re.compile(d["pattern"], re.MULTILINE),
            )
            for d in data["credits"]
        ],
        "text_dates": [re.compile(expand(p), flags) for p in data["text_dates"]],
        "date_cue_before": re.compile(data["date_cue_before"], flags),
        "weekday_start": re.compile(expand("{WEEKDAY}"), flags),
        "date_preposition_before": re.compile(data["date_preposition_before"], flags),
        "mojibake": re.compile(data["mojibake"]),
    }
