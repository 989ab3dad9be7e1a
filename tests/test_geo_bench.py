"""The geoparsing harness reads both XML layouts and scores resolution (synthetic fixtures)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture(scope="module")
def geo_data():
    sys.path.insert(0, str(BENCH))
    try:
        import geo_data as module
    finally:
        sys.path.remove(str(BENCH))
    return module


def test_reads_lgl_layout_and_skips_toponyms_without_coordinates(geo_data):
    (article,) = geo_data.read_articles(FIXTURES / "lgl_format.xml")
    assert [t.text for t in article.toponyms] == ["Homs", "Palmyra", "Geneva"]
    assert article.toponyms[1].geonameid == 163808


def test_reads_geowebnews_layout(geo_data):
    (article,) = geo_data.read_articles(FIXTURES / "gwn_format.xml")
    assert [(t.text, t.type) for t in article.toponyms] == [("Syrian", "Non_Literal_Modifier"), ("Raqqa", "Literal")]


def test_gold_spans_resolve_within_161_km(geo_data):
    from storyline.geo import resolve_spans

    (article,) = geo_data.read_articles(FIXTURES / "lgl_format.xml")
    mentions = resolve_spans(article.text, [(t.start, t.end) for t in article.toponyms], article.id)
    errors = [geo_data.haversine_km(t.lat, t.lon, m.place.lat, m.place.lon) for t, m in zip(article.toponyms, mentions)]
    summary = geo_data.summarise(errors, 0, 0)
    assert summary["acc161"] == 100.0 and summary["toponyms"] == 3


def test_summary_penalises_misses(geo_data):
    summary = geo_data.summarise([0.0, geo_data.MAX_ERROR_KM], 1, 2)
    assert summary["acc161"] == 50.0 and summary["exact"] == 50.0 and summary["auc"] > 40
