"""Cutting page furniture that scraped texts keep after the story.

Web pages flattened to text often end with a "Related News" list of other headlines and the
site's boilerplate (subscribe, follow us, copyright, privacy policy). Left in, those headlines
read as events of the article. The phrases live in ``data/page_furniture.json``.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from storyline.ingest.resources import load_json

LOGGER = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = load_json("page_furniture.json")

    def alternation(phrases: list[str]) -> re.Pattern[str]:
        escaped = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{escaped})(?!\w)", re.IGNORECASE)

    return {
        "headings": alternation(data["headings"]),
        "cues": alternation(data["cues"]),
        "min_cues": int(data["min_cues"]),
        "min_story_chars": int(data["min_story_chars"]),
    }


def page_trailer_start(text: str) -> int | None:
    """Where a page-furniture trailer starts in ``text``, or None when there is none.

    The trailer starts at the first heading ("Related News", "Read More", ...) that comes after
    at least ``min_story_chars`` of story and is followed by at least ``min_cues`` boilerplate cues.
    """
    rules = _rules()
    for heading in rules["headings"].finditer(text, rules["min_story_chars"]):
        cues = sum(1 for _ in rules["cues"].finditer(text, heading.end()))
        if cues >= rules["min_cues"]:
            return heading.start()
    return None


def strip_page_trailer(text: str, notes: list[str]) -> str:
    """``text`` without its page-furniture trailer; a note records what was cut."""
    start = page_trailer_start(text)
    if start is None:
        return text
    kept = text[:start].rstrip()
    words = " ".join(text[start:].split()[:3])
    notes.append(f"page furniture cut: {len(text) - len(kept)} characters from {words!r}")
    LOGGER.debug("cut %d characters of page furniture", len(text) - len(kept))
    return kept
