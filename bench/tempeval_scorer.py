"""TimeML reading and the TempEval-3 timex metric, ported from the official scorer.

The official scorer (TempEval-3 ``tools/TE3-evaluation.py``, UzZaman et al. 2013) first gives
overlapping gold and system TIMEX3 tags the same id (TimeML-Normalizer), then
``evaluation-entities/evaluate_entities.py`` counts, per id present on both sides, a relaxed match;
a strict match when the tagged texts are identical; and type/value matches among relaxed matches.
The DCT (tid t0) is excluded. Precision divides by system timexes, recall by gold timexes;
attribute F1 = attribute accuracy x relaxed F1. This module reproduces that arithmetic with a
one-to-one overlap matching (earliest-overlapping unmatched system tag, exact spans first).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 of a TimeML file, with offsets into the document's raw text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass(frozen=True)
class TimemlDoc:
    """A TimeML document: raw text of <TEXT>, its DCT and gold timexes."""

    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimemlDoc:
    """Parse one .tml file (TempEval-3 format)."""
    raw = path.read_text(encoding="utf-8")
    dct = _read_dct(raw)
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body_match.group(1) if body_match else ""
    parts: list[str] = []
    offset = 0
    stack: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG_RE.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        parts.append(chunk)
        offset += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            stack.append((offset, dict(_ATTR_RE.findall(attrs))))
        elif stack:
            start, attributes = stack.pop()
            text = "".join(parts)[start:offset]
            timexes.append(
                GoldTimex(start, offset, text, attributes.get("type", ""), attributes.get("value", ""), attributes.get("mod"))
            )
    parts.append(html.unescape(body[position:]))
    return TimemlDoc(path.name, "".join(parts), dct, tuple(sorted(timexes, key=lambda t: t.start)))


def _read_dct(raw: str) -> dt.date | None:
    """The document creation time from <DCT><TIMEX3 value=...>."""
    match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4})-?(\d\d)-?(\d\d)", raw)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


@dataclass
class Counts:
    """The scorer's counters, summed over documents."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_match: int = 0
    value_match: int = 0
    errors: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    error_offsets: list[int] = field(default_factory=list)  # start of each error's span, in order
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, name: str, gold: list[GoldTimex], system: list[GoldTimex]) -> None:
        """Score one document."""
        self.gold += len(gold)
        self.system += len(system)
        pairs = match_pairs(gold, system)
        matched_system = {id(s) for _, s in pairs}
        matched_gold = {id(g) for g, _ in pairs}
        for g, s in pairs:
            self.relaxed += 1
            self.strict += (g.start, g.end) == (s.start, s.end)
            self.type_match += g.type == s.type
            self.value_match += g.value == s.value
            row = self.by_type.setdefault(g.type, _zero_row())
            row["matched"] += 1
            row["value_wrong"] += g.value != s.value
            row["type_wrong"] += g.type != s.type
            row["span_inexact"] += (g.start, g.end) != (s.start, s.end)
            if g.value != s.value:
                self.errors.append(("value", name, g.text, s.text, g.value, s.value))
                self.error_offsets.append(g.start)
            elif (g.start, g.end) != (s.start, s.end):
                self.errors.append(("span", name, g.text, s.text, g.value, s.value))
                self.error_offsets.append(g.start)
        for g in gold:
            self.by_type.setdefault(g.type, _zero_row())["gold"] += 1
            if id(g) not in matched_gold:
                self.by_type[g.type]["missed"] += 1
                self.errors.append(("missed", name, g.text, "", g.value, ""))
                self.error_offsets.append(g.start)
        for s in system:
            self.by_type.setdefault(s.type, _zero_row())["system"] += 1
            if id(s) not in matched_system:
                self.by_type[s.type]["spurious"] += 1
                self.errors.append(("spurious", name, "", s.text, "", s.value))
                self.error_offsets.append(s.start)

    def scores(self) -> dict[str, float]:
        """Percentages as the official scorer prints them."""
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rp = self.relaxed / self.system if self.system else 0.0
        rr = self.relaxed / self.gold if self.gold else 0.0
        relaxed_f1 = f1(rp, rr)
        type_acc = self.type_match / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_match / self.relaxed if self.relaxed else 0.0
        return {
            "strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * f1(sp, sr),
            "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * relaxed_f1,
            "type_acc": 100 * type_acc, "value_acc": 100 * value_acc,
            "type_f1": 100 * type_acc * relaxed_f1, "value_f1": 100 * value_acc * relaxed_f1,
        }


def _zero_row() -> dict[str, int]:
    """A fresh per-type error row."""
    return {"gold": 0, "system": 0, "matched": 0, "missed": 0, "spurious": 0,
            "value_wrong": 0, "type_wrong": 0, "span_inexact": 0}


def match_pairs(gold: list[GoldTimex], system: list[GoldTimex]) -> list[tuple[GoldTimex, GoldTimex]]:
    """One-to-one overlap matching: exact spans first, then earliest overlapping system tag."""
    pairs: list[tuple[GoldTimex, GoldTimex]] = []
    used: set[int] = set()
    pending: list[GoldTimex] = []
    exact = {(s.start, s.end): i for i, s in enumerate(system)}
    for g in gold:
        index = exact.get((g.start, g.end))
        if index is not None and index not in used:
            used.add(index)
            pairs.append((g, system[index]))
        else:
            pending.append(g)
    for g in pending:
        for index, s in enumerate(system):
            if index in used or not (s.start < g.end and g.start < s.end):
                continue
            used.add(index)
            pairs.append((g, s))
            break
    return pairs
