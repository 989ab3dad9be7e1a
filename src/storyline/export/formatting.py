"""Human-readable renderings of contract values (figures, attributions), driven by ``labels.json``."""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """The display words of ``labels.json``, loaded once."""
    text = resources.files("storyline.export").joinpath("labels.json").read_text(encoding="utf-8")
    return json.loads(text)


def format_number(value: float | int | None) -> str:
    """``40.0`` -> ``40``, ``2.5`` -> ``2.5``; None -> empty."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def attribution_chain(attribution: dict[str, Any] | None) -> str:
    """``SOHR via Sky News`` for a nested contract attribution; empty when there is none."""
    names: list[str] = []
    while attribution:
        names.append(str(attribution.get("name") or ""))
        attribution = attribution.get("via")
    return " via ".join(name for name in names if name)


def format_figure(figure: dict[str, Any], with_attribution: bool = True) -> str:
    """``killed: over 100 (Russia's defense minister)`` for a contract figure."""
    amount = format_number(figure.get("value"))
    if figure.get("value_max") is not None:
        amount = f"{amount}-{format_number(figure['value_max'])}"
    modifier = labels()["figure_mod"].get(figure.get("mod") or "", "")
    text = f"{figure.get('what') or '?'}: {modifier + ' ' if modifier else ''}{amount}"
    source = attribution_chain(figure.get("attribution")) if with_attribution else ""
    return f"{text} ({source})" if source else text


def format_conflict(conflict: dict[str, Any]) -> str:
    """``figure:killed: CNN says 400 | Fox News says 100`` for a contract conflict."""
    claims = " | ".join(
        f"{claim.get('outlet') or claim.get('article_id')} says {claim.get('says')}"
        for claim in conflict.get("claims", [])
    )
    note = f" ({conflict['note']})" if conflict.get("note") else ""
    return f"{conflict.get('about')}: {claims}{note}"
