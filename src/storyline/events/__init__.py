"""Event mentions: trigger, type, participants, place, time, figures, attribution, modality.

The pipeline calls :func:`extract` once per article with the spaCy parse and the time, place and
entity taggers' records. Rules and word lists are data files in ``data/`` (see
``data/TAXONOMY.md`` for the event types).
"""

from storyline.events.extract import extract

__all__ = ["extract"]
