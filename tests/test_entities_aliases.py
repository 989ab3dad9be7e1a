"""Alias pair test set (FA-KES and conflict news names): precision and recall of name matching."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from storyline.entities.matching import same_entity

PAIRS = Path(__file__).parent / "fixtures" / "entities" / "alias_pairs.tsv"


@pytest.fixture(scope="module")
def pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_set_is_large_and_balanced_enough(pairs):
    assert len(pairs) >= 150
    assert sum(p["same"] == "0" for p in pairs) >= 40
    assert sum(p["source"] == "fakes" for p in pairs) >= 75


def test_precision_and_recall(pairs):
    tp = fp = fn = 0
    false_merges = []
    for pair in pairs:
        predicted = same_entity(pair["name_a"], pair["name_b"], pair["type"])
        gold = pair["same"] == "1"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        if predicted and not gold:
            false_merges.append((pair["name_a"], pair["name_b"]))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"alias pairs: n={len(pairs)} precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.98, false_merges
    assert recall >= 0.93


def test_people_sharing_a_surname_never_merge(pairs):
    for pair in pairs:
        if pair["type"] == "PERSON" and pair["same"] == "0":
            assert not same_entity(pair["name_a"], pair["name_b"], "PERSON"), pair
