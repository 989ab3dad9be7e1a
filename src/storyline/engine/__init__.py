"""Runners for the per-article stages: in-process or over local worker processes."""

from storyline.engine.local import analyse_articles

__all__ = ["analyse_articles"]
