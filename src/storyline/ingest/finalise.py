"""Turns a reader's draft into an Article: manifest and defaults applied, text checked, id set.

Precedence for each field: the manifest (the user's word) > the input's own metadata > what the
text says (dateline, credit lines, date line) > ``published=`` (the CLI's --published) > unknown;
except that a date line opening the text ("Published July 27 2016 ...") beats a metadata date,
and that a metadata date which the text's own full dates contradict (``date_check``) is replaced
by the date inferred from them (``published_source`` "inferred"; the input's date kept in a note).
When the manifest overrides a different outlet or date found in the input, a note keeps it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from storyline.ingest import settings
from storyline.ingest.clues import credits, dateline_outlet, split_headline
from storyline.ingest.date_check import check_published
from storyline.ingest.dates import find_text_date, is_date_line
from storyline.ingest.furniture import strip_page_trailer
from storyline.ingest.draft import Draft
from storyline.ingest.identity import article_id
from storyline.ingest.manifest import Manifest, ManifestEntry
from storyline.ingest.outlets import display_outlet, outlet_from_url
from storyline.model import Article, PublishedSource, Rejection

LOGGER = logging.getLogger(__name__)

_CUT_POINTS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))
_ALNUM = re.compile(r"[^\W_]")
_DEFAULT_LANGUAGE = "en"
_CREDIT_NOTES = {
    "contributor": "contributor",
    "material": "material from",
    "outlet": "credited outlet",
}


def finalise(
    draft: Draft, manifest: Manifest | None = None, published: dt.date | None = None
) -> Article | Rejection:
    """The article of a draft, or a rejection when it has no text."""
    title, text = draft.title, draft.text
    if draft.plain:
        headline, text = split_headline(text)
        title = title or headline
    text = text.strip()
    if not _ALNUM.search(text):
        return Rejection(draft.source, "empty-text", "no letters or digits in the text")
    notes = list(draft.notes)
    text = strip_page_trailer(text, notes)
    found_credits = credits(text)
    notes += [f"{_CREDIT_NOTES[c.role]}: {c.name}" for c in found_credits]
    text = _truncate(text, notes)
    entry = manifest.lookup(draft.manifest_name, draft.url) if manifest else None
    outlet = _outlet(
        draft, text, entry, [c.name for c in found_credits if c.role == "outlet"], notes
    )
    date, date_source = _published(draft, text, entry, published, notes)
    url = draft.url or (entry.url if entry else None)
    return Article(
        id=article_id(text, url),
        text=text,
        title=(entry.title if entry and entry.title else None) or title,
        outlet=outlet,
        url=url,
        published=date,
        published_source=date_source,
        source=draft.source,
        language=(entry.language if entry and entry.language else None)
        or draft.language
        or _DEFAULT_LANGUAGE,
        notes=tuple(notes),
    )


def _outlet(
    draft: Draft, text: str, entry: ManifestEntry | None, credited: list[str], notes: list[str]
) -> str | None:
    own = draft.outlet or dateline_outlet(text) or (credited[0] if credited else None)
    if own is None and draft.url:
        own = outlet_from_url(draft.url)
    if entry and entry.outlet:
        chosen = display_outlet(entry.outlet)
        if own and own != chosen:
            notes.append(f"outlet in input: {own}")
        return chosen
    return own


def _published(
    draft: Draft, text: str, entry: ManifestEntry | None, default: dt.date | None, notes: list[str]
) -> tuple[dt.date | None, PublishedSource]:
    own: dt.date | None = draft.published
    source: PublishedSource = draft.published_source if own else "unknown"
    found = find_text_date(text)
    if own is None and found is not None:
        own, source = found[0], "text"
    elif own is not None and found is not None and found[0] != own:
        if is_date_line(text, found[1]):
            # The article's own date line beats a metadata field: dataset columns and page
            # metadata are often crawl, update or event dates.
            notes.append(f"date in input ({source}): {own.isoformat()}")
            own, source = found[0], "text"
        else:
            notes.append(f"date in text: {found[0].isoformat()}")
    if entry and entry.published:
        if own and own != entry.published:
            notes.append(f"date in input ({source}): {own.isoformat()}")
        own, source = entry.published, "manifest"
    elif own is None and default is not None:
        own, source = default, "user"
    if own is None:
        return None, "unknown"
    return _checked(text, own, source, found, notes)


def _checked(
    text: str,
    claimed: dt.date,
    source: PublishedSource,
    lead: tuple[dt.date, int, int] | None,
    notes: list[str],
) -> tuple[dt.date, PublishedSource]:
    """The publication date once checked against the full dates the text reports.

    A suspect date is always noted; only a date from the input's own metadata is replaced (the
    manifest and ``--published`` are the user's word, a date line is the article's own).
    """
    check = check_published(text, claimed, lead)
    if check is None:
        return claimed, source
    notes.append(check.note(text, source))
    if check.inferred is None or source != "metadata":
        return claimed, source
    LOGGER.info("publication date %s replaced by %s inferred from the text", claimed, check.inferred)
    notes.append(f"date in input ({source}): {claimed.isoformat()}")
    notes.append(f"publication date inferred from the text: {check.inferred.isoformat()}, {check.reason}")
    return check.inferred, "inferred"


def _truncate(text: str, notes: list[str]) -> str:
    limit = settings.MAX_TEXT_CHARS
    if len(text) <= limit:
        return text
    window_start = limit - settings.TRUNCATE_LOOKBACK_CHARS
    cut = limit
    for boundary in _CUT_POINTS:
        ends = [m.end() for m in boundary.finditer(text, window_start, limit)]
        if ends:
            cut = ends[-1]
            break
    truncated = text[:cut].rstrip()
    notes.append(f"truncated from {len(text)} to {len(truncated)} characters")
    LOGGER.warning("text truncated from %d to %d characters", len(text), len(truncated))
    return truncated
