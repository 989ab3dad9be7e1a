"""Narrative reference time on unseen news: the values a rule changes, listed for hand-checking.

Usage: python bench/tempeval_narrative.py FILE [FILE ...] [--cache FILE] [--candidates]
                                          [--sample N] [--seed S] [--off SETTING=VALUE ...]

FILE is a Timeline17-style ``articles.jsonl`` (DCT = ``time``) or an FA-KES-style CSV, read through
``storyline.ingest.read_inputs`` as ``storyline build`` reads it (DCT = a date line opening the
text, else the ``date`` column). Every article is parsed with spaCy (``--cache`` keeps the parses,
keyed by the text's MD5) and tagged twice: with the settings as they are, and with the settings
given by ``--off`` (default ``NARRATIVE_MAX_SENTENCES=0``, i.e. the narrative rule off). Every
timex whose value differs is printed with its DCT, both values and 200 characters of left
context; ``--sample N`` prints only N of them drawn at random (``--seed``), for a hand check.

``--candidates`` instead lists (with the current settings) the bare month-days, months and
weekdays read against the DCT or the reference time that have an explicit date of another year
at most ``NARRATIVE_MAX_SENTENCES`` sentence breaks before them in their paragraph: the
population such a rule can touch (``--sample`` draws from it too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import pickle
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc

from storyline.model import Article, Timex
from storyline.time import settings, tag

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tempeval_news import read_articles  # noqa: E402

_BARE_RE = re.compile(
    r"^(?:(?:on|in|early|mid|late|since)\s+)?(?:\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?|\w+)$",
    re.I,
)
_CALENDAR_VALUE_RE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")
_NAME_RE = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")


def read(paths: list[Path]) -> list[tuple[str, dt.date | None, str]]:
    """(id, DCT, text) of every article: JSONL through ``tempeval_news``, CSV through ingest."""
    articles: list[tuple[str, dt.date | None, str]] = []
    for path in paths:
        if path.suffix == ".csv":
            from storyline.ingest import read_inputs

            for item in read_inputs([str(path)]):
                if isinstance(item, Article):
                    articles.append((f"{path.stem}:{item.id}", item.published, item.text))
        else:
            articles.extend(read_articles(path))
    return articles


def parses(texts: list[str], cache_path: Path | None) -> Iterator[Doc]:
    """spaCy parses of ``texts``, from and into the cache file when given."""
    from storyline import nlp

    cache: dict[str, bytes] = pickle.loads(cache_path.read_bytes()) if cache_path and cache_path.exists() else {}
    size = len(cache)
    pipeline = nlp.load()
    keys = [hashlib.md5(text.encode("utf-8")).hexdigest() for text in texts]
    missing = [text for key, text in zip(keys, texts) if key not in cache]
    for text, doc in zip(missing, nlp.annotate(missing)):
        cache[hashlib.md5(text.encode("utf-8")).hexdigest()] = doc.to_bytes()
    if cache_path is not None and len(cache) != size:
        cache_path.write_bytes(pickle.dumps(cache))
    for key in keys:
        yield Doc(pipeline.vocab).from_bytes(cache[key])


def _context(text: str, timex: Timex, left: int = 200) -> str:
    """The expression in [brackets] with its left context, on one line."""
    return " ".join((text[max(0, timex.start - left) : timex.start] + "[" + timex.text + "]"
                     + text[timex.end : timex.end + 40]).split())


def _with_settings(overrides: dict[str, int], text: str, dct: dt.date | None, doc: Doc) -> list[Timex]:
    """Tag with some settings changed for the call."""
    saved = {name: getattr(settings, name) for name in overrides}
    try:
        for name, value in overrides.items():
            setattr(settings, name, value)
        return tag(text, dct, doc)
    finally:
        for name, value in saved.items():
            setattr(settings, name, value)


def candidates(text: str, dct: dt.date | None, timexes: list[Timex]) -> list[Timex]:
    """Bare dates (no year in them, read against the DCT or the reference time) with an explicit
    date of a year other than the DCT's earlier in their paragraph, at most
    ``settings.NARRATIVE_MAX_SENTENCES`` sentence breaks back."""
    if dct is None:
        return []
    found = []
    for index, timex in enumerate(timexes):
        if timex.type != "DATE" or timex.anchor == "explicit" or not _BARE_RE.match(timex.text):
            continue
        if not _CALENDAR_VALUE_RE.match(timex.value) or not _NAME_RE.search(timex.text):
            continue
        if re.search(r"\b(?:last|next|this|that|previous|following)\b", timex.text, re.I):
            continue
        for earlier in reversed(timexes[:index]):
            gap = text[earlier.end : timex.start]
            if _PARAGRAPH_RE.search(gap) or len(_SENTENCE_BREAK_RE.findall(gap)) > settings.NARRATIVE_MAX_SENTENCES:
                break
            if earlier.anchor == "explicit" and earlier.value[:4].isdigit() and int(earlier.value[:4]) != dct.year:
                found.append(timex)
                break
    return found


def main(argv: list[str] | None = None) -> int:
    """List the changed values (or the candidates)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--candidates", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--off", nargs="*", default=["NARRATIVE_MAX_SENTENCES=0"])
    args = parser.parse_args(argv)
    overrides = {item.split("=")[0]: int(item.split("=")[1]) for item in args.off}
    articles = read(args.files)
    lines: list[str] = []
    total = 0
    for (ident, dct, text), doc in zip(articles, parses([a[2] for a in articles], args.cache)):
        after = tag(text, dct, doc)
        total += len(after)
        if args.candidates:
            lines.extend(f"{ident}\t{dct}\t{t.value}\t{_context(text, t)}" for t in candidates(text, dct, after))
            continue
        before = {(t.start, t.end): t.value for t in _with_settings(overrides, text, dct, doc)}
        for timex in after:
            old = before.get((timex.start, timex.end))
            if old != timex.value:
                lines.append(f"{ident}\t{dct}\t{old} -> {timex.value}\t{_context(text, timex)}")
    shown = random.Random(args.seed).sample(lines, args.sample) if 0 < args.sample < len(lines) else lines
    for number, line in enumerate(shown, 1):
        print(f"{number:3} {line}")
    kind = "candidates" if args.candidates else "changed values"
    print(f"{len(lines)} {kind} among {total} timexes in {len(articles)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
