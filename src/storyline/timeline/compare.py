"""Source comparison per event: who reported it, who did not, and how their figures relate.

``compare_sources`` lists, for one event, the outlets that reported it, the outlets of the same
story that did not, and every cross-source figure comparison (agree, compatible, conflict,
different things). ``cross_event_figures`` explains figures of one story that look comparable but
belong to different events ("around 400 killed" on 2016-03-27 vs "over 100 militants killed" on
2016-03-26): they count different things on different days and are not a conflict.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Event, Figure, Timeline
from storyline.timeline.figures import FigureComparison, compare_figures, measure

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceComparison:
    """How the sources of one event relate to each other."""

    event_id: str
    reported_by: tuple[str, ...]  # outlets (or article ids when the outlet is unknown)
    not_reported_by: tuple[str, ...]  # outlets with articles in the same story that did not report it
    figures: tuple[tuple[Figure, Figure, FigureComparison], ...]


@dataclass(frozen=True)
class CrossEventNote:
    """Two figures of one story measuring the same thing in different events."""

    first_event: str
    second_event: str
    first: Figure
    second: Figure
    note: str


def compare_sources(event: Event, timeline: Timeline) -> SourceComparison:
    """Outlets that reported the event, story outlets that did not, and figure comparisons."""
    outlet_of = {article.id: article.outlet or article.id for article in timeline.articles}
    reported = sorted({outlet_of.get(m.article_id, m.article_id) for m in event.mentions})
    story_outlets: set[str] = set()
    for other in (*timeline.events, *timeline.undated):
        if event.story is not None and other.story == event.story:
            story_outlets.update(outlet_of.get(m.article_id, m.article_id) for m in other.mentions)
    pairs = []
    for index, first in enumerate(event.figures):
        for second in event.figures[index + 1 :]:
            if first.article_id != second.article_id or first.attributed_to != second.attributed_to:
                pairs.append((first, second, compare_figures(first, second)))
    return SourceComparison(
        event_id=event.id,
        reported_by=tuple(reported),
        not_reported_by=tuple(sorted(story_outlets - set(reported))),
        figures=tuple(pairs),
    )


def cross_event_figures(events: Sequence[Event]) -> list[CrossEventNote]:
    """Figures of the same measure in different events of one story, with why they differ."""
    notes = []
    for index, first_event in enumerate(events):
        for second_event in events[index + 1 :]:
            if first_event.story is None or first_event.story != second_event.story:
                continue
            for first in first_event.figures:
                for second in second_event.figures:
                    if measure(first) != measure(second):
                        continue
                    when = (
                        first_event.date.value if first_event.date else "undated",
                        second_event.date.value if second_event.date else "undated",
                    )
                    detail = compare_figures(first, second).note
                    notes.append(CrossEventNote(
                        first_event.id, second_event.id, first, second,
                        f"different events ({when[0]} vs {when[1]}): not a conflict; {detail}",
                    ))
    return notes
