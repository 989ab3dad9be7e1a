"""Ingestion benchmark: ``python bench/ingest.py PATH [PATH ...]``.

For every input it reports articles read, rejections by reason, duplicates and seconds taken.
Where an article's metadata gives its publication date (FA-KES' ``date`` column, a JSONL
``time``), it also scores the date line found in the text against it: coverage (share of
articles whose text yields a date) and agreement (share of those equal to the metadata date).
The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import sys
import time
from collections.abc import Sequence

from storyline.ingest.core import read_inputs
from storyline.ingest.dates import find_text_date
from storyline.ingest.identity import DuplicateFilter
from storyline.model import Article, Rejection

LOGGER = logging.getLogger(__name__)


def run(inputs: Sequence[str]) -> dict[str, object]:
    """Read ``inputs`` and measure ingestion; return the figures."""
    start = time.perf_counter()
    records = list(read_inputs(inputs))
    seconds = time.perf_counter() - start
    found = [r for r in records if isinstance(r, Article)]
    rejected = [r for r in records if isinstance(r, Rejection)]
    duplicates = DuplicateFilter()
    duplicate_count = sum(1 for a in found if duplicates.check(a) is not None)
    return {
        "inputs": list(inputs),
        "records": len(records),
        "articles": len(found),
        "rejected": len(rejected),
        "rejections_by_reason": dict(collections.Counter(r.reason for r in rejected).most_common()),
        "duplicates": duplicate_count,
        "seconds": round(seconds, 3),
        "articles_per_second": round(len(found) / seconds, 1) if seconds else None,
        "published_source": dict(
            collections.Counter(a.published_source for a in found).most_common()
        ),
        "with_outlet": sum(1 for a in found if a.outlet),
        "text_date": _text_date_scores(found),
    }


def _text_date_scores(found: Sequence[Article]) -> dict[str, object]:
    dated = [a for a in found if a.published is not None and a.published_source == "metadata"]
    hits = 0
    agree = 0
    off_by: collections.Counter[str] = collections.Counter()
    for article in dated:
        match = find_text_date(article.text)
        if match is None:
            continue
        hits += 1
        delta = abs((match[0] - article.published).days)  # type: ignore[operator]
        agree += delta == 0
        off_by[
            "0" if delta == 0 else "1-7" if delta <= 7 else "8-366" if delta <= 366 else ">366"
        ] += 1
    return {
        "articles_with_metadata_date": len(dated),
        "coverage": round(hits / len(dated), 4) if dated else None,
        "agreement": round(agree / hits, 4) if hits else None,
        "days_off": dict(off_by),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files or folders to ingest")
    args = parser.parse_args(argv)
    figures = run(args.paths)
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
