"""Timeline17-style timeline summarisation with storyline, scored the news-tls way.

Usage::

    .venv/bin/python bench/tls.py ../shared/data/t17 [--cache DIR] [--topics A,B] [--workers N]

DIR holds topic folders in the news-tls format (``articles.jsonl`` with ``id``, ``time``,
``text``; ``timelines.jsonl``, one gold timeline a line as ``[[date, [sentences]], ...]``;
``keywords.json``), or is one such topic folder. Protocol (news-tls ``experiments.py``): for
each gold timeline, the input is the topic's articles published between the timeline's first
and last date; the system gets l = number of gold dates, k = round(mean sentences per gold date)
and the topic keywords. Storyline analyses the articles (per-article stages cached in the
``--cache`` folder, so re-runs only link, rank and summarise; ``--workers`` processes, by
default the usable CPUs up to 4), reads the topic name against the window's articles
(``storyline.timeline.keywords``), ranks the days (``storyline.timeline.rank``) and writes k
sentences for each of the l best days that have on-topic candidate sentences
(``storyline.timeline.summarise``; a day without any is skipped, and when fewer than l days have
any, the best other days are summarised from their off-topic sentences). Scores
(``tls_metrics``): alignment ROUGE-1/2 (tilse's ``align_date_content_costs_many_to_one``) and
Date F1; P and R are averaged over all timelines and F is computed from the averages. Each
timeline's line and each topic's line give wall seconds (analysis, link, choose+score); the last
line printed is one JSON object, with the same seconds per topic under ``topics`` (and the
per-article stages' seconds summed over the workers under ``stage_seconds``).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tls_metrics import align_m1, date_prf, f_score  # noqa: E402

from storyline.model import Article, ArticleAnalysis, Timeline  # noqa: E402
from storyline.engine.local import default_workers  # noqa: E402
from storyline.pipeline import BuildOptions, analyse, link_and_assemble  # noqa: E402
from storyline.timeline import date_select  # noqa: E402
from storyline.timeline.keywords import Keywords, interpret, plain, split_name  # noqa: E402
from storyline.timeline.rank import article_relevance, mentions_from_analyses, mentions_from_events, rank_dates  # noqa: E402
from storyline.timeline.summarise import Summariser, topical_mentions  # noqa: E402

LOGGER = logging.getLogger("bench.tls")
# Count only on-topic sentences and articles (keywords) when ranking days (off: worse Date F1 on dev).
TOPICAL_DATES = False
# Weigh each article's part in date ranking by how much it is about the keywords (article_relevance).
RELEVANCE = False
# Day ranker: "storyline" (rank.rank_dates) or a baseline: "pubcount", "mentioncount", "pub+mention"
# (news-tls), "graph" (date reference graph in-degree, timeline.date_select).
RANKER = "storyline"
# How the topic name becomes keywords: "collection" (timeline.keywords.interpret, against the
# timeline's own articles) or "plain" (camel-case split, 5-letter prefixes, every word required).
KEYWORD_MODE = "collection"
# When fewer than l days have on-topic sentences, fill up with the best other days (off-topic
# sentences allowed) instead of returning a short timeline.
FILL_OFF_TOPIC = True
DEFAULT_CACHE = Path("out/tls-cache")  # out/ is git-ignored


def topic_dirs(root: Path) -> list[Path]:
    """Topic folders under ``root`` (or ``root`` itself when it is one)."""
    if (root / "articles.jsonl").exists():
        return [root]
    return sorted(p for p in root.iterdir() if (p / "articles.jsonl").exists())


def read_articles(topic: Path) -> list[Article]:
    """The topic's articles as storyline ``Article`` records (publication date from ``time``)."""
    articles = []
    with (topic / "articles.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            articles.append(
                Article(
                    id=f"{topic.name}:{record['id']}",
                    text=record["text"],
                    title=record.get("title"),
                    outlet=topic.name.rsplit("_", 1)[-1],
                    published=dt.date.fromisoformat(str(record["time"])[:10]),
                    published_source="metadata",
                    source=f"{topic / 'articles.jsonl'}:{record['id']}",
                )
            )
    return articles


