"""Timeline assembly: linked event mentions become the dated, placed, sourced story.

``assemble`` turns clusters of linked mentions into ``Event`` records (date chosen from the
mentions with a conflict when sources disagree, place, participants, figures with attribution,
figure conflicts between sources, title, extractive summary, confidence, story) and orders them.
``compare_figures`` tells whether two figures agree, conflict, or count different things;
``compare_sources`` and ``cross_event_figures`` give the per-event source comparison.
"""

from __future__ import annotations

import logging

from storyline.timeline.assemble import assemble
from storyline.timeline.compare import CrossEventNote, SourceComparison, compare_sources, cross_event_figures
from storyline.timeline.figures import FigureComparison, compare_figures
from storyline.timeline.load import load_timeline, timeline_from_dict
from storyline.timeline.query import QueryResult, TimelineQuery, filter_events, run_query
from storyline.timeline.rank import DateMention, DateScore, rank_dates, rank_events
from storyline.timeline.summarise import Sentence, Summariser

LOGGER = logging.getLogger(__name__)

__all__ = [
    "CrossEventNote",
    "DateMention",
    "DateScore",
    "FigureComparison",
    "QueryResult",
    "Sentence",
    "SourceComparison",
    "Summariser",
    "TimelineQuery",
    "assemble",
    "compare_figures",
    "compare_sources",
    "cross_event_figures",
    "filter_events",
    "load_timeline",
    "rank_dates",
    "rank_events",
    "run_query",
    "timeline_from_dict",
]
