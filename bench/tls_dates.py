"""Date selection only: unsupervised day rankers on a ``tls_dev`` snapshot, per gold timeline.

Usage::

    .venv/bin/python bench/tls_dates.py /tmp/tls.pkl [--set NAME=VALUE ...]

For each gold timeline it prints the reachable ceiling (gold days that some sentence of the
window's articles mentions with its own temporal expression; "+pub" also counts days on which an
article was published) and Date F1 of the top-l days of each ranker: storyline's ``rank_dates``,
news-tls PubCount, MentionCount and their combination, the date reference graph (in-degree and
PageRank), storyline + graph, each also with temporal spreading (``spread_order``). Date F1 is
given against the full gold set and against its reachable part (recall over the reachable days).
The last line is one JSON object: ranker -> mean P/R/F over the timelines (news-tls averaging)
and the same against the reachable days. No summaries are written, so a day that would get none
(``ON_TOPIC_ONLY``) still counts here; ``tls_dev.py score`` measures the whole choice.
``--set`` overrides a ``tls_settings`` constant for the run (e.g. ``--set GRAPH_DISTANCE_WEIGHT=1``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tls_metrics import date_prf, f_score  # noqa: E402

from storyline.timeline import date_select  # noqa: E402
from storyline.timeline import tls_settings as settings  # noqa: E402
from storyline.timeline.keywords import plain  # noqa: E402
from storyline.timeline.rank import DateMention, mentions_from_analyses, mentions_from_events, rank_dates  # noqa: E402

Ranker = Callable[[Any, list[DateMention], dt.date, dt.date], Mapping[dt.date, float]]


def _storyline(timeline: Any, mentions: list[DateMention], start: dt.date, end: dt.date) -> dict[dt.date, float]:
    return {s.date: s.score for s in rank_dates(timeline, mentions, start=start, end=end)}


def _published(timeline: Any) -> dict[str, dt.date | None]:
    return {a.id: a.published for a in timeline.articles}


RANKERS: dict[str, Ranker] = {
    "storyline": _storyline,
    "pubcount": lambda t, m, s, e: date_select.pub_count(_published(t), s, e),
    "mentioncount": lambda t, m, s, e: date_select.mention_count(m, s, e),
    "pub+mention": lambda t, m, s, e: date_select.combined(
        date_select.pub_count(_published(t), s, e), date_select.mention_count(m, s, e)
    ),
    "graph-indeg": lambda t, m, s, e: date_select.reference_graph(m, _published(t), s, e),
    "graph-pagerank": lambda t, m, s, e: date_select.reference_graph(m, _published(t), s, e, pagerank=True),
    "storyline+graph": lambda t, m, s, e: date_select.combined(
        _storyline(t, m, s, e), date_select.reference_graph(m, _published(t), s, e)
    ),
}


def top_days(scores: Mapping[dt.date, float], wanted: int, gap: int) -> list[dt.date]:
    """The ``wanted`` best days, spread when ``gap`` > 0."""
    return list(date_select.spread_order(scores, gap, wanted=wanted))


def reachable(
    gold: Sequence[dt.date], mentions: Sequence[DateMention], published: Mapping[str, Any]
) -> tuple[set[dt.date], set[dt.date]]:
    """Gold days mentioned by some sentence's own timex; and those or a publication day."""
    mentioned = {m.date for m in mentions if m.own} & set(gold)
    pubs = {d for d in published.values() if d is not None}
    return mentioned, (mentioned | pubs) & set(gold)


def on_topic_days(
    gold: Sequence[dt.date], mentions: Sequence[DateMention], texts: Mapping[str, str], keywords: Sequence[str]
) -> set[dt.date]:
    """Gold days mentioned (own timex) by a sentence holding a topic keyword (what ON_TOPIC_ONLY can summarise)."""
    topic = plain(keywords)
    return {
        m.date
        for m in mentions
        if m.own and m.date in gold and topic.on_topic(texts.get(m.article_id, "")[m.start : m.end])
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print per-timeline and mean Date F1 of every ranker, with and without spreading."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--set", action="append", default=[], help="NAME=VALUE override of tls_settings")
    parser.add_argument("--gap-factor", type=float, default=0.5, help="spreading gap factor for the '/spread' rows")
    parser.add_argument("--gap", type=int, default=-1, help="a fixed spreading gap in days instead (>= 0)")
    args = parser.parse_args(argv)
    for item in args.set:
        name, value = item.split("=", 1)
        setattr(settings, name, type(getattr(settings, name))(float(value)))
    items = pickle.loads(args.snapshot.read_bytes())
    totals: dict[str, list[tuple[float, float, float]]] = {}
    for item in items:
        gold, timeline = item["gold"], item["timeline"]
        first, last, wanted = min(gold), max(gold), len(gold)
        events = (*timeline.events, *timeline.undated)
        mentions = mentions_from_analyses(item["analyses"]) + mentions_from_events(events)
        mentioned, with_pub = reachable(list(gold), mentions, _published(timeline))
        texts = {a.id: a.text for a in timeline.articles}
        topical = on_topic_days(list(gold), mentions, texts, item["keywords"])
        ceiling = f_score(len(mentioned) / wanted, len(mentioned) / wanted)
        print(
            f"{item['name']}: l {wanted}, reachable {len(mentioned)} (+pub {len(with_pub)}, "
            f"in an on-topic sentence {len(topical)}), ceiling Date F1 {ceiling:.3f} "
            f"(on-topic {len(topical) / wanted:.3f})"
        )
        old = settings.SPREAD_GAP_FACTOR
        settings.SPREAD_GAP_FACTOR = args.gap_factor
        gap = date_select.spread_gap(first, last, wanted)
        settings.SPREAD_GAP_FACTOR = old
        gap = args.gap if args.gap >= 0 else gap
        row = []
        for name, ranker in RANKERS.items():
            scores = ranker(timeline, mentions, first, last)
            for suffix, g in (("", 0), ("/spread", gap)):
                picked = top_days(scores, wanted, g)
                prf = date_prf(picked, list(gold))
                hits = len(set(picked) & set(gold))
                reach_r = hits / max(1, len(mentioned))
                totals.setdefault(name + suffix, []).append((prf["precision"], prf["recall"], reach_r))
                row.append(f"{name}{suffix} {prf['f_score']:.3f}")
        print("   " + " | ".join(row), flush=True)
    summary: dict[str, Any] = {}
    for name, values in totals.items():
        n = len(values)
        p, r, rr = (sum(v[i] for v in values) / n for i in range(3))
        summary[name] = {
            "f": round(f_score(p, r), 4), "p": round(p, 4), "r": round(r, 4), "f_reachable": round(f_score(p, rr), 4)
        }
    width = max(map(len, summary))
    for name, s in summary.items():
        print(f"{name:<{width}}  Date F1 {s['f']:.3f}  vs reachable {s['f_reachable']:.3f}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
