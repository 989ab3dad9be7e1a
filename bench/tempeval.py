"""TempEval-3 timex benchmark for ``storyline.time.tag``.

Usage: python bench/tempeval.py DIR [--files-from LIST] [--split tune|measure|all] [--no-doc]
                                  [--cache FILE] [--errors FILE]

Reads every .tml file under DIR (TempEval-3 TimeML: DCT in <DCT>, gold TIMEX3 in <TEXT>), tags the
raw text with the document's DCT (and its spaCy parse unless --no-doc), and scores like the
official TempEval-3 scorer (see bench/tempeval_scorer.py). ``--split`` picks a deterministic part
of the files by an MD5 hash of the file name: "tune" (two thirds) or "measure" (one third).
Prints per-type errors, the 20 most frequent errors and, as the last line, one JSON object.
``--cache FILE`` keeps the spaCy parses between runs (a DocBin keyed by file name and text hash);
``--errors FILE`` writes every error with its context (TSV) for error analysis.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval_scorer import Counts, GoldTimex, read_timeml  # noqa: E402

from spacy.tokens import Doc  # noqa: E402

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
    parser.add_argument("--cache", type=Path, default=None, help="file caching the spaCy parses")
    parser.add_argument("--errors", type=Path, default=None, help="write every error (TSV) here")
    args = parser.parse_args(argv)

    paths = list_files(args.folder, args.files_from, args.split)
    counts = Counts()
    spacy_seconds = tag_seconds = 0.0
    words = 0
    pipeline = None if args.no_doc else nlp.load()
    cache = _load_cache(args.cache) if pipeline is not None else {}
    cache_size = len(cache)
    contexts: dict[str, tuple[str, object]] = {}
    for path in paths:
        document = read_timeml(path)
        contexts[path.name] = (document.text, document.dct)
        doc = None
        if pipeline is not None:
            key = hashlib.md5(document.text.encode()).hexdigest()
            started = time.perf_counter()
            if key in cache:
                doc = Doc(pipeline.vocab).from_bytes(cache[key])
            else:
                doc = pipeline(document.text)
                cache[key] = doc.to_bytes()
            spacy_seconds += time.perf_counter() - started
        words += len(document.text.split())
        started = time.perf_counter()
        found = tag(document.text, document.dct, doc)
        tag_seconds += time.perf_counter() - started
        system = [GoldTimex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in found]
        counts.add(path.name, list(document.timexes), system)

    if args.cache is not None and len(cache) != cache_size:
        args.cache.write_bytes(pickle.dumps(cache))
    if args.errors is not None:
        _write_errors(args.errors, counts, contexts)
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
        timed_spacy = spacy_seconds and cache_size == 0  # cached parses do not time spaCy
        print(f"\nwords {words}; tag {tag_seconds:.2f}s ({words / tag_seconds:,.0f} words/s)"
              + (f"; spaCy {spacy_seconds:.2f}s; tag/spaCy {100 * tag_seconds / spacy_seconds:.1f}%" if timed_spacy else ""))
    summary = {"files": len(paths), "gold": counts.gold, "system": counts.system, "split": args.split}
    summary.update({k: round(scores[k], 2) for k in ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")})
    summary.update({"words": words, "tag_seconds": round(tag_seconds, 2), "spacy_seconds": round(spacy_seconds, 2)})
    print(json.dumps(summary))
    return 0


def _load_cache(path: Path | None) -> dict[str, bytes]:
    """Cached parses (text MD5 -> Doc bytes); empty when there is no cache file."""
    if path is None or not path.exists():
        return {}
    return pickle.loads(path.read_bytes())


def _write_errors(path: Path, counts: Counts, contexts: dict[str, tuple[str, object]]) -> None:
    """One TSV line per error: kind, file, DCT, gold text/value, system text/value, context."""
    lines = ["kind\tfile\tdct\tgold_text\tgold_value\tsys_text\tsys_value\tcontext"]
    for (kind, name, gold_text, sys_text, gold_value, sys_value), at in zip(counts.errors, counts.error_offsets):
        text, dct = contexts[name]
        needle = gold_text or sys_text
        context = " ".join(text[max(0, at - 90) : at + len(needle) + 60].split())
        lines.append("\t".join([kind, name, str(dct), gold_text, gold_value, sys_text, sys_value, context]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
