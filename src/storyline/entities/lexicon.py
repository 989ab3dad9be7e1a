"""The data files of the entities package, loaded once: alias table, titles, name variants.

``data/aliases.tsv`` is meant to be extended by users: one actor a line, its id, type, canonical
name and other names. Names written in capitals ("IS", "UN") match case-sensitively, others
case-insensitively.
"""

from __future__ import annotations

import csv
import functools
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    """One row of the alias table."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    path = Path(str(resources.files("storyline.entities") / "data" / name))
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and row[0].strip() and not row[0].startswith("#")
        ]


@functools.lru_cache(maxsize=1)
def actors() -> tuple[Actor, ...]:
    """The alias table."""
    found = []
    for row in _rows("aliases.tsv"):
        if len(row) < 3:
            LOGGER.warning("alias row without id, type and name: %r", row)
            continue
        others = tuple(a.strip() for a in (row[3] if len(row) > 3 else "").split("|") if a.strip())
        found.append(Actor(row[0].strip(), row[1].strip(), row[2].strip(), others))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Titles and role words stripped from the front of person names."""
    return frozenset(row[0].strip().lower() for row in _rows("titles.txt"))


@functools.lru_cache(maxsize=1)
def name_variants() -> dict[str, str]:
    """Spelling -> canonical form for transliterated given names."""
    return {row[0].strip(): row[1].strip() for row in _rows("name_variants.tsv") if len(row) > 1}
