"""Scaling check for event linking: synthetic collections of 10k, 30k and 100k event mentions.

Usage::

    .venv/bin/python bench/link_scale.py [--sizes 10000 30000 100000] [--per-article 5]

A small template of conflict-news articles (events of several types at a few places with a few
actors, each reported by several outlets) is replicated with dates shifted by one day per copy,
as if the same kinds of events kept happening; look-alike events on different days must stay
apart. Prints the wall-clock and CPU time, peak memory and the number of events for each size, and the growth
exponent of CPU time between sizes (1.0 = linear). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import resource
import sys
import time
from collections.abc import Sequence

from storyline.link import link_events
from storyline.model import Article, ArticleAnalysis, DateValue, EntityMention, EventMention, Place, PlaceMention

START = dt.date(2015, 1, 1)
EVENT_KINDS = (
    ("recaptured", "recapture", "CAPTURE"),
    ("seized", "seize", "CAPTURE"),
    ("shelled", "shell", "ASSAULT"),
    ("bombed", "bomb", "ASSAULT"),
    ("killed", "kill", "KILL"),
    ("withdrew from", "withdraw", "WITHDRAW"),
    ("protested in", "protest", "PROTEST"),
    ("met officials in", "meet", "CONSULT"),
)
PLACES = ("Aleppo", "Homs", "Raqqa", "Idlib", "Hama", "Daraa", "Mosul", "Tikrit", "Kobani", "Manbij")
ACTORS = ("government forces", "rebels", "Kurdish fighters", "ISIS", "Russian jets", "coalition aircraft")
OUTLETS = 4


def synthetic_analyses(mentions: int, per_article: int) -> list[ArticleAnalysis]:
    """Articles of ``per_article`` mentions each; copy ``day`` shifts every date by ``day`` days."""
    analyses: list[ArticleAnalysis] = []
    count = 0
    day = 0
    while count < mentions:
        published = START + dt.timedelta(days=day)
        for outlet in range(OUTLETS):
            if count >= mentions:
                break
            article_id = f"a{day}-{outlet}"
            pieces: list[str] = []
            cursor = 0
            events, entities, places = [], [], []
            for slot in range(min(per_article, mentions - count)):
                verb, lemma, kind = EVENT_KINDS[(day + slot) % len(EVENT_KINDS)]
                actor = ACTORS[(day * 7 + slot) % len(ACTORS)]
                place_name = PLACES[(day * 3 + slot) % len(PLACES)]
                when = published - dt.timedelta(days=slot % 2)
                sentence = f"{actor.capitalize()} {verb} {place_name} on {when:%A}, sources in {OUTLETS} outlets said. "
                start = cursor
                actor_start = start
                verb_start = start + len(actor) + 1
                place_start = verb_start + len(verb) + 1
                entity = EntityMention(article_id, actor_start, actor_start + len(actor), actor, "ORG", actor.lower())
                place = PlaceMention(article_id, place_start, place_start + len(place_name), place_name,
                                     Place(PLACES.index(place_name) + 1, place_name, None, None, "SY", None), 0.9)
                events.append(EventMention(
                    id=f"{article_id}#{slot}", article_id=article_id, sentence_start=start,
                    sentence_end=start + len(sentence) - 1, trigger_start=verb_start,
                    trigger_end=verb_start + len(verb), trigger=lemma, type=kind,
                    date=DateValue(when.isoformat(), "day"), place=place, participants=(("agent", entity),),
                ))
                entities.append(entity)
                places.append(place)
                pieces.append(sentence)
                cursor += len(sentence)
                count += 1
            article = Article(id=article_id, text="".join(pieces), outlet=f"outlet{outlet}", published=published)
            analyses.append(ArticleAnalysis(article=article, entities=tuple(entities), places=tuple(places),
                                            events=tuple(events)))
        day += 1
    return analyses


def measure(size: int, per_article: int) -> dict[str, float]:
    """Link one synthetic collection; seconds, events found, and peak memory so far."""
    analyses = synthetic_analyses(size, per_article)
    started, cpu_started = time.perf_counter(), time.process_time()
    clusters = link_events(analyses, {})
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mixed_days = sum(1 for c in clusters if len({m.date.value for m in c if m.date}) > 1)
    return {"mentions": size, "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2), "events": len(clusters),
            "clusters_mixing_days": mixed_days, "peak_mib": round(peak_mib, 1)}


def main(argv: Sequence[str] | None = None) -> None:
    """Run the sizes in increasing order and report growth."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 30_000, 100_000])
    parser.add_argument("--per-article", type=int, default=5)
    args = parser.parse_args(argv)
    rows = []
    for size in sorted(args.sizes):
        row = measure(size, args.per_article)
        rows.append(row)
        print(f"{row['mentions']:>8} mentions  {row['seconds']:>8.2f} s  (CPU {row['cpu_seconds']:.2f} s)  "
              f"{row['events']:>7} events  "
              f"{row['clusters_mixing_days']} clusters mixing days  peak {row['peak_mib']:.0f} MiB", flush=True)
    for before, after in zip(rows, rows[1:]):
        exponent = math.log(after["cpu_seconds"] / before["cpu_seconds"]) / math.log(after["mentions"] / before["mentions"])
        print(f"growth {before['mentions']} -> {after['mentions']}: CPU time ~ n^{exponent:.2f}")
    largest = rows[-1]
    print(json.dumps({"sizes": [r["mentions"] for r in rows], "seconds": [r["seconds"] for r in rows],
                      "cpu_seconds": [r["cpu_seconds"] for r in rows],
                      "events": [r["events"] for r in rows], "peak_mib": largest["peak_mib"],
                      "under_5_min": largest["seconds"] < 300}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
