"""What the words around a toponym say: kind hints, cues, containers, and demonym evidence.

Works on the raw text and character offsets only, so it serves both the tagger (spans found by
``detect``) and the benchmark's gold-span mode.
"""

from __future__ import annotations

import functools
import logging
import re
import string
from collections import Counter
from dataclasses import dataclass

from storyline.geo import settings
from storyline.geo.gazetteer import Gazetteer
from storyline.geo.lexicon import cues
from storyline.geo.normalize import fold

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][a-z]+)?|[.,;:()]")
_CAPITALISED = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]+(?:[ -][A-Z][a-z\u00e0-\u00ff]+)?\b")
_CONTAINER = re.compile(r"^\s*,\s*([A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*){0,2})")
# "Washington, New York and Boston": the name after the comma is the next item of a list.
LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and |or )?|and |or |& )\s*[A-Z]")
LIST_BEFORE = re.compile(r"[A-Z][\w.\u2019'-]*\s*,\s*$")  # "Miami, |West Palm Beach, ..."
_WINDOW = 60
_AREA_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+$")  # a lower-case word right before the name
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class SpanContext:
    """Features of one mention read from the surrounding text."""

    name: str  # the text to look up (suffix like "province" and a leading "the" removed)
    kind: str | None  # "city" | "admin1" | "area" (a division, or a town inside its namesake) | None
    cue: bool  # a locative cue ("in", "the town of", "X province") stands next to it
    strong_cue: bool  # a cue that outweighs a PERSON tag ("in", "the town of"; not "to", "from")
    not_place: bool  # a title before ("President X") or a reporting verb after ("X said")
    container: str | None  # text written right after: "X, Texas" -> "Texas"
    local_head: bool  # last word is a street/building/feature word


def _words_before(text: str, start: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, start - _WINDOW):start])]


def _words_after(text: str, end: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[end:end + _WINDOW])]


def _ends_with(words: list[str], phrases: frozenset[tuple[str, ...]], longest: int) -> bool:
    return any(tuple(words[-n:]) in phrases for n in range(1, min(longest, len(words)) + 1))


def read_context(text: str, start: int, end: int, gazetteer: Gazetteer) -> SpanContext:
    """Features of the mention ``text[start:end]``."""
    lexicon = cues()
    surface = text[start:end]
    name = surface[4:] if surface[:4].lower() == "the " else surface
    name = _POSSESSIVE.sub("", name)  # "New York\u2019s" (spaCy leaves a curly possessive on)
    words = name.split()
    before = _words_before(text, start)
    after = _words_after(text, end)
    kind: str | None = None
    cue = False
    weak = False
    last = fold(words[-1]) if words else ""
    if len(words) > 1 and not gazetteer.is_known(name):
        core, dropped = core_name(name, gazetteer)
        if core != name:
            name, cue = core, True
            if dropped & lexicon.after_admin1:
                kind = "admin1"
    after_the = bool(before) and before[-1] == "the" and surface[:4].lower() != "the "
    if after_the and _region_with_article(name, gazetteer):
        name = "the " + name  # a region named with its article: "the West", "the Gulf"
    longest = lexicon.longest_before
    if _ends_with(before, lexicon.before_admin1, longest):
        kind, cue = "admin1", True
    elif _ends_with(before, lexicon.before_city, longest):
        kind, cue = "city", True
    elif _ends_with(before, lexicon.before, longest):
        cue = True
        weak = bool(before) and (before[-1],) in lexicon.weak_before
    elif len(before) > 1 and before[-1] == "the" and _ends_with(before[:-1], lexicon.before, longest):
        cue = True  # "in the Holy See", "to the Gambia"
        weak = (before[-2],) in lexicon.weak_before
    elif _is_dateline(text, start, end):
        cue = True  # "WASHINGTON (AP) -", "BEIRUT, March 3 -"
    area = _AREA_BEFORE.search(text[max(0, start - 20):start])
    if kind is None and area and area.group(1) in lexicon.before_area:
        kind = "area"  # "central Washington": the state, not the capital
    if after:
        if after[0] in lexicon.after_admin1:
            # "X province" asks for the division; "X and Y provinces" only says they are places
            kind = "admin1" if not after[0].endswith("s") else kind
            cue = True
        elif after[0] in lexicon.after_city:
            kind = kind or "city"
            cue = True
        elif after[0] in ("and", ",") and _plural_admin_follows(after):
            cue = True
    if len(after) > 1 and after[0] in lexicon.sub_city and (
        after[1] in ("of", "in") or (bool(before) and before[-1] == "the")
    ):
        cue = True  # "Shahba neighbourhood of Aleppo", "the Hamdaniyeh neighbourhood"
    not_place = bool(before and before[-1] in lexicon.not_place_before) or bool(
        after and after[0] in lexicon.not_place_after
    )
    match = _CONTAINER.match(text[end:end + _WINDOW])
    container = match.group(1).rstrip(".") if match else None
    if match and LIST_GOES_ON.match(text[end + match.end():end + match.end() + 20]):
        container = None
    if container and name.isupper() and _is_dateline(text, start, end):
        # "ROME, Ga. -", "PARIS, Tenn. -": a dateline town, not an acronym (which would keep
        # only big cities by their main name)
        name = string.capwords(name.lower())
    return SpanContext(
        name=name.strip(),
        kind=kind,
        cue=cue,
        strong_cue=cue and not weak,
        not_place=not_place,
        container=container,
        local_head=last in lexicon.local_heads,
    )


