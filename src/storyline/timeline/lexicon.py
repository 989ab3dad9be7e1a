"""Loads the timeline data files once."""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)


def _load(name: str) -> dict[str, Any]:
    """Parse a JSON data file shipped in ``storyline/timeline/data``."""
    text = resources.files("storyline.timeline").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=1)
def figure_groups() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(noun -> counted population, population -> containing population, generic populations)."""
    data = _load("figure_groups.json")
    return dict(data["groups"]), dict(data["parents"]), frozenset(data["generic"])
