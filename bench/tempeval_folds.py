"""Over-fitting audit for the time rules: per-fold TempEval-3 scores and rule ablations.

Usage:
  python bench/tempeval_folds.py DIR --dump OUT.json [--split tune] [--cache FILE] [--drop NAME,...]
                                 [--set SETTING=VALUE ...]
  python bench/tempeval_folds.py DIR --compare BEFORE.json AFTER.json [--split tune] [--changes]

``--dump`` tags the files of the split with whatever ``storyline`` is importable (run it with
``PYTHONPATH=<old checkout>/src`` to dump an older version) and writes the system timexes per file.
``--drop`` removes recognition or negative rules by name first (an ablation of one rule family);
``--set`` overrides a constant of ``storyline.time.settings`` (a parameter sweep).
``--compare`` scores two dumps against the gold on each fold: the two sub-corpora (TimeBank,
AQUAINT) and five folds by an MD5 hash of the file name, and prints the value-F1 change per fold,
how many documents gained or lost, and (``--changes``) every timex whose outcome changed. A rule
family that generalises helps on most folds; one whose gain comes from a single document fits
that document's quirks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval import list_files, _load_cache  # noqa: E402
from tempeval_scorer import Counts, GoldTimex, TimemlDoc, match_pairs, read_timeml  # noqa: E402

FOLDS = 5


def fold_of(path: Path) -> str:
    """Document fold: one of five by MD5 of the name (independent of the tune/measure split)."""
    return f"f{int(hashlib.md5(path.name.encode()).hexdigest()[8:16], 16) % FOLDS}"


def corpus_of(path: Path) -> str:
    """Sub-corpus of a TBAQ file (its parent folder: TimeBank or AQUAINT)."""
    return path.parent.name


def dump(paths: list[Path], out: Path, cache_path: Path | None, drop: set[str], overrides: dict[str, str]) -> None:
    """Tag every file and write {name: [[start, end, text, type, value], ...]}."""
    from spacy.tokens import Doc

    from storyline import nlp
    from storyline.time import lexicon, recognize, settings
    from storyline.time import tag

    for name, value in overrides.items():
        setattr(settings, name, type(getattr(settings, name))(value))

    if drop:
        kept = tuple(r for r in lexicon.rules() if r.name not in drop)
        kept_negatives = tuple(r for r in lexicon.negative_rules() if r.name not in drop)
        recognize.rules = lambda: kept  # type: ignore[assignment]
        recognize.negative_rules = lambda: kept_negatives  # type: ignore[assignment]
    pipeline = nlp.load()
    cache = _load_cache(cache_path)
    result: dict[str, list[list[object]]] = {}
    for path in paths:
        document = read_timeml(path)
        key = hashlib.md5(document.text.encode()).hexdigest()
        doc = Doc(pipeline.vocab).from_bytes(cache[key]) if key in cache else pipeline(document.text)
        result[path.name] = [[t.start, t.end, t.text, t.type, t.value] for t in tag(document.text, document.dct, doc)]
    out.write_text(json.dumps(result), encoding="utf-8")


def _system(rows: list[list[object]]) -> list[GoldTimex]:
    """Dumped rows back to scorer records."""
    return [GoldTimex(int(s), int(e), str(x), str(t), str(v), None) for s, e, x, t, v in rows]


def _outcomes(gold: list[GoldTimex], system: list[GoldTimex]) -> dict[tuple[int, int], str]:
    """Per gold span: "ok" (value right), "value" (wrong value), "missed"; per spurious span: "spurious"."""
    pairs = match_pairs(gold, system)
    result = {(g.start, g.end): ("ok" if g.value == s.value else f"value:{s.value}") for g, s in pairs}
    matched_gold = {(g.start, g.end) for g, _ in pairs}
    matched_system = {(s.start, s.end) for _, s in pairs}
    result.update({(g.start, g.end): "missed" for g in gold if (g.start, g.end) not in matched_gold})
    result.update({(s.start, s.end): f"spurious:{s.value}" for s in system if (s.start, s.end) not in matched_system})
    return result


def compare(paths: list[Path], before: dict[str, list[list[object]]], after: dict[str, list[list[object]]],
            show_changes: bool) -> None:
    """Print value F1 before/after per fold and the documents that gained or lost."""
    groups: dict[str, list[Path]] = {"all": paths}
    for path in paths:
        groups.setdefault(corpus_of(path), []).append(path)
        groups.setdefault(fold_of(path), []).append(path)
    docs = {p.name: read_timeml(p) for p in paths}
    print(f"{'fold':10}{'files':>6}{'gold':>6}{'before':>9}{'after':>9}{'delta':>8}{'docs+':>7}{'docs-':>7}")
    for name, members in sorted(groups.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        scores = []
        for dumped in (before, after):
            counts = Counts()
            for p in members:
                counts.add(p.name, list(docs[p.name].timexes), _system(dumped.get(p.name, [])))
            scores.append(counts.scores()["value_f1"])
        gained = lost = 0
        for p in members:
            delta = _doc_score(docs[p.name], after.get(p.name, [])) - _doc_score(docs[p.name], before.get(p.name, []))
            gained += delta > 0
            lost += delta < 0
        print(f"{name:10}{len(members):6}{sum(len(docs[p.name].timexes) for p in members):6}"
              f"{scores[0]:9.2f}{scores[1]:9.2f}{scores[1] - scores[0]:+8.2f}{gained:7}{lost:7}")
    if not show_changes:
        return
    print("\nchanged outcomes (file fold | text | gold value | before -> after):")
    for p in paths:
        document = docs[p.name]
        gold_by_span = {(g.start, g.end): g for g in document.timexes}
        old = _outcomes(list(document.timexes), _system(before.get(p.name, [])))
        new = _outcomes(list(document.timexes), _system(after.get(p.name, [])))
        for span in sorted(set(old) | set(new)):
            if old.get(span) == new.get(span):
                continue
            gold = gold_by_span.get(span)
            text = document.text[span[0] : span[1]]
            print(f"{p.name} {fold_of(p)} {corpus_of(p)[:2]} | {text!r} | {gold.value if gold else '-'} | "
                  f"{old.get(span, '-')} -> {new.get(span, '-')}")


def _doc_score(document: TimemlDoc, rows: list[list[object]]) -> int:
    """Value-correct matches minus system errors (wrong value or spurious) in one document."""
    outcomes = _outcomes(list(document.timexes), _system(rows))
    return sum(o == "ok" for o in outcomes.values()) - sum(o.startswith(("value", "spurious")) for o in outcomes.values())


def main(argv: list[str] | None = None) -> int:
    """Dump or compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", choices=("tune", "measure", "all"), default="tune")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--drop", default="", help="comma-separated rule names to remove before tagging")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a constant of storyline.time.settings (a parameter sweep)")
    parser.add_argument("--compare", nargs=2, type=Path)
    parser.add_argument("--changes", action="store_true")
    args = parser.parse_args(argv)
    paths = list_files(args.folder, None, args.split)
    if args.dump:
        overrides = dict(item.split("=", 1) for item in args.set)
        dump(paths, args.dump, args.cache, {n for n in args.drop.split(",") if n}, overrides)
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        compare(paths, before, after, args.changes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
