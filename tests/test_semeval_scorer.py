"""The SemEval-2015 TimeLine scorer (bench/semeval_scorer.py) and the task's file formats."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import semeval_corpus as corpus  # noqa: E402
import semeval_scorer as scorer  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "semeval"


def _timeline(entity: str, rows: list[tuple[int, str, str]]) -> corpus.Timeline:
    return corpus.Timeline(entity, tuple(corpus.Entry(p, a, tuple(e.split())) for p, a, e in rows))


@pytest.fixture()
def gold() -> corpus.Timeline:
    return corpus.read_timeline(FIXTURES / "gold_acme.in")


def test_gold_against_itself_is_100(gold: corpus.Timeline) -> None:
    assert scorer.prf([scorer.score_timeline(gold, gold)]) == {"micro_p": 100.0, "micro_r": 100.0, "micro_f1": 100.0}


def test_empty_output_is_0(gold: corpus.Timeline) -> None:
    empty = corpus.Timeline(gold.entity, ())
    assert scorer.prf([scorer.score_timeline(gold, empty)])["micro_f1"] == 0.0
    assert scorer.prf([scorer.score_timeline(gold, None)])["micro_f1"] == 0.0


def test_shuffled_gold_scores_lower(gold: corpus.Timeline) -> None:
    rng = random.Random(7)
    for _ in range(5):
        positions = [e.position for e in gold.entries]
        rng.shuffle(positions)
        if positions == [e.position for e in gold.entries]:
            continue
        shuffled = corpus.Timeline(gold.entity, tuple(
            corpus.Entry(p, e.anchor, e.events) for p, e in zip(positions, gold.entries)))
        assert scorer.prf([scorer.score_timeline(gold, shuffled)])["micro_f1"] < 100.0


def test_hand_computed_counts() -> None:
    gold = _timeline("X", [(1, "2001-XX-XX", "d-1-a"), (2, "2005-XX-XX", "d-2-b")])
    system = _timeline("X", [(1, "2001", "d-1-a"), (2, "2006-XX-XX", "d-2-b")])
    counts = scorer.score_timeline(gold, system)
    # a = t2001 matches, b = t2006 is no gold relation, a BEFORE b holds in both graphs
    assert counts == scorer.Counts(precision_matched=2, system_total=3, recall_matched=2, gold_total=3)


def test_precision_uses_the_gold_closure() -> None:
    gold = _timeline("X", [(1, "XXXX-XX-XX", "d-1-a"), (2, "XXXX-XX-XX", "d-2-b"), (3, "XXXX-XX-XX", "d-3-c")])
    system = _timeline("X", [(1, "XXXX-XX-XX", "d-1-a"), (2, "XXXX-XX-XX", "d-3-c")])
    counts = scorer.score_timeline(gold, system)
    assert (counts.precision_matched, counts.system_total) == (1, 1)  # a < c follows from a < b < c
    assert (counts.recall_matched, counts.gold_total) == (0, 2)


def test_redundant_relations_leave_the_reduced_graph() -> None:
    graph = scorer.build_graph([("a", "b", "BEFORE"), ("b", "c", "BEFORE"), ("a", "c", "BEFORE"),
                                ("c", "d", "SIMULTANEOUS"), ("a", "d", "BEFORE")])
    assert graph.reduced() == [("a", "b", "BEFORE"), ("b", "c", "BEFORE"), ("c", "d", "SIMULTANEOUS")]
    assert graph.holds("d", "a", "AFTER") == "true"
    assert graph.holds("a", "d", "SIMULTANEOUS") == "false"
    assert graph.holds("a", "zzz", "BEFORE") == "unknown"


def test_contradictions_are_kept_as_violations() -> None:
    # one anchor at two positions: both events equal the timex, yet one is before the other
    timeline = _timeline("X", [(1, "1985", "d-1-a"), (2, "1985-XX-XX", "d-2-b")])
    graph = scorer.build_graph(scorer.timeline_relations(timeline))
    assert graph.violated == [("d-1-a", "d-2-b", "BEFORE")]
    assert len(graph.reduced()) == 3


def test_position_zero_can_be_left_unordered() -> None:
    timeline = _timeline("X", [(0, "XXXX-XX-XX", "d-1-a"), (1, "2001", "d-2-b")])
    assert ("d-1-a", "d-2-b", "BEFORE") in scorer.timeline_relations(timeline)
    assert scorer.timeline_relations(timeline, zero_unordered=True) == [("d-2-b", "t:2001", "SIMULTANEOUS")]


@pytest.mark.parametrize("anchor, expected", [
    ("2005-XX-XX", "2005"), ("2006-12-XX", "2006-12"), ("2006-01", "2006-01"),
    ("2005-06-13", "2005-06-13"), ("XXXX-XX-XX", None)])
def test_anchor_normalisation(anchor: str, expected: str | None) -> None:
    assert scorer.normalise_anchor(anchor) == expected


def test_read_document_keeps_timeml_numbering_and_drops_tags() -> None:
    doc = corpus.read_document(FIXTURES / "doc_1002.in")
    assert doc.doc_id == "1002" and str(doc.dct) == "2011-02-10"
    assert [s.number for s in doc.sentences] == [0, 1, 2]
    assert doc.sentences[2].tokens[:4] == ("Workers", "at", "Widget", "Inc")
    assert "walked" in doc.sentences[2].tokens and "&" in doc.sentences[2].tokens


def test_layouts_are_detected(tmp_path: Path, gold: corpus.Timeline) -> None:
    evaluation = tmp_path / "corpus_9"
    (evaluation / "corpus_trackA_TimeML").mkdir(parents=True)
    (evaluation / "TimeLines_Gold_Standard").mkdir()
    (evaluation / "list_target_entities_corpus_9.txt").write_text("Acme Corp\nWidget Inc\n")
    layout = corpus.find_layout(evaluation)
    assert layout.entities == ("Acme Corp", "Widget Inc")
    assert layout.texts.name == "corpus_trackA_TimeML"

    trial = tmp_path / "trial"
    (trial / "Corpus-trial-data_task4_TimeML").mkdir(parents=True)
    corpus.write_timeline(gold, trial / "TimeLines_trial_data_task4_v1.2")
    layout = corpus.find_layout(trial)
    assert layout.entities == ("Acme Corp",)
    assert corpus.read_timeline(layout.gold / "acme_corp.txt") == gold


def test_timeline_files_round_trip(tmp_path: Path, gold: corpus.Timeline) -> None:
    path = corpus.write_timeline(gold, tmp_path)
    assert path.name == "acme_corp.txt"
    assert corpus.read_timeline(path) == gold
    shutil.copy(FIXTURES / "gold_acme.in", tmp_path / "copy.txt")
    assert corpus.read_timeline(tmp_path / "copy.txt").entries[3].events == ("1001-2-announced", "1001-0-buys")
