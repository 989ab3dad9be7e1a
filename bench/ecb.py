"""ECB+ cross-document event coreference with gold event mentions (storyline's event linker).

Usage::

    .venv/bin/python bench/ecb.py ../shared/data/ecbplus --gold-mentions [--topics 2 5 12 ...]

Gold event mentions (ACTION_*/NEG_ACTION_* in the validated sentences of
``ECBplus_coreference_sentences.csv``, singletons kept) are given spaCy features and clustered with
the same similarity and clustering as ``storyline.link.link_events``, within each topic (stories
found by the linker's own document clustering) and within each subtopic (ECB vs ECB+ half of a
topic). Scores: MUC, B3, CEAF-e and CoNLL F1 (mean of the three), in percent, pooled over all
topics; the same-lemma baseline is printed for reference. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coref_metrics  # noqa: E402
import ecb_corpus  # noqa: E402
import ecb_features  # noqa: E402

from storyline.link import features, link_features, settings  # noqa: E402
from storyline.link.stories import story_of_article  # noqa: E402
from storyline.model import ArticleAnalysis  # noqa: E402

LOGGER = logging.getLogger("bench.ecb")

Clusters = list[list[str]]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line arguments."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="ECB+ folder holding topic folders (1, 2, ...)")
    parser.add_argument("--gold-mentions", action="store_true", help="cluster the gold event mentions (required)")
    parser.add_argument("--topics", nargs="*", help="topic folder names to score (default: all found)")
    parser.add_argument("--sentences", type=Path, help="validated sentences CSV (default: found near DATA)")
    parser.add_argument("--cache", type=Path,
                        help="pickle file caching the spaCy parses (keyed by sentence and its words: any topic set)")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                        help="override a storyline.link.settings value, e.g. LINK_THRESHOLD=0.5")
    return parser.parse_args(argv)


def apply_overrides(pairs: Iterable[str]) -> None:
    """Set linking settings from NAME=VALUE strings (for tuning on train topics)."""
    for pair in pairs:
        name, value = pair.split("=", 1)
        current = getattr(settings, name)
        setattr(settings, name, type(current)(value))


def cluster_group(analyses: Sequence[ArticleAnalysis], entity_of_mention: dict, story: str | None) -> Clusters:
    """Cluster the mentions of a group of documents; one story for all, or stories found by the linker."""
    if story is None:
        stories = story_of_article(analyses, entity_of_mention)
    else:
        stories = {a.article.id: story for a in analyses}
    prepared = features.build(analyses, entity_of_mention, stories)
    return [[prepared[i].mention.id for i in group] for group in link_features(prepared)]


def lemma_baseline(analyses: Sequence[ArticleAnalysis]) -> Clusters:
    """Same head lemma, same cluster."""
    groups: dict[str, list[str]] = defaultdict(list)
    for analysis in analyses:
        for mention in analysis.events:
            groups[mention.trigger].append(mention.id)
    return list(groups.values())


def run(argv: Sequence[str] | None = None) -> dict[str, float]:
    """Score the linker on the ECB+ folder; print figures and return the summary."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not args.gold_mentions:
        raise SystemExit("only --gold-mentions is supported: pass it explicitly")
    apply_overrides(args.set)
    sentences_file = args.sentences or ecb_corpus.find_sentences_file(args.data)
    validated = ecb_corpus.read_validated_sentences(sentences_file) if sentences_file else None
    if validated is None:
        print("warning: no validated-sentences CSV found: scoring every annotated sentence")
    documents = ecb_corpus.read_corpus(args.data, set(args.topics) if args.topics else None, validated)
    started = time.perf_counter()
    parsed = ecb_features.parse_documents(documents, args.cache)
    parse_seconds = time.perf_counter() - started
    entity_of_mention: dict = {}
    analyses: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    by_subtopic: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    gold: dict[str, ecb_corpus.GoldMention] = {}
    for document in documents:
        analysis, gold_of = ecb_features.to_analysis(document, parsed, entity_of_mention)
        analyses[document.topic].append(analysis)
        by_subtopic[document.subtopic].append(analysis)
        gold.update(gold_of)
    key_chains: dict[str, list[str]] = defaultdict(list)
    for mention in gold.values():
        key_chains[mention.chain].append(mention.id)
    key = list(key_chains.values())
    started = time.perf_counter()
    topic_response = [c for group in analyses.values() for c in cluster_group(group, entity_of_mention, None)]
    subtopic_response = [
        c for name, group in by_subtopic.items() for c in cluster_group(group, entity_of_mention, name)
    ]
    link_seconds = time.perf_counter() - started
    baseline_topic = [c for group in analyses.values() for c in lemma_baseline(group)]
    baseline_subtopic = [c for group in by_subtopic.values() for c in lemma_baseline(group)]
    results = {
        "topic": coref_metrics.conll(key, topic_response),
        "subtopic": coref_metrics.conll(key, subtopic_response),
        "lemma_topic": coref_metrics.conll(key, baseline_topic),
        "lemma_subtopic": coref_metrics.conll(key, baseline_subtopic),
    }
    print(f"ECB+ {args.data}  topics: {' '.join(sorted(analyses, key=int))}")
    print(f"documents {len(documents)}  gold event mentions {len(gold)}  gold chains {len(key)}")
    print(f"spaCy parse {parse_seconds:.1f}s  linking {link_seconds:.1f}s")
    print(f"{'setting':<16}{'MUC R/P/F1':>22}{'B3 R/P/F1':>22}{'CEAF-e R/P/F1':>22}{'CoNLL':>8}")
    for name, score in results.items():
        cells = [
            f"{score[f'{m}_r']:.1f}/{score[f'{m}_p']:.1f}/{score[f'{m}_f1']:.1f}" for m in ("muc", "b3", "ceafe")
        ]
        print(f"{name:<16}{cells[0]:>22}{cells[1]:>22}{cells[2]:>22}{score['conll_f1']:>8.2f}")
    topic, subtopic = results["topic"], results["subtopic"]
    summary = {
        "conll_f1": round(topic["conll_f1"], 2),
        "muc_f1": round(topic["muc_f1"], 2),
        "b3_f1": round(topic["b3_f1"], 2),
        "ceafe_f1": round(topic["ceafe_f1"], 2),
        "subtopic_conll_f1": round(subtopic["conll_f1"], 2),
        "subtopic_muc_f1": round(subtopic["muc_f1"], 2),
        "subtopic_b3_f1": round(subtopic["b3_f1"], 2),
        "subtopic_ceafe_f1": round(subtopic["ceafe_f1"], 2),
        "lemma_conll_f1": round(results["lemma_topic"]["conll_f1"], 2),
        "lemma_subtopic_conll_f1": round(results["lemma_subtopic"]["conll_f1"], 2),
        "mentions": len(gold),
        "topics": len(analyses),
    }
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    run()
