"""Maps the keys of a JSON record or the columns of a table to article fields.

Common names are recognised automatically (``data/field_names.json``); a user's field map
(``{"text": "article_content"}``, the CLI's ``--field text=article_content``) overrides them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

from storyline.ingest.resources import field_names

LOGGER = logging.getLogger(__name__)

ARTICLE_FIELDS = ("text", "title", "outlet", "published", "url", "language")
# Names a user may give for a field in a field map.
_FIELD_ALIASES = {
    "date": "published",
    "source": "outlet",
    "body": "text",
    "content": "text",
    "headline": "title",
}
_SEPARATORS = re.compile(r"[\s.\-]+")


def column_key(name: str) -> str:
    """A column name as compared: lower case, spaces/hyphens/dots as underscores."""
    return _SEPARATORS.sub("_", str(name).strip().lower()).strip("_")


class FieldMapper:
    """Resolves which column holds each article field."""

    def __init__(self, field_map: Mapping[str, str] | None) -> None:
        self.overrides: dict[str, str] = {}
        for field, column in (field_map or {}).items():
            canonical = _FIELD_ALIASES.get(field.strip().lower(), field.strip().lower())
            if canonical not in ARTICLE_FIELDS:
                raise ValueError(
                    f"unknown article field {field!r}; use one of {', '.join(ARTICLE_FIELDS)}"
                )
            self.overrides[canonical] = column

    def resolve(self, columns: Iterable[str]) -> dict[str, str]:
        """For the given column names, the column chosen for each article field found."""
        by_key: dict[str, str] = {}
        for column in columns:
            by_key.setdefault(column_key(column), column)
        chosen: dict[str, str] = {}
        used: set[str] = set()
        for field in ARTICLE_FIELDS:
            override = self.overrides.get(field)
            if override is not None:
                mapped = by_key.get(column_key(override))
                if mapped is None:
                    LOGGER.debug("field map %s=%s: no such column", field, override)
                    continue
                chosen[field] = mapped
                used.add(mapped)
        for field in ARTICLE_FIELDS:
            if field in chosen:
                continue
            for name in field_names()[field]:
                found = by_key.get(name)
                if found is not None and found not in used:
                    chosen[field] = found
                    used.add(found)
                    break
        return chosen

    def has_text_column(self, columns: Iterable[str]) -> bool:
        """True when one of the columns can hold an article's text."""
        return "text" in self.resolve(columns)


def container_keys() -> tuple[str, ...]:
    """Keys under which a JSON object may hold a list of article records."""
    return field_names()["_containers"]
