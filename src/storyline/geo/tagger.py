"""``tag_places``: toponyms of a parsed article, detected and resolved together."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from storyline.geo.detect import detect
from storyline.geo.document import resolve_spans
from storyline.model import PlaceMention

LOGGER = logging.getLogger(__name__)


def tag_places(doc: Doc, article_id: str) -> list[PlaceMention]:
    """Toponyms in the document, each resolved to a GeoNames place when possible.

    Demonyms ("Syrian") are not returned as mentions but count as evidence for the country.
    Offsets index into ``doc.text``.
    """
    found = detect(doc)
    spans = [(item.start, item.end) for item in found]
    contexts = [item.context for item in found]
    return resolve_spans(doc.text, spans, article_id, contexts)
