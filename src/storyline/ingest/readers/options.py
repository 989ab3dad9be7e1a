"""Options every reader receives."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.ingest.fields import FieldMapper


@dataclass(frozen=True)
class ReadOptions:
    """How records map to article fields (automatic names, overridden by the user's field map)."""

    fields: FieldMapper
