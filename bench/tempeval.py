"""TempEval-3 timex benchmark for ``storyline.time.tag``.

Usage: python bench/tempeval.py DIR [--files-from LIST] [--split tune|measure|all] [--no-doc]

Reads every .tml file under DIR (TempEval-3 TimeML: DCT in <DCT>, gold TIMEX3 in <TEXT>), tags the
raw text with the document's DCT (and its spaCy parse unless --no-doc), and scores like the
official TempEval-3 scorer (see bench/tempeval_scorer.py). ``--split`` picks a deterministic part
of the files by an MD5 hash of the file name: "tune" (two thirds) or "measure" (one third).
Prints per-type errors, the 20 most frequent errors and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval_scorer import Counts, GoldTimex, read_timeml  # noqa: E402

from storyline import nlp  # noqa: E402
from storyline.time import tag  # noqa: E402


def split_of(name: str) -> str:
    """Deterministic split of a file name: "measure" for one third of names, else "tune"."""
    return "measure" if int(hashlib.md5(name.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def list_files(folder: Path, files_from: Path | None, split: str) -> list[Path]:
    """The .tml files to score, sorted."""
    if files_from is not None:
        names = [line.strip() for line in files_from.read_text().splitlines() if line.strip()]
        paths = [folder / name if not Path(name).is_absolute() else Path(name) for name in names]
    else:
        paths = sorted(folder.rglob("*.tml"))
    return [p for p in paths if split == "all" or split_of(p.name) == split]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files-from", type=Path, default=None)
    parser.add_argument("--split", choices=("tune", "measure", "all"), default="all")
    parser.add_argument("--no-doc", action="store_true", help="tag without the spaCy parse")
    parser.add_argument("--worst", type=int, default=20)
    args = parser.parse_args(argv)

    paths = list_files(args.folder, args.files_from, args.split)
    counts = Counts()
    spacy_seconds = tag_seconds = 0.0
    words = 0
    pipeline = None if args.no_doc else nlp.load()
    for path in paths:
        document = read_timeml(path)
        doc = None
        if pipeline is not None:
            started = time.perf_counter()
            doc = pipeline(document.text)
            spacy_seconds += time.perf_counter() - started
        words += len(document.text.split())
        started = time.perf_counter()
        found = tag(document.text, document.dct, doc)
        tag_seconds += time.perf_counter() - started
        system = [GoldTimex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in found]
        counts.add(path.name, list(document.timexes), system)

    scores = counts.scores()
    print(f"files {len(paths)}  gold {counts.gold}  system {counts.system}")
    print(f"strict   P {scores['strict_p']:.2f}  R {scores['strict_r']:.2f}  F1 {scores['strict_f1']:.2f}")
    print(f"relaxed  P {scores['relaxed_p']:.2f}  R {scores['relaxed_r']:.2f}  F1 {scores['relaxed_f1']:.2f}")
    print(f"type acc {scores['type_acc']:.2f}  value acc {scores['value_acc']:.2f}  "
          f"type F1 {scores['type_f1']:.2f}  value F1 {scores['value_f1']:.2f}")
    print("\nper type (gold type for matched/missed, system type for spurious):")
    print(f"{'type':10}" + "".join(f"{k:>13}" for k in next(iter(counts.by_type.values()), {}).keys()))
    for kind, row in sorted(counts.by_type.items()):
        print(f"{kind:10}" + "".join(f"{v:>13}" for v in row.values()))
    print(f"\n{args.worst} most frequent errors (kind | gold text -> system text | gold value -> system value):")
    signature = collections.Counter(
        (kind, gold_text.lower(), sys_text.lower(), gold_value, sys_value)
        for kind, _, gold_text, sys_text, gold_value, sys_value in counts.errors
    )
    for (kind, gold_text, sys_text, gold_value, sys_value), n in signature.most_common(args.worst):
        print(f"{n:4}  {kind:8} | {gold_text!r} -> {sys_text!r} | {gold_value} -> {sys_value}")
    if tag_seconds:
        print(f"\nwords {words}; tag {tag_seconds:.2f}s ({words / tag_seconds:,.0f} words/s)"
              + (f"; spaCy {spacy_seconds:.2f}s; tag/spaCy {100 * tag_seconds / spacy_seconds:.1f}%" if spacy_seconds else ""))
    summary = {"files": len(paths), "gold": counts.gold, "system": counts.system, "split": args.split}
    summary.update({k: round(scores[k], 2) for k in ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")})
    summary.update({"words": words, "tag_seconds": round(tag_seconds, 2), "spacy_seconds": round(spacy_seconds, 2)})
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
