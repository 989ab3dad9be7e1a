"""Entities: people, organisations and armed groups, with canonical ids across articles.

Public API::

    tag_entities(doc, article_id, places) -> list[EntityMention]     # document-level keys
    canonicalize(entities, places) -> (list[Entity], {(article_id, start, end): entity id})
    lookup_actor(name) -> Actor | None                                # the alias table
"""

from storyline.entities.canonical import canonicalize
from storyline.entities.tagger import lookup_actor, tag_entities

__all__ = ["canonicalize", "lookup_actor", "tag_entities"]
