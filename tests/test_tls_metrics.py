"""The news-tls / tilse metrics of bench/tls_metrics.py on small hand-checked timelines."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

pytest.importorskip("snowballstemmer")

from tls_metrics import align_m1, date_prf, rouge_approximation, rouge_counts, rouge_tokens  # noqa: E402

D1, D2, D3 = dt.date(2011, 4, 22), dt.date(2011, 4, 23), dt.date(2011, 10, 3)


def test_rouge_tokens_follow_rouge_155() -> None:
    # lower-cased, punctuation to spaces, SMART stop words out, tokens > 3 chars Porter-stemmed
    assert rouge_tokens(["The protesters were killed , in Deraa's streets ."]) == ["protest", "kill", "deraa", "street"]
    assert rouge_tokens(["pro-Assad forces"]) == ["pro", "assad", "forc"]
    assert rouge_tokens(["UN 72 men"]) == ["72", "men"]  # "un" is a SMART stop word


def test_rouge_counts_clip_and_sum() -> None:
    hits, peer, model = rouge_counts(["killed killed protesters"], [["protesters killed"]], 1)
    assert (hits, peer, model) == (2, 3, 2)
    hits, peer, model = rouge_counts(["protesters killed today"], [["protesters killed"]], 2)
    assert (hits, peer, model) == (1, 2, 1)


def test_identical_timelines_score_one() -> None:
    gold = {D1: ["72 protesters were killed by security forces ."], D3: ["The Syrian National Council was formed ."]}
    scores = align_m1(gold, gold)
    assert scores["rouge_1"]["f_score"] == pytest.approx(1.0)
    assert scores["rouge_2"]["f_score"] == pytest.approx(1.0)
    assert date_prf(list(gold), list(gold))["f_score"] == 1.0


def test_a_day_off_halves_the_credit() -> None:
    gold = {D1: ["72 protesters were killed by security forces ."]}
    predicted = {D2: ["72 protesters were killed by security forces ."]}
    scores = align_m1(predicted, gold)
    assert scores["rouge_1"]["precision"] == pytest.approx(0.5)
    assert scores["rouge_1"]["recall"] == pytest.approx(0.5)
    assert date_prf(list(predicted), list(gold))["f_score"] == 0.0


def test_many_to_one_alignment_uses_content() -> None:
    gold = {D1: ["72 protesters were killed ."], D3: ["opposition groups formed the Syrian National Council ."]}
    # both predicted days align to the gold day whose content they share, not the nearest one
    predicted = {D2: ["opposition groups formed the Syrian National Council ."]}
    scores = align_m1(predicted, gold)
    distance = (D3 - D2).days + 1
    assert scores["rouge_1"]["precision"] == pytest.approx(1 / distance)


def test_rouge_approximation_matches_tilse() -> None:
    assert rouge_approximation(["a b c"], [["a b d e"]]) == pytest.approx(2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4))
    assert rouge_approximation([], [["a"]]) == 0.0
