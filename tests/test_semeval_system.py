"""Storyline's SemEval-2015 TimeLine system and harness on hand-made TimeML fixtures."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import semeval_corpus as corpus  # noqa: E402
import semeval_system as system  # noqa: E402
import semeval_targets as targets  # noqa: E402
import semeval_timeline as harness  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "semeval"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus folder in the evaluation layout, built from the fixtures."""
    root = tmp_path_factory.mktemp("semeval") / "corpus_x"
    texts = root / "corpus_trackA_TimeML"
    texts.mkdir(parents=True)
    shutil.copy(FIXTURES / "doc_1001.in", texts / "1001_Acme_Corp_buys_Widget_Inc.tml")
    shutil.copy(FIXTURES / "doc_1002.in", texts / "1002_Widget_Inc_workers_strike.tml")
    (root / "TimeLines_Gold_Standard").mkdir()
    shutil.copy(FIXTURES / "gold_acme.in", root / "TimeLines_Gold_Standard" / "acme_corp.txt")
    (root / "list_target_entities_corpus_x.txt").write_text("Acme Corp\nWidget Inc\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def analyses(folder: Path) -> list[system.DocEvents]:
    documents = corpus.read_documents(folder / "corpus_trackA_TimeML")
    return [system.analyse(parsed) for parsed in system.parse(documents)]


def _rows(timeline: corpus.Timeline) -> dict[str, tuple[int, str]]:
    return {event: (entry.position, entry.anchor) for entry in timeline.entries for event in entry.events}


def test_parse_keeps_one_token_per_timeml_token(analyses: list[system.DocEvents]) -> None:
    parsed = analyses[0].parsed
    refs = [ref for ref in parsed.ref if ref is not None]
    assert len(refs) == sum(len(s.tokens) for s in parsed.source.sentences)
    assert refs[:2] == [(0, "Acme"), (0, "Corp")]
    assert [t.text for t in parsed.doc if parsed.ref[t.i] == (2, "announced")] == ["announced"]


def test_timeline_events_ids_anchors_and_order(analyses: list[system.DocEvents]) -> None:
    acme = system.build_timelines(analyses, ["Acme Corp", "Widget Inc"])[0]
    rows = _rows(acme)
    assert rows["1001-3-opened"] == (1, "2001-03-03")  # a timex governing the event
    assert rows["1001-4-sold"] == (2, "2005-XX-XX")  # "The company" refers back to Acme Corp
    assert rows["1001-2-announced"] == (3, "2010-05-04")  # "today": the publication day
    assert rows["1001-2-bought"][1] == "2010-05-04"  # lead news, subject "it"
    assert rows["1002-2-criticised"] == (4, "2011-02-09")  # the news day ("on Wednesday")
    assert "1001-5-keep" not in rows  # undated: left out by default
    assert [e.position for e in acme.entries] == sorted(e.position for e in acme.entries)


def test_undated_events_can_be_kept_at_position_zero(analyses: list[system.DocEvents]) -> None:
    acme = system.build_timelines(analyses, ["Acme Corp"], keep_undated=True)[0]
    assert _rows(acme)["1001-5-keep"] == (0, "XXXX-XX-XX")


def test_target_names_and_kinds(analyses: list[system.DocEvents]) -> None:
    docs = [a.parsed.doc for a in analyses]
    assert targets.make_target("Acme Corp", docs).forms == (("acme", "corp"),)
    air_force = targets.make_target("United States Air Force", docs).forms
    assert ("usaf",) in air_force and ("united", "states") not in air_force  # no part spaCy calls an ORG
    assert targets.make_target("Louis Gallois").kind == "PERSON"
    boeing = targets.make_target("Boeing 787 Dreamliner")
    assert boeing.kind == "PRODUCT" and ("787", "dreamliner") in boeing.forms and ("787",) in boeing.weak_forms
    assert targets.make_target("iPhone 4").weak_forms == ()  # a one-digit model is no name


def test_harness_prints_json_last(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert harness.main([str(folder), "--out", str(tmp_path), "--errors"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert {"micro_p", "micro_r", "micro_f1", "timelines"} <= set(result)
    assert result["timelines"] == 1 and result["micro_f1"] > 50
    assert (tmp_path / "acme_corp.txt").exists() and (tmp_path / "widget_inc.txt").exists()
    scored = harness.main([str(folder), "--score-only", str(folder / "TimeLines_Gold_Standard")])
    assert scored == 0 and json.loads(capsys.readouterr().out.strip().splitlines()[-1])["micro_f1"] == 100.0
