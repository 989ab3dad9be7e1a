"""The coreference metrics of bench/coref_metrics.py on hand-checked examples."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "coref_metrics.py"
_spec = importlib.util.spec_from_file_location("coref_metrics", BENCH)
metrics = importlib.util.module_from_spec(_spec)
sys.modules["coref_metrics"] = metrics
_spec.loader.exec_module(metrics)

# Pradhan et al. 2014, "Scoring coreference partitions of predicted mentions", figure 1.
KEY = [["a", "b", "c"], ["d", "e", "f", "g"]]
RESPONSE = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]]


def test_muc_counts_links():
    score = metrics.muc(KEY, RESPONSE)
    assert score.recall == pytest.approx(0.4)
    assert score.precision == pytest.approx(0.4)


def test_b_cubed_per_mention():
    score = metrics.b_cubed(KEY, RESPONSE)
    assert score.recall == pytest.approx(5 / 12)  # (4/3 + 1/3 + 1/4 + 4/4) / 7
    assert score.precision == pytest.approx(0.5)


def test_ceaf_e_best_alignment():
    score = metrics.ceaf_e(KEY, RESPONSE)
    assert score.recall == pytest.approx(0.65)
    assert score.precision == pytest.approx(1.3 / 3)


def test_perfect_and_all_singletons():
    perfect = metrics.conll(KEY, KEY)
    assert perfect["conll_f1"] == pytest.approx(100.0)
    singletons = [[m] for cluster in KEY for m in cluster]
    split = metrics.conll(KEY, singletons)
    assert split["muc_f1"] == 0.0
    assert split["b3_p"] == pytest.approx(100.0)
    assert split["b3_r"] == pytest.approx(100 * (3 * 1 / 3 + 4 * 1 / 4) / 7)
    assert 0 < split["conll_f1"] < 50


def test_singletons_in_both_key_and_response_count_for_b3_and_ceaf_only():
    key = [["a", "b"], ["c"]]
    response = [["a", "b"], ["c"]]
    assert metrics.conll(key, response)["conll_f1"] == pytest.approx(100.0)
    merged = metrics.conll(key, [["a", "b", "c"]])
    assert merged["muc_r"] == pytest.approx(100.0)
    assert merged["muc_p"] == pytest.approx(50.0)
    assert merged["ceafe_p"] == pytest.approx(100 * 0.8)


@pytest.mark.parametrize(
    ("cost", "best"),
    [
        ([[4, 1, 3], [2, 0, 5], [3, 2, 2]], 5),
        ([[1, 2], [2, 1]], 2),
        ([[0]], 0),
    ],
)
def test_hungarian_finds_minimum_cost(cost, best):
    assignment = metrics.hungarian(cost)
    assert sorted(assignment) == list(range(len(cost)))
    assert sum(cost[row][column] for row, column in enumerate(assignment)) == best
