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

LOGGER = logging.getLogger(__name__)

__all__ = [
    "CrossEventNote",
    "FigureComparison",
    "SourceComparison",
    "assemble",
    "compare_figures",
    "compare_sources",
    "cross_event_figures",
]
