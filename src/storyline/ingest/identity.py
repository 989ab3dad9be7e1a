"""Content-based article ids and the duplicate filter.

An article's id is ``"a"`` + 15 hex digits of a SHA-1 over its normalised URL when it has one,
else over its normalised text, so re-ingesting the same article gives the same id. Two articles
are duplicates when they share a normalised URL or a normalised text.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storyline.ingest import settings
from storyline.ingest.resources import load_json
from storyline.model import Article

LOGGER = logging.getLogger(__name__)

_NOT_ALNUM = re.compile(r"[\W_]+")
_ASCII_NON_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


@functools.lru_cache(maxsize=1)
def _url_rules() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_json("url_rules.json")
    return frozenset(p.lower() for p in data["tracking_params"]), tuple(data["host_prefixes"])


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the page.

    Scheme-less, lower-case host without ``www.``-like prefixes or default port, no fragment, no
    tracking parameters, sorted query, no trailing slash.
    """
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    tracking, prefixes = _url_rules()
    host = (parts.hostname or "").lower()
    for prefix in prefixes:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in tracking
    )
    path = parts.path.rstrip("/")
    return urlunsplit(("", host, path, urlencode(query), ""))[2:] if host else url.lower()


def normalise_text_key(text: str) -> str:
    """Letters and digits of ``text``, case-folded: whitespace/case/punctuation-insensitive."""
    folded = text.casefold()
    if folded.isascii():  # the common case, done by a fast byte-level delete
        return folded.encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
    return "".join(_NOT_ALNUM.split(folded))


def _digest(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[: settings.ID_HEX_DIGITS]


@functools.lru_cache(maxsize=256)
def text_digest(text: str) -> str:
    """Digest of the normalised text (cached: ids and the duplicate filter both need it)."""
    return _digest("text:" + normalise_text_key(text))


def article_id(text: str, url: str | None) -> str:
    """The stable id of an article: hash of the normalised URL if any, else of the text."""
    return settings.ID_PREFIX + (_digest("url:" + normalise_url(url)) if url else text_digest(text))


class DuplicateFilter:
    """Remembers articles seen so far and recognises later copies of them."""

    def __init__(self) -> None:
        self._by_url: dict[str, str] = {}
        self._by_text: dict[str, str] = {}
        self._ids: set[str] = set()

    def check(self, article: Article) -> str | None:
        """The id of the earlier copy if ``article`` is a duplicate; else None, and remember it."""
        url_key = normalise_url(article.url) if article.url else None
        text_key = text_digest(article.text)
        earlier = (self._by_url.get(url_key) if url_key else None) or self._by_text.get(text_key)
        if earlier is None and article.id in self._ids:
            earlier = article.id
        if earlier is not None:
            LOGGER.debug("%s duplicates %s", article.source or article.id, earlier)
            return earlier
        if url_key:
            self._by_url[url_key] = article.id
        self._by_text[text_key] = article.id
        self._ids.add(article.id)
        return None
