"""The ``storyline build`` command end to end, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import EXIT_NOTHING_STORED, EXIT_OK, EXIT_SOME_REJECTED, main

EXPORTS = ("timeline.json", "events.csv", "events.geojson", "timelinejs.json", "report.html", "run.json")


def _build(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(main, ["build", "--workers", "1", "-q", *args], input=stdin)


def test_build_seeds_writes_every_export(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = _build([*map(str, sorted(seeds_dir.glob("*.txt"))),
                     "--manifest", str(seeds_dir / "manifest.jsonl"), "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    for name in EXPORTS:
        assert (out / name).stat().st_size > 0, name
    timeline = json.loads((out / "timeline.json").read_text())
    assert timeline["format"] == "storyline/1"
    assert {a["outlet"] for a in timeline["articles"]} == {"CNN", "Fox News"}
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["in"] == 2 and run["counts"]["stored"] == 2


def test_rejections_are_reported_and_change_exit_code(seeds_dir: Path, tmp_path: Path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    out = tmp_path / "out"
    result = _build([str(seeds_dir / "003_bcf745aab0728cfb.txt"), str(junk), str(empty),
                     "--manifest", str(seeds_dir / "manifest.jsonl"), "-o", str(out)])
    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    run = json.loads((out / "run.json").read_text())
    counts = run["counts"]
    assert counts["in"] == counts["stored"] + counts["rejected"] + counts["duplicates"] == 3
    assert {Path(r["source"]).name for r in run["rejections"]} == {"junk.bin", "empty.txt"}
    assert all(r["reason"] for r in run["rejections"])
    assert "junk.bin" in result.stderr


def test_nothing_stored_exit_code(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _build([str(empty), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_NOTHING_STORED, result.output


def test_same_article_twice_is_stored_once(seeds_dir: Path, tmp_path: Path):
    source = seeds_dir / "003_bcf745aab0728cfb.txt"
    copy = tmp_path / "copy.txt"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = _build([str(source), str(copy), "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    counts = json.loads((out / "run.json").read_text())["counts"]
    assert (counts["in"], counts["stored"], counts["duplicates"]) == (2, 1, 1)


def test_stdin_jsonl_and_log_json(tmp_path: Path, seed_texts: dict[str, str]):
    text = seed_texts["003_bcf745aab0728cfb.txt"]
    line = json.dumps({"text": text, "outlet": "Fox News", "published": "2016-03-27"})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-", "-o", str(out), "--workers", "1", "--log-json"],
                                input=line + "\n")
    assert result.exit_code == EXIT_OK, result.output
    records = [json.loads(x) for x in result.stderr.splitlines() if x.startswith("{")]
    assert records and all("event" in r for r in records)
    article = json.loads((out / "timeline.json").read_text())["articles"][0]
    assert (article["published"], article["published_source"]) == ("2016-03-27", "metadata")


def test_published_option_and_resume(tmp_path: Path, seed_texts: dict[str, str]):
    article = tmp_path / "article.txt"
    article.write_text(seed_texts["000_a84132ea530cafa9.txt"], encoding="utf-8")
    out = tmp_path / "out"
    first = _build([str(article), "--published", "2017-03-02", "-o", str(out)])
    assert first.exit_code == EXIT_OK, first.output
    data = json.loads((out / "timeline.json").read_text())
    assert data["articles"][0]["published_source"] == "user"
    second = _build([str(article), "--published", "2017-03-02", "-o", str(out)])
    assert second.exit_code == EXIT_OK
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["resumed_from_cache"] == 1
    assert json.loads((out / "timeline.json").read_text())["events"] == data["events"]


@pytest.mark.parametrize("args", [["--published", "yesterday"], ["--field", "textonly"]])
def test_usage_errors(args: list[str], tmp_path: Path):
    result = _build(["x.txt", *args, "-o", str(tmp_path)])
    assert result.exit_code == 2
