"""write_all and the derived files: events.csv, events.geojson, timelinejs.json, run.json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from storyline.export import timeline_to_dict, write_all
from storyline.export.csv_export import COLUMNS, events_csv
from storyline.export.timelinejs import timelinejs

from fixtures.export import sample_timeline

RUN_REPORT = {
    "version": "0.1.0",
    "counts": {"in": 5, "stored": 3, "rejected": 1, "duplicates": 1},
    "rejections": [{"source": "junk.bin", "reason": "binary", "detail": "<script>alert(9)</script>"}],
    "seconds": {"ingest": 0.5, "annotate": 2.25, "assemble": 0.1},
    "inputs": ["seeds/"],
}


SAMPLE = sample_timeline


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    outdir = tmp_path_factory.mktemp("export") / "nested" / "out"
    return write_all(SAMPLE.build_timeline(), RUN_REPORT, outdir)


@pytest.fixture(scope="module")
def contract() -> dict:
    return timeline_to_dict(SAMPLE.build_timeline())


def test_write_all_writes_every_file(written: dict[str, Path]) -> None:
    expected = {"timeline.json", "events.csv", "events.geojson", "timelinejs.json", "report.html", "run.json"}
    assert set(written) == expected
    for name, path in written.items():
        assert path.name == name and path.is_file() and path.stat().st_size > 0
    assert not [p for p in written["report.html"].parent.iterdir() if p.name.endswith(".tmp")]
    timeline = json.loads(written["timeline.json"].read_text(encoding="utf-8"))
    assert timeline["format"] == "storyline/1"


def test_run_json_round_trips(written: dict[str, Path]) -> None:
    assert json.loads(written["run.json"].read_text(encoding="utf-8")) == RUN_REPORT


def test_csv_one_row_per_event(written: dict[str, Path]) -> None:
    rows = list(csv.DictReader(io.StringIO(written["events.csv"].read_text(encoding="utf-8"))))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [row["id"] for row in rows] == ["E1", "E2", "E3", "E4", "E5", "E6", "U1"]
    e1, e3, u1 = rows[0], rows[2], rows[6]
    assert (e1["date"], e1["precision"], e1["place"], e1["outlets"]) == (
        "2015-05",
        "month",
        "Tadmur",
        "CNN; Fox News",
    )
    assert (e1["lat"], e1["lon"]) == ("34.56049", "38.28451")
    assert e3["n_sources"] == "4"
    assert "killed: about 400 (Syrian Observatory for Human Rights via Sky News)" in e3["figures"]
    assert e3["conflicts"].startswith("figure:killed: Fox News says about 400")
    assert e3["first_source_quote"].startswith("Syrian forces backed by Russian airstrikes drove")
    timeline = json.loads(written["timeline.json"].read_text(encoding="utf-8"))
    assert [row["summary"] for row in rows[:6]] == [" ".join(e["summary"].split()) for e in timeline["events"]]
    assert u1["date"] == "" and u1["place"] == ""


def test_csv_neutralises_spreadsheet_formulas(contract: dict) -> None:
    contract = json.loads(json.dumps(contract))
    contract["events"][0]["title"] = '=HYPERLINK("x")'
    rows = list(csv.DictReader(io.StringIO(events_csv(contract))))
    assert rows[0]["title"] == '\'=HYPERLINK("x")'


def test_geojson_points_are_lon_lat(written: dict[str, Path]) -> None:
    collection = json.loads(written["events.geojson"].read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [feature["id"] for feature in features] == ["E1", "E2", "E3", "E4", "E5", "E6"]  # U1 has no place
    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (pytest.approx(38.28451), pytest.approx(34.56049))
    e2 = features[1]["properties"]
    assert e2["place"] == "Tadmur" and e2["geonameid"] == 163808 and e2["n_sources"] == 1
    assert e2["date"] == "2016-03-26" and e2["type"] == "AIRSTRIKE"


def test_timelinejs_dates_follow_precision(written: dict[str, Path]) -> None:
    document = json.loads(written["timelinejs.json"].read_text(encoding="utf-8"))
    assert document["title"]["text"]["headline"].startswith("Storyline: Tadmur")
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert set(slides) == {"E1", "E2", "E3", "E4", "E5", "E6"}
    assert slides["E1"]["start_date"] == {"year": "2015", "month": "5"}
    assert slides["E3"]["start_date"] == {"year": "2016", "month": "3", "day": "27"}
    assert slides["E3"]["group"] == "CAPTURE"
    assert slides["E3"]["text"]["headline"] == "Syrian forces recapture Palmyra from ISIS"
    for slide in document["events"]:
        assert set(slide["text"]) == {"headline", "text"}


def test_timelinejs_escapes_article_text(contract: dict) -> None:
    document = timelinejs(contract, "<b>t</b>")
    assert document["title"]["text"]["headline"] == "&lt;b&gt;t&lt;/b&gt;"
    body = json.dumps(document)
    assert "<script>" not in body and "&lt;i&gt;Wire&lt;/i&gt;" in body
    assert "year" in document["events"][0]["start_date"]


def test_timelinejs_year_and_decade_precision(contract: dict) -> None:
    contract = json.loads(json.dumps(contract))
    contract["events"][0]["date"] = {"value": "2015", "precision": "year", "approximate": True}
    contract["events"][1]["date"] = {"value": "201", "precision": "decade", "approximate": False}
    slides = timelinejs(contract, "t")["events"]
    assert slides[0]["start_date"] == {"year": "2015"} and slides[0]["display_date"] == "c. 2015"
    assert slides[1]["start_date"] == {"year": "2010"} and slides[1]["display_date"] == "2010s"
