"""Timeline summarisation metrics as news-tls computes them, in pure Python.

news-tls scores with ``tilse``'s ``TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])``
(ROUGE-1.5.5 through pyrouge with ``-n 2 -x -f A -t 2 -m -s``: Porter stemming of tokens longer
than 3 characters, SMART stop words removed, raw counts summed over the aligned days) and
``evaluate_align_date_content_costs_many_to_one``, plus Date F1 (set overlap of days).

This module transcribes that code path:
- ``rouge_counts`` follows ROUGE-1.5.5: lower-case, hyphens split off (" - "), every character
  outside ``[a-z0-9-]`` becomes a space, tokens not starting with ``[a-z0-9$]`` and SMART stop words are dropped,
  tokens longer than 3 characters are Porter-stemmed, n-grams run across the sentences of a
  day's summary, hits are clipped counts. Difference: ROUGE first looks a token up in its
  WordNet-2.0 exception table (irregular forms: "fled" -> "flee") before stemming; that table is
  not shipped here, so irregular forms are only Porter-stemmed. The Porter stemmer is the
  ``snowballstemmer`` package's "porter" (Martin Porter's original algorithm, as in ROUGE).
- ``align_m1`` is ``_evaluate_per_day_mapping_micro`` with ``_get_date_content_costs`` and
  ``_assign_to_min_cost``, including tilse's ``compute_rouge_approximation`` for the content
  cost (whitespace tokens, punctuation tokens dropped, no lower-casing).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

DayTimeline = Mapping[dt.date, Sequence[str]]

_NON_ALNUM = re.compile(r"[^a-z0-9\-]")
_TOKEN_START = re.compile(r"^[a-z0-9$]")


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    path = Path(__file__).with_name("tls_smart_common_words.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@functools.lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    try:
        import snowballstemmer
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SystemExit("bench/tls.py needs snowballstemmer (pip install snowballstemmer==3.1.1)") from error
    return snowballstemmer.stemmer("porter")


@functools.lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    return _stemmer().stemWord(token) if len(token) > 3 else token


def rouge_tokens(sentences: Sequence[str]) -> list[str]:
    """ROUGE-1.5.5's tokens of a summary (all its sentences concatenated)."""
    stop = _stopwords()
    tokens: list[str] = []
    for sentence in sentences:
        text = _NON_ALNUM.sub(" ", sentence.lower().replace("-", " - "))
        for token in text.split():
            if token in stop or not _TOKEN_START.match(token):
                continue
            tokens.append(_stem(token))
    return tokens


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_counts(summary: Sequence[str], references: Sequence[Sequence[str]], n: int) -> tuple[float, float, float]:
    """(hits, peer count, model count) of ROUGE-n for one summary against its references.

    Like ROUGE-1.5.5 with ``-f A``: counts are summed over the references (the peer count once
    per reference).
    """
    peer = _ngrams(rouge_tokens(summary), n)
    hits = 0.0
    peer_total = 0.0
    model_total = 0.0
    for reference in references:
        model = _ngrams(rouge_tokens(reference), n)
        hits += sum(min(count, peer.get(gram, 0)) for gram, count in model.items())
        peer_total += sum(peer.values())
        model_total += sum(model.values())
    return hits, peer_total, model_total


def rouge_approximation(summary: Sequence[str], references: Sequence[Sequence[str]]) -> float:
    """tilse's ``compute_rouge_approximation``: a quick ROUGE-1 F over whitespace tokens."""
    pred = Counter(k for s in summary for k in s.split() if k not in string.punctuation)
    refs = [Counter(k for s in ref for k in s.split() if k not in string.punctuation) for ref in references]
    match = sum(min(pred[t], ref[t]) for t in pred for ref in refs)
    prec_denom = len(refs) * sum(pred.values())
    precision = match / prec_denom if prec_denom else 0.0
    rec_denom = sum(sum(ref.values()) for ref in refs)
    recall = match / rec_denom if rec_denom else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def f_score(precision: float, recall: float) -> float:
    """F1 (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _date_factor(a: dt.date, b: dt.date) -> float:
    return 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def align_m1(predicted: DayTimeline, reference: DayTimeline) -> dict[str, dict[str, float]]:
    """``evaluate_align_date_content_costs_many_to_one`` for one reference timeline.

    Returns {"rouge_1": {"precision", "recall", "f_score"}, "rouge_2": {...}}.
    """
    pred_dates = sorted(predicted)
    ref_dates = sorted(reference)
    result: dict[str, dict[str, float]] = {}
    if not pred_dates or not ref_dates:
        return {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2")}
    approx = {
        (p, r): rouge_approximation(predicted[p], [reference[r]]) for p in pred_dates for r in ref_dates
    }

    def cost(p: dt.date, r: dt.date) -> float:
        return _date_factor(p, r) * (1 - approx[(p, r)])

    # precision: each predicted day to its cheapest reference day (first minimum, as numpy argmin)
    prec_pairs = [(p, min(ref_dates, key=lambda r: cost(p, r))) for p in pred_dates]
    # recall: each reference day to its cheapest predicted day
    rec_pairs = [(min(pred_dates, key=lambda p: cost(p, r)), r) for r in ref_dates]
    for n, name in ((1, "rouge_1"), (2, "rouge_2")):
        p_num = p_den = r_num = r_den = 0.0
        for p, r in prec_pairs:
            hits, peer, _ = rouge_counts(predicted[p], [reference[r]], n)
            p_num += hits / (abs(p.toordinal() - r.toordinal()) + 1)
            p_den += peer
        for p, r in rec_pairs:
            hits, _, model = rouge_counts(predicted[p], [reference[r]], n)
            r_num += hits / (abs(p.toordinal() - r.toordinal()) + 1)
            r_den += model
        precision = p_num / p_den if p_den else 0.0
        recall = r_num / r_den if r_den else 0.0
        result[name] = {"precision": precision, "recall": recall, "f_score": f_score(precision, recall)}
    return result


def date_prf(predicted: Sequence[dt.date], reference: Sequence[dt.date]) -> dict[str, float]:
    """news-tls ``evaluate_dates``: precision, recall and F of the predicted set of days."""
    pred, ref = set(predicted), set(reference)
    shared = len(pred & ref)
    precision = shared / len(pred) if pred else 0.0
    recall = shared / len(ref) if ref else 0.0
    return {"precision": precision, "recall": recall, "f_score": f_score(precision, recall)}
