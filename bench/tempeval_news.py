"""Error analysis on unseen news without gold: print every timex of a random sample, and misses.

Usage: python bench/tempeval_news.py FILE [FILE ...] [--articles N] [--seed S] [--no-doc] [--misses]

FILE is a Timeline17-style ``articles.jsonl`` (``text`` and ``time`` = the DCT) or the FA-KES CSV
(``article_content`` and ``date``, M/D/YYYY). Draws N articles at random (over all files), tags
them and prints one line per timex: article, DCT, type, value, the text in [brackets] inside its
context, for hand-checking span, type and value. ``--misses`` also prints tokens that look
temporal (months, weekdays, "ago", "later", years, numeric dates) but lie in no timex.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

from storyline.time import tag

_TEMPORAL_RE = re.compile(
    r"\b(?:(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|ago|later|earlier|yesterday|today|tonight|tomorrow"
    r"|(?:19|20)\d\d|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|weeks?|months?|years?|decades?|hours?|dawn|dusk)\b",
    re.IGNORECASE,
)


def read_articles(path: Path) -> list[tuple[str, dt.date | None, str]]:
    """(id, DCT, text) of every article in one file."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return [(f"{path.stem}:{row['unit_id']}", _us_date(row.get("date", "")), row["article_content"]) for row in rows]
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            when = record.get("time")
            dct = dt.date.fromisoformat(when[:10]) if when else None
            articles.append((f"{path.parent.name}:{record.get('id')}", dct, record["text"]))
    return articles


def _us_date(value: str) -> dt.date | None:
    """A M/D/YYYY date, or None."""
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value or "")
    if not match:
        return None
    try:
        return dt.date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Print the sample's timexes (and suspected misses)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-doc", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    articles = [a for path in args.files for a in read_articles(path)]
    sample = random.Random(args.seed).sample(articles, min(args.articles, len(articles)))
    pipeline = None
    if not args.no_doc:
        from storyline import nlp

        pipeline = nlp.load()
    total = 0
    for ident, dct, text in sample:
        doc = pipeline(text) if pipeline is not None else None
        timexes = tag(text, dct, doc)
        print(f"### {ident} DCT {dct} ({len(text)} chars, {len(timexes)} timexes)")
        for t in timexes:
            total += 1
            context = " ".join((text[max(0, t.start - 70) : t.start] + "[" + t.text + "]" + text[t.end : t.end + 50]).split())
            print(f"{total:4} {t.type:8} {t.value:22} | {context}")
        if args.misses:
            covered = [(t.start, t.end) for t in timexes]
            for match in _TEMPORAL_RE.finditer(text):
                if any(s <= match.start() < e for s, e in covered):
                    continue
                context = " ".join((text[max(0, match.start() - 60) : match.start()] + "<<" + match.group() + ">>"
                                    + text[match.end() : match.end() + 40]).split())
                print(f"     MISS? | {context}")
    print(f"{total} timexes in {len(sample)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
