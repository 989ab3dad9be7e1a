"""Outlet names: codes and spellings mapped to display names, and outlets known from web hosts."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from storyline.ingest.resources import name_key, outlet_names

LOGGER = logging.getLogger(__name__)

# Second-level labels under which sites register (bbc.co.uk, aa.com.tr).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})


def display_outlet(name: str) -> str:
    """The display name of an outlet code or spelling; unknown names are kept as given (trimmed)."""
    cleaned = " ".join(name.split())
    return outlet_names().get(name_key(cleaned), cleaned)


def known_outlet(name: str) -> str | None:
    """The display name when ``name`` is a known outlet alias, else None."""
    return outlet_names().get(name_key(name))


def outlet_from_url(url: str) -> str | None:
    """The outlet of a known web host (``www.reuters.com/...`` -> Reuters), else None."""
    try:
        host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    table = outlet_names()
    # Try the full host, then ever shorter suffixes down to the registered domain.
    for start in range(len(labels) - 1):
        found = table.get(name_key(".".join(labels[start:])))
        if found:
            return found
    if len(labels) >= 2:
        core = labels[-3] if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else labels[-2]
        return table.get(name_key(core))
    return None