def _region_with_article(name: str, gazetteer: Gazetteer) -> bool:
    """True when "the <name>" is a region's name in the gazetteer ("the West": the Western world)."""
    found = gazetteer.candidates("the " + name)
    return bool(found) and all(c.kind == "region" and not c.via_skeleton for c in found)


_DATELINE_AFTER = re.compile(r"^\s*(?:,|\(|\u2014|\u2013|-\s)")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """An all-capital name opening the text or a line, followed by ", " "(AP)" or a dash."""
    surface = text[start:end]
    if not surface.isupper() or len(surface) < 3:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(_DATELINE_AFTER.match(text[end:end + 3]))


def core_name(name: str, gazetteer: Gazetteer) -> tuple[str, set[str]]:
    """The known place inside a longer name and the generic words dropped to reach it.

    "Homs province" -> "Homs"; "Kendale Lakes Elementary School" -> "Kendale Lakes";
    "University of Alabama" -> "Alabama". The name itself when nothing shorter is known.
    """
    lexicon = cues()
    generic = lexicon.local_heads | lexicon.after_admin1 | lexicon.after_city
    words = name.split()
    dropped: set[str] = set()
    while len(words) > 1 and fold(words[-1]) in generic:
        dropped.add(fold(words.pop()))
        if gazetteer.is_known(" ".join(words)):
            return " ".join(words), dropped
    lowered = name.lower()
    if " of " in lowered:
        tail = name[lowered.rindex(" of ") + 4:]
        if gazetteer.is_known(tail):
            return tail, {fold(w) for w in name[: lowered.rindex(" of ")].split()}
    return name, set()


def _plural_admin_follows(after: list[str]) -> bool:
    """ "Raqqa and Deir Ezzor provinces": an admin word closes a short coordination."""
    for word in after[1:6]:
        if word in cues().after_admin1 and word.endswith("s"):
            return True
        if word in (".", ";", ":", "(", ")"):
            return False
    return False


def demonym_evidence(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """Country codes of the demonyms in a text ("Syrian forces" -> SY), counted."""
    found: Counter[str] = Counter()
    for match in _CAPITALISED.finditer(text):
        country = gazetteer.demonym_country(match.group(0))
        if country is None and " " in match.group(0):
            country = gazetteer.demonym_country(match.group(0).split()[0])
        if country:
            found[country] += 1
    return found


_NAME_RUN = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+){0,2}\b")


def divisions_in_text(
    text: str,
    spans: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    gazetteer: Gazetteer,
    countries: dict[str, float],
) -> Counter[str]:
    """Admin1 codes of the first-order divisions named by their main name outside the toponym
    spans, counted: inside organisation names ("the Georgia Bureau of Investigation", "the
    University of Georgia"), never before a newspaper word ("Washington Post"). Only divisions
    of a country with ``MIN_TEXT_DIVISION_COUNTRY_SHARE`` of the article's evidence count (any,
    when the article has no country evidence), and not one that is most of its country."""
    lexicon = cues()
    taken = sorted(spans)
    found: Counter[str] = Counter()
    for match in _NAME_RUN.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        words = match.group(0).split()
        for size in range(len(words), 0, -1):  # "Georgia Bureau" -> "Georgia"
            name = " ".join(words[:size])
            folded = fold(name)
            if folded not in _admin1_keys(gazetteer) or folded in lexicon.not_places \
                    or folded in lexicon.inner_stop:
                continue
            codes = [
                c.admin1 for c in gazetteer.candidates(name)
                if c.kind == "admin1" and c.primary and not c.via_skeleton and c.admin1
                and (not countries
                     or countries.get(c.country, 0.0) >= settings.MIN_TEXT_DIVISION_COUNTRY_SHARE)
                and not _most_of_country(c.row, c.country, gazetteer)
            ]
            if codes:
                after = words[size:size + 1] or _words_after(text, end)[:1]
                if not (after and after[0].lower() in lexicon.not_place_after):
                    found.update(codes)
                break
    return found


def _most_of_country(row: int, country: str, gazetteer: Gazetteer) -> bool:
    """True for a division holding most of its country's people ("England"): country evidence,
    not a local container."""
    country_row = gazetteer.tables.country_row.get(country)
    if country_row is None:
        return False
    pops = gazetteer.tables.pops
    return pops[row] >= settings.MAX_TEXT_DIVISION_SHARE_OF_COUNTRY * pops[country_row]


@functools.lru_cache(maxsize=2)
def _admin1_keys(gazetteer: Gazetteer) -> frozenset[str]:
    """Folded main names of every first-order division (a fast pre-check before look-up)."""
    return frozenset(fold(name) for name in gazetteer.tables.admin1_names.values())
