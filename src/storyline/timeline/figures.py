"""Figures compared across sources, given their modifiers and what they count.

"around 400 killed" and "over 100 militants killed" can both be true (militants are a part of the
dead, and 400 is over 100); "at least 70 killed" and "20 killed" for one event cannot. Figures
that count different things (sorties vs. targets; civilians vs. militants) are not compared.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from storyline.link.text import stem
from storyline.model import Conflict, Figure
from storyline.timeline import lexicon, settings

LOGGER = logging.getLogger(__name__)

Verdict = Literal["agree", "compatible", "conflict", "different-things"]
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class FigureComparison:
    """The outcome of comparing two figures, with a human-readable reason."""

    verdict: Verdict
    note: str


def value_range(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, from its modifier ("over 100" -> (100, inf))."""
    low, high = figure.value, figure.value_max if figure.value_max is not None else figure.value
    mod = (figure.mod or "").upper()
    if mod in {"MORE_THAN", "EQUAL_OR_MORE"}:
        return low, math.inf
    if mod in {"LESS_THAN", "EQUAL_OR_LESS"}:
        return 0.0, high
    spread = settings.APPROX_SPREAD if mod == "APPROX" else settings.EXACT_SPREAD
    return low * (1 - spread), high * (1 + spread)


def counted_population(figure: Figure) -> str:
    """Who or what a figure counts ("over 100 militants" -> "militants"; default "people")."""
    groups, _, _ = lexicon.figure_groups()
    for word in _WORD.findall(figure.text):
        found = groups.get(stem(word))
        if found:
            return found
    return groups.get(stem(figure.what), "people")


def measure(figure: Figure) -> str:
    """What the number measures: an outcome ("killed") or, for plain counts, the population."""
    groups, _, _ = lexicon.figure_groups()
    what = figure.what.lower()
    return groups.get(stem(what), what)


def _ancestors(population: str) -> list[str]:
    """The populations that contain this one, nearest first."""
    _, parents, _ = lexicon.figure_groups()
    chain, current = [], population
    while current in parents and parents[current] not in chain:
        current = parents[current]
        chain.append(current)
    return chain


def describe(figure: Figure) -> str:
    """The figure as a source states it, with who it is attributed to."""
    source = figure.attributed_to.source if figure.attributed_to else None
    return f"{figure.text} ({figure.what})" + (f", according to {source}" if source else "")


def compare_figures(first: Figure, second: Figure) -> FigureComparison:
    """Compare two figures about one event: do they agree, conflict, or count different things?"""
    if measure(first) != measure(second):
        return FigureComparison("different-things", f"{measure(first)} vs {measure(second)}")
    a_population, b_population = counted_population(first), counted_population(second)
    a_low, a_high = value_range(first)
    b_low, b_high = value_range(second)
    if a_population == b_population:
        if a_low <= b_high and b_low <= a_high:
            return FigureComparison("agree", f"both allow {max(a_low, b_low):g}-{min(a_high, b_high):g}")
        return FigureComparison("conflict", f"{describe(first)} vs {describe(second)}")
    if b_population in _ancestors(a_population):
        part_low, whole_high, part, whole = a_low, b_high, first, second
    elif a_population in _ancestors(b_population):
        part_low, whole_high, part, whole = b_low, a_high, second, first
    else:
        return FigureComparison("different-things", f"{a_population} vs {b_population}")
    if part_low > whole_high:
        return FigureComparison("conflict", f"part {describe(part)} exceeds whole {describe(whole)}")
    return FigureComparison("compatible", f"{describe(part)} is a part of {describe(whole)}")


def _source_of(figure: Figure) -> tuple[str, str]:
    """Who stands behind a figure: its article and the source it is attributed to."""
    attributed = figure.attributed_to.source.lower() if figure.attributed_to else ""
    return figure.article_id, attributed


def same_source(first: Figure, second: Figure) -> bool:
    """Whether two figures come from one article and one attributed source."""
    return _source_of(first) == _source_of(second)


def figure_conflicts(figures: Sequence[Figure]) -> list[Conflict]:
    """One conflict per measure on which figures from different sources cannot all be true."""
    clashes: dict[str, set[Figure]] = {}
    notes: dict[str, list[str]] = {}
    for index, first in enumerate(figures):
        for second in figures[index + 1 :]:
            if same_source(first, second):
                continue
            comparison = compare_figures(first, second)
            if comparison.verdict == "conflict":
                about = f"figure:{measure(first)}"
                clashes.setdefault(about, set()).update((first, second))
                notes.setdefault(about, []).append(comparison.note)
    conflicts = []
    for about, involved in sorted(clashes.items()):
        ordered = sorted(involved, key=lambda f: (f.article_id, f.start))
        claims = tuple((f.article_id, describe(f)) for f in ordered)
        conflicts.append(Conflict(about=about, claims=claims, note="; ".join(notes[about])))
    return conflicts
