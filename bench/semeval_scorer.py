"""The SemEval-2015 Task 4 timeline score: TempEval-3 temporal awareness over timeline graphs.

Method (task description, Minard et al. 2015): each timeline becomes a temporal graph whose nodes
are its events and one TIMEX3 per time anchor; every event is SIMULTANEOUS with its anchor, the
events of one position are SIMULTANEOUS, and the events of consecutive positions are in a BEFORE
relation. System and gold graphs are compared with the temporal awareness metric of UzZaman and
Allen (2011), "Temporal evaluation", ACL-HLT (short papers), as implemented in the TempEval-3
scorer (``tools/evaluation-relations/temporal_evaluation.py`` and ``relation_to_timegraph.py``,
UzZaman et al. 2013), ported here for the relations a timeline uses:

- a graph is built by adding its relations in order; a relation already implied by the closure of
  the relations added before it is redundant (left out of the *reduced* graph), one that
  contradicts it is a violation (not added, but still counted, as ``final + violated`` in the
  TE3 code), the others are added;
- precision = system reduced relations that hold in the gold graph (explicitly or by closure) /
  system reduced relations; recall = gold reduced relations that hold in the system graph / gold
  reduced relations; both are micro-averaged over the timelines (sums of counts).

Choices where the task's converter is not available: anchors are compared after dropping
unspecified trailing parts (``2005-XX-XX`` = ``2005``, ``2006-12-XX`` = ``2006-12``); a fully
unknown anchor (``XXXX-XX-XX``) is no TIMEX3 (the task orders some undated events after dated
ones, so one shared "unknown" node would contradict the order); position 0 takes part in the
BEFORE chain like any other position unless ``zero_unordered`` is set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from semeval_corpus import Timeline

BEFORE, AFTER, SIMULTANEOUS = "BEFORE", "AFTER", "SIMULTANEOUS"
Relation = tuple[str, str, str]


def normalise_anchor(anchor: str) -> str | None:
    """``2005-XX-XX`` -> ``2005``; ``2006-12-XX`` -> ``2006-12``; ``XXXX-XX-XX`` -> None."""
    parts = anchor.strip().split("-")
    while parts and set(parts[-1]) <= {"X", "x"}:
        parts.pop()
    return "-".join(parts) if parts else None


def timeline_relations(timeline: Timeline, zero_unordered: bool = False) -> list[Relation]:
    """The timeline as TLINK triples, in the order the graph is built."""
    by_position: dict[int, list[tuple[str, str | None]]] = {}
    for entry in timeline.entries:
        anchor = normalise_anchor(entry.anchor)
        for event in entry.events:
            by_position.setdefault(entry.position, []).append((event, anchor))
    relations: list[Relation] = []
    previous: str | None = None
    for position in sorted(by_position):
        events = by_position[position]
        first = events[0][0]
        for event, anchor in events:
            if anchor is not None:
                relations.append((event, f"t:{anchor}", SIMULTANEOUS))
            if event != first:
                relations.append((first, event, SIMULTANEOUS))
        if zero_unordered and position == 0:
            continue
        if previous is not None:
            relations.append((previous, first, BEFORE))
        previous = first
    return relations


@dataclass
class TimeGraph:
    """Closure over SIMULTANEOUS (equivalence classes) and BEFORE (a DAG of classes)."""

    parent: dict[str, str] = field(default_factory=dict)
    after: dict[str, set[str]] = field(default_factory=dict)  # class -> classes it precedes
    final: list[Relation] = field(default_factory=list)
    violated: list[Relation] = field(default_factory=list)
    explicit: set[Relation] = field(default_factory=set)

    def _find(self, node: str) -> str:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def _ensure(self, node: str) -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.after[node] = set()

    def _precedes(self, a: str, b: str) -> bool:
        """Class ``a`` reaches class ``b`` through BEFORE edges."""
        stack, seen = [a], {a}
        while stack:
            for nxt in self.after[stack.pop()]:
                if nxt == b:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return False

    def holds(self, x: str, y: str, rel: str) -> str:
        """"true" when the closure implies ``x rel y``, "false" when it contradicts it, else "unknown"."""
        if x not in self.parent or y not in self.parent:
            return "unknown"
        cx, cy = self._find(x), self._find(y)
        if rel == AFTER:
            cx, cy, rel = cy, cx, BEFORE
        if rel == SIMULTANEOUS:
            if cx == cy:
                return "true"
            return "false" if self._precedes(cx, cy) or self._precedes(cy, cx) else "unknown"
        if cx == cy or self._precedes(cy, cx):
            return "false"
        return "true" if self._precedes(cx, cy) else "unknown"

    def _add(self, x: str, y: str, rel: str) -> None:
        self._ensure(x)
        self._ensure(y)
        cx, cy = self._find(x), self._find(y)
        if rel == AFTER:
            cx, cy, rel = cy, cx, BEFORE
        if rel == BEFORE:
            self.after[cx].add(cy)
            return
        self.parent[cy] = cx
        self.after[cx] |= self.after.pop(cy)
        for targets in self.after.values():
            if cy in targets:
                targets.discard(cy)
                targets.add(cx)

    def add(self, relation: Relation) -> None:
        """Add one relation the way TE3's timegraph does (redundant / violated / new)."""
        x, y, rel = relation
        self.explicit.add(relation)
        self.explicit.add((y, x, _reverse(rel)))
        state = "false" if x == y and rel != SIMULTANEOUS else self.holds(x, y, rel)
        if state == "false":
            self.violated.append(relation)
        elif state == "unknown":
            self._add(x, y, rel)
            self.final.append(relation)

    def reduced(self) -> list[Relation]:
        """The relations scored: the non-redundant ones plus the violations (as in TE3)."""
        return self.final + self.violated


