"""The per-article stages (annotate + extract) composed into one function.

Given an article and its spaCy parse, runs the time tagger, the place and entity taggers and the
event extractor, and returns an ``ArticleAnalysis`` that holds no spaCy objects (so it can cross
process boundaries and be cached). Seconds spent in each stage are added to ``timings``.
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping

from spacy.tokens import Doc

from storyline.model import Article, ArticleAnalysis

STAGES = ("time", "places", "entities", "events")


def analyse_doc(
    doc: Doc, article: Article, timings: MutableMapping[str, float] | None = None
) -> ArticleAnalysis:
    """Run every per-article stage on one parsed article."""
    from storyline.entities import tag_entities
    from storyline.events import extract
    from storyline.geo import tag_places
    from storyline.time import tag

    clock = _StageClock(timings)
    with clock("time"):
        timexes = tag(article.text, article.published, doc)
    with clock("places"):
        places = tag_places(doc, article.id)
    with clock("entities"):
        entities = tag_entities(doc, article.id, places)
    with clock("events"):
        events = extract(doc, article, timexes, places, entities)
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return ArticleAnalysis(
        article=article,
        timexes=tuple(timexes),
        entities=tuple(entities),
        places=tuple(places),
        events=tuple(events),
        sentences=sentences,
    )


class _StageClock:
    """Context-manager factory that adds elapsed seconds per stage name to a mapping."""

    def __init__(self, timings: MutableMapping[str, float] | None) -> None:
        self.timings = timings

    def __call__(self, stage: str) -> _StageClock:
        self._stage = stage
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        if self.timings is not None:
            elapsed = time.perf_counter() - self._start
            self.timings[self._stage] = self.timings.get(self._stage, 0.0) + elapsed
