"""Geoparsing benchmark: ``python bench/geo.py FILE.xml [--mode gold|raw] [--errors N]``.

``gold``: the gold toponym spans are given; scores resolution (% within 161 km, % exact GeoNames
id where the gold has one, AUC of the log error curve, mean/median error in km).
``raw``: from the article text alone; toponym detection precision/recall/F1 (overlap match) and
end-to-end % within 161 km over all gold toponyms (a missed toponym counts as wrong).
``--cache FILE`` keeps the spaCy parses of raw mode between runs (keyed by a hash of each text).
Works on GeoWebNews, LGL and TR-News XML. Prints figures, then one JSON object as its last line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo_data import (  # noqa: E402
    MAX_ERROR_KM,
    NON_NAME_TYPES,
    GoldArticle,
    GoldToponym,
    haversine_km,
    read_articles,
    summarise,
)

from storyline.geo import gazetteer, resolve_spans, tag_places  # noqa: E402
from storyline.model import PlaceMention  # noqa: E402

LOGGER = logging.getLogger(__name__)


def _error(gold: GoldToponym, mention: PlaceMention | None) -> float:
    place = mention.place if mention else None
    if place is None or place.lat is None or place.lon is None:
        return MAX_ERROR_KM
    return haversine_km(gold.lat, gold.lon, place.lat, place.lon)


def _exact(gold: GoldToponym, mention: PlaceMention | None) -> bool:
    return bool(mention and mention.place and mention.place.geonameid == gold.geonameid)


def run_gold(articles: list[GoldArticle], show_errors: int) -> dict:
    """Resolve the gold spans of every article; score."""
    errors: list[float] = []
    exact_hits = exact_total = 0
    worst: list[tuple[float, str, str, str]] = []
    by_type: dict[str, list[float]] = {}
    started = time.perf_counter()
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        mentions = resolve_spans(article.text, spans, article.id)
        for gold, mention in zip(article.toponyms, mentions):
            error = _error(gold, mention)
            errors.append(error)
            by_type.setdefault(gold.type or "all", []).append(error)
            if gold.geonameid is not None:
                exact_total += 1
                exact_hits += _exact(gold, mention)
            if error > 161:
                got = f"{mention.place.name}/{mention.place.country}/{mention.place.kind}/{mention.confidence}" if mention.place else "-"
                worst.append((error, article.id, gold.text, got))
    elapsed = time.perf_counter() - started
    result = summarise(errors, exact_hits, exact_total)
    result["per_s"] = round(len(errors) / elapsed, 1) if elapsed else 0.0
    for kind, errs in sorted(by_type.items()):
        share = 100 * sum(e <= 161 for e in errs) / len(errs)
        print(f"  {kind:24s} n={len(errs):5d} acc161={share:6.2f}")
    for error, ident, text, got in sorted(worst, reverse=True)[:show_errors]:
        print(f"  miss {error:8.0f} km  [{ident}] {text!r} -> {got}")
    return result


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _parses(articles: list[GoldArticle], cache_path: Path | None) -> list:
    """spaCy parses of the articles; with ``cache_path``, kept between runs (keyed by a hash of
    the model name and version and the text)."""
    from spacy.tokens import Doc

    from storyline import nlp

    pipeline = nlp.load()
    cache: dict[str, bytes] = {}
    if cache_path is not None and cache_path.exists():
        cache = pickle.loads(cache_path.read_bytes())
    model = f"{pipeline.meta.get('name')}-{pipeline.meta.get('version')}:"  # new model, new parses
    keys = [hashlib.sha1((model + a.text).encode("utf-8")).hexdigest() for a in articles]
    todo = [i for i, key in enumerate(keys) if key not in cache]
    for i, doc in zip(todo, pipeline.pipe(articles[i].text for i in todo)):
        cache[keys[i]] = doc.to_bytes()
    if cache_path is not None and todo:
        cache_path.write_bytes(pickle.dumps(cache))
    return [Doc(pipeline.vocab).from_bytes(cache[key]) for key in keys]


def run_raw(articles: list[GoldArticle], show_errors: int, cache_path: Path | None = None) -> dict:
    """Tag places in raw text; score detection and end-to-end resolution."""
    errors: list[float] = []
    exact_hits = exact_total = 0
    tp_pred = n_pred = tp_gold = 0
    false_pos: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for article, doc in zip(articles, _parses(articles, cache_path)):
        found = tag_places(doc, article.id)
        scored = [t for t in article.toponyms if t.type not in NON_NAME_TYPES]
        ignored = [t for t in article.toponyms if t.type in NON_NAME_TYPES]
        for mention in found:
            span = (mention.start, mention.end)
            if any(_overlaps(span, (t.start, t.end)) for t in scored):
                tp_pred += 1
                n_pred += 1
            elif not any(_overlaps(span, (t.start, t.end)) for t in ignored):
                n_pred += 1
                false_pos[mention.text] += 1
        for gold in scored:
            hits = [m for m in found if _overlaps((m.start, m.end), (gold.start, gold.end))]
            best = max(hits, key=lambda m: min(m.end, gold.end) - max(m.start, gold.start), default=None)
            tp_gold += best is not None
            if best is None:
                missed[gold.text] += 1
            errors.append(_error(gold, best))
            if gold.geonameid is not None:
                exact_total += 1
                exact_hits += _exact(gold, best)
    result = summarise(errors, exact_hits, exact_total)
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / len(errors) if errors else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result.update(detect_p=round(100 * precision, 2), detect_r=round(100 * recall, 2), detect_f1=round(100 * f1, 2))
    print("  most frequent false positives:", false_pos.most_common(show_errors))
    print("  most frequent misses:", missed.most_common(show_errors))
    return result


def main() -> None:
    """Parse arguments, run the chosen mode, print figures and the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="GeoWebNews / LGL / TR-News XML file")
    parser.add_argument("--mode", choices=("gold", "raw"), default="gold")
    parser.add_argument("--errors", type=int, default=25, help="how many errors to list")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--cache", type=Path, default=None, help="file keeping the spaCy parses (raw mode)")
    args = parser.parse_args()
    started = time.perf_counter()
    gazetteer()
    load_s = time.perf_counter() - started
    articles = read_articles(args.path)
    if args.limit:
        articles = articles[: args.limit]
    print(f"{args.path.name}: {len(articles)} articles, gazetteer loaded in {load_s:.2f} s")
    result = run_gold(articles, args.errors) if args.mode == "gold" else run_raw(articles, args.errors, args.cache)
    result.update(mode=args.mode, articles=len(articles), load_s=round(load_s, 2))
    for key, value in result.items():
        print(f"{key:>10}: {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
