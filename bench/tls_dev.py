"""Development loop for bench/tls.py: snapshot linked timelines once, then re-rank and re-score fast.

Usage::

    .venv/bin/python bench/tls_dev.py snapshot ../shared/data/t17 --cache /tmp/tlscache -o /tmp/tls.pkl
    .venv/bin/python bench/tls_dev.py score /tmp/tls.pkl [--only 0,2] [--dates] [--oracle]

``snapshot`` analyses (through the analysis cache), links and assembles each gold timeline's
input once and pickles everything the ranking and the summaries need, so that work on
``storyline.timeline.rank`` / ``summarise`` is measured in seconds and is not invalidated by
edits to the per-article stages. ``--cache`` may name the cache's SQLite file itself; when it holds every article (whatever
code version made them) those analyses are used as they are. ``score`` runs ``tls.choose`` on the snapshot and prints the same
lines as ``bench/tls.py``; ``--dates`` adds the rank of every gold day (a date-ranking error
analysis). The snapshot holds evaluation data: keep it outside the repository (e.g. /tmp).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tls  # noqa: E402
from tls_metrics import align_m1, date_prf  # noqa: E402

from storyline.cache import CACHE_NAME  # noqa: E402
from storyline.model import Article, ArticleAnalysis  # noqa: E402
from storyline.pipeline import BuildOptions, analyse, link_and_assemble  # noqa: E402
from storyline.timeline import tls_settings  # noqa: E402
from storyline.timeline.rank import mentions_from_analyses, mentions_from_events, rank_dates  # noqa: E402


def _any_version(cache: Path, articles: Sequence[Article]) -> list[ArticleAnalysis]:
    """Cached analyses of every article whatever code made them (empty unless all are there)."""
    path = cache / CACHE_NAME if cache.is_dir() else cache
    if not path.exists():
        return []
    with sqlite3.connect(path) as db:
        blobs = dict(db.execute("SELECT article_id, blob FROM analyses"))
    if not all(a.id in blobs for a in articles):
        return []
    return [pickle.loads(blobs[a.id]) for a in articles]


def snapshot(data: Path, cache: Path, output: Path) -> None:
    """Pickle (topic, index, gold, keywords, analyses, timeline) for every gold timeline."""
    items: list[dict[str, Any]] = []
    for topic in tls.topic_dirs(data):
        articles = tls.read_articles(topic)
        analyses = _any_version(cache, articles) or analyse(
            articles, BuildOptions(inputs=[], outdir=cache, use_cache=True), {}
        )
        keywords = tls.read_keywords(topic)
        names = tls.read_topic_names(topic)
        for index, gold in enumerate(tls.read_timelines(topic)):
            first, last = min(gold), max(gold)
            subset = [a for a in analyses if a.article.published and first <= a.article.published <= last]
            timeline = link_and_assemble(subset, {})
            items.append(
                {"name": f"{topic.name}#{index}", "gold": gold, "keywords": keywords, "names": names, "analyses": subset, "timeline": timeline}
            )
            print(f"{topic.name}#{index}: {len(subset)} articles, {len(timeline.events)} events", flush=True)
    output.write_bytes(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))


# Topic names to use instead of the snapshot's (``score --names``), for keyword experiments.
NAMES: list[str] = []


def score(path: Path, only: Sequence[int], show_dates: bool, oracle: bool = False) -> dict[str, Any]:
    """Score ``tls.choose`` on a snapshot; returns (and prints) the summary. ``oracle``: the gold
    days are given (content only)."""
    items = pickle.loads(path.read_bytes())
    results = []
    for number, item in enumerate(items):
        if only and number not in only:
            continue
        gold = item["gold"]
        first, last = min(gold), max(gold)
        k = round(sum(len(s) for s in gold.values()) / len(gold))
        names = NAMES or item.get("names") or item["keywords"]  # older snapshots: the split words
        predicted = tls.choose(
            item["timeline"], item["analyses"], first, last, len(gold), k, names, days=list(gold) if oracle else None
        )
        rouge = align_m1(predicted, gold)
        dates = date_prf(list(predicted), list(gold))
        timeline_, analyses_ = item["timeline"], item["analyses"]
        dated = mentions_from_analyses(analyses_) + mentions_from_events((*timeline_.events, *timeline_.undated))
        own = {m.date for m in dated if m.own}
        reach = own & set(gold)
        reach_recall = len(set(predicted) & reach) / max(1, len(reach))
        results.append({"rouge": rouge, "dates": dates, "reach_recall": reach_recall, "reachable": len(reach)})
        words = sum(len(s.split()) for ss in predicted.values() for s in ss) / max(1, sum(map(len, predicted.values())))
        print(
            f"{item['name']}: l {len(gold)} k {k} AR-1 F {rouge['rouge_1']['f_score']:.3f} "
            f"(P {rouge['rouge_1']['precision']:.3f} R {rouge['rouge_1']['recall']:.3f}) "
            f"AR-2 F {rouge['rouge_2']['f_score']:.3f} Date F1 {dates['f_score']:.3f} "
            f"(vs {len(reach)} reachable days {tls.f_score(dates['precision'], reach_recall):.3f}) words/sent {words:.1f}",
            flush=True,
        )
        if show_dates:
            timeline, analyses = item["timeline"], item["analyses"]
            mentions = mentions_from_analyses(analyses) + mentions_from_events((*timeline.events, *timeline.undated))
            ranked = [s.date for s in rank_dates(timeline, mentions, start=first, end=last)]
            position = {d: i for i, d in enumerate(ranked)}
            for day in sorted(gold):
                hit = "*" if day in predicted else " "
                print(f"   {hit} {day} rank {position.get(day, '-')}: {gold[day][0][:90].strip()}")
    summary = tls.average_scores(results)
    if results:
        mean_p = sum(r["dates"]["precision"] for r in results) / len(results)
        mean_rr = sum(r["reach_recall"] for r in results) / len(results)
        summary["date_f1_reachable"] = round(tls.f_score(mean_p, mean_rr), 4)
    print(json.dumps(summary))
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``snapshot`` or ``score``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("data", type=Path)
    snap.add_argument("--cache", type=Path, default=tls.DEFAULT_CACHE)
    snap.add_argument("-o", "--output", type=Path, required=True)
    run = sub.add_parser("score")
    run.add_argument("snapshot", type=Path)
    run.add_argument("--only", default="", help="comma-separated timeline numbers (0-based)")
    run.add_argument("--dates", action="store_true", help="print the rank of every gold day")
    run.add_argument("--oracle", action="store_true", help="summarise the gold days themselves (content only)")
    run.add_argument(
        "--ranker", default="storyline", help="tls.RANKER: storyline, pubcount, mentioncount, pub+mention, graph"
    )
    run.add_argument("--names", default="", help="comma-separated topic names replacing keywords.json's")
    run.add_argument("--keywords", default="collection", help="tls.KEYWORD_MODE: collection or plain")
    run.add_argument("--set", action="append", default=[], help="NAME=VALUE override of a tls_settings constant")
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        snapshot(args.data, args.cache, args.output)
    else:
        tls.RANKER = args.ranker
        tls.KEYWORD_MODE = args.keywords
        NAMES[:] = [n for n in args.names.split(",") if n]
        for item in args.set:
            name, value = item.split("=", 1)
            setattr(tls_settings, name, type(getattr(tls_settings, name))(float(value)))
        score(args.snapshot, [int(x) for x in args.only.split(",") if x], args.dates, args.oracle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
