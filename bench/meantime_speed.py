"""Event extraction speed next to spaCy's, on a CSV of news articles (FA-KES layout) or a folder of .txt.

Usage: python bench/meantime_speed.py PATH [--limit N]

Times spaCy's parse and ``storyline.events.extract`` article by article (the time, place and
entity taggers run in between and are not timed), and reports the
extraction time as a share of spaCy's, plus mention counts (how readable a timeline would be).
Named with the ``meantime`` prefix because it belongs to the event benchmark. Last line: JSON.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

from storyline import nlp as nlp_module
from storyline.events import extract
from storyline.model import Article

csv.field_size_limit(sys.maxsize)


def _texts(path: Path, limit: int) -> list[tuple[str, str, dt.date | None]]:
    """(id, text, publication date) from a FA-KES-style CSV or a folder of text files."""
    rows: list[tuple[str, str, dt.date | None]] = []
    if path.is_dir():
        for file in sorted(path.glob("*.txt")):
            rows.append((file.stem, file.read_text(encoding="utf-8"), None))
    else:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for row in csv.DictReader(handle):
                text = row.get("article_content") or row.get("text") or ""
                try:
                    published = dt.datetime.strptime(row.get("date", "")[:10], "%m/%d/%Y").date()
                except ValueError:
                    published = None
                rows.append((row.get("unit_id") or str(len(rows)), text, published))
    return rows[:limit] if limit else rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    from storyline.geo import tag_places
    from storyline.time import tag

    try:
        from storyline.entities import tag_entities
    except ImportError:
        tag_entities = None
    rows = _texts(args.path, args.limit)
    nlp = nlp_module.load()
    spacy_seconds = extract_seconds = 0.0
    results = []
    # Parse and extract article by article so that load from other jobs on the machine weighs on
    # both timings alike; the taggers in between are not timed.
    for index, (article_id, text, published) in enumerate(rows):
        started = time.perf_counter()
        doc = nlp(text)
        spacy_seconds += time.perf_counter() - started
        article = Article(id=article_id, text=text, published=published)
        places = tag_places(doc, article_id)
        entities = tag_entities(doc, article_id, places) if tag_entities else []
        timexes = tag(text, published, doc)
        started = time.perf_counter()
        results.append(extract(doc, article, timexes, places, entities))
        extract_seconds += time.perf_counter() - started
        if (index + 1) % 50 == 0:
            print(f"  {index + 1}/{len(rows)}", file=sys.stderr, flush=True)
    mentions = [m for result in results for m in result]
    types = Counter(m.type for m in mentions)
    dated = sum(1 for m in mentions if m.date is not None)
    share = 100 * extract_seconds / spacy_seconds if spacy_seconds else 0.0
    print(f"articles: {len(rows)}  spaCy: {spacy_seconds:.2f}s  extract: {extract_seconds:.2f}s ({share:.1f}% of spaCy)")
    print(f"event mentions: {len(mentions)} ({len(mentions) / max(1, len(rows)):.1f} per article), dated {dated}")
    print("types:", dict(types.most_common()))
    print(json.dumps({
        "articles": len(rows), "spacy_seconds": round(spacy_seconds, 2),
        "extract_seconds": round(extract_seconds, 2), "extract_share_of_spacy_pct": round(share, 1),
        "mentions": len(mentions), "mentions_per_article": round(len(mentions) / max(1, len(rows)), 2),
        "dated_mentions": dated,
    }))


if __name__ == "__main__":
    main()
