"""Speed of ``storyline.time.tag`` next to the spaCy pipeline, on a CSV corpus (FA-KES format).

Usage: python bench/tempeval_speed.py CSV [--limit N]

Parses the first N articles (``article_content``; ``date`` as M/D/YYYY is the DCT) with the spaCy
pipeline, then tags each one given its Doc. Prints words per second of both and the ratio; the
last line is one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import time
from pathlib import Path

from storyline import nlp
from storyline.time import tag


def _dct(text: str) -> dt.date | None:
    """M/D/YYYY -> date (None when unreadable)."""
    try:
        month, day, year = (int(part) for part in text.strip().split("/"))
        return dt.date(year, month, day)
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Run the timing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args(argv)
    with args.csv.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("article_content", "").strip()][: args.limit]
    texts = [row["article_content"] for row in rows]
    pipeline = nlp.load()
    pipeline("warm up")
    tag("warm up on 27 March 2016", dt.date(2016, 3, 27))
    started = time.perf_counter()
    docs = [pipeline(text) for text in texts]
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(tag(text, _dct(row.get("date", "")), doc)) for text, row, doc in zip(texts, rows, docs))
    tag_seconds = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    ratio = 100 * tag_seconds / spacy_seconds
    print(f"{len(texts)} articles, {words} words, {found} timexes")
    print(f"spaCy {spacy_seconds:.2f}s ({words / spacy_seconds:,.0f} words/s); "
          f"time tagger {tag_seconds:.2f}s ({words / tag_seconds:,.0f} words/s); tagger/spaCy {ratio:.1f}%")
    print(json.dumps({"articles": len(texts), "words": words, "timexes": found,
                      "spacy_words_per_s": round(words / spacy_seconds), "tag_words_per_s": round(words / tag_seconds),
                      "tag_over_spacy_pct": round(ratio, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
