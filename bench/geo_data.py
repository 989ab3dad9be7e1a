"""Readers for the geoparsing benchmark XML formats (GeoWebNews, LGL, TR-News) and the metrics.

GeoWebNews: ``<article><text/><toponyms><toponym><extractedName/><type/><start/><end/>
<geonamesID/><latitude/><longitude/></toponym>...``. LGL and TR-News: ``<article><text/>
<toponyms><toponym><start/><end/><gaztag geonameid=".."><name/><lat/><lon/>...</gaztag>
<phrase/></toponym>...``. Toponyms without coordinates are not scored.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

MAX_ERROR_KM = 20039.0
ACC_KM = 161.0
# GeoWebNews types that are not place names as a tagger would write them (demonym modifiers,
# names inside other names such as "Washington Post"): scored in gold mode, ignored by detection.
NON_NAME_TYPES = frozenset({"Non_Literal_Modifier", "Embedded_Non_Lit"})


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym with coordinates."""

    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None
    type: str | None


@dataclass(frozen=True)
class GoldArticle:
    """An article's text and its scored toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(node: etree._Element | None) -> float | None:
    if node is None or not (node.text or "").strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def _toponym(node: etree._Element, text: str) -> GoldToponym | None:
    start, end = node.findtext("start"), node.findtext("end")
    if not start or not end:
        return None
    gaztag = node.find("gaztag")
    if gaztag is not None:  # LGL / TR-News
        lat, lon = _float(gaztag.find("lat")), _float(gaztag.find("lon"))
        gid = gaztag.get("geonameid")
        kind = None
    else:  # GeoWebNews
        lat, lon = _float(node.find("latitude")), _float(node.find("longitude"))
        gid = node.findtext("geonamesID")
        kind = node.findtext("type")
    if lat is None or lon is None:
        return None
    s, e = int(start), int(end)
    return GoldToponym(s, e, text[s:e], lat, lon, int(gid) if gid and gid.strip().isdigit() else None, kind)


def read_articles(path: Path) -> list[GoldArticle]:
    """All articles of a benchmark XML file."""
    root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=True)).getroot()
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = [t for t in (_toponym(n, text) for n in node.iter("toponym")) if t is not None]
        ident = node.get("docid") or node.get("file") or str(number)
        articles.append(GoldArticle(ident, text, tuple(toponyms)))
    return articles


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def summarise(errors: list[float], exact_hits: int, exact_total: int) -> dict[str, float]:
    """acc161, exact, AUC of the log error curve (Gritta et al. 2018; lower is better), km."""
    if not errors:
        return {"toponyms": 0, "acc161": 0.0, "exact": 0.0, "auc": 0.0, "mean_km": 0.0, "median_km": 0.0}
    logs = sorted(math.log(1 + e) for e in errors)
    if len(logs) > 1:
        area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
        auc = area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))
    else:
        auc = logs[0] / math.log(MAX_ERROR_KM)
    return {
        "toponyms": len(errors),
        "acc161": round(100 * sum(e <= ACC_KM for e in errors) / len(errors), 2),
        "exact": round(100 * exact_hits / exact_total, 2) if exact_total else 0.0,
        "auc": round(100 * auc, 2),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
    }
