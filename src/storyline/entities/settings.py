"""Every tunable of the entities package, as typed constants in one place."""

from __future__ import annotations

from typing import Final

MAX_NAME_CHARS: Final[int] = 120  # longer entity texts are cut before matching
MAX_ACRONYM_CHARS: Final[int] = 10
MIN_ACRONYM_CHARS: Final[int] = 2
MAX_EXPANSION_WORDS: Final[int] = 12  # "Syrian Observatory for Human Rights (SOHR)"
MAX_MENTIONS_PER_DOC: Final[int] = 20_000
ENTITY_LABELS: Final[frozenset[str]] = frozenset({"PERSON", "ORG"})
# Capitalised head words that may stand alone for an organisation named earlier ("the Observatory").
MIN_HEAD_CHARS: Final[int] = 5
# A one-word alias written in capitals ("DAESH" for "Daesh") is read as the alias from this length.
MIN_CAPITALS_ALIAS_CHARS: Final[int] = 4
