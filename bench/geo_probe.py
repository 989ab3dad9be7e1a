"""Hand-check sheet for place mentions on unseen news: ``python bench/geo_probe.py SEED``.

Samples ``--fakes`` FA-KES articles and ``--t17`` articles of the T17 ``SyrianCrisis_*`` folders
with ``random.Random(SEED)`` (FA-KES first, then T17), parses them with ``storyline.nlp``, runs
``tag_places`` and prints one line per mention: the text, its resolution (name | country |
admin1 | GeoNames id | kind), the confidence and 40 characters of context either side. Nothing
is scored: the sheet is read by hand (issue 4, round 4). No gold is read.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import random
import sys
from pathlib import Path

from spacy.tokens import Doc

from storyline import nlp
from storyline.geo import tag_places

FAKES = Path("data/sample/fakes/FA-KES-Dataset.csv")
T17 = Path("../shared/data/t17")


def sample(seed: int, n_fakes: int, n_t17: int) -> list[tuple[str, str]]:
    """(id, text) of the sampled articles."""
    rng = random.Random(seed)
    with FAKES.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [("F" + r["unit_id"], r["article_content"]) for r in rng.sample(rows, n_fakes)]
    t17 = []
    for path in sorted(T17.glob("SyrianCrisis_*/articles.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                t17.append((f"{path.parent.name}:{record['id']}", record["text"]))
    return texts + rng.sample(t17, min(n_t17, len(t17)))


def parse(texts: list[str], cache: Path | None) -> list[Doc]:
    """spaCy docs of the texts, kept in ``cache`` (a pickle of ``Doc.to_bytes``) between runs."""
    model = nlp.load()
    stored: dict[str, bytes] = pickle.loads(cache.read_bytes()) if cache and cache.exists() else {}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    todo = [t for t, k in zip(texts, keys) if k not in stored]
    for text, doc in zip(todo, nlp.annotate(todo)):
        stored[hashlib.sha1(text.encode("utf-8")).hexdigest()] = doc.to_bytes()
    if cache and todo:
        cache.write_bytes(pickle.dumps(stored))
    return [Doc(model.vocab).from_bytes(stored[k]) for k in keys]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("--fakes", type=int, default=30)
    parser.add_argument("--t17", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    articles = sample(args.seed, args.fakes, args.t17)
    number = 0
    for (ident, text), doc in zip(articles, parse([t for _, t in articles], args.cache)):
        mentions = tag_places(doc, ident)
        print(f"### {ident} ({len(mentions)} mentions)")
        for m in mentions:
            p = m.place
            where = f"{p.name}|{p.country}|{p.admin1}|{p.geonameid}|{p.kind}" if p else "NONE"
            before = text[max(0, m.start - 40):m.start].replace("\n", " ")
            after = text[m.end:m.end + 30].replace("\n", " ")
            print(f"{number:4d} {m.text!r:28} -> {where:50} c={m.confidence:.2f}  ..{before}[[{m.text}]]{after}..")
            number += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
