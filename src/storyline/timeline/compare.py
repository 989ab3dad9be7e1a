"""Source comparison per event: who reported it, who did not, and how their figures relate.

``compare_sources`` lists, for one event, the outlets that reported it, the outlets of the same
story that did not, and every cross-source figure comparison (agree, compatible, conflict,
different things). ``cross_event_figures`` explains figures of one story that look comparable but
belong to different events ("around 400 killed" on 2016-03-27 vs "over 100 militants killed" on
2016-03-26): they count different things on different days and are not a conflict.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Event, Figure, Timeline
from storyline.time.values import interval
from storyline.timeline import settings
from storyline.timeline.figures import FigureComparison, compare_figures, describe, measure, same_source

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


def outlets_by_story(timeline: Timeline) -> dict[str, set[str]]:
    """The outlets (or article ids when the outlet is unknown) with a mention in each story."""
    outlet_of = {article.id: article.outlet or article.id for article in timeline.articles}
    found: dict[str, set[str]] = defaultdict(set)
    for event in (*timeline.events, *timeline.undated):
        if event.story is not None:
            found[event.story].update(outlet_of.get(m.article_id, m.article_id) for m in event.mentions)
    return found


def compare_sources(
    event: Event, timeline: Timeline, story_outlets: dict[str, set[str]] | None = None
) -> SourceComparison:
    """Outlets that reported the event, story outlets that did not, and figure comparisons.

    Pass ``story_outlets`` (from ``outlets_by_story``) when comparing many events of one timeline.
    """
    outlet_of = {article.id: article.outlet or article.id for article in timeline.articles}
    reported = sorted({outlet_of.get(m.article_id, m.article_id) for m in event.mentions})
    if story_outlets is None:
        story_outlets = outlets_by_story(timeline)
    in_story = story_outlets.get(event.story, set()) if event.story is not None else set()
    pairs = []
    for index, first in enumerate(event.figures):
        for second in event.figures[index + 1 :]:
            if not same_source(first, second):
                pairs.append((first, second, compare_figures(first, second)))
    return SourceComparison(
        event_id=event.id,
        reported_by=tuple(reported),
        not_reported_by=tuple(sorted(in_story - set(reported))),
        figures=tuple(pairs),
    )


def cross_event_figures(events: Sequence[Event]) -> list[CrossEventNote]:
    """Figures of the same measure in different events of one story, with why they differ.

    Only events within ``CROSS_EVENT_DAYS`` of each other are paired (further apart, nobody reads
    them as competing counts), so the cost stays near-linear in the number of events.
    """
    groups: dict[tuple[str, str], list[tuple[dt.date, Event, Figure]]] = defaultdict(list)
    for event in events:
        span = interval(event.date.value) if event.date is not None else None
        if event.story is None or span is None:
            continue
        for figure in event.figures:
            groups[(event.story, measure(figure))].append((span[0], event, figure))
    window = dt.timedelta(days=settings.CROSS_EVENT_DAYS)
    notes = []
    for members in groups.values():
        members.sort(key=lambda member: (member[0], member[1].id))
        for index, (day, first_event, first) in enumerate(members):
            for later_day, second_event, second in members[index + 1 :]:
                if later_day - day > window:
                    break
                if second_event.id == first_event.id or same_source(first, second):
                    continue
                notes.append(CrossEventNote(
                    first_event.id, second_event.id, first, second, _explain(first_event, first, second_event, second),
                ))
    return notes


def _explain(first_event: Event, first: Figure, second_event: Event, second: Figure) -> str:
    """Why two figures of different events are not a conflict, naming who gave each and when."""
    when = (first_event.date.value, second_event.date.value)  # type: ignore[union-attr]
    what = "on different days" if when[0] != when[1] else "on the same day"
    return (
        f"different events ({when[0]} vs {when[1]}): not a conflict; "
        f"{describe(first)}, is about the {first_event.type.lower()} of {when[0]}; "
        f"{describe(second)}, is about the {second_event.type.lower()} of {when[1]}; "
        f"they count different things {what}"
    )
