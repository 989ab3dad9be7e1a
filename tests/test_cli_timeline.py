"""`storyline timeline` through click: events per date in run.json and the report, exit codes and
messages for names that match nothing, empty but valid exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli_timeline import EXIT_NO_MATCH, timeline_command
from storyline.export import write_all
from storyline.model import Timeline
from storyline.timeline.load import load_timeline

from fixtures.export import sample_timeline


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    timeline: Timeline = sample_timeline.build_timeline()
    write_all(timeline, {"counts": {"events": len(timeline.events)}}, folder)
    return folder


def _run(build: Path, out: Path, *options: str) -> tuple[int, str, dict, dict]:
    result = CliRunner().invoke(timeline_command, ["--from-build", str(build), "-o", str(out), *options])
    contract = json.loads((out / "timeline.json").read_text(encoding="utf-8")) if (out / "timeline.json").is_file() else {}
    run = json.loads((out / "run.json").read_text(encoding="utf-8")) if (out / "run.json").is_file() else {}
    return result.exit_code, result.output, contract, run


def test_alias_and_attribution_queries(build: Path, tmp_path: Path) -> None:
    code, _, contract, run = _run(build, tmp_path / "isis", "--entity", "ISIS")
    assert code == 0
    assert {e["id"] for e in contract["events"]} == {"E1", "E3", "E4", "E5"}
    assert run["query_matches"]["entities"][0]["name"] == "Islamic State"
    code, _, contract, _ = _run(build, tmp_path / "sohr", "--entity", "SOHR")
    assert code == 0 and [e["id"] for e in contract["events"]] == ["E3"]
    # the event's place keeps its entity record (coordinates) and its GeoJSON point
    place = next(e for e in contract["entities"] if e["id"] == contract["events"][0]["place"])
    assert place["lat"] and place["lon"]
    geojson = json.loads((tmp_path / "sohr" / "events.geojson").read_text(encoding="utf-8"))
    assert len(geojson["features"]) == 1


def test_place_and_month_queries(build: Path, tmp_path: Path) -> None:
    code, _, contract, run = _run(build, tmp_path / "syria", "--place", "Syria")
    assert code == 0 and len(contract["events"]) == 6
    assert run["query_matches"]["places"] == ["Syria (country, SY)"]
    assert run["query_matches"]["events_per_place"] == {"Syria (country, SY)": 6}
    code, output, contract, run = _run(build, tmp_path / "march", "--from", "2016-03-01", "--to", "2016-03-31")
    assert code == 0 and [e["id"] for e in contract["events"]] == ["E2", "E3"]
    assert run["counts"]["events_dated_too_coarsely"] == 0
    code, output, contract, run = _run(build, tmp_path / "mid", "--from", "2016-12-10", "--to", "2016-12-20")
    assert code == EXIT_NO_MATCH and run["counts"]["events_dated_too_coarsely"] == 1
    assert "dated too coarsely" in output


def test_unknown_names_exit_1_with_a_message_and_valid_empty_output(build: Path, tmp_path: Path) -> None:
    for option, name in (("--entity", "Zzyzx Brigade"), ("--place", "Zzyzxq"), ("--about", "zeppelin")):
        out = tmp_path / option.strip("-")
        code, output, contract, run = _run(build, out, option, name, "--max-dates", "3", "--sentences-per-date", "1")
        assert code == EXIT_NO_MATCH == 1, output
        assert "matches no event" in output and "0 events on 0 dates" in output
        assert contract["events"] == [] and contract["undated"] == [] and contract["articles"]
        assert load_timeline(out).events == ()
        assert run["counts"]["events"] == 0 and run["query_matches"]["notes"]
        assert (out / "report.html").is_file()
    _, output, _, _ = _run(build, tmp_path / "typo", "--entity", "Observatry")
    assert "close: Observatory" in output


def test_events_per_date_in_run_json_and_report(build: Path, tmp_path: Path) -> None:
    code, output, contract, run = _run(build, tmp_path / "q", "--max-dates", "2", "--events-per-date", "1",
                                       "--sentences-per-date", "1")
    assert code == 0
    assert run["query"]["events_per_date"] == 1 and "--events-per-date 1" in run["query_text"]
    assert len(run["dates"]) == 2 and all(d["kept"] <= 1 for d in run["dates"])
    assert run["counts"]["events_left_out_on_kept_dates"] == sum(d["left_out"] for d in run["dates"])
    assert len(contract["events"]) == sum(d["kept"] for d in run["dates"])
    # provenance of each day summary: article + span; the text is the span without its cuts
    texts = {a["id"]: a["text"] for a in contract["articles"]}
    sources = [source for day in run["dates"] for source in day["summary_sources"]]
    assert sources and len(sources) == sum(d["summary_sentences"] for d in run["dates"])
    for source in sources:
        text, kept, at = texts[source["article_id"]], [], source["start"]
        for cut_start, cut_end in source.get("cuts", []):
            kept.append(text[at:cut_start])
            at = cut_end
        kept.append(text[at : source["end"]])
        assert " ".join("".join(kept).split()) == " ".join(source["text"].split())
    report = (tmp_path / "q" / "report.html").read_text(encoding="utf-8")
    assert "left_out" in report and run["query_text"] in report


def test_events_per_date_rejects_negative_numbers(build: Path, tmp_path: Path) -> None:
    code, _, _, _ = _run(build, tmp_path / "neg", "--events-per-date", "-1")
    assert code == 2


def test_readme_lists_every_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Options of `storyline timeline`"):readme.index("Options of `storyline build`")]
    for param in timeline_command.params:
        assert any(f"`{opt}" in section for opt in param.opts), param.opts
