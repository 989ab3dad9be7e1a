"""Fits the linker's pair model (logistic regression) on ECB+ training topics.

Usage::

    .venv/bin/python bench/ecb_fit.py ../shared/data/ecbplus --topics 1 3 4 ... [--cache FILE]

Candidate pairs come from the linker's own blocking within each topic (stories found by the
linker); the label says whether both gold mentions share a chain. Prints the weights to paste
into ``storyline/link/settings.py`` and, as its last line, one JSON object with them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecb_corpus  # noqa: E402
import ecb_features  # noqa: E402

from storyline.link import blocking, features, similarity  # noqa: E402
from storyline.link.stories import story_of_article  # noqa: E402

L2 = 1.0  # ridge penalty on the weights (not the bias)
# Features ECB+ gold mentions cannot show (no storyline event types): their weights stay hand-set.
HAND_SET = frozenset({"same_type_only"})
# Clashes (two different places, agents or patients) can only count against a link: a clash
# feature whose fitted weight comes out positive is dropped (weight 0) and the rest refitted.
NON_POSITIVE = frozenset({"place_clash", "agent_clash", "patient_clash", "persons_clash"})


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50, offset: np.ndarray | None = None
) -> np.ndarray:
    """Newton (IRLS) logistic regression with a ridge penalty; returns [bias, weights...].

    ``offset`` is a fixed logit added to every row (the contribution of weights held fixed)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    fixed = np.zeros(len(x)) if offset is None else offset
    weights = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0

    def loss(w: np.ndarray) -> float:
        logit = design @ w + fixed
        return float(np.sum(np.logaddexp(0.0, logit) - y * logit) + 0.5 * np.sum(penalty * w * w))

    for _ in range(steps):
        probability = 1.0 / (1.0 + np.exp(-np.clip(design @ weights + fixed, -500, 500)))
        gradient = design.T @ (probability - y) + penalty * weights
        hessian = (design * (probability * (1 - probability))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.lstsq(hessian, gradient, rcond=None)[0]
        current, scale = loss(weights), 1.0
        while scale > 1e-4 and loss(weights - scale * step) > current:
            scale /= 2  # Newton overshoots far from the optimum: halve the step
        weights = weights - scale * step
        if np.abs(scale * step).max() < 1e-8:
            break
    return weights


def fit_signed(x: np.ndarray, y: np.ndarray, fixed: dict[str, float] | None = None) -> np.ndarray:
    """``fit_logistic`` with the NON_POSITIVE features held at 0 when their weight comes out
    positive, and the ``fixed`` weights (feature name -> weight) held at their values."""
    fixed = fixed or {}
    held = [similarity.FEATURE_NAMES.index(name) for name in fixed]
    offset = sum((x[:, c] * fixed[similarity.FEATURE_NAMES[c]] for c in held), np.zeros(len(x)))
    kept = [c for c in range(x.shape[1]) if c not in held]
    while True:
        fitted = fit_logistic(x[:, kept], y, offset=offset)
        weights = np.zeros(x.shape[1] + 1)
        weights[0] = fitted[0]
        weights[[column + 1 for column in kept]] = fitted[1:]
        for c in held:
            weights[c + 1] = fixed[similarity.FEATURE_NAMES[c]]
        wrong = [c for c in kept if similarity.FEATURE_NAMES[c] in NON_POSITIVE and weights[c + 1] > 0]
        if not wrong:
            return weights
        kept = [c for c in kept if c not in wrong]


def main() -> None:
    """Collect candidate pairs of the training topics, fit, print the weights."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--topics", nargs="+", required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--fix", nargs="*", default=[], metavar="NAME=WEIGHT",
                        help="hold a feature's weight fixed, e.g. same_story=2.5")
    args = parser.parse_args()
    sentences = ecb_corpus.find_sentences_file(args.data)
    validated = ecb_corpus.read_validated_sentences(sentences) if sentences else None
    documents = ecb_corpus.read_corpus(args.data, set(args.topics), validated)
    parsed = ecb_features.parse_documents(documents, args.cache)
    entity_of_mention: dict = {}
    by_topic = defaultdict(list)
    chain = {}
    for document in documents:
        analysis, gold = ecb_features.to_analysis(document, parsed, entity_of_mention)
        by_topic[document.topic].append(analysis)
        chain.update({ident: mention.chain for ident, mention in gold.items()})
    rows, labels = [], []
    for analyses in by_topic.values():
        stories = story_of_article(analyses, entity_of_mention)
        prepared = features.build(analyses, entity_of_mention, stories)
        for first, second in blocking.candidate_pairs(prepared):
            rows.append(similarity.pair_features(first, second))
            labels.append(float(chain[first.mention.id] == chain[second.mention.id]))
    x, y = np.array(rows), np.array(labels)
    # ECB+ gold mentions have no dates, types, gazetteer places or roles: the hand-set terms of
    # similarity.score are constant here and the bias absorbs them
    fixed = {name: float(value) for name, value in (pair.split("=", 1) for pair in args.fix)}
    weights = fit_signed(x, y, fixed)
    print(f"pairs {len(y)}  positives {int(y.sum())}")
    print(f"BIAS: Final[float] = {weights[0]:.3f}")
    fitted = {"BIAS": round(float(weights[0]), 3)}
    for name, value in zip(similarity.FEATURE_NAMES, weights[1:]):
        if name in HAND_SET:
            continue
        print(f"W_{name.upper()}: Final[float] = {value:.3f}")
        fitted[f"W_{name.upper()}"] = round(float(value), 3)
    print(json.dumps(fitted))


if __name__ == "__main__":
    main()