def read_timelines(topic: Path) -> list[dict[dt.date, list[str]]]:
    """Gold timelines: day -> sentences."""
    timelines = []
    with (topic / "timelines.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                timelines.append({dt.date.fromisoformat(d[:10]): list(s) for d, s in json.loads(line)})
    return timelines


def read_topic_names(topic: Path) -> list[str]:
    """The topic names of ``keywords.json`` as written there (e.g. ["SyrianCrisis"]); [] without one."""
    path = topic / "keywords.json"
    raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return [str(k) for k in (raw if isinstance(raw, list) else [raw]) if str(k).strip()]


def read_keywords(topic: Path) -> list[str]:
    """Topic keywords, names split into lower-case words ("SyrianCrisis" -> syrian, crisis)."""
    return [w.lower() for name in read_topic_names(topic) for w in split_name(name)]


def topic_keywords(names: Sequence[str], articles: Sequence[Article]) -> Keywords:
    """The keywords ``choose`` filters with, read as ``KEYWORD_MODE`` says."""
    if KEYWORD_MODE == "plain":
        return plain([w.lower() for name in names for w in split_name(name)])
    return interpret(names, [a.text for a in articles])


def predict(
    analyses: Sequence[ArticleAnalysis],
    start: dt.date,
    end: dt.date,
    max_dates: int,
    k: int,
    keywords: Sequence[str],
    seconds: dict[str, float] | None = None,
    linked: dict[tuple[str, ...], Timeline] | None = None,
) -> dict[dt.date, list[str]]:
    """Storyline's timeline of ``max_dates`` days with ``k`` sentences each (``keywords``: the
    topic names); the wall seconds of linking and of choosing are added to ``seconds``. ``linked``
    memoises the linked timeline of each input (gold timelines of a topic often share a window)."""
    seconds = {} if seconds is None else seconds
    linked = {} if linked is None else linked
    clock = time.perf_counter()
    key = tuple(a.article.id for a in analyses)
    if key not in linked:
        linked[key] = link_and_assemble(analyses, {})
    seconds["link"] = seconds.get("link", 0.0) + time.perf_counter() - clock
    clock = time.perf_counter()
    predicted = choose(linked[key], analyses, start, end, max_dates, k, keywords)
    seconds["choose"] = seconds.get("choose", 0.0) + time.perf_counter() - clock
    return predicted


def in_windows(articles: Sequence[Article], timelines: Sequence[dict[dt.date, list[str]]]) -> list[Article]:
    """The articles published within some gold timeline's [first, last] window: the only input
    the protocol gives the system, so the only ones worth analysing."""
    windows = [(min(gold), max(gold)) for gold in timelines if gold]
    return [a for a in articles if a.published and any(lo <= a.published <= hi for lo, hi in windows)]


def choose(
    timeline: Timeline,
    analyses: Sequence[ArticleAnalysis],
    start: dt.date,
    end: dt.date,
    max_dates: int,
    k: int,
    keywords: Sequence[str],
    days: Sequence[dt.date] | None = None,
) -> dict[dt.date, list[str]]:
    """Rank the days of a linked timeline and summarise the ``max_dates`` best in ``k`` sentences.

    ``keywords`` are the topic names (``keywords.json``), read against the timeline's articles
    (``topic_keywords``); days are only chosen within [start, end]. ``days`` (development only:
    the gold days, "oracle dates") skips ranking and summarises exactly those days, on-topic
    sentences first, so that content is measured apart from date choice."""
    if max_dates <= 0 or k <= 0 or end < start:
        return {}
    topic = topic_keywords(keywords, timeline.articles)
    LOGGER.info("keywords %s -> %s", " ".join(keywords), topic.describe())
    mentions = mentions_from_analyses(analyses) + mentions_from_events((*timeline.events, *timeline.undated))
    if days is not None:
        oracle = Summariser(timeline.articles, mentions, topic)
        chosen = {day: oracle.summarise(day, k) or oracle.summarise(day, k, strict=False) for day in sorted(days)}
        return {day: [s.text for s in sentences] for day, sentences in chosen.items() if sentences}
    words = [w.lower() for name in keywords for w in split_name(name)]
    if TOPICAL_DATES:
        mentions = topical_mentions(timeline.articles, mentions, words)
        topical = plain(words)
        timeline = dataclasses.replace(timeline, articles=tuple(a for a in timeline.articles if topical.on_topic(a.text)))
    relevance = article_relevance(timeline.articles, words) if RELEVANCE else None
    published = {a.id: a.published for a in timeline.articles}
    scores: dict[dt.date, float]
    if RANKER == "pubcount":
        scores = date_select.pub_count(published, start, end)
    elif RANKER == "mentioncount":
        scores = date_select.mention_count(mentions, start, end)
    elif RANKER == "pub+mention":
        scores = date_select.combined(
            date_select.pub_count(published, start, end), date_select.mention_count(mentions, start, end)
        )
    elif RANKER == "graph":
        scores = date_select.reference_graph(mentions, published, start, end)
    else:
        ranked = rank_dates(timeline, mentions, start=start, end=end, relevance=relevance, keywords=words)
        scores = {s.date: s.score for s in ranked}
    summariser = Summariser(timeline.articles, mentions, topic)
    predicted: dict[dt.date, list[str]] = {}

    def accept(day: dt.date) -> bool:
        sentences = summariser.summarise(day, k)
        if sentences:
            predicted[day] = [s.text for s in sentences]
        return bool(sentences)

    gap = date_select.spread_gap(start, end, max_dates)
    for _ in date_select.spread_order(scores, gap, accept, wanted=max_dates):
        pass
    if FILL_OFF_TOPIC and len(predicted) < max_dates:
        # Too few days have on-topic sentences (a generic or rare keyword): the best remaining
        # days are summarised from their other sentences rather than left out.
        LOGGER.info("only %d of %d days on topic: filling with off-topic days", len(predicted), max_dates)
        rest = {day: score for day, score in scores.items() if day not in predicted}

        def accept_any(day: dt.date) -> bool:
            sentences = summariser.summarise(day, k, strict=False)
            if sentences:
                predicted[day] = [s.text for s in sentences]
            return bool(sentences)

        for _ in date_select.spread_order(rest, gap, accept_any, wanted=max_dates - len(predicted)):
            pass
    return predicted


def main(argv: Sequence[str] | None = None) -> int:
    """Run the harness; print one line per timeline and a final JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="analysis cache folder")
    parser.add_argument("--topics", default="", help="comma-separated topic folder names to run")
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="analysis processes (default: usable CPUs, at most 4)"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    wanted = {t for t in args.topics.split(",") if t}
    results: list[dict[str, Any]] = []
    topics: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    for topic in topic_dirs(args.data):
        if wanted and topic.name not in wanted:
            continue
        clock = time.perf_counter()
        timelines = read_timelines(topic)
        articles = in_windows(read_articles(topic), timelines)
        options = BuildOptions(inputs=[], outdir=args.cache, workers=max(1, args.workers), use_cache=True)
        stages: dict[str, float] = {}
        analyses = analyse(articles, options, stages)
        seconds = {"analysis": time.perf_counter() - clock, "link": 0.0, "choose": 0.0}
        names = read_topic_names(topic)
        linked: dict[tuple[str, ...], Timeline] = {}
        for index, gold in enumerate(timelines):
            if not gold:
                LOGGER.warning("%s#%d: empty gold timeline skipped", topic.name, index)
                continue
            first, last = min(gold), max(gold)
            subset = [a for a in analyses if a.article.published and first <= a.article.published <= last]
            max_dates = len(gold)
            k = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
            timeline_seconds: dict[str, float] = {}
            predicted = predict(subset, first, last, max_dates, k, names, timeline_seconds, linked)
            clock = time.perf_counter()
            rouge = align_m1(predicted, gold)
            dates = date_prf(list(predicted), list(gold))
            timeline_seconds["choose"] = timeline_seconds.get("choose", 0.0) + time.perf_counter() - clock
            for key in ("link", "choose"):
                seconds[key] += timeline_seconds.get(key, 0.0)
            results.append({"rouge": rouge, "dates": dates})
            print(
                f"{topic.name}#{index}: articles {len(subset)} l {max_dates} k {k} predicted {len(predicted)} "
                f"AR-1 F {rouge['rouge_1']['f_score']:.3f} AR-2 F {rouge['rouge_2']['f_score']:.3f} "
                f"Date F1 {dates['f_score']:.3f} seconds link {timeline_seconds.get('link', 0.0):.1f} "
                f"choose+score {timeline_seconds['choose']:.1f}",
                flush=True,
            )
        cached = int(stages.pop("cached_articles", 0))
        topics[topic.name] = {
            "articles": len(articles),  # those inside some gold window
            "cached": cached,
            **{k: round(v, 1) for k, v in seconds.items()},
            # per-article stages, seconds summed over the worker processes (spacy, time, geo, ...)
            "stage_seconds": {k: round(v, 1) for k, v in sorted(stages.items())},
        }
        print(
            f"{topic.name}: {len(articles)} articles ({cached} cached), seconds analysis {seconds['analysis']:.1f} "
            f"link {seconds['link']:.1f} choose+score {seconds['choose']:.1f}",
            flush=True,
        )
    summary = average_scores(results)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    summary["workers"] = max(1, args.workers)
    summary["topics"] = topics
    print(json.dumps(summary))
    return 0


def average_scores(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """news-tls averaging: mean precision and recall over timelines, then F from the means."""
    summary: dict[str, Any] = {"timelines": len(results)}
    n = max(1, len(results))
    for key, pick in (
        ("ar1", lambda r: r["rouge"]["rouge_1"]),
        ("ar2", lambda r: r["rouge"]["rouge_2"]),
        ("date", lambda r: r["dates"]),
    ):
        precision = sum(pick(r)["precision"] for r in results) / n
        recall = sum(pick(r)["recall"] for r in results) / n
        name = "date_f1" if key == "date" else f"{key}_f"
        summary[name] = round(f_score(precision, recall), 4)
        summary[f"{key}_p"] = round(precision, 4)
        summary[f"{key}_r"] = round(recall, 4)
    return summary


if __name__ == "__main__":
    sys.exit(main())