def _reverse(rel: str) -> str:
    return {BEFORE: AFTER, AFTER: BEFORE}.get(rel, rel)


def build_graph(relations: Iterable[Relation]) -> TimeGraph:
    """A time graph from relations in insertion order; exact duplicates are ignored."""
    graph = TimeGraph()
    seen: set[Relation] = set()
    for relation in relations:
        if relation not in seen:
            seen.add(relation)
            graph.add(relation)
    return graph


def _matched(relations: Sequence[Relation], other: TimeGraph) -> int:
    return sum(1 for r in relations if r in other.explicit or other.holds(*r) == "true")


@dataclass(frozen=True)
class Counts:
    """Temporal awareness counts of one timeline."""

    precision_matched: int
    system_total: int
    recall_matched: int
    gold_total: int


def score_timeline(gold: Timeline | None, system: Timeline | None, zero_unordered: bool = False) -> Counts:
    """Counts for one system timeline against its gold timeline (either may be missing)."""
    gold_graph = build_graph(timeline_relations(gold, zero_unordered) if gold else [])
    system_graph = build_graph(timeline_relations(system, zero_unordered) if system else [])
    gold_reduced, system_reduced = gold_graph.reduced(), system_graph.reduced()
    return Counts(
        precision_matched=_matched(system_reduced, gold_graph),
        system_total=len(system_reduced),
        recall_matched=_matched(gold_reduced, system_graph),
        gold_total=len(gold_reduced),
    )


def prf(counts: Iterable[Counts]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 (percent) over timelines."""
    rows = list(counts)
    pm = sum(c.precision_matched for c in rows)
    st = sum(c.system_total for c in rows)
    rm = sum(c.recall_matched for c in rows)
    gt = sum(c.gold_total for c in rows)
    p = pm / st if st else 0.0
    r = rm / gt if gt else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"micro_p": round(100 * p, 2), "micro_r": round(100 * r, 2), "micro_f1": round(100 * f, 2)}
